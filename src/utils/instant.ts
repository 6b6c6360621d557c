/**
 * Date + time picker values ↔ ISO instants. Pickers give Shanghai wall-clock strings
 * ("2024-03-10", "09:00"); the API wants instants with an explicit offset. China has no DST,
 * so "+08:00" is always right and the device's own zone never enters the calculation.
 */
import { toShanghai } from './time'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^(\d{2}):(\d{2})$/

function validDate(date: string): boolean {
  const m = DATE.exec(date)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1) return false
  // Day 0 of the next month is the last day of this one (UTC: no zone involved).
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate()
}

function validTime(time: string): boolean {
  const m = TIME.exec(time)
  return !!m && Number(m[1]) < 24 && Number(m[2]) < 60
}

/** ("2024-03-10", "09:00") → "2024-03-10T09:00:00+08:00"; null when either part is missing or invalid. */
export function combineDateTime(date: string, time: string): string | null {
  if (!validDate(date) || !validTime(time)) return null
  return `${date}T${time}:00+08:00`
}

/** An instant as Shanghai picker values: "2024-03-10T01:00:00Z" → {date: "2024-03-10", time: "09:00"}. */
export function splitInstant(iso: string): { date: string; time: string } {
  const d = toShanghai(iso)
  return { date: d.format('YYYY-MM-DD'), time: d.format('HH:mm') }
}

/** Shanghai calendar date of an instant shifted by whole days, as a picker value. */
export function shanghaiDate(now: Date, plusDays = 0): string {
  return toShanghai(new Date(now.getTime() + plusDays * 86_400_000)).format('YYYY-MM-DD')
}

/** Compares two instants; NaN-safe (invalid → false). */
export function isBefore(a: string, b: string): boolean {
  const x = Date.parse(a)
  const y = Date.parse(b)
  return Number.isFinite(x) && Number.isFinite(y) && x < y
}
