/**
 * A unit organiser claims (认领) a wish into a line of the unit's annual list: one claim per wish.
 * Units do not add lines themselves (the district admin edits the list, server/app/plan/lines.ts),
 * so a claim names an existing line of the unit.
 */
import type * as z from 'zod'
import type { ClaimLine, WishDetail, claimLinesRequest, wishClaimRequest } from '@api/wish'
import { homeDistrictId } from '../../config'
import { can } from '../../domain/policy'
import { checkClaim } from '../../domain/wish'
import { findLine } from '../../store/plans'
import { findUnit } from '../../store/units'
import { findWish, linesOfUnit, writeClaim } from '../../store/wishes'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { allow, check, refuse } from '../refusal'
import type { WishFailure } from './failures'
import { detailFor, visibleTo } from './read'
import { tellWishSupporters } from './tell'

export async function claimWish(ctx: SignedInContext, input: z.output<typeof wishClaimRequest>): Promise<WishDetail> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  const w = await findWish(ctx.db, districtId, input.wishId, ctx.now)
  if (!w || !visibleTo(w, actor)) return refuse<WishFailure>({ kind: 'missing', what: 'wish' })
  const line = await findLine(ctx.db, input.planLineId)
  if (!line || line.districtId !== districtId) return refuse<WishFailure>({ kind: 'missing', what: 'planLine' })
  allow<WishFailure>(can.manageEvents(actor, { id: line.unitId, districtId }), { kind: 'notLineOrganiser' })
  check(checkClaim({ state: w.state, claimed: w.planLineId !== null }))
  const claimed = await writeClaim(
    ctx.db,
    districtId,
    w.id,
    { planLineId: line.id, unitId: line.unitId, userId: actor.userId },
    ctx.now,
  )
  if (!claimed) {
    const now = await findWish(ctx.db, districtId, w.id, ctx.now)
    check(checkClaim({ state: now?.state ?? 'hidden', claimed: now?.planLineId != null }))
  }
  // A line that already has an event open for sign-up: the supporters hear now.
  await tellWishSupporters(ctx, line.id)
  return detailFor(ctx.db, (await findWish(ctx.db, districtId, w.id, ctx.now))!, actor, ctx.now)
}

export async function claimLines(
  ctx: SignedInContext,
  input: z.output<typeof claimLinesRequest>,
): Promise<{ items: ClaimLine[] }> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  const unit = await findUnit(ctx.db, input.unitId)
  if (!unit || unit.districtId !== districtId) return refuse<WishFailure>({ kind: 'missing', what: 'unit' })
  allow<WishFailure>(can.manageEvents(actor, { id: unit.id, districtId }), { kind: 'notLineOrganiser' })
  return { items: await linesOfUnit(ctx.db, districtId, unit.id, input.year) }
}
