/**
 * Calendar arithmetic in China Standard Time, independent of the server's zone (CloudBase runs
 * in UTC). Asia/Shanghai is a fixed UTC+8 with no daylight saving since 1991.
 */
const OFFSET_MS = 8 * 3600_000

/** [start, end) of a calendar month in Shanghai, as instants. */
export function shanghaiMonthRange(year: number, month: number): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(year, month - 1, 1) - OFFSET_MS),
    end: new Date(Date.UTC(year, month, 1) - OFFSET_MS),
  }
}

/** The Shanghai calendar year and month (1–12) an instant falls in. */
export function shanghaiYearMonth(at: Date): { year: number; month: number } {
  const shifted = new Date(at.getTime() + OFFSET_MS)
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1 }
}
