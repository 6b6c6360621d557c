/**
 * "Free at …" (空闲时段): whether a venue is open for the whole of a time range, by its weekly hours
 * and exceptions in Asia/Shanghai; the facilities' own bookings are the store's part.
 */
import { shanghaiDay } from '../shanghai-time'
import { DAY_MS } from './calendar'
import { openingIntervals, withinOpening, type HoursException, type WeeklyRange } from './hours'

/** The Shanghai days (inclusive) whose hours and exceptions decide `openThroughout` for [start, end). */
export function hoursDaysFor(start: Date, end: Date): { fromDay: string; toDay: string } {
  return {
    fromDay: shanghaiDay(new Date(start.getTime() - DAY_MS)),
    toDay: shanghaiDay(new Date(end.getTime() + DAY_MS)),
  }
}

/**
 * The venue is open without a break from `start` to `end`: one opening interval holds the range
 * (an evening open across midnight counts as one; a closure or special hours on the day apply).
 */
export function openThroughout(weekly: WeeklyRange[], exceptions: HoursException[], start: Date, end: Date): boolean {
  if (end.getTime() <= start.getTime()) return false
  // A day on each side, so a range that starts or ends near midnight sees the whole evening it belongs to.
  const intervals = openingIntervals(
    weekly,
    exceptions,
    new Date(start.getTime() - DAY_MS),
    new Date(end.getTime() + DAY_MS),
  )
  return withinOpening(intervals, start, end)
}
