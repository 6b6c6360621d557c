/** Words for wishes: stages, months. */
import { WISH_STAGE_NAMES, type WishStage } from '@contract/wish'

export { WISH_STAGE_NAMES }

export const WISH_PAGES = '/packages/wishes/pages'

/** "3月、9月", or 时间不限 when none was chosen. */
export function monthsText(months: number[]): string {
  return months.length ? months.map((m) => `${m}月`).join('、') : '时间不限'
}

/** The four steps of the path, in order. */
export const PATH: WishStage[] = ['collecting', 'claimed', 'scheduled', 'held']
