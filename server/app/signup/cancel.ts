/** The owner's own changes: cancel, accept or decline an offer. A freed seat passes to the line. */
import type { Registration } from '@api/signup'
import { checkAcceptOffer, checkSelfCancel, type SignupFailure } from '../../domain/signup/rules'
import { setRegistrationState } from '../../store/signups'
import type { SignedInContext } from '../context'
import { check, refuse } from '../refusal'
import { changeOwnRegistration } from './access'
import { REASONS } from './notices'
import { freeSeat } from './promotion'

export function cancel(ctx: SignedInContext, registrationId: string): Promise<Registration> {
  return changeOwnRegistration(ctx, registrationId, async (tx, e, r) => {
    check(checkSelfCancel(r.state, e, e.settings, ctx.now))
    const freed = await freeSeat(tx, e, r, ctx.now)
    await setRegistrationState(tx, r.id, 'cancelled', ctx.now, { reason: REASONS.selfCancelled })
    return freed
  })
}

export function acceptOffer(ctx: SignedInContext, registrationId: string): Promise<Registration> {
  return changeOwnRegistration(ctx, registrationId, async (tx, _e, r) => {
    check(checkAcceptOffer(r, ctx.now))
    await setRegistrationState(tx, r.id, 'confirmed', ctx.now)
    return []
  })
}

export function declineOffer(ctx: SignedInContext, registrationId: string): Promise<Registration> {
  return changeOwnRegistration(ctx, registrationId, async (tx, e, r) => {
    if (r.state !== 'offered') refuse<SignupFailure>({ kind: 'noOffer' })
    const freed = await freeSeat(tx, e, r, ctx.now)
    await setRegistrationState(tx, r.id, 'declined', ctx.now, { reason: REASONS.declined })
    return freed
  })
}
