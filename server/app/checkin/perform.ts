/**
 * The one check-in service (pretix's `perform_checkin` is the model). Every entry path — the
 * self-scan of the rotating site code, an organiser scanning a ticket, a ticket scan synced
 * from an offline device, a walk-in seated on the spot — only adapts its input into a
 * `CheckinAttempt` and calls `performCheckin`, which checks in ONE order:
 *
 *   1. the person: whose scan it is (the caller, the ticket's registration, the walk-in's), and
 *      the verdict on the credential the path verified (site code, typed code, ticket);
 *   2. the nonce: a nonce already recorded answers that record (`repeated`) when it is the same
 *      person's scan, whatever the later steps would say now (a retry after the code rotated or
 *      the window closed); another person's nonce is refused (`nonceTaken`) and never shows
 *      that person's scan or name;
 *   3. the credential: a refused code or ticket ends here;
 *   4. the window: not cancelled, between the opening and the close of the direction, judged at
 *      the scan's time (an offline scan's own time, never after the server's clock);
 *   5. the registration: it must hold a seat (`notRegistered`, `notSeated`);
 *   6. the direction: a check-out needs a standing check-in before it; a repeated check-out
 *      answers the first check-out (same record, `repeated`); an offline scan the same way as
 *      an earlier one with nothing in between is a conflict (the earliest stands);
 *   7. the record: one row; a check-in marks the registration attended.
 *
 * Steps 3–4 need no database: they run first, and only when they refuse is the nonce of step 2
 * looked up. When they pass, the write does steps 2, 5, 6 and 7 itself: for an online
 * check-in that is ONE statement (the self-scan hot path: one round trip, one commit); a
 * check-out first locks the registration in a transaction, so two concurrent check-outs of one
 * person record one; a synced scan runs in a transaction that locks the registration and
 * places the scan among the person's standing ones by its time (see timeline.ts).
 *
 * Before step 1 each path does only what is its own: organisers' paths check the caller runs
 * the event; the self-scan reads the event named by its code. A walk-in is seated by the
 * sign-up write when they hold no seat yet, after steps 2 and 4 have passed (entry-paths.ts),
 * so a refused walk-in takes no seat; it then checks in here like any other registration.
 */
import type { ScanResult } from '@api/checkin'
import type { CheckinFailure } from '../../domain/checkin/failures'
import { seatRefusal, venueCheck, windowRefusal } from '../../domain/checkin/rules'
import { placeScan } from '../../domain/checkin/timeline'
import type { Direction } from '../../domain/checkin/token'
import {
  findScan,
  findScanById,
  insertSyncedScan,
  lockRegistrationState,
  lockScanRegistration,
  markAttended,
  nonceOwner,
  recordScan,
  standingScans,
  supersedeScan,
  type CheckinEvent,
  type ScanMethod,
  type ScanRow,
  type ScanToRecord,
} from '../../store/checkin'
import { PG, inTransaction, pgCode } from '../../store/tx'
import type { AppContext } from '../context'
import { refuse } from '../refusal'

/** Whose scan it is. */
export type ScanPerson =
  /** The signed-in caller scanning for themself (resolved in the write, by openid). */
  | { openid: string }
  /** A registration: a ticket's holder, a seated walk-in. */
  | { registrationId: string }

export interface CheckinAttempt {
  /** Null when the credential did not even say whose it is (a forged or garbled ticket). */
  person: ScanPerson | null
  /** The entry path's verdict on its code or ticket (null: verified). */
  credential: CheckinFailure | null
  direction: Direction
  method: ScanMethod
  nonce: string
  /** When the scan happened: now, or an offline scan's original time. */
  at: Date
  /** A scan queued offline and synced later. */
  synced: boolean
  /** The organiser who scanned (null for a self-scan). */
  scannedBy: string | null
  location?: { latitude: number; longitude: number }
}

export const scanResult = (r: ScanRow, repeated: boolean): ScanResult => ({
  scanId: r.id,
  activityId: r.activityId,
  direction: r.direction,
  scannedAt: r.scannedAt.toISOString(),
  method: r.method,
  needsReview: r.needsReview,
  person: { nickname: r.nickname, realName: r.realName },
  repeated,
})

const isPersons = (scan: ScanRow, person: ScanPerson): boolean =>
  'openid' in person ? scan.openid === person.openid : scan.registrationId === person.registrationId

/** Step 2 on its own: the same person's earlier scan with this nonce, `nonceTaken` for anyone else's, or null. */
export async function replayed(
  ctx: AppContext,
  e: CheckinEvent,
  person: ScanPerson,
  nonce: string,
): Promise<ScanResult | null> {
  const earlier = await findScan(ctx.db, e.id, nonce)
  if (!earlier) return null
  if (!isPersons(earlier, person)) refuse<CheckinFailure>({ kind: 'nonceTaken' })
  return scanResult(earlier, true)
}

export async function performCheckin(ctx: AppContext, e: CheckinEvent, a: CheckinAttempt): Promise<ScanResult> {
  const person = a.person
  // 1. the person: a credential that names nobody ends here (no nonce can be theirs).
  if (!person) return refuse(a.credential ?? { kind: 'badToken', reason: 'malformed' })
  // 3.–4. the credential and the window (pure); when either refuses, 2. the nonce decides first.
  const early = a.credential ?? windowRefusal(e, a.direction, a.at, { synced: a.synced, now: ctx.now })
  if (early) return (await replayed(ctx, e, person, a.nonce)) ?? refuse(early)
  // 2., 5.–7. in the write.
  return a.synced ? recordSynced(ctx, e, a, person) : recordOnline(ctx, e, a, person)
}

async function recordOnline(ctx: AppContext, e: CheckinEvent, a: CheckinAttempt, who: ScanPerson): Promise<ScanResult> {
  const scan: ScanToRecord = {
    who,
    direction: a.direction,
    method: a.method,
    nonce: a.nonce,
    now: a.at,
    scannedBy: a.scannedBy,
    location: a.location,
    ...venueCheck(e, a.location),
  }
  const write =
    a.direction === 'in'
      ? await recordScan(ctx.db, e, scan)
      : // One person's check-outs queue on their registration: the second sees the first.
        await inTransaction(ctx.db, async (tx) => {
          await lockScanRegistration(tx, e.id, who)
          return recordScan(tx, e, scan)
        })
  if (write.recorded) return scanResult(write.row, false)
  // 2. the nonce
  if (write.seenRegistrationId !== null) {
    if (write.seenRegistrationId !== write.registrationId) refuse<CheckinFailure>({ kind: 'nonceTaken' })
    return scanResult((await findScan(ctx.db, e.id, a.nonce))!, true)
  }
  // 5. the registration
  const seat = seatRefusal(write.registrationState)
  if (seat) refuse(seat)
  // 6. the direction
  if (a.direction === 'out' && write.last?.direction === 'out')
    return scanResult((await findScanById(ctx.db, write.last.id))!, true)
  if (a.direction === 'out' && write.last?.direction !== 'in')
    refuse<CheckinFailure>({ kind: 'notCheckedIn', synced: false })
  // Its twin (same nonce) landed while the write ran: answer the first record.
  const first = await replayed(ctx, e, who, a.nonce)
  if (!first) throw new Error('scan neither recorded nor found')
  return first
}

async function recordSynced(ctx: AppContext, e: CheckinEvent, a: CheckinAttempt, who: ScanPerson): Promise<ScanResult> {
  if (!('registrationId' in who)) throw new Error('a synced scan names a registration')
  const registrationId = who.registrationId
  try {
    const recorded = await inTransaction(ctx.db, async (tx) => {
      const state = await lockRegistrationState(tx, registrationId, e.id)
      // 2. the nonce
      const owner = await nonceOwner(tx, e.id, a.nonce)
      if (owner !== null) {
        if (owner !== registrationId) refuse<CheckinFailure>({ kind: 'nonceTaken' })
        return false
      }
      // 5. the registration (a ticket's registration missing from the event: the ticket is unknown)
      if (state === null) refuse<CheckinFailure>({ kind: 'unknownTicket' })
      const seat = seatRefusal(state)
      if (seat) refuse(seat)
      // 6. the direction, by the scan's own time
      const standing = await standingScans(tx, registrationId)
      const placed = placeScan(standing, { direction: a.direction, at: a.at })
      if (placed.kind === 'not_checked_in') refuse<CheckinFailure>({ kind: 'notCheckedIn', synced: true })
      if (placed.kind === 'conflict') {
        const kept = standing.find((s) => s.id === placed.keptId)!
        refuse<CheckinFailure>({ kind: 'alreadyScanned', direction: a.direction, keptAt: kept.at })
      }
      // 7. the record
      const id = await insertSyncedScan(tx, {
        activityId: e.id,
        registrationId,
        direction: a.direction,
        at: a.at,
        nonce: a.nonce,
        scannedBy: a.scannedBy,
      })
      if (placed.kind === 'insert' && placed.supersedes) await supersedeScan(tx, placed.supersedes, id)
      if (a.direction === 'in') await markAttended(tx, registrationId, a.at)
      return true
    })
    return scanResult((await findScan(ctx.db, e.id, a.nonce))!, !recorded)
  } catch (err) {
    // Its twin (same nonce) landed first: answer that one.
    if (pgCode(err) !== PG.uniqueViolation) throw err
    const first = await replayed(ctx, e, who, a.nonce)
    if (!first) throw err
    return first
  }
}
