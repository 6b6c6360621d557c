/**
 * Seats passing to the line: who gets a freed seat (the first waiting in its quota), and whether as
 * a confirmed seat or a time-limited offer, is the domain's `promotionFor`; here it is carried out
 * under the quota lock, with the messages it produces returned to be sent after commit.
 */
import { holdsSeat, promotionFor, promotionOpen } from '../../domain/signup/rules'
import {
  lockQuota,
  nextInLine,
  releaseSeat,
  seatFreeWithLine,
  takeSeat,
  setRegistrationState,
  type SignupEvent,
  type StoredRegistration,
} from '../../store/signups'
import { inTransaction, type Db } from '../../store/tx'
import { noticeFor, type Notice } from './notices'

/**
 * Gives the quota's free seats to the people waiting, oldest first: confirmed at once (direct)
 * or offered for a limited time (offer). The caller holds the quota lock.
 */
export async function promoteWaiting(db: Db, event: SignupEvent, key: string, now: Date): Promise<Notice[]> {
  const notices: Notice[] = []
  if (!promotionOpen(event, event.settings, now)) return notices
  for (;;) {
    const person = await nextInLine(db, event.id, key)
    if (!person || !(await takeSeat(db, event.id, key))) break
    const promotion = promotionFor(event, event.settings, now)
    if (promotion.state === 'confirmed') {
      await setRegistrationState(db, person.id, 'confirmed', now)
      notices.push(await noticeFor(db, person.userId, event, 'promotedDirect'))
    } else {
      await setRegistrationState(db, person.id, 'offered', now, { offerExpiresAt: promotion.offerExpiresAt })
      notices.push(await noticeFor(db, person.userId, event, 'promotedOffer'))
    }
  }
  return notices
}

/** Releases a held seat and passes it on (the event row is locked); returns the notices to send after commit. */
export async function freeSeat(tx: Db, event: SignupEvent, reg: StoredRegistration, now: Date): Promise<Notice[]> {
  if (!holdsSeat(reg.state)) return []
  await lockQuota(tx, event.id, reg.quotaKey)
  await releaseSeat(tx, event.id, reg.quotaKey)
  return promoteWaiting(tx, event, reg.quotaKey, now)
}

/**
 * Run after a waitlisted sign-up whose statement saw a free seat at its end (`seatFreeNow`, see
 * `writeSignup`) has committed: gives free seats to the first in line, under the quota lock.
 * One read when nothing is free (someone else got there first).
 */
export async function settleFreedSeats(db: Db, event: SignupEvent, key: string, now: Date): Promise<Notice[]> {
  if (!promotionOpen(event, event.settings, now)) return []
  if (!(await seatFreeWithLine(db, event.id, key))) return []
  return inTransaction(db, async (tx) => {
    await lockQuota(tx, event.id, key)
    return promoteWaiting(tx, event, key, now)
  })
}
