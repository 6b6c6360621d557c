/**
 * Photos as evidence for a make-up entry (补录): picked on the phone and uploaded to CloudBase
 * storage (WeChat only; the local H5 build has no file upload and takes the written note alone).
 */
import Taro from '@tarojs/taro'
import { uploadFile } from '@/services/files'

export const MAX_EVIDENCE_PHOTOS = 6

export const canUploadEvidence = () => process.env.TARO_ENV === 'weapp'

/** Picks up to `room` photos and uploads them; resolves to their fileIDs (empty if none picked). */
export async function chooseAndUploadEvidence(room: number): Promise<string[]> {
  if (room <= 0) return []
  let paths: string[]
  try {
    const picked = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    paths = picked.tempFilePaths
  } catch {
    return [] // closed the picker
  }
  const ids: string[] = []
  for (const [i, path] of paths.slice(0, room).entries()) {
    const ext = /\.(\w+)$/.exec(path)?.[1] ?? 'jpg'
    ids.push(await uploadFile(`evidence/${Date.now()}-${i}.${ext}`, path))
  }
  return ids
}
