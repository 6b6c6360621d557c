/**
 * Shanghai calendar days as instants, whatever the process zone: a day "YYYY-MM-DD" starts at
 * 00:00 Asia/Shanghai (UTC+8, no daylight saving), so every day is exactly 24 hours long.
 */
import { SHANGHAI_OFFSET_MS, shanghaiDay } from '../shanghai-time'

export const MINUTE_MS = 60_000
export const DAY_MS = 24 * 3600_000

/** The instant a Shanghai calendar day starts. */
export function dayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS)
}

/** The Shanghai day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return shanghaiDay(new Date(dayStart(day).getTime() + n * DAY_MS))
}

/** ISO weekday of a Shanghai day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  const js = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return js === 0 ? 7 : js
}

/** The Monday of the Shanghai week `day` falls in. */
export function weekMonday(day: string): string {
  return addDays(day, 1 - isoWeekday(day))
}

/** Minutes since Shanghai midnight of an instant (0–1439). */
export function minuteOfDay(at: Date): number {
  return Math.floor((at.getTime() - dayStart(shanghaiDay(at)).getTime()) / MINUTE_MS)
}

/** "HH:MM" (or "24:00") → minutes since midnight. */
export function parseClock(clock: string): number {
  const [h, m] = clock.split(':').map(Number)
  return h * 60 + m
}

/** Minutes since midnight → "HH:MM". */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** A day is a real calendar date ("2026-02-30" is not). */
export function isRealDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && shanghaiDay(dayStart(day)) === day
}
