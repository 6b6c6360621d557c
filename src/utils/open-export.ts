/**
 * Opening an exported .xlsx (annual list, sign-up roster). Used only by subpackage pages, so
 * optimizeMainPackage keeps it out of the main package.
 */
import Taro from '@tarojs/taro'
import { downloadFile } from '@/services/files'

/** What the export actions answer: a CloudBase fileID in WeChat, a /files/... URL in the local host. */
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
  const tempFilePath = await downloadFile(res.fileId)
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
}
