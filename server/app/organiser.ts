/** The check-in side of an event (not a draft), for one of its organisers: shared by the check-in and hours services. */
import { can } from '../domain/policy'
import type { Actor } from '../domain/policy'
import { loadCheckinEvent, type CheckinEvent } from '../store/checkin'
import { requireActor } from './actor'
import type { SignedInContext } from './context'
import { allow, found } from './refusal'

/** What an organiser was doing when refused: the failure tables finish 只有本活动的组织者可以… with it. */
export type OrganiserTask = 'showCode' | 'scanTicket' | 'viewBoard' | 'offlineRoster' | 'syncScans' | 'walkIn' | 'hours'

export type OrganiserFailure = { kind: 'notOrganiser'; task: OrganiserTask }

export async function eventForOrganiser(
  ctx: SignedInContext,
  activityId: string,
  task: OrganiserTask,
): Promise<{ actor: Actor; e: CheckinEvent }> {
  const actor = await requireActor(ctx)
  const e = await loadCheckinEvent(ctx.db, activityId)
  const event = found(e && e.state !== 'draft' ? e : null, 'activity')
  allow<OrganiserFailure>(can.manageEvents(actor, { id: event.unitId, districtId: event.districtId }), {
    kind: 'notOrganiser',
    task,
  })
  return { actor, e: event }
}

/** An event anyone signed in may look at (not a draft). */
export async function visibleEvent(ctx: SignedInContext, activityId: string): Promise<CheckinEvent> {
  const e = await loadCheckinEvent(ctx.db, activityId)
  return found(e && e.state !== 'draft' ? e : null, 'activity')
}
