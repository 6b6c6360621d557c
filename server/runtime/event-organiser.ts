/** The check-in side of an event (not a draft), for one of its organisers: shared by `checkin` and `hours`. */
import { can, ensure } from '../domain/policy'
import { loadCheckinEvent } from '../store/checkin'
import { requireActor } from '../app/actor'
import { notFound } from './errors'
import type { ActionContext } from './function'

export type SignedIn = ActionContext & { caller: NonNullable<ActionContext['caller']> }

/** `what` finishes the refusal: 只有本活动的组织者可以{what}. */
export async function eventForOrganiser(ctx: SignedIn, activityId: string, what: string) {
  const actor = await requireActor(ctx)
  const e = await loadCheckinEvent(ctx.db, activityId)
  if (!e || e.state === 'draft') throw notFound('活动')
  ensure(can.manageEvents(actor, { id: e.unit_id, districtId: e.district_id }), `只有本活动的组织者可以${what}`)
  return { actor, e }
}
