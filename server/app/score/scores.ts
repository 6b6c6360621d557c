/**
 * Unit rating (五星): a unit's scorecard (for its people and the district), the district's ranking
 * and its xlsx export, and the year's weights the district admin sets. The formula is
 * server/domain/score/formula.ts; the store gathers every unit's inputs in grouped queries.
 */
import { randomBytes } from 'crypto'
import type * as z from 'zod'
import {
  raiseTip,
  type RankedUnit,
  type ScoreExport,
  type UnitRanking,
  type UnitScorecard,
  type YearWeights,
  type rankingRequest,
  type setWeightsRequest,
  type unitScoreRequest,
} from '@api/score'
import { homeDistrictId } from '../../config'
import { can, isDistrictAdmin } from '../../domain/policy'
import { DEFAULT_WEIGHTS, STAR_THRESHOLDS, unitScore } from '../../domain/score/formula'
import { shanghaiMonthRange } from '../../domain/shanghai-time'
import { saveYearWeights, unitYearInputs, yearWeights, type UnitYearRow } from '../../store/scores'
import { writeScoreSheet } from '../../xlsx/score-sheet'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { countExport } from '../rate-limit'
import { allow, found } from '../refusal'
import type { ScoreFailure } from './failures'

async function weightsOf(ctx: SignedInContext, year: number): Promise<YearWeights> {
  const set = await yearWeights(ctx.db, homeDistrictId(), year)
  return { year, ...(set ?? DEFAULT_WEIGHTS), custom: set !== null }
}

async function inputs(ctx: SignedInContext, year: number, unitIds: string[] | null): Promise<UnitYearRow[]> {
  return unitYearInputs(
    ctx.db,
    homeDistrictId(),
    year,
    shanghaiMonthRange(year, 1).start,
    shanghaiMonthRange(year, 12).end,
    ctx.now,
    unitIds,
  )
}

function counts(row: UnitYearRow) {
  const { unitId: _unitId, unitName: _unitName, ...rest } = row
  return rest
}

export async function unitScorecard(
  ctx: SignedInContext,
  input: z.output<typeof unitScoreRequest>,
): Promise<UnitScorecard> {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  allow<ScoreFailure>(can.seeUnitInside(actor, { id: input.unitId, districtId }), { kind: 'notScoreViewer' })
  const [row] = await inputs(ctx, input.year, [input.unitId])
  found(row, 'unit')
  const weights = await weightsOf(ctx, input.year)
  const s = unitScore(counts(row), weights)
  return {
    unitId: row.unitId,
    unitName: row.unitName,
    year: input.year,
    score: s.score,
    stars: s.stars,
    parts: s.parts.map((p) => ({ ...p, tip: raiseTip(p.raise) })),
    counts: counts(row),
    weights,
    thresholds: [...STAR_THRESHOLDS],
  }
}

async function ranking(ctx: SignedInContext, year: number): Promise<UnitRanking> {
  const weights = await weightsOf(ctx, year)
  const scored = (await inputs(ctx, year, null)).map((row) => ({ row, s: unitScore(counts(row), weights) }))
  scored.sort((a, b) => b.s.score - a.s.score || a.row.unitName.localeCompare(b.row.unitName, 'zh-CN'))
  let rank = 0
  const units: RankedUnit[] = scored.map(({ row, s }, i) => {
    if (i === 0 || s.score !== scored[i - 1].s.score) rank = i + 1
    return {
      rank,
      unitId: row.unitId,
      unitName: row.unitName,
      score: s.score,
      stars: s.stars,
      points: Object.fromEntries(s.parts.map((p) => [p.part, p.points])) as RankedUnit['points'],
    }
  })
  return { year, weights, thresholds: [...STAR_THRESHOLDS], units }
}

async function requireDistrictAdmin(ctx: SignedInContext) {
  const actor = await requireActor(ctx)
  allow<ScoreFailure>(isDistrictAdmin(actor, homeDistrictId()), { kind: 'notDistrictAdmin' })
  return actor
}

export async function unitRanking(ctx: SignedInContext, input: z.output<typeof rankingRequest>): Promise<UnitRanking> {
  await requireDistrictAdmin(ctx)
  return ranking(ctx, input.year)
}

/** The ranking as a workbook, stored privately, reached by a 10-minute link; counted as an export. */
export async function exportRanking(
  ctx: SignedInContext,
  input: z.output<typeof rankingRequest>,
): Promise<ScoreExport> {
  await requireDistrictAdmin(ctx)
  await countExport(ctx)
  const view = await ranking(ctx, input.year)
  const content = await writeScoreSheet(view)
  const stamp = ctx.now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)
  const { fileId } = await ctx.platform.uploadFile(
    `exports/scores/${homeDistrictId()}/scores-${input.year}-${stamp}-${randomBytes(16).toString('base64url')}.xlsx`,
    content,
  )
  const url = await ctx.platform.fileLink(fileId, ctx.now)
  return { fileName: `五星评比-${input.year}.xlsx`, fileId, url }
}

export async function setWeights(
  ctx: SignedInContext,
  input: z.output<typeof setWeightsRequest>,
): Promise<YearWeights> {
  const actor = await requireDistrictAdmin(ctx)
  const { year, ...weights } = input
  await saveYearWeights(ctx.db, homeDistrictId(), year, weights, actor.userId, ctx.now)
  return { year, ...weights, custom: true }
}
