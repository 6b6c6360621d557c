/**
 * CloudBase file storage (WeChat build only): the one place outside `cloud.ts` that touches
 * `Taro.cloud`. Used only by subpackage pages, so optimizeMainPackage keeps it out of the main package.
 */
import Taro from '@tarojs/taro'

/** Uploads a local temp file to CloudBase storage under `cloudPath`; resolves to its fileID (cloud://…). */
export async function uploadFile(cloudPath: string, filePath: string): Promise<string> {
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath })
  return res.fileID
}

/** Downloads a CloudBase file; resolves to a local temp file path. */
export async function downloadFile(fileId: string): Promise<string> {
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: fileId })
  return tempFilePath
}

/** Downloads a short-lived link (CloudBase's temporary file URL); resolves to a local temp file path. */
export async function downloadLink(url: string): Promise<string> {
  const res = await Taro.downloadFile({ url })
  if (res.statusCode !== 200) throw new Error('下载链接已失效，请重新导出')
  return res.tempFilePath
}
