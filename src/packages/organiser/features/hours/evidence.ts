/**
 * Photos as evidence for a make-up entry (补录): picked on the phone, uploaded to the private names the
 * server gives out for this event (CloudBase storage in WeChat, the local host's signed upload links in
 * H5), and seen afterwards only through short-lived links (`evidencePhotos`).
 */
import Taro from '@tarojs/taro'
import { MAX_EVIDENCE_PHOTOS, UPLOAD_IMAGE_EXTS, type UploadImageExt } from '@contract/files'
import { uploadPrivate } from '@/services/files'
import { evidencePhotos, evidenceUploads } from './api'

export { MAX_EVIDENCE_PHOTOS }

/** One uploaded photo: its fileID for the make-up, and the phone's own copy to show meanwhile. */
export interface EvidencePhoto {
  fileId: string
  preview: string
}

/** The picker's file kind (H5 blob: URLs carry none: the upload host checks the bytes anyway). */
function extOf(path: string, type?: string): UploadImageExt {
  const ext = (/\.(\w+)$/.exec(path)?.[1] ?? type?.replace(/^image\//, '') ?? '').toLowerCase()
  return (UPLOAD_IMAGE_EXTS as readonly string[]).includes(ext) ? (ext as UploadImageExt) : 'jpg'
}

/** Picks up to `room` photos and uploads them for `activityId`; resolves to them (empty if none picked). */
export async function chooseAndUploadEvidence(activityId: string, room: number): Promise<EvidencePhoto[]> {
  if (room <= 0) return []
  let files: { path: string; type?: string }[]
  try {
    const picked = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    files = picked.tempFilePaths.slice(0, room).map((path, i) => ({ path, type: picked.tempFiles?.[i]?.type }))
  } catch {
    return [] // closed the picker
  }
  if (!files.length) return []
  const { uploads } = await evidenceUploads(
    activityId,
    files.map((f) => extOf(f.path, f.type)),
  )
  return Promise.all(files.map(async (f, i) => ({ fileId: await uploadPrivate(uploads[i], f.path), preview: f.path })))
}

/** Opens an entry's photos full screen, through links that work for a few minutes. */
export async function previewEvidence(entryId: string): Promise<void> {
  const { urls } = await evidencePhotos(entryId)
  if (urls.length) await Taro.previewImage({ urls, current: urls[0] })
}
