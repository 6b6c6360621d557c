/**
 * Photos as evidence for a make-up entry (补录): picked on the phone, uploaded to the private names the
 * server gives out for this event (CloudBase storage in WeChat, the local host's signed upload links in
 * H5), and seen afterwards only through short-lived links (`evidencePhotos`).
 */
import Taro from '@tarojs/taro'
import { MAX_EVIDENCE_PHOTOS } from '@contract/files'
import { imageKindOf, pickPhotos } from '@/features/images/upload'
import { uploadPrivate } from '@/services/files'
import { evidencePhotos, evidenceUploads } from './api'

export { MAX_EVIDENCE_PHOTOS }

/** One uploaded photo: its fileID for the make-up, and the phone's own copy to show meanwhile. */
export interface EvidencePhoto {
  fileId: string
  preview: string
}

/** Picks up to `room` photos and uploads them for `activityId`; resolves to them (empty if none picked). */
export async function chooseAndUploadEvidence(activityId: string, room: number): Promise<EvidencePhoto[]> {
  const files = await pickPhotos(room)
  if (!files.length) return []
  const { uploads } = await evidenceUploads(
    activityId,
    files.map((f) => imageKindOf(f.path, f.type)),
  )
  return Promise.all(files.map(async (f, i) => ({ fileId: await uploadPrivate(uploads[i], f.path), preview: f.path })))
}

/** Opens an entry's photos full screen, through links that work for a few minutes. */
export async function previewEvidence(entryId: string): Promise<void> {
  const { urls } = await evidencePhotos(entryId)
  if (urls.length) await Taro.previewImage({ urls, current: urls[0] })
}
