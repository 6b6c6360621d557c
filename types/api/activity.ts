/**
 * API contract of the `activity` cloud function.
 * Request schemas are the single source of truth: the function validates with them and the
 * pages import only the inferred types (`import type`), so zod never reaches the mini-program bundle.
 */
import * as z from 'zod'

/** Category codes of the annual activity list. Names and order live in the database. */
export const CATEGORY_CODE = /^[a-z][a-z_]{1,31}$/

/**
 * Browse filter by lifecycle, all relative to "now":
 * - active: not yet ended (the default home list)
 * - open: sign-up window open and seats may remain (报名中)
 * - upcoming: not started, sign-up not open now (即将开始)
 * - ongoing: started, not ended (进行中)
 * - finished: ended (已结束), newest first
 */
export const ACTIVITY_STATUS_FILTERS = ['active', 'open', 'upcoming', 'ongoing', 'finished'] as const
export type ActivityStatusFilter = (typeof ACTIVITY_STATUS_FILTERS)[number]

/** The lifecycle state of one activity as shown on its card. */
export type ActivityPhase = 'open' | 'upcoming' | 'ongoing' | 'finished' | 'cancelled'

/** District ids look like `runzhou`; the list defaults to the deployment's home district. */
export const DISTRICT_ID = /^[a-z][a-z0-9_]{1,31}$/

export const activityListRequest = z.strictObject({
  district: z.string().regex(DISTRICT_ID).optional(),
  category: z.string().regex(CATEGORY_CODE).optional(),
  status: z.enum(ACTIVITY_STATUS_FILTERS).default('active'),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
})
export type ActivityListRequest = z.input<typeof activityListRequest>

export const activityGetRequest = z.strictObject({
  id: z.uuid(),
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
  phase: ActivityPhase
  coverUrl: string | null
}

export interface ActivityDetail extends ActivityCard {
  description: string
  placeAddress: string | null
  signupOpensAt: string
  signupClosesAt: string
  contact: string | null
}

export interface ActivityListResponse {
  items: ActivityCard[]
  /** Null when this was the last page. */
  nextCursor: string | null
}

export interface CategoryListResponse {
  items: Category[]
}

/** Action name → request and response types, used by the typed client and the function's dispatcher. */
export interface ActivityActions {
  list: { request: ActivityListRequest; response: ActivityListResponse }
  get: { request: ActivityGetRequest; response: ActivityDetail }
  categories: { request: Record<string, never> | undefined; response: CategoryListResponse }
}
