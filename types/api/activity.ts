/**
 * API contract of the `activity` cloud function.
 * Request schemas are the single source of truth: the function validates with them and the
 * pages import only the inferred types (`import type`), so zod never reaches the mini-program bundle.
 */
import * as z from 'zod'
import { MONTH, YEAR, instant, text } from './common'

import {
  ACTIVITY_STATUS_FILTERS,
  CATEGORY_CODE,
  DISTRICT_ID,
  EVENT_STATES,
  type ActivityPhase,
  type EventState,
} from '../contract/activity'

// Runtime constants live in a zod-free module pages may import; re-exported for existing imports.
export {
  ACTIVITY_PHASES,
  ACTIVITY_STATUS_FILTERS,
  CATEGORY_CODE,
  DISTRICT_ID,
  EVENT_STATES,
  type ActivityPhase,
  type ActivityStatusFilter,
  type EventState,
} from '../contract/activity'

export const activityListRequest = z.strictObject({
  district: z.string().regex(DISTRICT_ID).optional(),
  category: z.string().regex(CATEGORY_CODE).optional(),
  status: z.enum(ACTIVITY_STATUS_FILTERS).default('active'),
  /** Activities starting in this calendar month (Asia/Shanghai). */
  month: z.strictObject({ year: YEAR, month: MONTH }).meta({ label: '活动时间' }).optional(),
  unitId: z.uuid().optional(),
  /** Matched against title, place and unit name; 1–20 characters. */
  keyword: z.string().trim().min(1).max(20).optional(),
  /**
   * 附近: order by distance from here (GCJ-02, as the phone's location gives it), nearest first; events
   * without a location follow. Each card then carries its distance.
   */
  near: z
    .strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .meta({ label: '我的位置' })
    .optional(),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
})
export type ActivityListRequest = z.input<typeof activityListRequest>

export const activityGetRequest = z.strictObject({
  id: z.uuid().meta({ label: '活动' }),
})
export type ActivityGetRequest = z.input<typeof activityGetRequest>

export const categoryListRequest = z.strictObject({}).optional()

export interface Category {
  code: string
  name: string
  /** Whether taking part earns volunteer service hours (志愿服务时长). */
  awardsServiceHours: boolean
}

export interface UnitSummary {
  id: string
  name: string
}

/** One card on the home list. Times are ISO 8601 instants; pages format them in Asia/Shanghai. */
export interface ActivityCard {
  id: string
  title: string
  category: Category
  unit: UnitSummary
  startAt: string
  endAt: string
  placeName: string
  capacity: number
  seatsLeft: number
  /** People holding a seat (confirmed sign-ups): "N 人已报名". */
  signedUp: number
  /**
   * Display links (short-lived) of up to 3 avatars of people holding a seat who set one, earliest
   * sign-ups first; never names. The card draws neutral circles for the rest.
   */
  avatars: string[]
  phase: ActivityPhase
  coverUrl: string | null
  /** Meters from the `near` point of a 附近 list; null otherwise, or when the event has no location. */
  distanceMeters: number | null
}

export interface GeoPoint {
  latitude: number
  longitude: number
}

export interface ActivityDetail extends ActivityCard {
  description: string
  placeAddress: string | null
  location: GeoPoint | null
  signupOpensAt: string
  signupClosesAt: string
  contact: string | null
  /** Whether taking part records volunteer service hours (志愿服务时长). */
  recordsServiceHours: boolean
  /** The line of the annual activity list this event fulfils; null for an ad-hoc event. */
  planLine: { id: string; title: string; plannedMonth: number; year: number } | null
}

/** The organiser's view: everything in the detail plus lifecycle bookkeeping. */
export interface ManagedActivity extends ActivityDetail {
  /**
   * The cover as stored (an https address or an uploaded image's file id), to send back when saving;
   * `coverUrl` is only a display link that works for minutes.
   */
  coverSource: string | null
  state: EventState
  seatsTaken: number
  cancelReason: string | null
  publishedAt: string | null
  updatedAt: string
}

export interface ActivityChange {
  at: string
  by: { userId: string; nickname: string }
  kind: 'created' | 'edited' | 'published' | 'cancelled' | 'finished'
  /** For edits: field → [before, after]. */
  fields: Record<string, [unknown, unknown]>
  reason: string | null
}

export interface ActivityListResponse {
  items: ActivityCard[]
  /** Null when this was the last page. */
  nextCursor: string | null
}

export interface CategoryListResponse {
  items: Category[]
}

const eventFields = {
  title: text(2, 60),
  category: z.string().regex(CATEGORY_CODE),
  /** An https address, or an image uploaded for the unit (org.imageUploads); checked by the server. */
  coverUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^(https:\/\/|cloud:\/\/|local:\/\/)/)
    .nullable()
    .optional(),
  description: text(0, 5000).default(''),
  placeName: text(1, 100),
  placeAddress: text(0, 200).nullable().optional(),
  location: z
    .strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .nullable()
    .optional(),
  startAt: instant(),
  endAt: instant(),
  signupOpensAt: instant(),
  signupClosesAt: instant(),
  capacity: z.number().int().min(1).max(100_000),
  recordsServiceHours: z.boolean().default(false),
  contact: text(0, 60).nullable().optional(),
}

export const activityCreateRequest = z.strictObject({
  unitId: z.uuid(),
  /** The annual-list line it fulfils; omit for an ad-hoc event (if the district allows them). */
  planLineId: z.uuid().nullable().optional(),
  ...eventFields,
})
export type ActivityCreateRequest = z.input<typeof activityCreateRequest>

export const activityUpdateRequest = z.strictObject({
  id: z.uuid().meta({ label: '活动' }),
  planLineId: z.uuid().nullable().optional(),
  title: eventFields.title.optional(),
  category: eventFields.category.optional(),
  coverUrl: eventFields.coverUrl,
  description: text(0, 5000).optional(),
  placeName: eventFields.placeName.optional(),
  placeAddress: eventFields.placeAddress,
  location: eventFields.location,
  startAt: instant().optional(),
  endAt: instant().optional(),
  signupOpensAt: instant().optional(),
  signupClosesAt: instant().optional(),
  capacity: eventFields.capacity.optional(),
  recordsServiceHours: z.boolean().optional(),
  contact: eventFields.contact,
  /** Shown in the change log; recommended when the event is already published. */
  reason: text(0, 200).optional(),
})
export type ActivityUpdateRequest = z.input<typeof activityUpdateRequest>

export const activityIdRequest = z.strictObject({ id: z.uuid().meta({ label: '活动' }) })
export type ActivityIdRequest = z.input<typeof activityIdRequest>

export const activityCancelRequest = z.strictObject({
  id: z.uuid().meta({ label: '活动' }),
  reason: text(2, 200),
  /** Give back the event's venue bookings that have not started (default: yes). */
  releaseBookings: z.boolean().default(true),
})
export type ActivityCancelRequest = z.input<typeof activityCancelRequest>

export const activityManageListRequest = z.strictObject({
  unitId: z.uuid(),
  state: z.enum(EVENT_STATES).optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
})
export type ActivityManageListRequest = z.input<typeof activityManageListRequest>

/** Action name → request and response types, used by the typed client and the function's dispatcher. */
export interface ActivityActions {
  list: { request: ActivityListRequest; response: ActivityListResponse }
  get: { request: ActivityGetRequest; response: ActivityDetail }
  categories: { request: Record<string, never> | undefined; response: CategoryListResponse }
  /** Organisers of the unit: a new draft. */
  create: { request: ActivityCreateRequest; response: ManagedActivity }
  update: { request: ActivityUpdateRequest; response: ManagedActivity }
  publish: { request: ActivityIdRequest; response: ManagedActivity }
  cancel: { request: ActivityCancelRequest; response: ManagedActivity }
  finish: { request: ActivityIdRequest; response: ManagedActivity }
  /** One activity in the organiser's view, drafts included. */
  manageGet: { request: ActivityIdRequest; response: ManagedActivity }
  /** A unit's activities in every state, newest start first. */
  manageList: { request: ActivityManageListRequest; response: { items: ManagedActivity[]; nextCursor: string | null } }
  changes: { request: ActivityIdRequest; response: { items: ActivityChange[] } }
  /** Anyone, for a published activity: the mini-program code on its 朋友圈 poster. */
  posterCode: { request: ActivityIdRequest; response: ActivityPosterCode }
}

/** The mini-program code that opens an activity (drawn on its poster). */
export interface ActivityPosterCode {
  activityId: string
  /** The code's scene: the activity id without dashes (WeChat allows 32 characters). */
  scene: string
  /** The page the code opens, with `scene` in its query. */
  page: string
  /** A display link to the code's PNG (about ten minutes). */
  codeUrl: string
}
