/** An event's sign-up summary (public), and the organiser's sign-up settings: form, quotas, rules. */
import type { settingsUpdateRequest, SignupSummary } from '@api/signup'
import type * as z from 'zod'
import { can } from '../../domain/policy'
import { checkSettings, quotasOf, type SignupFailure } from '../../domain/signup/rules'
import {
  deleteQuota,
  loadSignupEvent,
  lockQuotas,
  quotaHasRegistrations,
  saveSignupSettings,
  upsertQuota,
} from '../../store/signups'
import { inTransaction } from '../../store/tx'
import { actorOf, requireActor } from '../actor'
import type { AppContext, SignedInContext } from '../context'
import { sendNotices } from '../notify'
import { check, found, refuse } from '../refusal'
import { allowOrganiser } from './access'
import type { Notice } from './notices'
import { promoteWaiting } from './promotion'
import { summaryOf } from './views'

export async function summary(ctx: AppContext, activityId: string): Promise<SignupSummary> {
  const event = found(await loadSignupEvent(ctx.db, activityId), 'activity')
  // A draft's settings are readable by the people preparing it, and by no one else.
  if (event.state === 'draft') {
    const actor = await actorOf(ctx)
    if (!can.manageEvents(actor, { id: event.unitId, districtId: event.districtId }))
      refuse({ kind: 'notFound', thing: 'activity' })
  }
  return summaryOf(ctx.db, event)
}

/**
 * New settings: the quotas follow them (a quota someone registered in cannot go, nor shrink below
 * its taken seats), and seats a change frees go to the line.
 * Lock order: the activity row, then its quota rows.
 */
export async function updateSettings(
  ctx: SignedInContext,
  input: z.output<typeof settingsUpdateRequest>,
): Promise<SignupSummary> {
  const actor = await requireActor(ctx)
  const { updated, notices } = await inTransaction(ctx.db, async (tx) => {
    const e = found(await loadSignupEvent(tx, input.activityId, true), 'activity')
    allowOrganiser(actor, e, 'editSettings')
    if (e.state === 'cancelled' || e.state === 'finished') refuse<SignupFailure>({ kind: 'settingsLocked' })
    check(checkSettings(input.settings, e.capacity))
    const existing = await lockQuotas(tx, e.id)
    const next = quotasOf(input.settings, e.capacity)
    for (const q of existing) {
      const target = next.find((n) => n.key === q.key)
      const used = await quotaHasRegistrations(tx, e.id, q.key)
      if (!target && used) refuse<SignupFailure>({ kind: 'quotaInUse', quotaKey: q.key })
      if (target && target.capacity < q.taken)
        refuse<SignupFailure>({ kind: 'quotaBelowTaken', quotaKey: q.key, taken: q.taken })
      if (!target) await deleteQuota(tx, e.id, q.key)
    }
    for (const q of next) await upsertQuota(tx, e.id, q.key, q.capacity)
    await saveSignupSettings(tx, e.id, input.settings)
    const updated = { ...e, settings: input.settings }
    const notices: Notice[] = []
    for (const q of next) notices.push(...(await promoteWaiting(tx, updated, q.key, ctx.now)))
    return { updated, notices }
  })
  await sendNotices(ctx, notices)
  return summaryOf(ctx.db, updated)
}
