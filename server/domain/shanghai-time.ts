/**
 * Calendar arithmetic in China Standard Time, independent of the server's zone (CloudBase runs
 * in UTC). Asia/Shanghai is a fixed UTC+8 with no daylight saving since 1991.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000

/** [start, end) of a calendar month in Shanghai, as instants. */
export function shanghaiMonthRange(year: number, month: number): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(year, month - 1, 1) - SHANGHAI_OFFSET_MS),
    end: new Date(Date.UTC(year, month, 1) - SHANGHAI_OFFSET_MS),
  }
}

/** The Shanghai calendar year and month (1–12) an instant falls in. */
export function shanghaiYearMonth(at: Date): { year: number; month: number } {
  const shifted = new Date(at.getTime() + SHANGHAI_OFFSET_MS)
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1 }
}

/** The Shanghai calendar day of an instant, YYYY-MM-DD. */
export function shanghaiDay(at: Date): string {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new RangeError('instant must be a valid Date')
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** The Shanghai wall clock of an instant: "09:05". */
export function shanghaiClock(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16)
}

/** The Shanghai wall time of an instant: "2026-11-24 09:05". */
export function shanghaiDateTime(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}
