/** WeChat-only helpers of the editor: pick a place on the map, upload a cover. */
import Taro from '@tarojs/taro'
import type { GeoPoint } from '@api/activity'
import { uploadFile } from '@/services/files'

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

/** Picks one image and uploads it to CloudBase storage; resolves to the fileID (cloud://…) or null. */
export async function chooseAndUploadCover(unitId: string): Promise<string | null> {
  let path: string
  try {
    const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    path = picked.tempFilePaths[0]
  } catch {
    return null
  }
  if (!path) return null
  const ext = /\.(\w+)$/.exec(path)?.[1] ?? 'jpg'
  return uploadFile(`covers/${unitId}/${Date.now()}.${ext}`, path)
}
