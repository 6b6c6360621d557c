/**
 * Picking photos on the phone and uploading them to the names the server gives out: published images
 * of a unit or the district (org.imageUploads: event covers, venue photos). Used by subpackage pages
 * only, so optimizeMainPackage keeps it out of the main package.
 */
import Taro from '@tarojs/taro'
import { UPLOAD_IMAGE_EXTS, type UploadImageExt } from '@contract/files'
import { callFunction } from '@/services/cloud'
import { uploadPrivate } from '@/services/files'

/** An uploaded photo: its file id to save, and the phone's own copy to show meanwhile. */
export interface UploadedImage {
  fileId: string
  preview: string
}

/** A picked file's kind, from its name or (H5 blob: URLs carry none) its type; the upload host checks the bytes anyway. */
export function imageKindOf(path: string, type?: string): UploadImageExt {
  const ext = (/\.(\w+)$/.exec(path)?.[1] ?? type?.replace(/^image\//, '') ?? '').toLowerCase()
  return (UPLOAD_IMAGE_EXTS as readonly string[]).includes(ext) ? (ext as UploadImageExt) : 'jpg'
}

/** Up to `count` photos from the album or camera; empty when the person closed the picker. */
export async function pickPhotos(count: number): Promise<{ path: string; type?: string }[]> {
  if (count <= 0) return []
  try {
    const picked = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return picked.tempFilePaths.slice(0, count).map((path, i) => ({ path, type: picked.tempFiles?.[i]?.type }))
  } catch {
    return []
  }
}

/** Picks up to `count` photos and uploads them as images of `unitId` (null: the district's). */
export async function chooseAndUploadImages(unitId: string | null, count: number): Promise<UploadedImage[]> {
  const files = await pickPhotos(count)
  if (!files.length) return []
  const { uploads } = await callFunction('org', 'imageUploads', {
    unitId,
    files: files.map((f) => imageKindOf(f.path, f.type)),
  })
  return Promise.all(files.map(async (f, i) => ({ fileId: await uploadPrivate(uploads[i], f.path), preview: f.path })))
}
