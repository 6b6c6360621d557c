/** The organiser's reads: one event, the unit's events in every state, an event's change log. */
import type * as z from 'zod'
import type { ActivityChange, ManagedActivity, activityManageListRequest } from '@api/activity'
import { encodeCursor } from '../../domain/cursor'
import { can } from '../../domain/policy'
import { listChanges, listUnitActivities } from '../../store/activities'
import { findUnit } from '../../store/units'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { allow, found } from '../refusal'
import type { ActivityFailure } from './failures'
import { coverLinks, toManaged } from './present'
import { cursorOrRefuse, managedActivity } from './shared'

export async function manageGet(ctx: SignedInContext, id: string): Promise<ManagedActivity> {
  const a = await managedActivity(ctx.db, await requireActor(ctx), id)
  return toManaged(a, ctx.now, await coverLinks(ctx, [a]))
}

export async function manageList(
  ctx: SignedInContext,
  input: z.output<typeof activityManageListRequest>,
): Promise<{ items: ManagedActivity[]; nextCursor: string | null }> {
  const actor = await requireActor(ctx)
  const unit = found(await findUnit(ctx.db, input.unitId), 'unit')
  allow<ActivityFailure>(can.manageEvents(actor, unit), { kind: 'notOrganiser', to: 'view' })
  const page = await listUnitActivities(ctx.db, unit.id, input.state, cursorOrRefuse(input.cursor), input.limit)
  const links = await coverLinks(ctx, page.rows)
  return {
    items: page.rows.map((a) => toManaged(a, ctx.now, links)),
    nextCursor: page.last ? encodeCursor(page.last) : null,
  }
}

export async function changes(ctx: SignedInContext, id: string): Promise<{ items: ActivityChange[] }> {
  await managedActivity(ctx.db, await requireActor(ctx), id)
  return { items: await listChanges(ctx.db, id) }
}
