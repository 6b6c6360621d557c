import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { GeoPoint } from '@api/venue'

export type LocationState = { phase: 'asking' } | { phase: 'known'; point: GeoPoint } | { phase: 'unknown' }

/** Gives up after this long: a browser may never answer the permission prompt. */
const TIMEOUT_MS = 8000

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
      .then(() => Taro.getLocation({ type: 'gcj02' }))
      .then(
        (res) => {
          if (live) setState({ phase: 'known', point: { latitude: res.latitude, longitude: res.longitude } })
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
