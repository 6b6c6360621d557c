/**
 * Display times in China Standard Time whatever the device or process time zone is.
 *
 * Asia/Shanghai has been a fixed UTC+8 with no daylight saving since 1991. We shift the instant by
 * 8 hours and read it in dayjs's UTC mode, so the device's zone is never consulted:
 * - `dayjs.utc(x).utcOffset(480)` goes through local-time arithmetic and is off by an hour on
 *   the device's own DST change days (seen with TZ=America/Los_Angeles on 2024-03-10);
 * - the `timezone` plugin needs `Intl` time-zone data, which some mini-program JS engines lack.
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const

/**
 * An ISO instant as a Shanghai wall clock: read its fields (year, month, date, day, HH:mm) only;
 * it is not the same instant any more.
 */
export function toShanghai(iso: string | Date): Dayjs {
  return dayjs.utc(dayjs.utc(iso).valueOf() + SHANGHAI_OFFSET_MS)
}

function prefixYear(d: Dayjs, now: Dayjs): string {
  return d.year() === now.year() ? '' : `${d.year()}年`
}

/** "3月10日 周日", with the year when it is not the current one. */
export function formatDay(iso: string | Date, now: Date = new Date()): string {
  const d = toShanghai(iso)
  return `${prefixYear(d, toShanghai(now))}${d.month() + 1}月${d.date()}日 周${WEEKDAYS[d.day()]}`
}

/** "09:00" */
export function formatClock(iso: string | Date): string {
  return toShanghai(iso).format('HH:mm')
}

/** "3月10日 09:00" */
export function formatDateTime(iso: string | Date, now: Date = new Date()): string {
  const d = toShanghai(iso)
  return `${prefixYear(d, toShanghai(now))}${d.month() + 1}月${d.date()}日 ${d.format('HH:mm')}`
}

/**
 * The time of an activity: "3月10日 周日 09:00–11:30" on one day,
 * "3月10日 周日 09:00 – 3月11日 周一 17:00" across days.
 */
export function formatTimeRange(startIso: string, endIso: string, now: Date = new Date()): string {
  const start = toShanghai(startIso)
  const end = toShanghai(endIso)
  if (start.isSame(end, 'day')) {
    return `${formatDay(startIso, now)} ${formatClock(startIso)}–${formatClock(endIso)}`
  }
  return `${formatDay(startIso, now)} ${formatClock(startIso)} – ${formatDay(endIso, now)} ${formatClock(endIso)}`
}

/** A sign-up window: "3月1日 08:00 – 3月9日 18:00". */
export function formatWindow(opensIso: string, closesIso: string, now: Date = new Date()): string {
  return `${formatDateTime(opensIso, now)} – ${formatDateTime(closesIso, now)}`
}
