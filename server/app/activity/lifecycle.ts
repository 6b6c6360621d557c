/** The lifecycle steps of an event: publish, cancel, finish. */
import type { ManagedActivity } from '@api/activity'
import { checkFinishable, checkPublishable, checkTransition, type EventState } from '../../domain/event-rules'
import type { Failure } from '../../domain/failure'
import { fieldsOf, logChange, setActivityState, type ActivityRecord } from '../../store/activities'
import { cancellationNotices } from '../signup/notices'
import { inTransaction, type Db } from '../../store/tx'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { sendNotices } from '../notify'
import { check } from '../refusal'
import { releaseEventBookings } from '../venue/event-link'
import { tellWishSupporters } from '../wish/tell'
import { checkLine, managedActivity, reread } from './shared'

type Step = 'publish' | 'cancel' | 'finish'

const TARGET: Record<Step, Exclude<EventState, 'draft'>> = {
  publish: 'published',
  cancel: 'cancelled',
  finish: 'finished',
}

/**
 * A lifecycle step under the event's row lock: the caller must manage the event, the state must
 * allow the step, `rule` adds the step's own check; then the new state and a change-log entry are
 * written together.
 */
async function step(
  ctx: SignedInContext,
  id: string,
  name: Step,
  rule: (tx: Db, activity: ActivityRecord) => Promise<Failure | null> | Failure | null,
  reason: string | null = null,
): Promise<ActivityRecord> {
  const actor = await requireActor(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const activity = await managedActivity(tx, actor, id, true)
    check(checkTransition(activity.state, name))
    check(await rule(tx, activity))
    await setActivityState(tx, activity.id, TARGET[name], ctx.now, reason)
    await logChange(tx, activity.id, actor.userId, TARGET[name], {}, reason, ctx.now)
    return activity
  })
}

/** Everyone who wanted a wish claimed into the event's line hears that it opened (once per wish). */
export async function publishActivity(ctx: SignedInContext, id: string): Promise<ManagedActivity> {
  const activity = await step(ctx, id, 'publish', async (tx, a) => {
    const failure = checkPublishable(fieldsOf(a), ctx.now)
    if (failure) return failure
    if (a.planLineId) await checkLine(tx, a.unitId, a.districtId, a.planLineId)
    return null
  })
  await tellWishSupporters(ctx, activity.planLineId)
  return reread(ctx, id)
}

/**
 * Everyone still holding or waiting for a place hears about it. With `releaseBookings` (the default)
 * the event's venue bookings that have not started are given back (server/app/venue/event-link.ts).
 */
export async function cancelActivity(
  ctx: SignedInContext,
  id: string,
  reason: string,
  releaseBookings = true,
): Promise<ManagedActivity> {
  await ensureSafeText(ctx, reason)
  const activity = await step(ctx, id, 'cancel', () => null, reason)
  await sendNotices(ctx, await cancellationNotices(ctx.db, activity.id, activity.title, reason))
  if (releaseBookings) {
    const actor = await requireActor(ctx)
    await releaseEventBookings(ctx, activity.districtId, activity.id, actor.userId)
  }
  return reread(ctx, activity.id)
}

export async function finishActivity(ctx: SignedInContext, id: string): Promise<ManagedActivity> {
  await step(ctx, id, 'finish', (_tx, a) => checkFinishable(fieldsOf(a), ctx.now))
  return reread(ctx, id)
}
