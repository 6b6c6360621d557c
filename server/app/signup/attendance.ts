/** The organiser records whether a confirmed person came, once the event has started. */
import type { attendanceRequest, RosterEntry } from '@api/signup'
import type * as z from 'zod'
import type { SignupFailure } from '../../domain/signup/rules'
import { setRegistrationState } from '../../store/signups'
import type { SignedInContext } from '../context'
import { refuse } from '../refusal'
import { changeRegistration } from './access'

export function recordAttendance(
  ctx: SignedInContext,
  input: z.output<typeof attendanceRequest>,
): Promise<RosterEntry> {
  return changeRegistration(ctx, input.registrationId, async (tx, e, r) => {
    if (ctx.now < e.startAt) refuse<SignupFailure>({ kind: 'attendanceBeforeStart' })
    if (!['confirmed', 'attended', 'no_show'].includes(r.state))
      refuse<SignupFailure>({ kind: 'attendanceNotConfirmed' })
    await setRegistrationState(tx, r.id, input.outcome, ctx.now)
    return []
  })
}
