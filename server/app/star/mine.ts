/** A person's stars of a year: each published indicator with their progress, read from their records. */
import type { MyStars, StarEvidence, StarProgress } from '@api/star'
import { homeDistrictId } from '../../config'
import { progressOn, yearRange } from '../../domain/stars'
import {
  findYear,
  latestEvidenceOf,
  listIndicators,
  unitsOfPerson,
  yearRecords,
  type EvidenceRow,
} from '../../store/stars'
import type { Db } from '../../store/tx'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'

export const evidenceView = (e: EvidenceRow): StarEvidence => ({
  id: e.id,
  indicatorId: e.indicatorId,
  unitId: e.unitId,
  unitName: e.unitName,
  note: e.note,
  photoCount: e.fileIds.length,
  state: e.state,
  reason: e.reason,
  reviewedAt: e.reviewedAt?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
})

/**
 * A person's progress on each published indicator of a year, read from their records now (never stored):
 * the star service's one reading, used by 我的摘星 and by the growth record and its summary.
 */
export async function yearStars(
  db: Db,
  districtId: string,
  userId: string,
  year: number,
): Promise<{ published: boolean; indicators: StarProgress[] }> {
  const { from, to } = yearRange(year)
  const y = await findYear(db, districtId, year)
  if (!y?.published) return { published: false, indicators: [] }
  const [indicators, records, evidence] = await Promise.all([
    listIndicators(db, districtId, year),
    yearRecords(db, districtId, userId, from, to),
    latestEvidenceOf(db, districtId, userId, year),
  ])
  const byIndicator = new Map(evidence.map((e) => [e.indicatorId, e]))
  const progress = indicators.map(({ year: _year, ...i }) => {
    const mine = byIndicator.get(i.id) ?? null
    const p = progressOn(i, { ...records, evidenceApproved: mine?.state === 'approved' })
    return { ...i, ...p, evidence: i.kind === 'evidence' && mine ? evidenceView(mine) : null }
  })
  return { published: true, indicators: progress }
}

export async function myStars(ctx: SignedInContext, year: number): Promise<MyStars> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  const { from, to } = yearRange(year)
  const [units, { published, indicators }] = await Promise.all([
    unitsOfPerson(ctx.db, districtId, actor.userId, from, to),
    yearStars(ctx.db, districtId, actor.userId, year),
  ])
  if (!published) return { year, published: false, stars: 0, indicators: [], units }
  return { year, published: true, stars: indicators.filter((p) => p.met).length, indicators, units }
}
