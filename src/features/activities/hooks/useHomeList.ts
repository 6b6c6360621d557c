import { useEffect } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useActivityListStore } from '../store/activity-list'

/**
 * Wires the home list store to the page: first load, pull-to-refresh and reaching the bottom.
 * Must be called from a page component (the Taro page hooks need the page context).
 */
export function useHomeList() {
  const store = useActivityListStore()

  useEffect(() => {
    const s = useActivityListStore.getState()
    // Coming back from a detail page keeps the loaded list.
    if (s.phase === 'idle') {
      void s.loadCategories()
      void s.loadUnits()
      void s.reload()
    }
  }, [])

  usePullDownRefresh(() => {
    const s = useActivityListStore.getState()
    void Promise.all([s.loadCategories(), s.refresh()]).then(([, failed]) => {
      Taro.stopPullDownRefresh()
      if (failed) void Taro.showToast({ title: failed, icon: 'none' })
    })
  })

  useReachBottom(() => {
    void useActivityListStore.getState().loadMore()
  })

  return store
}
