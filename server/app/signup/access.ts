/**
 * Who may change a registration, and the transaction shape every change shares: the event row is
 * locked first, then the registration (the lock order of every release and organiser change), and
 * the messages the change produced are sent once it has committed.
 */
import type { Registration, RosterEntry } from '@api/signup'
import type { Actor } from '../../domain/policy'
import { can } from '../../domain/policy'
import type { OrganiserAct, SignupFailure } from '../../domain/signup/failures'
import { findRegistration, loadSignupEvent, type SignupEvent, type StoredRegistration } from '../../store/signups'
import { inTransaction, type Db } from '../../store/tx'
import { ensureUser } from '../../store/users'
import { requireActor } from '../actor'
import { logRead } from '../audit/log'
import type { SignedInContext } from '../context'
import { sendNotices } from '../notify'
import { allow, found, refuse } from '../refusal'
import type { Notice } from './notices'
import { toRegistration, toRosterEntry } from './views'

/** A published (or ended) event; a draft or a missing one is NOT_FOUND. */
export async function visibleEvent(db: Db, activityId: string, lock = false): Promise<SignupEvent> {
  const event = await loadSignupEvent(db, activityId, lock)
  if (!event || event.state === 'draft') refuse({ kind: 'notFound', thing: 'activity' })
  return event
}

/** Refuses `act` unless the actor organises the event. */
export function allowOrganiser(actor: Actor | null, event: SignupEvent, act: OrganiserAct): void {
  allow<SignupFailure>(can.manageEvents(actor, { id: event.unitId, districtId: event.districtId }), {
    kind: 'notOrganiser',
    act,
  })
}

export type RegistrationChange = (tx: Db, event: SignupEvent, reg: StoredRegistration) => Promise<Notice[]>

/**
 * An organiser's change to one registration: in one transaction with the event locked, then the
 * notices it produced are sent, and the updated roster entry is answered.
 */
export async function changeRegistration(
  ctx: SignedInContext,
  registrationId: string,
  change: RegistrationChange,
): Promise<RosterEntry> {
  const actor = await requireActor(ctx)
  const { reg, event, notices } = await inTransaction(ctx.db, async (tx) => {
    const peek = found(await findRegistration(tx, registrationId), 'registration')
    const e = (await loadSignupEvent(tx, peek.activityId, true))!
    allowOrganiser(actor, e, 'changeRegistration')
    const r = (await findRegistration(tx, registrationId, true))!
    const produced = await change(tx, e, r)
    return { reg: (await findRegistration(tx, r.id))!, event: e, notices: produced }
  })
  await sendNotices(ctx, notices)
  const entry = await toRosterEntry(ctx.db, reg, event, ctx.now, true)
  // The answer shows the person's whole phone number: the audit log records it.
  if (entry.person.phone) {
    await logRead(ctx.db, ctx, {
      actorId: actor.userId,
      activityId: event.id,
      districtId: event.districtId,
      kind: 'roster_change',
      people: 1,
    })
  }
  return entry
}

/**
 * The owner's change to their own registration (cancel, accept or decline an offer): someone else's
 * id is NOT_FOUND; the event row is locked first, as everywhere, then the registration.
 */
export async function changeOwnRegistration(
  ctx: SignedInContext,
  registrationId: string,
  change: RegistrationChange,
): Promise<Registration> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  const { reg, event, notices } = await inTransaction(ctx.db, async (tx) => {
    const peek = await findRegistration(tx, registrationId)
    if (!peek || peek.userId !== user.id) refuse({ kind: 'notFound', thing: 'registration' })
    const e = (await loadSignupEvent(tx, peek.activityId, true))!
    const r = (await findRegistration(tx, peek.id, true))!
    const produced = await change(tx, e, r)
    return { reg: (await findRegistration(tx, r.id))!, event: e, notices: produced }
  })
  await sendNotices(ctx, notices)
  return toRegistration(ctx.db, reg, event, ctx.now)
}
