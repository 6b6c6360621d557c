/** WeChat only: pick the venue's place on the map (coordinates in GCJ-02, as venues are stored). */
import Taro from '@tarojs/taro'
import type { GeoPoint } from '@api/venue'

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
