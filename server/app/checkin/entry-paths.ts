/**
 * The four ways to check in. Each adapts its input — a verified site code, a verified ticket, an
 * offline scan with its original time, a walk-in seated on the spot by their identity code — into
 * one attempt for `performCheckin` (perform.ts), which checks every path in the same order.
 */
import type {
  ScanRequest,
  ScanResult,
  SyncOutcome,
  SyncRequest,
  SyncResult,
  TicketScanRequest,
  WalkInRequest,
} from '@api/checkin'
import type { CheckinFailure } from '../../domain/checkin/failures'
import {
  identityCodeAge,
  identityCodeExpiry,
  identityCodeId,
  openIdentityCode,
} from '../../domain/checkin/identity-code'
import { windowRefusal } from '../../domain/checkin/rules'
import { peekSiteCode, verifyShortCode, verifySiteCode } from '../../domain/checkin/token'
import type { Failure } from '../../domain/failure'
import { checkIdentity, identityNeeds } from '../../domain/signup/identity'
import { quotasOf } from '../../domain/signup/rules'
import { findScan, loadCheckinEventForScan, seatedRegistration, spendIdentityCode } from '../../store/checkin'
import { loadSignupEvent, writeSignup, type SignupEvent } from '../../store/signups'
import { PG, inTransaction, pgCode } from '../../store/tx'
import { identityRecordOf } from '../../store/users'
import type { AppContext, SignedInContext } from '../context'
import { closeEventHours } from '../hours/close'
import { eventForOrganiser } from '../organiser'
import { Refusal, found, refuse } from '../refusal'
import { guardCodeGuess } from '../rate-limit'
import { performCheckin, scanResult } from './perform'
import { ticketCredential, ticketSecret } from './tickets'

/** Self-scan of the rotating site code (QR), or its 6 digits typed in. */
export async function scanSiteCode(ctx: SignedInContext, input: ScanRequest): Promise<ScanResult> {
  const token = input.token
  let verdict: { direction: 'in' | 'out' } | CheckinFailure
  let e
  if (token !== undefined) {
    const peeked = peekSiteCode(token)
    if (!peeked.ok) return refuse<CheckinFailure>({ kind: 'badToken', reason: peeked.reason })
    e = await loadCheckinEventForScan(ctx.db, peeked.claims.eventId)
    if (!e || !e.checkinSecret) return refuse<CheckinFailure>({ kind: 'badToken', reason: 'bad_signature' })
    const verified = verifySiteCode(token, { secret: e.checkinSecret, eventId: e.id, now: ctx.now })
    verdict = verified.ok ? verified.claims : { kind: 'badToken', reason: verified.reason }
  } else {
    const loaded = await loadCheckinEventForScan(ctx.db, input.activityId!)
    e = found(loaded && loaded.state !== 'draft' ? loaded : null, 'activity')
    if (!e.checkinSecret) return refuse<CheckinFailure>({ kind: 'noSiteCode' })
    const verified = verifyShortCode(input.shortCode!, { secret: e.checkinSecret, eventId: e.id, now: ctx.now })
    // Past 5 wrong codes in 10 minutes every typed code is refused, right or wrong: guessing stops.
    const guesser = { districtId: e.districtId, subject: `${e.id}/${ctx.caller.openid}`, now: ctx.now }
    await guardCodeGuess(ctx.db, guesser, !verified.ok)
    verdict = verified.ok ? verified.claims : { kind: 'badShortCode' }
  }
  const credential = 'kind' in verdict ? verdict : null
  return performCheckin(ctx, e, {
    person: { openid: ctx.caller.openid },
    credential,
    direction: 'kind' in verdict ? 'in' : verdict.direction,
    method: 'site_code',
    nonce: input.nonce,
    at: ctx.now,
    synced: false,
    scannedBy: null,
    location: input.location,
  })
}

/** An organiser scans a person's ticket, online. */
export async function scanTicket(ctx: SignedInContext, input: TicketScanRequest): Promise<ScanResult> {
  const { actor, e } = await eventForOrganiser(ctx, input.activityId, 'scanTicket')
  return performCheckin(ctx, e, {
    ...(await ticketCredential(ctx.db, e, input.token)),
    direction: input.direction,
    method: 'ticket',
    nonce: input.nonce,
    at: ctx.now,
    synced: false,
    scannedBy: actor.userId,
  })
}

/** How a refusal reads in a sync outcome: the function's failure table, handed in from the edge. */
export type Explain = (failure: Failure) => { code: string; message: string }

/**
 * Ticket scans queued offline, applied in the order they happened at their original times. Each
 * scan's refusal is its outcome, never the batch's: the earliest of two same-way scans stands
 * (`conflict` for the later), replays answer `repeated`.
 */
export async function syncTicketScans(ctx: SignedInContext, input: SyncRequest, explain: Explain): Promise<SyncResult> {
  const { actor, e } = await eventForOrganiser(ctx, input.activityId, 'syncScans')
  // In the order they happened, whatever order the device sent them in.
  const scans = [...input.scans].sort((a, b) => Date.parse(a.scannedAt) - Date.parse(b.scannedAt))
  const outcomes = new Map<string, SyncOutcome>()
  for (const s of scans) {
    if (outcomes.has(s.nonce)) continue // the same nonce twice in one batch: one outcome
    try {
      const scan = await performCheckin(ctx, e, {
        ...(await ticketCredential(ctx.db, e, s.token)),
        direction: s.direction,
        method: 'ticket',
        nonce: s.nonce,
        at: new Date(s.scannedAt),
        synced: true,
        scannedBy: actor.userId,
      })
      outcomes.set(s.nonce, { nonce: s.nonce, status: scan.repeated ? 'repeated' : 'recorded', scan })
    } catch (err) {
      if (!(err instanceof Refusal)) throw err
      const status = err.failure.kind === 'alreadyScanned' ? 'conflict' : 'rejected'
      outcomes.set(s.nonce, { nonce: s.nonce, status, ...explain(err.failure) })
    }
  }
  const count = (status: SyncOutcome['status']) => [...outcomes.values()].filter((o) => o.status === status).length
  // Scans synced after hours were closed: refresh the pending entries they change.
  if (count('recorded') > 0 && e.hoursClosedAt && ctx.now >= e.endAt) {
    await inTransaction(ctx.db, (tx) => closeEventHours(tx, e, ctx.now, actor.userId))
  }
  return {
    outcomes: input.scans.map((s) => outcomes.get(s.nonce)!),
    recorded: count('recorded'),
    repeated: count('repeated'),
    conflicts: count('conflict'),
    rejected: count('rejected'),
  }
}

/**
 * A walk-in, named by the identity code on their own screen (showing it is their consent; a phone
 * number never names anyone): seated if a seat is free (never ahead of a waiting line), then
 * checked in. The organiser is checked before the code, so nobody else learns anything from it.
 * A repeated nonce answers its first result even once the code has expired (a retry); anything
 * new needs a current code. The nonce and the window are checked before a seat is taken, so a
 * refused walk-in leaves no registration behind.
 */
export async function walkIn(ctx: SignedInContext, input: WalkInRequest): Promise<ScanResult> {
  const { actor, e } = await eventForOrganiser(ctx, input.activityId, 'walkIn')
  const opened = openIdentityCode(input.identityToken, { secret: ticketSecret() })
  if (!opened.ok) return refuse<CheckinFailure>({ kind: 'badIdentityCode', reason: opened.reason })
  const userId = opened.claims.userId
  const earlier = await findScan(ctx.db, e.id, input.nonce)
  if (earlier) {
    if (earlier.userId !== userId) refuse<CheckinFailure>({ kind: 'nonceTaken' })
    return scanResult(earlier, true)
  }
  const age = identityCodeAge(opened.claims, ctx.now)
  if (age) refuse<CheckinFailure>({ kind: 'badIdentityCode', reason: age })
  // One code, one event: a screenshot of it cannot check its owner in somewhere else as well.
  const spentOn = await spendIdentityCode(
    ctx.db,
    {
      districtId: e.districtId,
      codeId: identityCodeId(input.identityToken),
      activityId: e.id,
      expiresAt: identityCodeExpiry(opened.claims),
    },
    ctx.now,
  )
  if (spentOn !== e.id) refuse<CheckinFailure>({ kind: 'identityCodeSpent' })
  let registrationId = (await seatedRegistration(ctx.db, e.id, { userId }))?.id ?? null
  if (!registrationId) {
    // A genuine code of an account deleted since reads like a forged one.
    const identity = await identityRecordOf(ctx.db, userId)
    if (!identity) return refuse<CheckinFailure>({ kind: 'unknownPerson' })
    const closed = windowRefusal(e, 'in', ctx.now, { synced: false, now: ctx.now })
    if (closed) refuse(closed)
    const signupEvent = (await loadSignupEvent(ctx.db, e.id))!
    // A walk-in is a sign-up: the event asks the same of the person (a phone, a real name, an age).
    const lacking = checkIdentity(identity, identityNeeds(signupEvent, signupEvent.settings), signupEvent.startAt)
    if (lacking) refuse<CheckinFailure>({ kind: 'walkInIdentity', because: lacking })
    registrationId = await seatWalkIn(ctx, signupEvent, userId, input.nonce)
  }
  return performCheckin(ctx, e, {
    person: { registrationId },
    credential: null,
    direction: 'in',
    method: 'walk_in',
    nonce: input.nonce,
    at: ctx.now,
    synced: false,
    scannedBy: actor.userId,
  })
}

/** A seat in the first quota with one free: the sign-up write, without a waitlist. */
async function seatWalkIn(ctx: AppContext, signupEvent: SignupEvent, userId: string, nonce: string): Promise<string> {
  const activityId = signupEvent.id
  // Seats only: a walk-in never jumps a waiting line (writeSignup refuses a seat while anyone waits).
  for (const q of quotasOf(signupEvent.settings, signupEvent.capacity)) {
    try {
      const reg = await writeSignup(ctx.db, {
        activityId,
        userId,
        quotaKey: q.key,
        idempotencyKey: `walk-in:${nonce}`,
        answers: {},
        remind: false,
        now: ctx.now,
        mode: { kind: 'seat', waitlist: false },
      })
      if (reg) return reg.id
    } catch (err) {
      if (pgCode(err) === PG.uniqueViolation) refuse<CheckinFailure>({ kind: 'alreadyRegistered' })
      throw err
    }
  }
  return refuse<CheckinFailure>({ kind: 'full' })
}
