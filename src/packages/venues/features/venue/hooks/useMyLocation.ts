import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { GeoPoint } from '@api/venue'
import { wgs84ToGcj02 } from '@/utils/geo'

export type LocationState = { phase: 'asking' } | { phase: 'known'; point: GeoPoint } | { phase: 'unknown' }

/** Gives up after this long: a browser may never answer the permission prompt. */
const TIMEOUT_MS = 8000
const WECHAT = process.env.TARO_ENV === 'weapp'

/** The person's position for 附近, asked once; refused or unavailable → unknown (no distances). */
export function useMyLocation(): LocationState {
  const [state, setState] = useState<LocationState>({ phase: 'asking' })
  useEffect(() => {
    let live = true
    const timer = setTimeout(
      () => live && setState((s) => (s.phase === 'asking' ? { phase: 'unknown' } : s)),
      TIMEOUT_MS,
    )
    Promise.resolve()
      // WeChat answers in GCJ-02 itself; a browser (H5) knows only WGS-84, which we shift.
      .then(() => Taro.getLocation({ type: WECHAT ? 'gcj02' : 'wgs84' }))
      .then(
        (res) => {
          const point = { latitude: res.latitude, longitude: res.longitude }
          if (live) setState({ phase: 'known', point: WECHAT ? point : wgs84ToGcj02(point) })
        },
        () => {
          if (live) setState({ phase: 'unknown' })
        },
      )
      .finally(() => clearTimeout(timer))
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [])
  return state
}
