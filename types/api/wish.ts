/**
 * API contract of the `wish` cloud function: wishes (活动点单). A young person proposes an activity,
 * others add 想参加 once each; a unit organiser claims it into a line of the unit's annual list.
 */
import * as z from 'zod'
import { CATEGORY_CODE } from '../contract/activity'
import {
  WISH_BODY_MAX,
  WISH_HIDE_REASON_MAX,
  WISH_ORDERS,
  WISH_STAGES,
  WISH_TITLE_MAX,
  type WishStage,
  type WishState,
} from '../contract/wish'
import { MONTH, YEAR, text } from './common'

export {
  WISH_DEFAULT_THRESHOLD,
  WISH_OPEN_LIMIT,
  WISH_ORDERS,
  WISH_STAGES,
  WISH_STAGE_NAMES,
  type WishOrder,
  type WishStage,
  type WishState,
} from '../contract/wish'

const wishId = () => z.uuid()

export const wishProposeRequest = z.strictObject({
  title: text(2, WISH_TITLE_MAX),
  category: z.string().regex(CATEGORY_CODE),
  body: text(0, WISH_BODY_MAX).default(''),
  /** Preferred months; stored ascending without repeats. */
  months: z
    .array(MONTH)
    .max(12)
    .default([])
    .transform((m) => [...new Set(m)].sort((a, b) => a - b)),
})
export type WishProposeRequest = z.input<typeof wishProposeRequest>

export const wishListRequest = z
  .strictObject({
    order: z.enum(WISH_ORDERS).default('newest'),
    category: z.string().regex(CATEGORY_CODE).optional(),
    stage: z.enum(WISH_STAGES).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .default({ order: 'newest', limit: 20 })
export type WishListRequest = z.input<typeof wishListRequest>

export const wishGetRequest = z.strictObject({ wishId: wishId() })
export type WishGetRequest = z.input<typeof wishGetRequest>

/** 想参加 (`want: true`) or take it back (`false`); saying the same twice changes nothing. */
export const wishWantRequest = z.strictObject({ wishId: wishId(), want: z.boolean() })
export type WishWantRequest = z.input<typeof wishWantRequest>

export const wishWithdrawRequest = z.strictObject({ wishId: wishId() })
export type WishWithdrawRequest = z.input<typeof wishWithdrawRequest>

export const wishHideRequest = z.strictObject({ wishId: wishId(), reason: text(2, WISH_HIDE_REASON_MAX) })
export type WishHideRequest = z.input<typeof wishHideRequest>

export const wishClaimRequest = z.strictObject({ wishId: wishId(), planLineId: z.uuid() })
export type WishClaimRequest = z.input<typeof wishClaimRequest>

/** The lines of a unit's annual list a wish may be claimed into. */
export const claimLinesRequest = z.strictObject({ unitId: z.uuid(), year: YEAR })
export type ClaimLinesRequest = z.input<typeof claimLinesRequest>

export const wishThresholdRequest = z.strictObject({ threshold: z.number().int().min(2).max(100000) })
export type WishThresholdRequest = z.input<typeof wishThresholdRequest>

/** An event on the claimed line: the one scheduled next, or the last one held. */
export interface WishEvent {
  id: string
  title: string
  startAt: string
  endAt: string
}

export interface WishSummary {
  id: string
  title: string
  category: string
  categoryName: string
  body: string
  months: number[]
  supporters: number
  stage: WishStage
  createdAt: string
  /** The unit that claimed it (已认领 and after). */
  claimedBy: { unitId: string; unitName: string } | null
}

export interface WishDetail extends WishSummary {
  state: WishState
  /** Shown to the proposer and the district admin when hidden. */
  hiddenReason: string | null
  claimedAt: string | null
  /** The line it was claimed into. */
  line: { id: string; title: string; year: number; plannedMonth: number } | null
  /** The event scheduled next on the line (已排期), or the last one held (已举办). */
  event: WishEvent | null
  /** The district's threshold (the district admins are told when a wish reaches it). */
  threshold: number
  /** The caller's side: whether they want it and what they may do. */
  mine: {
    wanted: boolean
    proposer: boolean
    canWithdraw: boolean
    canHide: boolean
    /** The units the caller organises that may claim it (empty once claimed). */
    claimUnits: { id: string; name: string }[]
  }
}

export interface WishPage {
  items: WishSummary[]
  nextCursor: string | null
  threshold: number
}

export interface WishWantResponse {
  wishId: string
  wanted: boolean
  supporters: number
}

export interface ClaimLine {
  id: string
  title: string
  year: number
  plannedMonth: number
  categoryName: string
  planStatus: 'draft' | 'published'
  /** Wishes already claimed into it. */
  wishes: number
}

export interface WishActions {
  propose: { request: WishProposeRequest; response: WishDetail }
  list: { request: WishListRequest | undefined; response: WishPage }
  get: { request: WishGetRequest; response: WishDetail }
  want: { request: WishWantRequest; response: WishWantResponse }
  withdraw: { request: WishWithdrawRequest; response: WishDetail }
  hide: { request: WishHideRequest; response: WishDetail }
  claim: { request: WishClaimRequest; response: WishDetail }
  claimLines: { request: ClaimLinesRequest; response: { items: ClaimLine[] } }
  setThreshold: { request: WishThresholdRequest; response: { threshold: number } }
}
