/**
 * Applying the rate limits (server/domain/rate-limit.ts) with their counters in PostgreSQL, so a
 * limit holds however many function instances serve the calls. Each check is one statement, but
 * for the limit on every signed-in call (`callLimiter`), which counts in memory and sends in batches.
 */
import { homeDistrictId } from '../config'
import {
  callTally,
  overLimit,
  RATE_LIMITS,
  windowOf,
  type CallTally,
  type RateLimit,
  type RateLimitFailure,
} from '../domain/rate-limit'
import { addHits, countHit, hitsSoFar } from '../store/rate-limits'
import type { Db } from '../store/tx'
import type { SignedInContext } from './context'
import { check } from './refusal'

export interface Subject {
  districtId: string
  /** Whom the limit counts (and where, for per-event limits). */
  subject: string
  now: Date
}

function windowRow(limit: RateLimit, s: Subject) {
  const w = windowOf(limit, s.now)
  return { districtId: s.districtId, bucket: limit.bucket, subject: s.subject, windowStart: w.start, expiresAt: w.end }
}

/** Counts this call; refuses it (`rateLimited`) once the window holds more than the limit. */
export async function countCall(db: Db, limit: RateLimit, s: Subject): Promise<void> {
  check(overLimit(limit, await countHit(db, windowRow(limit, s)), s.now))
}

/**
 * The limit on guessing a typed check-in code, decided before the code's verdict is used: a wrong
 * code is counted (one upsert) and a right one only reads the count (one read); either is refused
 * once the person's window for this event holds 5 wrong codes, so after that no answer says
 * whether a guess was right. Counting and deciding in one statement keeps a burst of parallel
 * guesses to the limit too.
 */
export async function guardCodeGuess(db: Db, s: Subject, wrong: boolean): Promise<void> {
  return guardGuess(db, RATE_LIMITS.checkinCode, s, wrong)
}

/** `guardCodeGuess` for any limit on guessing a code (check-in codes, invite codes). */
export async function guardGuess(db: Db, limit: RateLimit, s: Subject, wrong: boolean): Promise<void> {
  const row = windowRow(limit, s)
  const hits = wrong ? await countHit(db, row) : (await hitsSoFar(db, row)) + 1
  check(overLimit(limit, hits, s.now))
}

/** Counts one export (roster, hours sheet, annual list) of the caller; refuses past 20 an hour. */
export function countExport(ctx: SignedInContext): Promise<void> {
  return countCall(ctx.db, RATE_LIMITS.export, {
    districtId: homeDistrictId(),
    subject: ctx.caller.openid,
    now: ctx.now,
  })
}

/**
 * The limit on every signed-in call (RATE_LIMITS.calls), counted in this instance's memory and
 * added to the shared counter in PostgreSQL in batches (`callTally`): most calls cost no
 * statement, so the one-round-trip sign-up stays one round trip. Module state: one tally per
 * person and window this instance has served, dropped once the window has ended.
 */
export function callLimiter(batch?: number): (ctx: SignedInContext) => Promise<void> {
  const limit = RATE_LIMITS.calls
  const tallies = new Map<string, CallTally>()
  let currentWindow = 0
  return async (ctx) => {
    const s: Subject = { districtId: homeDistrictId(), subject: ctx.caller.openid, now: ctx.now }
    const row = windowRow(limit, s)
    const start = row.windowStart.getTime()
    if (start > currentWindow) {
      // A new window: every tally of an older one is spent.
      for (const key of tallies.keys()) if (Number(key.slice(0, key.indexOf('|'))) < start) tallies.delete(key)
      currentWindow = start
    }
    const key = `${start}|${s.districtId}|${s.subject}`
    let tally = tallies.get(key)
    if (!tally) tallies.set(key, (tally = { seen: 0, unsent: 0 }))
    const next = callTally(limit, tally, batch)
    if (next === 'refuse') check(overLimit(limit, tally.seen, ctx.now))
    tally.unsent++
    if (next === 'pass') return
    // Take the unsent calls before waiting, so a concurrent call of the same person does not send them twice.
    const n = tally.unsent
    tally.unsent = 0
    tally.seen = Math.max(tally.seen, await addHits(ctx.db, row, n))
    check(overLimit(limit, tally.seen, ctx.now))
  }
}

export type { RateLimitFailure }
