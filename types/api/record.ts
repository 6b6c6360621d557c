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
}

export interface GrowthRecord {
  /** The year shown, or null for every year. */
  year: number | null
  kinds: RecordKind[]
  items: RecordItem[]
  summary: RecordSummary
}

export interface RecordActions {
  mine: { request: RecordMineRequest; response: GrowthRecord }
  ofMember: { request: RecordOfMemberRequest; response: GrowthRecord }
}
