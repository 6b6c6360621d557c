/** Personal tickets: the key they are signed with, and what a scanned ticket says about its holder. */
import type { CheckinFailure } from '../../domain/checkin/failures'
import { verifyTicket } from '../../domain/checkin/token'
import { ticketVersionOf, type CheckinEvent } from '../../store/checkin'
import type { Db } from '../../store/tx'
import type { ScanPerson } from './perform'

export function ticketSecret(): string {
  const secret = process.env.QINGJU_TICKET_SECRET
  if (!secret || secret.length < 16) throw new Error('QINGJU_TICKET_SECRET is not set (16+ characters)')
  return secret
}

/** A scanned ticket as a check-in credential: whose it is (when it says), and its verdict. */
export async function ticketCredential(
  db: Db,
  e: CheckinEvent,
  token: string,
): Promise<{ person: ScanPerson | null; credential: CheckinFailure | null }> {
  const verified = verifyTicket(token, { secret: ticketSecret(), eventId: e.id })
  if (!verified.ok) return { person: null, credential: { kind: 'badToken', reason: verified.reason } }
  const person = { registrationId: verified.claims.registrationId }
  const version = await ticketVersionOf(db, verified.claims.registrationId)
  if (version === null) return { person, credential: { kind: 'unknownTicket' } }
  if (version !== verified.claims.ticketVersion) return { person, credential: { kind: 'ticketReissued' } }
  return { person, credential: null }
}
