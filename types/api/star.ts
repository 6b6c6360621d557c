/**
 * API contract of the `star` cloud function: stars (摘星). The district defines a year's indicators;
 * each person's progress is computed from their records; evidence indicators are met by evidence
 * (a note and up to 6 photos) that a unit organiser approves.
 */
import * as z from 'zod'
import { CATEGORY_CODE } from '../contract/activity'
import { MAX_EVIDENCE_PHOTOS } from '../contract/files'
import { YEAR, text, uploadFiles, type UploadsResponse } from './common'

export const STAR_KINDS = ['hours', 'activities', 'category', 'evidence'] as const
export type StarKind = (typeof STAR_KINDS)[number]
export type StarEvidenceState = 'pending' | 'approved' | 'declined'

export const starYearRequest = z.strictObject({ year: YEAR })
export type StarYearRequest = z.input<typeof starYearRequest>

/** A new indicator (no id) or a change to one; evidence already approved is never touched. */
export const starSaveIndicatorRequest = z.strictObject({
  year: YEAR,
  id: z.uuid().optional(),
  name: text(2, 20).meta({ label: '指标名称' }),
  kind: z.enum(STAR_KINDS),
  /** Hours, or a number of events; evidence indicators take 1. */
  threshold: z.number().positive().max(10000).multipleOf(0.5),
  /** Only for `category`: the categories that count. */
  categories: z.array(z.string().regex(CATEGORY_CODE)).max(10).default([]),
  order: z.number().int().min(0).max(1000).default(0),
  description: text(0, 100).default(''),
})
export type StarSaveIndicatorRequest = z.input<typeof starSaveIndicatorRequest>

export const starRemoveIndicatorRequest = z.strictObject({ indicatorId: z.uuid() })
export type StarRemoveIndicatorRequest = z.input<typeof starRemoveIndicatorRequest>

export const starPublishRequest = z.strictObject({ year: YEAR, published: z.boolean() })
export type StarPublishRequest = z.input<typeof starPublishRequest>

export const starEvidenceUploadsRequest = z.strictObject({ unitId: z.uuid(), files: uploadFiles() })
export type StarEvidenceUploadsRequest = z.input<typeof starEvidenceUploadsRequest>

export const starSubmitEvidenceRequest = z.strictObject({
  indicatorId: z.uuid(),
  unitId: z.uuid(),
  note: text(2, 300),
  /** Photos uploaded to names `evidenceUploads` gave out for this unit (checked by the server). */
  fileIds: z.array(z.string().min(1).max(300)).max(MAX_EVIDENCE_PHOTOS).default([]),
})
export type StarSubmitEvidenceRequest = z.input<typeof starSubmitEvidenceRequest>

export const starReviewListRequest = z.strictObject({
  unitId: z.uuid(),
  state: z.enum(['pending', 'approved', 'declined']).default('pending'),
})
export type StarReviewListRequest = z.input<typeof starReviewListRequest>

export const starReviewRequest = z.discriminatedUnion('decision', [
  z.strictObject({ evidenceId: z.uuid(), decision: z.literal('approve') }),
  z.strictObject({ evidenceId: z.uuid(), decision: z.literal('decline'), reason: text(2, 100) }),
])
export type StarReviewRequest = z.input<typeof starReviewRequest>

export const starEvidencePhotosRequest = z.strictObject({ evidenceId: z.uuid() })
export type StarEvidencePhotosRequest = z.input<typeof starEvidencePhotosRequest>

export interface StarIndicator {
  id: string
  name: string
  kind: StarKind
  threshold: number
  categories: string[]
  order: number
  description: string
}

export interface StarYear {
  year: number
  published: boolean
  indicators: StarIndicator[]
}

export interface StarEvidence {
  id: string
  indicatorId: string
  unitId: string
  unitName: string
  note: string
  photoCount: number
  state: StarEvidenceState
  /** Why it was declined. */
  reason: string | null
  reviewedAt: string | null
  createdAt: string
}

/** One indicator for the person: how far they are (e.g. 6 of 10 小时) and whether it is met. */
export interface StarProgress extends StarIndicator {
  progress: number
  /** 小时 or 次. */
  unit: string
  met: boolean
  /** Evidence indicators: the person's latest submission. */
  evidence: StarEvidence | null
}

export interface MyStars {
  year: number
  published: boolean
  stars: number
  indicators: StarProgress[]
  /** Units the person may submit evidence to: ones they belong to or took part in this year. */
  units: { id: string; name: string }[]
}

export interface ReviewEvidence extends StarEvidence {
  indicatorName: string
  person: { nickname: string; realName: string | null }
  reviewerName: string | null
}

export interface StarActions {
  /** Anyone signed in: their own stars of a year. */
  mine: { request: StarYearRequest; response: MyStars }
  /** District admin: the year's indicators, published or not. */
  indicators: { request: StarYearRequest; response: StarYear }
  saveIndicator: { request: StarSaveIndicatorRequest; response: StarYear }
  removeIndicator: { request: StarRemoveIndicatorRequest; response: StarYear }
  publish: { request: StarPublishRequest; response: StarYear }
  evidenceUploads: { request: StarEvidenceUploadsRequest; response: UploadsResponse }
  submitEvidence: { request: StarSubmitEvidenceRequest; response: StarEvidence }
  /** A unit's organisers (and the district admin): evidence submitted to the unit. */
  reviewList: { request: StarReviewListRequest; response: ReviewEvidence[] }
  review: { request: StarReviewRequest; response: ReviewEvidence }
  /** The person, the unit's organisers, the district admin: short-lived links to the photos. */
  evidencePhotos: { request: StarEvidencePhotosRequest; response: { urls: string[] } }
}
