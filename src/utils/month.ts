/**
 * Calendar months as {year, month} (month 1–12), the shape the API uses for month filters.
 * "Now" is read in Asia/Shanghai so a phone in another zone still lands on the district's month.
 */
import { toShanghai } from './time'

export interface YearMonth {
  year: number
  month: number
}

export function currentYearMonth(now: Date = new Date()): YearMonth {
  const d = toShanghai(now)
  return { year: d.year(), month: d.month() + 1 }
}

export function currentYear(now: Date = new Date()): number {
  return currentYearMonth(now).year
}

/** Month arithmetic across year boundaries: addMonths({2024,12}, 1) = {2025,1}. */
export function addMonths(ym: YearMonth, delta: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + delta
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 }
}

/** "2024-03": the value of a Taro date picker with fields="month". */
export function toPickerMonth(ym: YearMonth): string {
  return `${ym.year}-${String(ym.month).padStart(2, '0')}`
}

/** Reads a month picker's value ("2024-03", also "2024-03-15"); null if it is not one. */
export function fromPickerMonth(value: string): YearMonth | null {
  const m = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(value.trim())
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2])
  if (month < 1 || month > 12) return null
  return { year, month }
}

/** "2024年3月" */
export function formatYearMonth(ym: YearMonth): string {
  return `${ym.year}年${ym.month}月`
}
