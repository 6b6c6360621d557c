/**
 * Opening hours: weekly ranges by ISO weekday plus dated exceptions (closed, or special hours that
 * replace the day's), turned into the instants a venue is open over a period (Asia/Shanghai).
 */
import { shanghaiDay } from '../shanghai-time'
import { MINUTE_MS, addDays, dayStart, isRealDay, isoWeekday } from './calendar'

/** [opens, closes) in minutes since Shanghai midnight; closes may be 1440 (24:00). */
export interface MinuteRange {
  opens: number
  closes: number
}

export interface WeeklyRange extends MinuteRange {
  weekday: number
}

export interface HoursException {
  day: string
  /** Empty: closed all day. */
  ranges: MinuteRange[]
  note: string
}

export interface Interval {
  start: Date
  end: Date
}

export type HoursFailure =
  | { kind: 'hoursOverlap'; weekday: number }
  | { kind: 'hoursEmptyRange' }
  | { kind: 'exceptionOverlap'; day: string }
  | { kind: 'exceptionTwice'; day: string }
  | { kind: 'notADay'; day: string }

function overlapping(ranges: MinuteRange[]): boolean {
  const sorted = [...ranges].sort((a, b) => a.opens - b.opens)
  return sorted.some((r, i) => i > 0 && r.opens < sorted[i - 1].closes)
}

/** Weekly hours and exceptions are well formed: each range non-empty, no two of one day overlapping. */
export function checkHours(weekly: WeeklyRange[], exceptions: HoursException[]): HoursFailure | null {
  const all = [...weekly, ...exceptions.flatMap((e) => e.ranges)]
  if (all.some((r) => r.closes <= r.opens)) return { kind: 'hoursEmptyRange' }
  for (let weekday = 1; weekday <= 7; weekday++) {
    if (overlapping(weekly.filter((r) => r.weekday === weekday))) return { kind: 'hoursOverlap', weekday }
  }
  const notDay = exceptions.find((e) => !isRealDay(e.day))
  if (notDay) return { kind: 'notADay', day: notDay.day }
  const twice = exceptions.find((e, i) => exceptions.findIndex((o) => o.day === e.day) !== i)
  if (twice) return { kind: 'exceptionTwice', day: twice.day }
  const bad = exceptions.find((e) => overlapping(e.ranges))
  return bad ? { kind: 'exceptionOverlap', day: bad.day } : null
}

/** The ranges a venue keeps on one Shanghai day: the exception's if there is one, else the weekday's. */
export function rangesOn(day: string, weekly: WeeklyRange[], exceptions: HoursException[]): MinuteRange[] {
  const exception = exceptions.find((e) => e.day === day)
  const ranges = exception ? exception.ranges : weekly.filter((r) => r.weekday === isoWeekday(day))
  return [...ranges].sort((a, b) => a.opens - b.opens)
}

/**
 * The instants the venue is open within [from, to): one interval per opening range, clipped to the
 * period, with touching intervals merged (open 18:00–24:00 and 00:00–02:00 the next day is one
 * evening across midnight).
 */
export function openingIntervals(
  weekly: WeeklyRange[],
  exceptions: HoursException[],
  from: Date,
  to: Date,
): Interval[] {
  const out: Interval[] = []
  const lastDay = shanghaiDay(new Date(to.getTime() - 1))
  for (let day = shanghaiDay(from); day <= lastDay; day = addDays(day, 1)) {
    const base = dayStart(day).getTime()
    for (const r of rangesOn(day, weekly, exceptions)) {
      const start = Math.max(base + r.opens * MINUTE_MS, from.getTime())
      const end = Math.min(base + r.closes * MINUTE_MS, to.getTime())
      if (end <= start) continue
      const prev = out[out.length - 1]
      if (prev && prev.end.getTime() >= start) {
        if (end > prev.end.getTime()) prev.end = new Date(end)
      } else {
        out.push({ start: new Date(start), end: new Date(end) })
      }
    }
  }
  return out
}

/** Whether [start, end) lies wholly inside one opening interval. */
export function withinOpening(intervals: Interval[], start: Date, end: Date): boolean {
  return intervals.some((i) => i.start.getTime() <= start.getTime() && end.getTime() <= i.end.getTime())
}
