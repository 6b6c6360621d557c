/**
 * File storage: CloudBase in the WeChat build (the one place outside `cloud.ts` that touches
 * `Taro.cloud`), the local host's signed upload links in H5. Used only by subpackage pages, so optimizeMainPackage keeps it out of the main package.
 */
import Taro from '@tarojs/taro'

/** Uploads a local temp file to CloudBase storage under `cloudPath`; resolves to its fileID (cloud://…). */
export async function uploadFile(cloudPath: string, filePath: string): Promise<string> {
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath })
  return res.fileID
}

/** Where the server said a private upload goes: its name, and (local host only) the signed PUT link. */
export interface UploadTarget {
  cloudPath: string
  uploadUrl: string | null
}

/**
 * Uploads a picked photo to the private name the server gave out; resolves to its fileID. WeChat: to
 * CloudBase storage (its rule keeps the file private). H5 on the local host: PUT to the signed link,
 * the local stand-in for cloud storage.
 */
export async function uploadPrivate(target: UploadTarget, filePath: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp' || !target.uploadUrl) return uploadFile(target.cloudPath, filePath)
  const photo = await (await fetch(filePath)).blob()
  const res = await fetch(target.uploadUrl, { method: 'PUT', body: photo })
  const answer = (await res.json()) as { ok: boolean; data?: { fileId: string }; message?: string }
  if (!answer.ok || !answer.data) throw new Error(answer.message ?? '照片上传失败，请重试')
  return answer.data.fileId
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
