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
  const tempFilePath = await fetchExport(res)
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
}

/**
 * The temporary link works whatever the storage rule (its domain must be a downloadFile domain of the
 * mini-program); the fileID works only where the storage rule lets this user read the file.
 */
async function fetchExport(res: ExportedFile): Promise<string> {
  if (!res.url) return downloadFile(res.fileId)
  try {
    return await downloadLink(res.url)
  } catch (err) {
    try {
      return await downloadFile(res.fileId)
    } catch {
      throw err
    }
  }
}
