/** Recurring bookings: the same wall-clock time every week for N weeks (Shanghai has no DST, so +7×24 h). */
import { DAY_MS } from './calendar'
import type { Interval } from './hours'

export function weeklyOccurrences(start: Date, end: Date, weeks: number): Interval[] {
  return Array.from({ length: weeks }, (_, i) => ({
    start: new Date(start.getTime() + i * 7 * DAY_MS),
    end: new Date(end.getTime() + i * 7 * DAY_MS),
  }))
}
