/**
 * API contract of the `record` cloud function: a person's growth record (成长档案), one timeline
 * built from what the system already knows, and the part of it a unit's organisers may see.
 */
import * as z from 'zod'
import { YEAR } from './common'

/** The kinds of entries on the timeline, in the order the filter shows them. */
export const RECORD_KINDS = ['activity', 'hours', 'certificate', 'rating', 'wish', 'wishClaimed', 'youthGroup'] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

export const RECORD_KIND_NAMES: Record<RecordKind, string> = {
  activity: '参加活动',
  hours: '志愿时长',
  certificate: '志愿服务证明',
  rating: '活动评价',
  wish: '提出点单',
  wishClaimed: '点单被认领',
  youthGroup: '带领社团',
}

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
