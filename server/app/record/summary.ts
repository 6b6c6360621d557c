/**
 * 我的 leads with the person (record.summary): all approved hours, this year's stars and events attended,
 * the next event signed up for, and honours. One statement each, run in parallel; never the whole timeline.
 * Hours whose public notice has ended are approved first, as 我的时长 does, so the numbers agree with it.
 */
import type { PersonSummary } from '@api/record'
import { homeDistrictId } from '../../config'
import { approvedHonourCount, approvedHoursTotal, attendedCount, nextSignedUp } from '../../store/record'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { approveNoticed } from '../hours/notice'
import { shanghaiYearOf, shanghaiYearPeriod, starsOfYear } from './record'

const r1 = (n: number) => Math.round(n * 10) / 10

export async function mySummary(ctx: SignedInContext): Promise<PersonSummary> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  const year = shanghaiYearOf(ctx.now)
  await approveNoticed(ctx.db, ctx.now, { userId: actor.userId })
  const [totalHours, stars, activities, next, honours] = await Promise.all([
    approvedHoursTotal(ctx.db, districtId, actor.userId),
    starsOfYear(ctx.db, districtId, actor.userId, year),
    attendedCount(ctx.db, districtId, actor.userId, shanghaiYearPeriod(year)),
    nextSignedUp(ctx.db, districtId, actor.userId, ctx.now),
    approvedHonourCount(ctx.db, districtId, actor.userId),
  ])
  return {
    year,
    totalHours: r1(totalHours),
    stars,
    activities,
    next: next && { ...next, startAt: next.startAt.toISOString() },
    honours,
  }
}
