/** An organiser's decisions on one registration: approve or reject, move to another quota, promote by hand. */
import { ACTIVE_STATES, type decideRequest, type moveQuotaRequest, type RosterEntry } from '@api/signup'
import type * as z from 'zod'
import { holdsSeat, type SignupFailure } from '../../domain/signup/rules'
import { lockQuota, setRegistrationState, takeSeat, waitingIn } from '../../store/signups'
import type { SignedInContext } from '../context'
import { refuse } from '../refusal'
import { changeRegistration } from './access'
import { noticeFor } from './notices'
import { freeSeat } from './promotion'

export async function decide(ctx: SignedInContext, input: z.output<typeof decideRequest>): Promise<RosterEntry> {
  if (input.decision === 'reject' && !input.reason) refuse<SignupFailure>({ kind: 'reasonRequired' })
  return changeRegistration(ctx, input.registrationId, async (tx, e, r) => {
    if (input.decision === 'approve') {
      if (r.state !== 'pending') refuse<SignupFailure>({ kind: 'notPending' })
      await lockQuota(tx, e.id, r.quotaKey)
      if ((await waitingIn(tx, e.id, r.quotaKey)) === 0 && (await takeSeat(tx, e.id, r.quotaKey))) {
        await setRegistrationState(tx, r.id, 'confirmed', ctx.now)
        return [await noticeFor(tx, r.userId, e, 'approved')]
      }
      if (!e.settings.waitlist) refuse<SignupFailure>({ kind: 'fullNoWaitlist' })
      await setRegistrationState(tx, r.id, 'waitlisted', ctx.now)
      return [await noticeFor(tx, r.userId, e, 'approvedToLine')]
    }
    if (!ACTIVE_STATES.includes(r.state)) refuse<SignupFailure>({ kind: 'registrationEnded' })
    const freed = await freeSeat(tx, e, r, ctx.now)
    const state = ['pending', 'applied', 'waitlisted'].includes(r.state) ? 'rejected' : 'cancelled'
    await setRegistrationState(tx, r.id, state, ctx.now, { reason: input.reason ?? null })
    return [
      ...freed,
      await noticeFor(tx, r.userId, e, state === 'rejected' ? 'rejected' : 'cancelledByOrganiser', input.reason ?? ''),
    ]
  })
}

export function moveQuota(ctx: SignedInContext, input: z.output<typeof moveQuotaRequest>): Promise<RosterEntry> {
  return changeRegistration(ctx, input.registrationId, async (tx, e, r) => {
    if (r.quotaKey === input.quotaKey) return []
    if (!ACTIVE_STATES.includes(r.state)) refuse<SignupFailure>({ kind: 'registrationEnded' })
    if (!(await lockQuota(tx, e.id, input.quotaKey))) refuse<SignupFailure>({ kind: 'noSuchQuota' })
    const holds = holdsSeat(r.state)
    if (holds && !(await takeSeat(tx, e.id, input.quotaKey)))
      refuse<SignupFailure>({ kind: 'quotaFull', quotaKey: input.quotaKey })
    await setRegistrationState(tx, r.id, r.state, ctx.now, {
      quotaKey: input.quotaKey,
      offerExpiresAt: r.offerExpiresAt,
    })
    // The seat left behind (r still names the old quota) goes to that quota's line.
    return holds ? freeSeat(tx, e, r, ctx.now) : []
  })
}

export function promote(ctx: SignedInContext, registrationId: string): Promise<RosterEntry> {
  return changeRegistration(ctx, registrationId, async (tx, e, r) => {
    if (!['waitlisted', 'applied', 'pending'].includes(r.state)) refuse<SignupFailure>({ kind: 'notPromotable' })
    await lockQuota(tx, e.id, r.quotaKey)
    if (!(await takeSeat(tx, e.id, r.quotaKey))) refuse<SignupFailure>({ kind: 'full' })
    await setRegistrationState(tx, r.id, 'confirmed', ctx.now)
    return [await noticeFor(tx, r.userId, e, 'confirmedByOrganiser')]
  })
}
