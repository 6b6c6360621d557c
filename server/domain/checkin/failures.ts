/**
 * Every way a check-in is refused, as data. One union for all four entry paths (self-scan,
 * ticket, offline sync, walk-in); the `checkin` function's failure table gives each its API code
 * and message. `synced` marks a scan replayed from an offline device, judged at its own time.
 */
import type { SignupFailure } from '../signup/failures'
import type { IdentityCodeFailure } from './identity-code'
import type { Direction, TokenFailure } from './token'

export type CheckinFailure =
  /** The token codec refused a site code or ticket. */
  | { kind: 'badToken'; reason: TokenFailure }
  /** A typed 6-digit code that is wrong or too old. */
  | { kind: 'badShortCode' }
  /** A typed code for an event that never showed one. */
  | { kind: 'noSiteCode' }
  /** A ticket of an older issue (re-issued since). */
  | { kind: 'ticketReissued' }
  /** A ticket whose registration does not exist (any more). */
  | { kind: 'unknownTicket' }
  /** Asked for a ticket without a seat. */
  | { kind: 'noTicket' }
  /** The nonce names another person's scan. */
  | { kind: 'nonceTaken' }
  /** A synced scan dated after the server's clock (beyond the allowed skew). */
  | { kind: 'scanInFuture' }
  | { kind: 'eventCancelled'; synced: boolean }
  | { kind: 'notOpenYet'; opensMinutes: number; synced: boolean }
  | { kind: 'windowClosed'; direction: Direction; synced: boolean }
  /** No registration for this event. */
  | { kind: 'notRegistered' }
  /** A registration that holds no seat (waitlisted, cancelled, rejected…). */
  | { kind: 'notSeated'; state: string }
  /** A check-out with no check-in before it. */
  | { kind: 'notCheckedIn'; synced: boolean }
  /** A synced scan the same way as an earlier one with nothing in between: the earliest stands. */
  | { kind: 'alreadyScanned'; direction: Direction; keptAt: Date }
  /** Walk-in: the identity code codec refused the scanned code. */
  | { kind: 'badIdentityCode'; reason: IdentityCodeFailure }
  /** Walk-in: a current code already used at another event (a screenshot passed on). */
  | { kind: 'identityCodeSpent' }
  /** Walk-in: a genuine identity code of someone who no longer has an account. */
  | { kind: 'unknownPerson' }
  /** Walk-in: the person's record lacks what the event asks of everyone who signs up (tiered identity). */
  | { kind: 'walkInIdentity'; because: SignupFailure }
  /** Walk-in: the person already waits or awaits review. */
  | { kind: 'alreadyRegistered' }
  /** Walk-in: no seat left. */
  | { kind: 'full' }
