/**
 * The list's 空闲时段 filter: a Shanghai day (today and the next six) and a start and end on the half
 * hour, turned into the `freeAt` instants the server asks about. No device zone enters: days come from
 * the Shanghai helpers and instants carry +08:00.
 */
import { toShanghai } from '@/utils/time'
import { addDays } from './week'

/** The longest range the server answers (types/api/venue.ts FREE_AT_MAX_HOURS). */
export const FREE_AT_MAX_MINUTES = 12 * 60
export const FREE_AT_DAYS = 7

export interface FreeAtChoice {
  /** Shanghai day "YYYY-MM-DD". */
  day: string
  /** Minutes since Shanghai midnight, on the half hour; end may be 1440 (24:00). */
  start: number
  end: number
}

export const DEFAULT_START = 19 * 60
export const DEFAULT_END = 21 * 60

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** Today and the next six Shanghai days: 今天, 明天, then "周五 11/27". */
export function freeAtDays(now: Date): { day: string; label: string }[] {
  const today = toShanghai(now).format('YYYY-MM-DD')
  return Array.from({ length: FREE_AT_DAYS }, (_, i) => {
    const day = addDays(today, i)
    if (i === 0) return { day, label: '今天' }
    if (i === 1) return { day, label: '明天' }
    const [y, m, d] = day.split('-').map(Number)
    return { day, label: `周${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${m}/${d}` }
  })
}

/** "19:30"; 1440 → "24:00". */
export function clockLabel(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** Starts on the half hour: 00:00 … 23:30. */
export const START_OPTIONS: number[] = Array.from({ length: 48 }, (_, i) => i * 30)

/** Ends for a start: the next half hour up to 12 hours later, never past 24:00. */
export function endOptions(start: number): number[] {
  const out: number[] = []
  for (let m = start + 30; m <= Math.min(start + FREE_AT_MAX_MINUTES, 24 * 60); m += 30) out.push(m)
  return out
}

/** A new start keeps the range's length where it fits before 24:00, else ends at the last end offered. */
export function withStart(choice: FreeAtChoice, start: number): FreeAtChoice {
  const ends = endOptions(start)
  const kept = start + Math.max(30, choice.end - choice.start)
  return { ...choice, start, end: ends.includes(kept) ? kept : ends[ends.length - 1] }
}

const instant = (day: string, minutes: number) =>
  minutes >= 24 * 60
    ? `${addDays(day, 1)}T${clockLabel(minutes - 24 * 60)}:00+08:00`
    : `${day}T${clockLabel(minutes)}:00+08:00`

/** The request's `freeAt`: ISO instants with the Shanghai offset. */
export function freeAtRange(choice: FreeAtChoice): { startAt: string; endAt: string } {
  return { startAt: instant(choice.day, choice.start), endAt: instant(choice.day, choice.end) }
}
