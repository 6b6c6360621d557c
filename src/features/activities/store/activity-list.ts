/**
 * Home list state: filters, loaded pages and request status.
 * Kept in a store (not page state) so the list survives a visit to a detail page.
 */
import { create } from 'zustand'
import type { ActivityCard, ActivityListRequest, ActivityStatusFilter, Category, GeoPoint } from '@api/activity'
import type { Unit } from '@api/org'
import { listActivities, listCategories } from '../api'
import { listUnits } from '@/features/org/api'
import { errorMessage } from '@/utils/errors'
import { createLatest } from '@/utils/latest'
import type { YearMonth } from '@/utils/month'

export type HomeStatus = ActivityStatusFilter

/** The filter bar's filters (the category tabs are separate). */
export interface HomeFilters {
  status: HomeStatus
  month: YearMonth | null
  unitId: string | null
  keyword: string
}

export const DEFAULT_FILTERS: HomeFilters = { status: 'active', month: null, unitId: null, keyword: '' }

export function hasFilters(f: HomeFilters): boolean {
  return f.status !== 'active' || f.month !== null || f.unitId !== null || f.keyword.trim() !== ''
}

/** The list request for the current tab and filters (and 附近's point); unset filters are left out. */
export function listRequest(
  category: string | null,
  f: HomeFilters,
  near: GeoPoint | null = null,
): ActivityListRequest {
  const keyword = f.keyword.trim()
  return {
    status: f.status,
    ...(category ? { category } : {}),
    ...(f.month ? { month: { year: f.month.year, month: f.month.month } } : {}),
    ...(f.unitId ? { unitId: f.unitId } : {}),
    ...(keyword ? { keyword } : {}),
    ...(near ? { near: { latitude: near.latitude, longitude: near.longitude } } : {}),
  }
}

export type LoadPhase = 'idle' | 'loading' | 'ready' | 'error'

export interface ActivityListState extends HomeFilters {
  category: string | null
  /** 附近: where the person is (GCJ-02); the list is ordered by distance from here. Null: start order. */
  near: GeoPoint | null
  categories: Category[]
  /** Admitted member units, for the unit filter. */
  units: Unit[]
  items: ActivityCard[]
  nextCursor: string | null
  /** First page of the current filters; 'loading' shows the skeleton. */
  phase: LoadPhase
  error: string | null
  refreshing: boolean
  loadingMore: boolean
  moreError: string | null

  loadCategories(): Promise<void>
  loadUnits(): Promise<void>
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
  /** Orders by distance from `point` (null: back to start order) and reloads from page 1. */
  setNear(point: GeoPoint | null): void
  /** Changes some filters and reloads from page 1. */
  setFilters(patch: Partial<HomeFilters>): void
  clearFilters(): void
  reset(): void
}

const initial = {
  category: null,
  near: null,
  ...DEFAULT_FILTERS,
  categories: [],
  units: [],
  items: [],
  nextCursor: null,
  phase: 'idle' as LoadPhase,
  error: null,
  refreshing: false,
  loadingMore: false,
  moreError: null,
}

// Each first-page request is the newest; answers to superseded requests are dropped
// (e.g. the user switched tabs before the previous tab's page arrived).
const latest = createLatest()

export const useActivityListStore = create<ActivityListState>()((set, get) => {
  async function fetchFirstPage(mode: 'reload' | 'refresh'): Promise<string | null> {
    const isLatest = latest.next()
    const s = get()
    if (mode === 'reload') {
      set({ phase: 'loading', error: null, items: [], nextCursor: null, moreError: null, loadingMore: false })
    } else {
      set({ refreshing: true })
    }
    try {
      const page = await listActivities(listRequest(s.category, s, s.near))
      if (!isLatest()) return null
      set({ items: page.items, nextCursor: page.nextCursor, phase: 'ready', error: null, moreError: null })
      return null
    } catch (err) {
      if (!isLatest()) return null
      if (mode === 'refresh' && get().phase === 'ready') {
        // Keep the list a refresh failed to replace.
        return errorMessage(err)
      }
      set({ phase: 'error', error: errorMessage(err), items: [], nextCursor: null })
      return null
    } finally {
      if (isLatest()) set({ refreshing: false })
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

    async loadUnits() {
      try {
        const res = await listUnits('admitted')
        set({ units: res.items })
      } catch {
        // Not fatal: the unit filter just has nothing to offer.
      }
    },

    async reload() {
      await fetchFirstPage('reload')
    },

    refresh: () => fetchFirstPage('refresh'),

    async loadMore() {
      const s = get()
      const { nextCursor, loadingMore, phase, refreshing } = s
      if (!nextCursor || loadingMore || phase !== 'ready' || refreshing) return
      const isSame = latest.same()
      set({ loadingMore: true, moreError: null })
      try {
        const page = await listActivities({ ...listRequest(s.category, s, s.near), cursor: nextCursor })
        if (!isSame()) return
        // The keyset cursor should not repeat rows; guard anyway so React keys stay unique.
        const seen = new Set(get().items.map((a) => a.id))
        set({
          items: [...get().items, ...page.items.filter((a) => !seen.has(a.id))],
          nextCursor: page.nextCursor,
        })
      } catch (err) {
        if (!isSame()) return
        set({ moreError: errorMessage(err) })
      } finally {
        if (isSame()) set({ loadingMore: false })
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

    setNear(point) {
      if (JSON.stringify(get().near) === JSON.stringify(point)) return
      set({ near: point })
      void get().reload()
    },

    setFilters(patch) {
      const s = get()
      const changed = (Object.keys(patch) as (keyof HomeFilters)[]).some(
        (k) => JSON.stringify(patch[k]) !== JSON.stringify(s[k]),
      )
      if (!changed) return
      set(patch)
      void get().reload()
    },

    clearFilters() {
      if (!hasFilters(get())) return
      set({ ...DEFAULT_FILTERS })
      void get().reload()
    },

    reset() {
      latest.drop()
      set({ ...initial })
    },
  }
})
