/**
 * Sharing an activity: the card WeChat sends to a chat or shows in 朋友圈 (the page's share hooks),
 * and the address of its poster page (subpackage `share`).
 */
import type { ActivityDetail } from '@api/activity'
import { ACTIVITY_PAGE } from '@contract/share'

export const POSTER_PAGE = '/packages/share/pages/poster/index'

export function posterUrl(activityId: string): string {
  return `${POSTER_PAGE}?id=${encodeURIComponent(activityId)}`
}

/** The card for a chat: the activity's title, its page with its id, its cover when it has one. */
export function shareCard(a: ActivityDetail | null): { title: string; path: string; imageUrl?: string } {
  if (!a) return { title: '青聚 · 青年活动', path: '/pages/index/index' }
  return {
    title: a.title,
    path: `/${ACTIVITY_PAGE}?id=${a.id}`,
    ...(a.coverUrl ? { imageUrl: a.coverUrl } : {}),
  }
}

/** The same for 朋友圈, which opens the page with a query instead of a path. */
export function timelineCard(a: ActivityDetail | null): { title: string; query: string; imageUrl?: string } {
  if (!a) return { title: '青聚 · 青年活动', query: '' }
  return {
    title: a.title,
    query: `id=${a.id}`,
    ...(a.coverUrl ? { imageUrl: a.coverUrl } : {}),
  }
}
