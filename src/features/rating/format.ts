/** How ratings read on the pages: stars, averages, shares, bar widths, Shanghai dates. */
import { RATING_TAG_NAMES, type RatingTag } from '@contract/rating'
import { toShanghai } from '@/utils/time'

/** "★★★★☆" for 4 of 5. */
export const starsText = (stars: number) => '★'.repeat(stars) + '☆'.repeat(5 - stars)

/** "4.2" (one decimal), or "—" when hidden or empty. */
export const averageText = (average: number | null) => (average === null ? '—' : average.toFixed(1))

/** "80%", or "—" when nobody attended. */
export const rateText = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`)

/** A bar's width for a value out of `max`, as a CSS percentage. */
export const barWidth = (value: number, max: number) =>
  max <= 0 ? '0%' : `${Math.max(0, Math.min(100, (value / max) * 100)).toFixed(1)}%`

export const tagName = (tag: string) => RATING_TAG_NAMES[tag as RatingTag] ?? tag

/** "11月24日" in Shanghai. */
export function dayText(iso: string): string {
  const d = toShanghai(new Date(iso))
  return `${d.month() + 1}月${d.date()}日`
}

/** "可评价至12月8日": the last Shanghai day a rating is open (the deadline is the midnight after it). */
export function untilText(iso: string): string {
  const d = toShanghai(new Date(new Date(iso).getTime() - 1))
  return `可评价至${d.month() + 1}月${d.date()}日`
}
