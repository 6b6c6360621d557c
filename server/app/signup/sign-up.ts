/**
 * Signing up. The common case takes one round trip: the event from this instance's 5-second cache,
 * checked here, and one guarded statement that writes only if all it relies on still holds
 * (`writeSignupAs`). Everything else takes the full path, which reads all it needs and gives every
 * other answer. Tiered identity (server/domain/signup/identity.ts): the guarded statement writes only
 * for a person whose record surely passes; the full path reads the record and refuses what is missing. Capacity is enforced in the database (see `writeSignup`); every tap carries an
 * idempotency key, and a retry answers what its first call got.
 */
import type { Registration, signupRequest } from '@api/signup'
import type * as z from 'zod'
import {
  attendanceRate,
  checkEligibility,
  checkSignupWindow,
  needsPersonRecord,
  readAnswers,
  signupMode,
  type SignupFailure,
} from '../../domain/signup/rules'
import { checkIdentity, identityGuard, identityNeeds } from '../../domain/signup/identity'
import {
  attendanceCounts,
  cachedSignupEvent,
  findRegistration,
  findReplay,
  forgetSignupEvent,
  loadPerson,
  loadSignupContext,
  loadSignupEvent,
  writeSignup,
  writeSignupAs,
  type SignupEvent,
  type WrittenSignup,
} from '../../store/signups'
import { PG, pgCode, withConnection, type Db } from '../../store/tx'
import { ensureUser } from '../../store/users'
import type { SignedInContext } from '../context'
import { RATE_LIMITS } from '../../domain/rate-limit'
import { sendNotices } from '../notify'
import { countCall } from '../rate-limit'
import { check, refuse } from '../refusal'
import type { Notice } from './notices'
import { settleFreedSeats } from './promotion'
import { placeFromAhead, toRegistration } from './views'

export async function signUp(ctx: SignedInContext, input: z.output<typeof signupRequest>): Promise<Registration> {
  // One connection for the whole sign-up: it waits for the pool once, not once per query.
  // Messages go out after it is back in the pool.
  const notices: Notice[] = []
  const answer = await withConnection(ctx.db, async (db) => {
    return (await guardedSignup(db, ctx, input, notices)) ?? fullSignup(db, ctx, input, notices)
  })
  await sendNotices(ctx, notices)
  return answer
}

/**
 * The common sign-up in one round trip, or null to send the call down the full path: a first
 * contact, a rejection, a changed event, rules that need the person's record, or input refused here
 * (the full path answers a replay before any refusal).
 */
async function guardedSignup(
  db: Db,
  ctx: SignedInContext,
  input: z.output<typeof signupRequest>,
  notices: Notice[],
): Promise<Registration | null> {
  const seen = await cachedSignupEvent(db, input.activityId)
  if (!seen || needsPersonRecord(seen.event.settings)) return null
  const { event } = seen
  if (checkSignupWindow(event, ctx.now)) return null
  const checked = readAnswers(event.settings, input.answers)
  if ('kind' in checked) return null
  let written: Awaited<ReturnType<typeof writeSignupAs>>
  try {
    written = await writeSignupAs(db, {
      activityId: event.id,
      openid: ctx.caller.openid,
      seen,
      quotaKey: checked.quotaKey,
      idempotencyKey: input.idempotencyKey,
      answers: checked.answers,
      remind: input.remind,
      now: ctx.now,
      mode: signupMode(event.settings),
      identity: identityGuard(identityNeeds(event, event.settings), event.startAt),
    })
  } catch (err) {
    // A retry racing its first call, or a quota that is gone: the full path answers both.
    if (pgCode(err) === PG.uniqueViolation || pgCode(err) === PG.foreignKeyViolation) return null
    throw err
  }
  // A FULL answer writes nothing and can be asked again and again: it counts (see countSignup).
  if (written.outcome === 'full') await countSignup(db, ctx, event.districtId)
  switch (written.outcome) {
    case 'written':
    case 'full':
      return answerWritten(db, ctx, event, written.reg, notices)
    case 'replay':
      return answerReplay(db, ctx, written.userId!, input.idempotencyKey, event)
    case 'stale':
      forgetSignupEvent(event.id)
      return null
    default:
      return null
  }
}

/** The full path. One read for who is calling, a replay of this key, an earlier rejection and the event. */
async function fullSignup(
  db: Db,
  ctx: SignedInContext,
  input: z.output<typeof signupRequest>,
  notices: Notice[],
): Promise<Registration> {
  let known = await loadSignupContext(db, ctx.caller.openid, input.activityId, input.idempotencyKey)
  if (!known) {
    await ensureUser(db, ctx.caller.openid) // first contact
    known = (await loadSignupContext(db, ctx.caller.openid, input.activityId, input.idempotencyKey))!
  }
  const { userId } = known
  if (known.event) await countSignup(db, ctx, known.event.districtId)
  if (known.replayed) return (await answerReplay(db, ctx, userId, input.idempotencyKey, known.event))!

  const event = known.event
  if (!event || event.state === 'draft') refuse({ kind: 'notFound', thing: 'activity' })
  if (event.state !== 'published')
    refuse<SignupFailure>({ kind: event.state === 'cancelled' ? 'eventCancelled' : 'eventFinished' })
  check(checkSignupWindow(event, ctx.now))
  const checked = readAnswers(event.settings, input.answers)
  if ('kind' in checked) refuse(checked)
  if (known.rejected) refuse<SignupFailure>({ kind: 'previouslyRejected' })
  check(checkIdentity(known.identity, identityNeeds(event, event.settings), event.startAt))
  if (needsPersonRecord(event.settings)) {
    // Only events with conditions pay for reading the person's record (one connection: in turn).
    const person = await loadPerson(db, userId)
    const c = (await attendanceCounts(db, [userId], ctx.now)).get(userId) ?? { attended: 0, noShows: 0 }
    check(
      checkEligibility(
        {
          birthDate: person.birthDate,
          leagueMember: person.leagueMember,
          attendanceRate: attendanceRate(c.attended, c.noShows),
        },
        event.settings,
        event.startAt,
      ),
    )
  }

  let reg: WrittenSignup | null
  try {
    reg = await writeSignup(db, {
      activityId: event.id,
      userId,
      quotaKey: checked.quotaKey,
      idempotencyKey: input.idempotencyKey,
      answers: checked.answers,
      remind: input.remind,
      now: ctx.now,
      mode: signupMode(event.settings),
    })
  } catch (err) {
    if (pgCode(err) === PG.uniqueViolation) {
      // A retry that raced the first call: answer what the first call got.
      const same = await answerReplay(db, ctx, userId, input.idempotencyKey, event)
      if (same) return same
      refuse<SignupFailure>({ kind: 'alreadyRegistered' })
    }
    if (pgCode(err) === PG.foreignKeyViolation) refuse<SignupFailure>({ kind: 'noSuchQuota' })
    throw err
  }
  return answerWritten(db, ctx, event, reg, notices)
}

/**
 * Counts a sign-up call against the person's limit (RATE_LIMITS.signup); refuses it past the limit.
 * Counted: every call on the full path (a repeated sign-up with a new key, a rejected person, a
 * changed or closed event, rules that need the person's record, first contact, a retry racing its
 * first call) and a FULL answer. Not counted, so the one-round-trip path stays one round trip:
 * a sign-up the guarded statement wrote (each takes a new place at another event, so it cannot be
 * repeated without reaching the full path) and a retry it answered (it writes nothing and answers
 * what the first call got: counting it would cost the statement it saves). Calls for an event that
 * does not exist cost one read and are not counted. Measured with bench/signup.ts.
 */
function countSignup(db: Db, ctx: SignedInContext, districtId: string): Promise<void> {
  return countCall(db, RATE_LIMITS.signup, { districtId, subject: ctx.caller.openid, now: ctx.now })
}

/** The answer to a sign-up that wrote (or found no seat and no line: FULL); messages to send go to `notices`. */
async function answerWritten(
  db: Db,
  ctx: SignedInContext,
  event: SignupEvent,
  reg: WrittenSignup | null,
  notices: Notice[],
): Promise<Registration> {
  if (!reg) refuse<SignupFailure>({ kind: 'full' })
  if (reg.seatFreeNow) {
    // A release freed a seat while this sign-up decided "full": pass it to the first in line.
    const promoted = await settleFreedSeats(db, event, reg.quotaKey, ctx.now)
    if (promoted.length) {
      notices.push(...promoted)
      return toRegistration(db, (await findRegistration(db, reg.id))!, event, ctx.now) // possibly promoted just now
    }
  }
  return toRegistration(db, reg, event, ctx.now, placeFromAhead(reg))
}

/** A retry answers what the first call with its key got, with the place in line as it is now; null if the key is unused. */
async function answerReplay(
  db: Db,
  ctx: SignedInContext,
  userId: string,
  idempotencyKey: string,
  known: SignupEvent | null,
): Promise<Registration | null> {
  const earlier = await findReplay(db, userId, idempotencyKey)
  if (!earlier) return null
  const event = earlier.activityId === known?.id ? known : (await loadSignupEvent(db, earlier.activityId))!
  return toRegistration(db, earlier, event, ctx.now, placeFromAhead(earlier))
}
