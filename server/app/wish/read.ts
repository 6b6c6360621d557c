/** The wish wall and one wish: public reads, like the activity list. */
import type * as z from 'zod'
import type { WishDetail, WishPage, wishListRequest } from '@api/wish'
import { homeDistrictId } from '../../config'
import { decodeWishCursor, encodeWishCursor } from '../../domain/wish'
import { can, isDistrictAdmin, type Actor } from '../../domain/policy'
import { admittedUnits, districtThreshold, findWish, listWishes, wantsWish, type WishRecord } from '../../store/wishes'
import type { Db } from '../../store/tx'
import { actorOf } from '../actor'
import type { AppContext } from '../context'
import { refuse } from '../refusal'
import type { WishFailure } from './failures'
import { toDetail, toSummary } from './present'

export async function wishWall(ctx: AppContext, input: z.output<typeof wishListRequest>): Promise<WishPage> {
  const districtId = homeDistrictId()
  const after = input.cursor
    ? (decodeWishCursor(input.cursor, input.order) ?? refuse<WishFailure>({ kind: 'badCursor' }))
    : undefined
  const rows = await listWishes(
    ctx.db,
    districtId,
    { order: input.order, category: input.category, stage: input.stage, after, limit: input.limit },
    ctx.now,
  )
  const page = rows.slice(0, input.limit)
  const last = page[page.length - 1]
  const nextCursor =
    rows.length > input.limit && last
      ? encodeWishCursor({
          key: input.order === 'newest' ? last.createdAt.toISOString() : last.supporters,
          id: last.id,
        })
      : null
  return {
    items: page.map((w) => toSummary(w, ctx.now)),
    nextCursor,
    threshold: await districtThreshold(ctx.db, districtId),
  }
}

/** An open wish is seen by everyone; a withdrawn or hidden one by its proposer and the district admin. */
export function visibleTo(w: WishRecord, actor: Actor | null): boolean {
  return w.state === 'open' || actor?.userId === w.proposerId || isDistrictAdmin(actor, w.districtId)
}

/** The wish as `actor` sees it (the caller's side filled in). */
export async function detailFor(db: Db, w: WishRecord, actor: Actor | null, now: Date): Promise<WishDetail> {
  const admin = isDistrictAdmin(actor, w.districtId)
  const proposer = !!actor && actor.userId === w.proposerId
  const claimable = w.state === 'open' && w.planLineId === null
  const organised = actor
    ? [...actor.unitRoles.keys()].filter((id) => can.manageEvents(actor, { id, districtId: w.districtId }))
    : []
  return toDetail(
    w,
    now,
    await districtThreshold(db, w.districtId),
    {
      wanted: actor ? await wantsWish(db, w.districtId, w.id, actor.userId) : false,
      proposer,
      canWithdraw: proposer && claimable,
      canHide: admin && w.state === 'open',
      claimUnits: claimable ? await admittedUnits(db, w.districtId, organised) : [],
    },
    proposer || admin,
  )
}

export async function wishDetail(ctx: AppContext, wishId: string): Promise<WishDetail> {
  const actor = await actorOf(ctx)
  const w = await findWish(ctx.db, homeDistrictId(), wishId, ctx.now)
  if (!w || !visibleTo(w, actor)) return refuse<WishFailure>({ kind: 'missing', what: 'wish' })
  return detailFor(ctx.db, w, actor, ctx.now)
}
