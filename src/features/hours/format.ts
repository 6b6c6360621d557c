/**
 * Service hours as people read them, shared by the hours pages (all in subpackages, so
 * optimizeMainPackage keeps this out of the main package). The kind and status lists are copied
 * from types/api/hours.ts, a zod module that must not enter the bundle.
 */
import type { EntryKind, EntryStatus } from '@api/hours'
import { formatDateTime, formatDay, toShanghai } from '@/utils/time'

export const KIND_NAMES: Record<EntryKind, string> = {
  scan: '打卡',
  makeup: '补录',
  reversal: '冲正',
  correction: '更正',
}

export const STATUS_NAMES: Record<EntryStatus, string> = {
  pending: '待确认',
  approved: '已确认',
  declined: '未通过',
}

type TagColor = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'danger'

export interface StatusView {
  key: 'pending' | 'notice' | 'approved' | 'declined'
  text: string
  color: TagColor
}

/**
 * 待确认 / 公示中（至 3月12日 10:00） / 已确认 / 未通过. Entries on public notice are still
 * pending on the server: they carry the end of the notice.
 */
export function statusView(e: { status: EntryStatus; noticeUntil: string | null }, now: Date = new Date()): StatusView {
  if (e.status === 'approved') return { key: 'approved', text: '已确认', color: 'success' }
  if (e.status === 'declined') return { key: 'declined', text: '未通过', color: 'default' }
  if (e.noticeUntil) return { key: 'notice', text: `公示中（至 ${formatDateTime(e.noticeUntil, now)}）`, color: 'info' }
  return { key: 'pending', text: '待确认', color: 'warning' }
}

/** Hours as people write them: 3, 2.5, 0.25 — no floating-point tails. */
export function hoursText(h: number): string {
  return String(Math.round(h * 100) / 100)
}

/** "3月10日 周日" from a Shanghai calendar day "2024-03-10". */
export function dayText(day: string, now: Date = new Date()): string {
  return formatDay(`${day}T12:00:00+08:00`, now)
}

/** "2024年3月10日" from a calendar day "2024-03-10" (certificates: always with the year). */
export function longDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day)
  if (!m) return day
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

/** An instant's Shanghai calendar day as "2024年3月10日". */
export function longDateOf(iso: string): string {
  return longDate(toShanghai(iso).format('YYYY-MM-DD'))
}
