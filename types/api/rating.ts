/**
 * API contract of the `rating` cloud function: ratings after activities and the district's
 * 青年评议 view. Summaries are anonymous by shape: no user ids, no timestamps, and below
 * RATING_ANONYMITY_MIN ratings nothing but the count.
 */
import * as z from 'zod'
import { RATING_COMMENT_MAX, RATING_TAGS, type RatingTag } from '../contract/rating'
import { text, YEAR } from './common'

export { RATING_ANONYMITY_MIN, RATING_TAG_NAMES, RATING_TAGS, RATING_WINDOW_DAYS } from '../contract/rating'
export type { RatingTag } from '../contract/rating'

export const rateRequest = z.strictObject({
  activityId: z.uuid(),
  stars: z.number().int().min(1).max(5),
  /** Tag codes; repeats count once. */
  tags: z
    .array(z.enum(RATING_TAGS))
    .max(RATING_TAGS.length)
    .default([])
    .transform((tags) => [...new Set(tags)]),
  /** Optional; empty means none. */
  comment: z.union([text(0, RATING_COMMENT_MAX), z.null()]).optional(),
})
export type RateRequest = z.input<typeof rateRequest>

export const eventSummaryRequest = z.strictObject({ activityId: z.uuid() })
export type EventSummaryRequest = z.input<typeof eventSummaryRequest>

export const districtRequest = z.strictObject({
  year: YEAR,
  /** The quarter whose lowest-rated events are listed; default: the current one (Q4 for past years). */
  quarter: z.number().int().min(1).max(4).optional(),
  /** One unit; without it the district admin sees every unit, an organiser their own units. */
  unitId: z.uuid().optional(),
})
export type DistrictRequest = z.input<typeof districtRequest>

export const emptyRequest = z.strictObject({}).optional()

/** A person's own rating of one event. */
export interface MyRating {
  activityId: string
  title: string
  unitName: string
  endAt: string
  stars: number
  tags: RatingTag[]
  comment: string | null
  /** Until when it may be changed (ISO instant); past it, read-only. */
  editableUntil: string
  editable: boolean
}

/** An attended, finished event not yet rated, still inside its window. */
export interface AwaitingRating {
  activityId: string
  title: string
  unitName: string
  endAt: string
  rateUntil: string
}

export interface MyRatings {
  awaiting: AwaitingRating[]
  ratings: MyRating[]
}

/**
 * The aggregate of some ratings. With fewer than RATING_ANONYMITY_MIN ratings only `count` (and the
 * attendance) is given: average, distribution and tags are null.
 */
export interface RatingAggregate {
  count: number
  attended: number
  /** ratings ÷ attended, 0..1; null when nobody attended. */
  responseRate: number | null
  average: number | null
  /** How many gave 1, 2, 3, 4, 5 stars. */
  distribution: number[] | null
}

export interface EventRatingSummary extends RatingAggregate {
  activityId: string
  title: string
  /** The threshold below which nothing but the count is shown. */
  minimum: number
  tags: { tag: RatingTag; count: number }[] | null
  /** Comments without author or time, in an order that tells nothing (by a hash of their text). */
  comments: string[] | null
}

export interface UnitRatingCell extends RatingAggregate {
  unitId: string
  unitName: string
}
export interface CategoryRatingCell extends RatingAggregate {
  category: string
  categoryName: string
}
export interface MonthRatingCell extends RatingAggregate {
  month: number
}
export interface LowRatedEvent {
  activityId: string
  title: string
  unitName: string
  endAt: string
  count: number
  average: number
}

export interface DistrictRatings {
  year: number
  quarter: number
  unitId: string | null
  minimum: number
  total: RatingAggregate
  byUnit: UnitRatingCell[]
  byCategory: CategoryRatingCell[]
  /** Months 1..12 of the year (the trend). */
  byMonth: MonthRatingCell[]
  /** The quarter's lowest-rated events with at least `minimum` ratings, lowest first (at most 10). */
  lowest: LowRatedEvent[]
}

export interface RatingExport {
  fileName: string
  fileId: string
  url: string
}

export interface RatingActions {
  rate: { request: RateRequest; response: MyRating }
  mine: { request: Record<string, never> | undefined; response: MyRatings }
  eventSummary: { request: EventSummaryRequest; response: EventRatingSummary }
  district: { request: DistrictRequest; response: DistrictRatings }
  export: { request: DistrictRequest; response: RatingExport }
  sweep: { request: Record<string, never> | undefined; response: { invited: number } }
}
