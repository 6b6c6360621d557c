/** A person's stars of a year: each published indicator with their progress, read from their records. */
import type { MyStars, StarEvidence } from '@api/star'
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

export async function myStars(ctx: SignedInContext, year: number): Promise<MyStars> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  const { from, to } = yearRange(year)
  const units = await unitsOfPerson(ctx.db, districtId, actor.userId, from, to)
  const y = await findYear(ctx.db, districtId, year)
  if (!y?.published) return { year, published: false, stars: 0, indicators: [], units }
  const [indicators, records, evidence] = await Promise.all([
    listIndicators(ctx.db, districtId, year),
    yearRecords(ctx.db, districtId, actor.userId, from, to),
    latestEvidenceOf(ctx.db, districtId, actor.userId, year),
  ])
  const byIndicator = new Map(evidence.map((e) => [e.indicatorId, e]))
  const progress = indicators.map(({ year: _year, ...i }) => {
    const mine = byIndicator.get(i.id) ?? null
    const p = progressOn(i, { ...records, evidenceApproved: mine?.state === 'approved' })
    return { ...i, ...p, evidence: i.kind === 'evidence' && mine ? evidenceView(mine) : null }
  })
  return { year, published: true, stars: progress.filter((p) => p.met).length, indicators: progress, units }
}
