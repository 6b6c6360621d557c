/** Wishes (活动点单): the zod-free constants pages and server share. */

/** Where a wish stands: 征集中 → 已认领 → 已排期 → 已举办 (derived from the claimed line's events). */
export const WISH_STAGES = ['collecting', 'claimed', 'scheduled', 'held'] as const
export type WishStage = (typeof WISH_STAGES)[number]
export const WISH_STAGE_NAMES: Record<WishStage, string> = {
  collecting: '征集中',
  claimed: '已认领',
  scheduled: '已排期',
  held: '已举办',
}

/** The wall's two orders: newest first, most wanted first. */
export const WISH_ORDERS = ['newest', 'wanted'] as const
export type WishOrder = (typeof WISH_ORDERS)[number]

/** open: on the wall; withdrawn by its proposer; hidden by a district admin. */
export type WishState = 'open' | 'withdrawn' | 'hidden'

export const WISH_TITLE_MAX = 40
export const WISH_BODY_MAX = 300
export const WISH_HIDE_REASON_MAX = 100
/** How many of one person's wishes may be collecting (open and unclaimed) at once. */
export const WISH_OPEN_LIMIT = 5
/** The district's threshold when it set none. */
export const WISH_DEFAULT_THRESHOLD = 20
