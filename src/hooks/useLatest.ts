import { useMemo, useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import { createLatest, type Latest } from '@/utils/latest'

/**
 * Drops answers that arrive after a newer request: `const isLatest = latest.next()` before the
 * call, `if (!isLatest()) return` after it. `same()` checks without starting a new request (a
 * next page belongs to the current list); `drop()` makes every answer in flight stale.
 */
export function useLatest(): Latest {
  return useMemo(createLatest, [])
}

/**
 * Calls `reload` each time the page is shown again (back from another page, back from the
 * background), not on its first show: the page loads itself when it mounts.
 */
export function useReloadOnShow(reload: () => unknown): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
}
