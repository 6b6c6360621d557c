import { shanghaiDate } from '@/utils/instant'

/** The default period of a certificate: this calendar year up to today, in Shanghai. */
export function defaultPeriod(now: Date = new Date()): { from: string; to: string } {
  const today = shanghaiDate(now)
  return { from: `${today.slice(0, 4)}-01-01`, to: today }
}
