/**
 * 想参加: once per person, taken back the same way. The unique key (district, wish, person) decides
 * whether a call adds or removes, and the count moves in the same transaction, so any burst of
 * calls leaves the count equal to the people who want the wish.
 */
import type * as z from 'zod'
import type { WishWantResponse, wishWantRequest } from '@api/wish'
import { homeDistrictId } from '../../config'
import { inTransaction } from '../../store/tx'
import {
  addSupport,
  bumpSupporters,
  currentSupporters,
  findWish,
  markThresholdTold,
  removeSupport,
} from '../../store/wishes'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { refuse } from '../refusal'
import type { WishFailure } from './failures'
import { tellThresholdReached } from './tell'

export async function wantWish(
  ctx: SignedInContext,
  input: z.output<typeof wishWantRequest>,
): Promise<WishWantResponse> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  const w = await findWish(ctx.db, districtId, input.wishId, ctx.now)
  if (!w || w.state === 'hidden' || (w.state === 'withdrawn' && w.proposerId !== actor.userId))
    return refuse<WishFailure>({ kind: 'missing', what: 'wish' })
  // A closed wish takes no new 想参加; taking one back is always allowed.
  if (w.state !== 'open' && input.want) refuse<WishFailure>({ kind: 'wishClosed' })
  const result = await inTransaction(ctx.db, async (tx) => {
    const changed = input.want
      ? await addSupport(tx, districtId, w.id, actor.userId, ctx.now)
      : await removeSupport(tx, districtId, w.id, actor.userId)
    if (!changed) return { supporters: await currentSupporters(tx, districtId, w.id), reached: false }
    const after = await bumpSupporters(tx, districtId, w.id, input.want ? 1 : -1)
    const reached =
      input.want &&
      !after.thresholdTold &&
      after.supporters >= after.threshold &&
      (await markThresholdTold(tx, districtId, w.id, ctx.now))
    return { supporters: after.supporters, reached }
  })
  if (result.reached) await tellThresholdReached(ctx, w, result.supporters)
  return { wishId: w.id, wanted: input.want, supporters: result.supporters }
}
