/** Helpers of the editor: pick a place on the map (WeChat), upload a cover. */
import Taro from '@tarojs/taro'
import type { GeoPoint } from '@api/activity'
import { chooseAndUploadImages, type UploadedImage } from '@/features/images/upload'

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

/**
 * Picks one image and uploads it to a name the server gives out for the unit's images (CloudBase
 * storage in WeChat, the local host in H5); null when the person closed the picker.
 */
export async function chooseAndUploadCover(unitId: string): Promise<UploadedImage | null> {
  const [image] = await chooseAndUploadImages(unitId, 1)
  return image ?? null
}
