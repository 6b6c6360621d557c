import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { GeoPoint } from '@api/activity'
import { wgs84ToGcj02 } from '@/utils/geo'
import { useActivityListStore } from '../store/activity-list'

const WECHAT = process.env.TARO_ENV === 'weapp'
/** A browser may never answer the permission prompt: give up after this long. */
const TIMEOUT_MS = 8000

export const NO_LOCATION = '未能获取你的位置，无法按距离排序'

/** The phone's position in GCJ-02 (WeChat answers in it; a browser knows only WGS-84, which is shifted). */
async function whereAmI(): Promise<GeoPoint> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS)
  })
  try {
    const res = await Promise.race([Taro.getLocation({ type: WECHAT ? 'gcj02' : 'wgs84' }), timeout])
    const point = { latitude: res.latitude, longitude: res.longitude }
    return WECHAT ? point : wgs84ToGcj02(point)
  } finally {
    clearTimeout(timer)
  }
}

/**
 * 附近 on the home list: turning it on asks for the location (refused or unavailable: a toast, and the
 * list stays as it was); turning it off goes back to start order.
 */
export function useNearby(): { on: boolean; asking: boolean; toggle(): Promise<void> } {
  const on = useActivityListStore((s) => s.near !== null)
  const [asking, setAsking] = useState(false)

  async function toggle() {
    const store = useActivityListStore.getState()
    if (store.near) {
      store.setNear(null)
      return
    }
    if (asking) return
    setAsking(true)
    try {
      const point = await whereAmI()
      useActivityListStore.getState().setNear(point)
    } catch {
      void Taro.showToast({ title: NO_LOCATION, icon: 'none' })
    } finally {
      setAsking(false)
    }
  }

  return { on, asking, toggle }
}
