/** Helpers of the editor: pick a place on the map (WeChat), upload a cover. */
import Taro from '@tarojs/taro'
import type { GeoPoint } from '@api/activity'
import { UPLOAD_IMAGE_EXTS, type UploadImageExt } from '@contract/files'
import { callFunction } from '@/services/cloud'
import { uploadPrivate } from '@/services/files'

export interface ChosenPlace {
  name: string
  address: string
  location: GeoPoint
}

/** null when the person closed the map without choosing. */
export async function choosePlace(current: GeoPoint | null): Promise<ChosenPlace | null> {
  try {
    const res = await Taro.chooseLocation(current ? { latitude: current.latitude, longitude: current.longitude } : {})
    return { name: res.name, address: res.address, location: { latitude: res.latitude, longitude: res.longitude } }
  } catch {
    return null
  }
}

/** An uploaded cover: its file id to save, and the phone's own copy to show meanwhile. */
export interface UploadedImage {
  fileId: string
  preview: string
}

function extOf(path: string, type?: string): UploadImageExt {
  const ext = (/\.(\w+)$/.exec(path)?.[1] ?? type?.replace(/^image\//, '') ?? '').toLowerCase()
  return (UPLOAD_IMAGE_EXTS as readonly string[]).includes(ext) ? (ext as UploadImageExt) : 'jpg'
}

/**
 * Picks one image and uploads it to a name the server gives out for the unit's images (CloudBase
 * storage in WeChat, the local host in H5); null when the person closed the picker.
 */
export async function chooseAndUploadCover(unitId: string): Promise<UploadedImage | null> {
  let path: string
  let type: string | undefined
  try {
    const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    path = picked.tempFilePaths[0]
    type = picked.tempFiles?.[0]?.type
  } catch {
    return null
  }
  if (!path) return null
  const { uploads } = await callFunction('org', 'imageUploads', { unitId, files: [extOf(path, type)] })
  return { fileId: await uploadPrivate(uploads[0], path), preview: path }
}
