/**
 * Service hours (志愿服务时长) from check-in/check-out scans, as pure functions over instants.
 *
 * Days are Shanghai calendar days: Asia/Shanghai is a fixed UTC+8 with no daylight saving since
 * 1991, so a day is computed by shifting the instant 8 h and reading the UTC calendar; the
 * process time zone is never consulted (CloudBase runs in UTC, developers' laptops do not).
 *
 * The schedule is an explicit list of spans (usually one per day: a Saturday-and-Sunday planting
 * 09:00–17:00 is two spans, not one 32-hour span; `dailySpans` derives them from an event's
 * start and end). Spans are merged where they overlap or touch and split at Shanghai midnight;
 * every Shanghai day with scheduled time gets one result, in order.
 *
 * Rules:
 * - Credit is presence (check-in → check-out) clipped to the schedule: early arrival earns
 *   nothing, late arrival counts from arrival, staying past the end counts to the end.
 * - Scans pair up in time order. A pair never bridges a Shanghai midnight that is outside the
 *   schedule (it may cross midnight during an overnight event): a check-in on Saturday and a
 *   check-out on Sunday are a missing check-out plus a stray check-out, not 32 hours.
 * - A second check-in while one is open in the same stretch is a repeated scan: the first
 *   counts (flag 'repeated_check_in').
 * - At most `maxPairsPerDay` (3) pairs per person and Shanghai day (of the check-in); later ones
 *   are ignored (flag 'extra_pairs_ignored').
 * - A check-out with no open check-in is ignored (flag 'check_out_without_check_in').
 * - A check-in never closed is closed at the end of its stretch of schedule; every day where
 *   that adds presence is 'needs_review' with 0 hours (flag 'missing_check_out'), and
 *   presentMinutes shows what confirming would credit. An organiser confirms by adding the
 *   check-out as a scan. A dangling check-in that could credit nothing is only flagged.
 * - Hours count only if presence reaches `minShare` (0.6) of the day's scheduled time
 *   (exactly 60% passes), and are rounded down to `stepHours` (0.5 h).
 * - If the category awards no hours, presence is still reported, hours are 0.
 * Status precedence: needs_review, participation_only, below_minimum, ok.
 */

import { SHANGHAI_OFFSET_MS as OFFSET_MS, shanghaiDay } from '../shanghai-time'

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000
const HOUR_MS = 3600_000

export interface Span {
  start: Date
  end: Date
}

export interface Scan {
  kind: 'in' | 'out'
  at: Date
}

export interface HoursInput {
  schedule: Span[]
  scans: Scan[]
  /** From the category: 植树/公益林 and 志愿服务 award hours, a reading club does not. */
  awardsHours: boolean
  /** Share of the day's scheduled time to attend for any hours that day; default 0.6. */
  minShare?: number
  /** Hours are rounded down to a multiple of this; default 0.5. */
  stepHours?: number
  /** Default 3. */
  maxPairsPerDay?: number
}

// Day statuses and flags are part of the API contract, defined once for the server and the pages.
export { HOURS_FLAGS, type DayStatus, type HoursFlag } from '@contract/hours'
import type { DayStatus, HoursFlag } from '@contract/hours'

export interface DayHours {
  /** Shanghai calendar day, YYYY-MM-DD. */
  day: string
  scheduledMinutes: number
  /** Presence within the schedule, whole minutes rounded down. */
  presentMinutes: number
  hours: number
  status: DayStatus
  flags: HoursFlag[]
}

interface Interval {
  s: number
  e: number
}

/** The instant Shanghai midnight starts the day `ms` falls in. */
function dayStartMs(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS
}

/**
 * Daily spans of an event stored as one start and end. On one Shanghai day: that span.
 * Across days, with the end's time of day after the start's (Sat 09:00 → Sun 17:00): the same
 * hours each day, 09:00–17:00 on Saturday and on Sunday. Otherwise (an overnight event,
 * Sat 20:00 → Sun 02:00): one continuous span.
 */
export function dailySpans(startAt: Date, endAt: Date): Span[] {
  const s = validMs(startAt, 'startAt')
  const e = validMs(endAt, 'endAt')
  if (e <= s) throw new RangeError('endAt must be after startAt')
  const firstDay = dayStartMs(s)
  const lastDay = dayStartMs(e - 1)
  const startOfDay = s - firstDay
  const endOfDay = e - dayStartMs(e)
  if (firstDay === lastDay || endOfDay <= startOfDay) return [{ start: new Date(s), end: new Date(e) }]
  const spans: Span[] = []
  for (let d = firstDay; d <= lastDay; d += DAY_MS)
    spans.push({ start: new Date(d + startOfDay), end: new Date(d + endOfDay) })
  return spans
}

export function serviceHours(input: HoursInput): DayHours[] {
  const minShare = input.minShare ?? 0.6
  const stepHours = input.stepHours ?? 0.5
  const maxPairs = input.maxPairsPerDay ?? 3
  if (!(minShare >= 0 && minShare <= 1)) throw new RangeError('minShare must be within 0..1')
  if (!(stepHours > 0)) throw new RangeError('stepHours must be positive')
  if (!Number.isInteger(maxPairs) || maxPairs < 1) throw new RangeError('maxPairsPerDay must be a positive integer')

  const merged = mergeSpans(input.schedule)
  const days = splitByDay(merged)
  const flags = new Map<string, Set<HoursFlag>>()
  const flag = (ms: number, f: HoursFlag) => {
    const day = shanghaiDay(new Date(ms))
    if (days.has(day)) flags.set(day, (flags.get(day) ?? new Set<HoursFlag>()).add(f))
  }

  // A Shanghai midnight inside scheduled time (an overnight event) does not end a stretch.
  const scheduledAt = (ms: number) => merged.some((m) => m.s < ms && ms < m.e)
  const sameStretch = (a: number, b: number) => {
    for (let midnight = dayStartMs(a) + DAY_MS; midnight < b; midnight += DAY_MS)
      if (!scheduledAt(midnight)) return false
    return true
  }

  // Pair scans in time order; `out: null` is a check-in never closed.
  const scans = input.scans
    .map((scan, i) => ({ kind: scan.kind, ms: validMs(scan.at, `scans[${i}].at`) }))
    .sort((x, y) => x.ms - y.ms) // stable: same-instant scans keep their given order
  const pairs: { in: number; out: number | null }[] = []
  let open: number | null = null
  for (const scan of scans) {
    if (scan.kind === 'in') {
      if (open !== null && sameStretch(open, scan.ms)) {
        flag(scan.ms, 'repeated_check_in')
        continue
      }
      if (open !== null) pairs.push({ in: open, out: null })
      open = scan.ms
    } else if (open !== null && sameStretch(open, scan.ms)) {
      pairs.push({ in: open, out: scan.ms })
      open = null
    } else {
      if (open !== null) pairs.push({ in: open, out: null })
      open = null
      flag(scan.ms, 'check_out_without_check_in')
    }
  }
  if (open !== null) pairs.push({ in: open, out: null })

  // An open check-in runs to the end of the last scheduled span still in its stretch.
  const closeOf = (checkIn: number) => {
    let close = checkIn
    for (const m of merged) {
      if (m.e <= checkIn) continue
      if (!sameStretch(checkIn, m.e)) break
      close = m.e
    }
    return close
  }

  const present = new Map<string, number>()
  const review = new Set<string>()
  const pairsPerDay = new Map<string, number>()
  for (const pair of pairs) {
    const day = shanghaiDay(new Date(pair.in))
    const n = (pairsPerDay.get(day) ?? 0) + 1
    pairsPerDay.set(day, n)
    if (n > maxPairs) {
      flag(pair.in, 'extra_pairs_ignored')
      continue
    }
    const stay = { s: pair.in, e: pair.out ?? closeOf(pair.in) }
    for (const [d, pieces] of days) {
      const overlap = pieces.reduce((sum, p) => sum + Math.max(0, Math.min(p.e, stay.e) - Math.max(p.s, stay.s)), 0)
      if (overlap > 0) present.set(d, (present.get(d) ?? 0) + overlap)
      if (pair.out === null && overlap > 0) review.add(d)
    }
    // A dangling check-in that could credit nothing (e.g. after the end) needs no review, only a note.
    if (pair.out === null) flag(pair.in, 'missing_check_out')
  }

  const stepMs = Math.round(stepHours * HOUR_MS)
  return [...days.keys()].sort().map((day) => {
    const scheduledMs = days.get(day)!.reduce((sum, p) => sum + p.e - p.s, 0)
    const presentMs = present.get(day) ?? 0
    const dayFlags = new Set(flags.get(day))
    let status: DayStatus
    if (review.has(day)) {
      status = 'needs_review'
      dayFlags.add('missing_check_out')
    } else if (!input.awardsHours) status = 'participation_only'
    // Instants are whole milliseconds, so half a millisecond absorbs 0.6's binary rounding.
    else if (presentMs < minShare * scheduledMs - 0.5) status = 'below_minimum'
    else status = 'ok'
    const hours = status === 'ok' ? (Math.floor(presentMs / stepMs) * stepMs) / HOUR_MS : 0
    return {
      day,
      scheduledMinutes: Math.floor(scheduledMs / MINUTE_MS),
      presentMinutes: Math.floor(presentMs / MINUTE_MS),
      hours,
      status,
      flags: [...dayFlags].sort(),
    }
  })
}

function mergeSpans(spans: Span[]): Interval[] {
  const sorted = spans
    .map((span, i) => {
      const s = validMs(span.start, `schedule[${i}].start`)
      const e = validMs(span.end, `schedule[${i}].end`)
      if (e <= s) throw new RangeError(`schedule[${i}] must end after it starts`)
      return { s, e }
    })
    .sort((a, b) => a.s - b.s)
  const merged: Interval[] = []
  for (const span of sorted) {
    const last = merged[merged.length - 1]
    if (last && span.s <= last.e) last.e = Math.max(last.e, span.e)
    else merged.push({ ...span })
  }
  return merged
}

/** Scheduled pieces per Shanghai day. */
function splitByDay(merged: Interval[]): Map<string, Interval[]> {
  const days = new Map<string, Interval[]>()
  for (const m of merged) {
    for (let s = m.s; s < m.e;) {
      const e = Math.min(m.e, dayStartMs(s) + DAY_MS)
      const day = shanghaiDay(new Date(s))
      days.set(day, [...(days.get(day) ?? []), { s, e }])
      s = e
    }
  }
  return days
}

function validMs(at: Date, what: string): number {
  const ms = at instanceof Date ? at.getTime() : NaN
  if (!Number.isFinite(ms)) throw new TypeError(`${what} must be a valid Date`)
  return ms
}

/**
 * The Shanghai days an event is scheduled on and its scheduled minutes on each: the days the
 * hour rules credit (one result per day with scheduled time), with no scans.
 */
export function scheduledDays(startAt: Date, endAt: Date): { day: string; minutes: number }[] {
  return serviceHours({ schedule: dailySpans(startAt, endAt), scans: [], awardsHours: false }).map((d) => ({
    day: d.day,
    minutes: d.scheduledMinutes,
  }))
}

/** The event's scheduled hours over all its days: the cap of any one person's hours. */
export function scheduledHours(startAt: Date, endAt: Date): number {
  return scheduledDays(startAt, endAt).reduce((sum, d) => sum + d.minutes, 0) / 60
}
