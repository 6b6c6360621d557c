/**
 * Opening an exported .xlsx (annual list, sign-up roster). Used only by subpackage pages, so
 * optimizeMainPackage keeps it out of the main package.
 */
import Taro from '@tarojs/taro'
import { downloadFile, downloadLink } from '@/services/files'

/**
 * What the export actions answer: the stored file's id, and a short-lived download link (CloudBase's
 * temporary URL in WeChat, a signed /files/... link in the local host). The file itself is private.
 */
export interface ExportedFile {
  fileName: string
  fileId: string
  url: string | null
}

/** Opens an exported list: the WeChat document viewer (with its share menu), or a browser download. */
export async function openExport(res: ExportedFile): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    if (!res.url) throw new Error('导出文件没有下载地址')
    const a = document.createElement('a')
    a.setAttribute('href', res.url)
    a.setAttribute('download', res.fileName)
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  // The temporary link works whatever the storage rule; the fileID only where the file is readable to this user.
  const tempFilePath = res.url ? await downloadLink(res.url) : await downloadFile(res.fileId)
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
}
