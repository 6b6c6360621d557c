/**
 * Applying the rate limits (server/domain/rate-limit.ts) with their counters in PostgreSQL, so a
 * limit holds however many function instances serve the calls. Each check is one statement.
 */
import { overLimit, RATE_LIMITS, windowOf, type RateLimit, type RateLimitFailure } from '../domain/rate-limit'
import { countHit, hitsSoFar } from '../store/rate-limits'
import type { Db } from '../store/tx'
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
  const limit = RATE_LIMITS.checkinCode
  const row = windowRow(limit, s)
  const hits = wrong ? await countHit(db, row) : (await hitsSoFar(db, row)) + 1
  check(overLimit(limit, hits, s.now))
}

export type { RateLimitFailure }
