/**
 * The district's 青年评议: satisfaction by unit, category and month, response rate, the quarter's
 * lowest-rated events, and its xlsx export. The district admin sees every unit; a unit's
 * organisers see their own units. Cells with fewer ratings than the threshold show only counts.
 */
import { randomBytes } from 'crypto'
import type * as z from 'zod'
import type { DistrictRatings, RatingExport, districtRequest } from '@api/rating'
import { RATING_ANONYMITY_MIN } from '@contract/rating'
import { homeDistrictId } from '../../config'
import { can, isDistrictAdmin } from '../../domain/policy'
import { defaultQuarter, districtBreakdown } from '../../domain/rating/rules'
import { shanghaiMonthRange } from '../../domain/shanghai-time'
import { ratedEvents } from '../../store/ratings'
import { writeRatingSheet } from '../../xlsx/rating-sheet'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { countExport } from '../rate-limit'
import { allow, refuse } from '../refusal'
import type { RatingFailure } from './failures'

type DistrictInput = z.output<typeof districtRequest>

/** The units the caller may see: one (checked), all (null, district admin) or their own. */
async function unitsInView(ctx: SignedInContext, input: DistrictInput): Promise<string[] | null> {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  if (input.unitId) {
    allow<RatingFailure>(can.seeUnitInside(actor, { id: input.unitId, districtId }), { kind: 'notDistrictViewer' })
    return [input.unitId]
  }
  if (isDistrictAdmin(actor, districtId)) return null
  const units = [...actor.unitRoles.keys()]
  if (units.length === 0) refuse<RatingFailure>({ kind: 'notDistrictViewer' })
  return units
}

async function report(ctx: SignedInContext, input: DistrictInput, units: string[] | null): Promise<DistrictRatings> {
  const quarter = input.quarter ?? defaultQuarter(input.year, ctx.now)
  const events = await ratedEvents(
    ctx.db,
    homeDistrictId(),
    shanghaiMonthRange(input.year, 1).start,
    shanghaiMonthRange(input.year, 12).end,
    units,
  )
  return {
    year: input.year,
    quarter,
    unitId: input.unitId ?? null,
    minimum: RATING_ANONYMITY_MIN,
    ...districtBreakdown(events, quarter),
  }
}

export async function districtRatings(ctx: SignedInContext, input: DistrictInput): Promise<DistrictRatings> {
  return report(ctx, input, await unitsInView(ctx, input))
}

/** The same view as a workbook, stored privately, reached by a 10-minute link; counted as an export. */
export async function exportDistrictRatings(ctx: SignedInContext, input: DistrictInput): Promise<RatingExport> {
  const units = await unitsInView(ctx, input)
  await countExport(ctx)
  const view = await report(ctx, input, units)
  const content = await writeRatingSheet(view)
  const stamp = ctx.now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)
  const { fileId } = await ctx.platform.uploadFile(
    `exports/ratings/${homeDistrictId()}/ratings-${input.year}-${stamp}-${randomBytes(16).toString('base64url')}.xlsx`,
    content,
  )
  const url = await ctx.platform.fileLink(fileId, ctx.now)
  return { fileName: `青年评议-${input.year}.xlsx`, fileId, url }
}
