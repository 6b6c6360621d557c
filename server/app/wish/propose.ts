/** Proposing a wish, withdrawing it (its proposer), hiding it (the district admin), the district's threshold. */
import type * as z from 'zod'
import type { WishDetail, wishHideRequest, wishProposeRequest } from '@api/wish'
import { homeDistrictId } from '../../config'
import { can } from '../../domain/policy'
import { checkOpenWishes, checkWithdraw, WISH_PROPOSE_LIMIT } from '../../domain/wish'
import { PG, inTransaction, pgCode } from '../../store/tx'
import {
  closeWish,
  countCollecting,
  findWish,
  insertWish,
  lockProposer,
  setDistrictThreshold,
} from '../../store/wishes'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { countCall } from '../rate-limit'
import { allow, check, refuse } from '../refusal'
import type { WishFailure } from './failures'
import { detailFor, visibleTo } from './read'

const refuseUnknownCategory = (err: unknown): never => {
  if (pgCode(err) === PG.foreignKeyViolation) refuse<WishFailure>({ kind: 'unknownCategory' })
  throw err
}

export async function proposeWish(
  ctx: SignedInContext,
  input: z.output<typeof wishProposeRequest>,
): Promise<WishDetail> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  check(checkOpenWishes(await countCollecting(ctx.db, districtId, actor.userId)))
  await ensureSafeText(ctx, input.title, input.body)
  await countCall(ctx.db, WISH_PROPOSE_LIMIT, { districtId, subject: ctx.caller.openid, now: ctx.now })
  const id = await inTransaction(ctx.db, async (tx) => {
    // Counted again under the lock of the person's row: two proposals at once cannot both pass the limit.
    await lockProposer(tx, actor.userId)
    check(checkOpenWishes(await countCollecting(tx, districtId, actor.userId)))
    return insertWish(tx, districtId, actor.userId, input, ctx.now).catch(refuseUnknownCategory)
  })
  const w = await findWish(ctx.db, districtId, id, ctx.now)
  return detailFor(ctx.db, w!, actor, ctx.now)
}

async function closeAs(
  ctx: SignedInContext,
  wishId: string,
  to: 'withdrawn' | 'hidden',
  reason: string | null,
): Promise<WishDetail> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  const w = await findWish(ctx.db, districtId, wishId, ctx.now)
  if (!w || !visibleTo(w, actor)) return refuse<WishFailure>({ kind: 'missing', what: 'wish' })
  if (to === 'withdrawn') {
    check(checkWithdraw({ state: w.state, proposerId: w.proposerId, claimed: w.planLineId !== null }, actor.userId))
  } else {
    allow<WishFailure>(can.reviewUnits(actor, districtId), { kind: 'notDistrictAdmin' })
    if (w.state !== 'open') refuse<WishFailure>({ kind: 'wishClosed' })
  }
  if (!(await closeWish(ctx.db, districtId, wishId, to, reason))) {
    // Claimed or closed by someone else meanwhile: say which.
    const now = await findWish(ctx.db, districtId, wishId, ctx.now)
    refuse<WishFailure>(now?.state === 'open' ? { kind: 'alreadyClaimed' } : { kind: 'wishClosed' })
  }
  return detailFor(ctx.db, (await findWish(ctx.db, districtId, wishId, ctx.now))!, actor, ctx.now)
}

export function withdrawWish(ctx: SignedInContext, wishId: string): Promise<WishDetail> {
  return closeAs(ctx, wishId, 'withdrawn', null)
}

export async function hideWish(ctx: SignedInContext, input: z.output<typeof wishHideRequest>): Promise<WishDetail> {
  await ensureSafeText(ctx, input.reason)
  return closeAs(ctx, input.wishId, 'hidden', input.reason)
}

export async function setWishThreshold(ctx: SignedInContext, threshold: number): Promise<{ threshold: number }> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  allow<WishFailure>(can.editPlan(actor, districtId), { kind: 'notDistrictAdmin' })
  await setDistrictThreshold(ctx.db, districtId, threshold)
  return { threshold }
}
