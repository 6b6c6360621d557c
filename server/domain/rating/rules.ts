/**
 * Ratings after activities (青年评议), pure: who may rate and until when, and the anonymous shapes
 * of what organisers and the district see.
 *
 * - A rating is given by a person whose attendance is recorded (registration `attended`: checked in
 *   or marked attended), from the event's end to the end of the 7th Shanghai day after it.
 * - Anonymity: fewer than RATING_ANONYMITY_MIN ratings show only their count; no aggregate ever
 *   carries who rated, when, or in which order.
 */
import type { CategoryRatingCell, LowRatedEvent, MonthRatingCell, RatingAggregate, UnitRatingCell } from '@api/rating'
import { RATING_ANONYMITY_MIN, RATING_WINDOW_DAYS } from '@contract/rating'
import { SHANGHAI_OFFSET_MS, shanghaiYearMonth } from '../shanghai-time'

const DAY_MS = 24 * 3600_000

export type RateFailure = { kind: 'notAttended' } | { kind: 'notEnded' } | { kind: 'ratingClosed' }

/** The end of the rating window: midnight (Shanghai) after the 7th day following the event's end day. */
export function ratingDeadline(endAt: Date): Date {
  const shifted = endAt.getTime() + SHANGHAI_OFFSET_MS
  const dayStart = shifted - (shifted % DAY_MS)
  return new Date(dayStart + (RATING_WINDOW_DAYS + 1) * DAY_MS - SHANGHAI_OFFSET_MS)
}

/** May this person rate (or change their rating of) the event now? */
export function rateFailure(event: { state: string; endAt: Date }, attended: boolean, now: Date): RateFailure | null {
  if (!attended || event.state === 'cancelled' || event.state === 'draft') return { kind: 'notAttended' }
  if (now < event.endAt) return { kind: 'notEnded' }
  if (now >= ratingDeadline(event.endAt)) return { kind: 'ratingClosed' }
  return null
}

/** The counters of some ratings: how many, the sum of stars, and how many gave 1..5 stars. */
export interface RatingCounts {
  ratings: number
  starsSum: number
  starCounts: number[]
  attended: number
}

export const NO_RATINGS: RatingCounts = { ratings: 0, starsSum: 0, starCounts: [0, 0, 0, 0, 0], attended: 0 }

/** True when there are enough ratings to show anything beyond their count. */
export const showsDetail = (count: number) => count >= RATING_ANONYMITY_MIN

const round2 = (n: number) => Math.round(n * 100) / 100

export function addCounts(a: RatingCounts, b: RatingCounts): RatingCounts {
  return {
    ratings: a.ratings + b.ratings,
    starsSum: a.starsSum + b.starsSum,
    starCounts: a.starCounts.map((n, i) => n + (b.starCounts[i] ?? 0)),
    attended: a.attended + b.attended,
  }
}

/** The aggregate shape, with nothing but counts below the threshold. */
export function aggregateOf(c: RatingCounts): RatingAggregate {
  const detail = showsDetail(c.ratings)
  return {
    count: c.ratings,
    attended: c.attended,
    responseRate: c.attended > 0 ? round2(Math.min(1, c.ratings / c.attended)) : null,
    average: detail ? round2(c.starsSum / c.ratings) : null,
    distribution: detail ? [...c.starCounts] : null,
  }
}

/** Tag counts, most used first (ties by code); null below the threshold. */
export function tagCountsOf<T extends string>(count: number, tags: Map<T, number>): { tag: T; count: number }[] | null {
  if (!showsDetail(count)) return null
  return [...tags.entries()]
    .map(([tag, n]) => ({ tag, count: n }))
    .sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1))
}

/** One rated (or not yet rated) event of the district view. */
export interface RatedEvent extends RatingCounts {
  activityId: string
  title: string
  unitId: string
  unitName: string
  category: string
  categoryName: string
  endAt: Date
}

/** The quarter (1–4) of an instant in Shanghai. */
export const quarterOf = (at: Date) => Math.ceil(shanghaiYearMonth(at).month / 3)

/** The quarter the district view lists lowest-rated events for: the asked one, else now's (Q4 for past years). */
export function defaultQuarter(year: number, now: Date): number {
  const current = shanghaiYearMonth(now)
  if (year === current.year) return quarterOf(now)
  return year < current.year ? 4 : 1
}

function groupBy<K>(events: RatedEvent[], key: (e: RatedEvent) => K): Map<K, { first: RatedEvent; c: RatingCounts }> {
  const groups = new Map<K, { first: RatedEvent; c: RatingCounts }>()
  for (const e of events) {
    const k = key(e)
    const g = groups.get(k)
    if (g) g.c = addCounts(g.c, e)
    else groups.set(k, { first: e, c: addCounts(NO_RATINGS, e) })
  }
  return groups
}

/** The district view's breakdowns of a year's events: by unit, category and month, and the quarter's lowest. */
export function districtBreakdown(
  events: RatedEvent[],
  quarter: number,
): {
  total: RatingAggregate
  byUnit: UnitRatingCell[]
  byCategory: CategoryRatingCell[]
  byMonth: MonthRatingCell[]
  lowest: LowRatedEvent[]
} {
  const total = aggregateOf(events.reduce<RatingCounts>((acc, e) => addCounts(acc, e), NO_RATINGS))
  const byUnit = [...groupBy(events, (e) => e.unitId).values()]
    .map(({ first, c }) => ({ unitId: first.unitId, unitName: first.unitName, ...aggregateOf(c) }))
    .sort((a, b) => (a.unitName < b.unitName ? -1 : a.unitName > b.unitName ? 1 : 0))
  const byCategory = [...groupBy(events, (e) => e.category).values()]
    .map(({ first, c }) => ({ category: first.category, categoryName: first.categoryName, ...aggregateOf(c) }))
    .sort((a, b) => (a.category < b.category ? -1 : 1))
  const months = groupBy(events, (e) => shanghaiYearMonth(e.endAt).month)
  const byMonth = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    ...aggregateOf(months.get(i + 1)?.c ?? NO_RATINGS),
  }))
  const lowest = events
    .filter((e) => quarterOf(e.endAt) === quarter && showsDetail(e.ratings))
    .map((e) => ({
      activityId: e.activityId,
      title: e.title,
      unitName: e.unitName,
      endAt: e.endAt.toISOString(),
      count: e.ratings,
      average: round2(e.starsSum / e.ratings),
    }))
    .sort((a, b) => a.average - b.average || b.count - a.count || (a.activityId < b.activityId ? -1 : 1))
    .slice(0, 10)
  return { total, byUnit, byCategory, byMonth, lowest }
}
