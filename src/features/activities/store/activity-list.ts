/**
 * Home list state: filters, loaded pages and request status.
 * Kept in a store (not page state) so the list survives a visit to a detail page.
 */
import { create } from 'zustand'
import type { ActivityCard, Category } from '@api/activity'
import { listActivities, listCategories } from '../api/activities'
import { errorMessage } from '@/utils/errors'

/** The two lists the home page offers; the API has more filters. */
export type HomeStatus = 'active' | 'finished'

export type LoadPhase = 'idle' | 'loading' | 'ready' | 'error'

export interface ActivityListState {
  category: string | null
  status: HomeStatus
  categories: Category[]
  items: ActivityCard[]
  nextCursor: string | null
  /** First page of the current filters; 'loading' shows the skeleton. */
  phase: LoadPhase
  error: string | null
  refreshing: boolean
  loadingMore: boolean
  moreError: string | null

  loadCategories(): Promise<void>
  /** Load the first page, replacing the list (skeleton while empty). */
  reload(): Promise<void>
  /**
   * Pull-to-refresh: reload the first page while the current list stays on screen.
   * Resolves to an error message when it failed but the old list was kept (show a toast).
   */
  refresh(): Promise<string | null>
  loadMore(): Promise<void>
  setCategory(code: string | null): void
  setStatus(status: HomeStatus): void
  reset(): void
}

const initial = {
  category: null,
  status: 'active' as HomeStatus,
  categories: [],
  items: [],
  nextCursor: null,
  phase: 'idle' as LoadPhase,
  error: null,
  refreshing: false,
  loadingMore: false,
  moreError: null,
}

// Each first-page request gets a number; answers to superseded requests are dropped
// (e.g. the user switched tabs before the previous tab's page arrived).
let seq = 0

export const useActivityListStore = create<ActivityListState>()((set, get) => {
  async function fetchFirstPage(mode: 'reload' | 'refresh'): Promise<string | null> {
    const mine = ++seq
    const { category, status } = get()
    if (mode === 'reload') {
      set({ phase: 'loading', error: null, items: [], nextCursor: null, moreError: null, loadingMore: false })
    } else {
      set({ refreshing: true })
    }
    try {
      const page = await listActivities({ status, ...(category ? { category } : {}) })
      if (mine !== seq) return null
      set({ items: page.items, nextCursor: page.nextCursor, phase: 'ready', error: null, moreError: null })
      return null
    } catch (err) {
      if (mine !== seq) return null
      if (mode === 'refresh' && get().phase === 'ready') {
        // Keep the list a refresh failed to replace.
        return errorMessage(err)
      }
      set({ phase: 'error', error: errorMessage(err), items: [], nextCursor: null })
      return null
    } finally {
      if (mine === seq) set({ refreshing: false })
    }
  }

  return {
    ...initial,

    async loadCategories() {
      try {
        const res = await listCategories()
        set({ categories: res.items })
      } catch {
        // Not fatal: the 全部 tab still works.
      }
    },

    async reload() {
      await fetchFirstPage('reload')
    },

    refresh: () => fetchFirstPage('refresh'),

    async loadMore() {
      const { nextCursor, loadingMore, phase, refreshing, category, status } = get()
      if (!nextCursor || loadingMore || phase !== 'ready' || refreshing) return
      const mine = seq
      set({ loadingMore: true, moreError: null })
      try {
        const page = await listActivities({ status, cursor: nextCursor, ...(category ? { category } : {}) })
        if (mine !== seq) return
        // The keyset cursor should not repeat rows; guard anyway so React keys stay unique.
        const seen = new Set(get().items.map((a) => a.id))
        set({
          items: [...get().items, ...page.items.filter((a) => !seen.has(a.id))],
          nextCursor: page.nextCursor,
        })
      } catch (err) {
        if (mine !== seq) return
        set({ moreError: errorMessage(err) })
      } finally {
        if (mine === seq) set({ loadingMore: false })
      }
    },

    setCategory(code) {
      if (get().category === code) return
      set({ category: code })
      void get().reload()
    },

    setStatus(status) {
      if (get().status === status) return
      set({ status })
      void get().reload()
    },

    reset() {
      seq++
      set({ ...initial })
    },
  }
})
