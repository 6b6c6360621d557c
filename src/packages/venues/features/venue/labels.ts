/** Chinese wording of venues, facilities' rules, opening hours, distances and booking states. */
import { BOOKING_STATE_NAMES } from '@contract/venue'
import type { Booking, Facility, OpeningRange, VenueDetail } from '@api/venue'

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** "800 米", "1.2 公里". */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.round(meters / 10) * 10} 米`
  return `${(meters / 1000).toFixed(meters < 10_000 ? 1 : 0)} 公里`
}

/** 60 → "1 小时", 90 → "90 分钟". */
export function formatMinutes(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} 小时`
  return `${minutes} 分钟`
}

/** A facility's booking rules as short Chinese lines. */
export function ruleLines(f: Facility): string[] {
  const lines = [
    f.bookers === 'units' ? '成员单位可预订' : '成员单位和登记的青年社团可预订',
    f.needsApproval ? '需场地方审批' : '自动通过，无需审批',
    f.minMinutes === f.maxMinutes
      ? `每次 ${formatMinutes(f.minMinutes)}，按 ${f.slotMinutes} 分钟一个时段`
      : `每次 ${formatMinutes(f.minMinutes)}–${formatMinutes(f.maxMinutes)}，按 ${f.slotMinutes} 分钟一个时段`,
    `可预订 ${f.maxDaysAhead} 天内的时段${f.leadMinutes > 0 ? `，至少提前 ${formatMinutes(f.leadMinutes)}` : ''}`,
    f.cancelHours > 0 ? `开始前 ${f.cancelHours} 小时以前可取消` : '开始前均可取消',
  ]
  if (f.seats) lines.unshift(`可容纳 ${f.seats} 人`)
  return lines
}

const rangesText = (ranges: OpeningRange[]) => ranges.map((r) => `${r.opens}–${r.closes}`).join('、')

/** Weekly hours with equal consecutive weekdays joined: ["周一至周五 18:00–22:00", "周六、周日 09:00–22:00"]. */
export function hoursLines(hours: VenueDetail['hours']): string[] {
  const byDay: string[] = []
  for (let d = 1; d <= 7; d++) {
    const ranges = hours
      .filter((h) => h.weekday === d)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((h) => ({ opens: h.opens, closes: h.closes }))
    byDay[d] = ranges.length > 0 ? rangesText(ranges) : '不开放'
  }
  const lines: string[] = []
  let from = 1
  for (let d = 2; d <= 8; d++) {
    if (d <= 7 && byDay[d] === byDay[from]) continue
    const to = d - 1
    const days =
      to === from
        ? WEEKDAY_NAMES[from]
        : to === from + 1
          ? `${WEEKDAY_NAMES[from]}、${WEEKDAY_NAMES[to]}`
          : `${WEEKDAY_NAMES[from]}至${WEEKDAY_NAMES[to]}`
    lines.push(`${days} ${byDay[from]}`)
    from = d
  }
  return lines
}

/** "2026-12-25" → "12月25日". */
export function monthDay(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`
}

export function exceptionLine(e: VenueDetail['exceptions'][number]): string {
  const what = e.ranges.length === 0 ? '闭馆' : `${rangesText(e.ranges)} 开放`
  return `${monthDay(e.day)} ${what}${e.note ? `（${e.note}）` : ''}`
}

/**
 * A booking's state for people: an approved request that the owner approved reads 已通过, one that
 * needed nobody's approval 已预订.
 */
export function bookingStateName(b: Pick<Booking, 'state' | 'decidedAt' | 'kind'>): string {
  if (b.kind === 'block') return '暂停开放'
  if (b.state === 'approved' && b.decidedAt) return '已通过'
  return BOOKING_STATE_NAMES[b.state]
}

/** Whether the booker may still try to cancel (the server checks the deadline). */
export function cancellable(b: Booking, now: Date): boolean {
  return (b.state === 'pending' || b.state === 'approved') && Date.parse(b.startAt) > now.getTime()
}
