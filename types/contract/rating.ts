/** Ratings after activities (青年评议): the zod-free constants pages and server share. */

/** Tags a person may pick when rating an event, as stable codes with their Chinese names. */
export const RATING_TAGS = [
  'rich_content',
  'well_organised',
  'good_timing',
  'come_again',
  'learned_a_lot',
  'good_atmosphere',
] as const
export type RatingTag = (typeof RATING_TAGS)[number]
export const RATING_TAG_NAMES: Record<RatingTag, string> = {
  rich_content: '内容充实',
  well_organised: '组织有序',
  good_timing: '时间合适',
  come_again: '想再参加',
  learned_a_lot: '收获很大',
  good_atmosphere: '氛围很好',
}

/** Below this many ratings an event (or a cell of the district view) shows only its count. */
export const RATING_ANONYMITY_MIN = 5
/** A rating may be given or changed until the end of the 7th Shanghai day after the event ends. */
export const RATING_WINDOW_DAYS = 7
export const RATING_COMMENT_MAX = 300
