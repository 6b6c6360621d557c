/**
 * API contract of the `record` cloud function: a person's growth record (成长档案), one timeline
 * built from what the system already knows, and the part of it a unit's organisers may see.
 */
import * as z from 'zod'
import { RECORD_KINDS, type RecordKind } from '../contract/record'
import { YEAR } from './common'

export { RECORD_KIND_NAMES, RECORD_KINDS } from '../contract/record'
export type { RecordKind } from '../contract/record'

export const recordMineRequest = z
  .strictObject({
    /** A Shanghai calendar year; without it, every year. */
    year: YEAR.optional(),
    /** Only these kinds; without it (or empty), every kind. */
    kinds: z
      .array(z.enum(RECORD_KINDS))
      .max(RECORD_KINDS.length)
      .optional()
      .transform((kinds) => (kinds?.length ? [...new Set(kinds)] : [...RECORD_KINDS])),
  })
  .optional()
  .transform((input) => input ?? { year: undefined, kinds: [...RECORD_KINDS] })
export type RecordMineRequest = z.input<typeof recordMineRequest>

export const recordOfMemberRequest = z.strictObject({
  unitId: z.uuid(),
  userId: z.uuid(),
  year: YEAR.optional(),
})
export type RecordOfMemberRequest = z.input<typeof recordOfMemberRequest>

/** record.summary takes nothing (or `{}`). */
export const recordSummaryRequest = z.strictObject({}).optional()
export type RecordSummaryRequest = z.input<typeof recordSummaryRequest>

/** One entry on the timeline. */
export interface RecordItem {
  kind: RecordKind
  /** When it happened (ISO instant); the timeline is newest first. */
  at: string
  title: string
  /** The unit, group or other context, in words. */
  detail: string
  activityId: string | null
  /** Approved hours (kind 'hours' and 'certificate'), else null. */
  hours: number | null
  /** Stars given (kind 'rating'), else null. */
  stars: number | null
}

export interface RecordSummary {
  activities: number
  hours: number
  certificates: number
  ratings: number
  wishes: number
  wishesClaimed: number
  youthGroups: number
  /** Approved honours (kind 'honour'). */
  honours: number
}

/** A year's stars, read from the star service when asked (never stored). */
export interface RecordStars {
  year: number
  /** Whether the district has published that year's indicators. */
  published: boolean
  /** Indicators met. */
  earned: number
  /** Published indicators. */
  of: number
  /** The names of the indicators met, in the district's order. */
  met: string[]
}

export interface GrowthRecord {
  /** The year shown, or null for every year. */
  year: number | null
  kinds: RecordKind[]
  items: RecordItem[]
  summary: RecordSummary
  /** The person's own stars of the year shown (this year when every year is shown); null for a unit's view. */
  stars: RecordStars | null
}

/** 我的 leads with the person: the few numbers of record.summary. */
export interface PersonSummary {
  /** The Shanghai year of "this year". */
  year: number
  /** Approved volunteer hours, all time. */
  totalHours: number
  /** This year's stars. */
  stars: RecordStars
  /** Events attended this year. */
  activities: number
  /** The next event signed up for (not over yet), or null. */
  next: { activityId: string; title: string; startAt: string; placeName: string } | null
  /** Approved honours, all time. */
  honours: number
}

export interface RecordActions {
  mine: { request: RecordMineRequest; response: GrowthRecord }
  ofMember: { request: RecordOfMemberRequest; response: GrowthRecord }
  summary: { request: RecordSummaryRequest; response: PersonSummary }
}
