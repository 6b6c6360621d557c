/**
 * Rate limits, in one place (issue 11). Each counts calls per subject in fixed windows: the window
 * starts at a multiple of `windowMs` since the epoch, and a call is refused once its window holds
 * more than `limit` counted calls. The counters live in PostgreSQL (store/rate-limits.ts), so they
 * hold across every function instance. Pure: the limits, the windows and the verdict.
 *
 * - `checkinCode`: wrong typed check-in codes per person per event: 5 in 10 minutes. Then every
 *   typed code, even the right one, is refused until the window ends, so guessing the 6 digits
 *   stops at 5 guesses per 10 minutes (the QR site code is a signed token and cannot be guessed).
 * - `signup`: sign-up calls per person (per district): 30 a minute, far above what anyone taps.
 * - `unitApply`: unit applications per person: 5 a day.
 * - `inviteCode`: wrong invite codes per person: 10 an hour; then every code, even a right one, is
 *   refused until the hour ends (guessing-proof like `checkinCode`).
 * - `export`: spreadsheet exports (roster, hours sheet, annual list) per person: 20 an hour.
 * - `calls`: every signed-in action of every function per person: 300 a minute. Counted in each
 *   instance and added to the shared counter in batches (`callTally`), so most calls cost no
 *   statement: a window may let through up to `limit + instances × (CALL_BATCH − 1)` calls.
 */
import type { Failure } from './failure'

export interface RateLimit {
  /** The counter's name in the table. */
  bucket: string
  /** Counted calls allowed per window. */
  limit: number
  windowMs: number
}

export const RATE_LIMITS = {
  checkinCode: { bucket: 'checkin_code', limit: 5, windowMs: 10 * 60_000 },
  signup: { bucket: 'signup', limit: 30, windowMs: 60_000 },
  unitApply: { bucket: 'unit_apply', limit: 5, windowMs: 24 * 3_600_000 },
  inviteCode: { bucket: 'invite_code', limit: 10, windowMs: 3_600_000 },
  export: { bucket: 'export', limit: 20, windowMs: 3_600_000 },
  calls: { bucket: 'calls', limit: 300, windowMs: 60_000 },
} as const satisfies Record<string, RateLimit>

/** Refused until the window ends; `retryMinutes` is the wait, in whole minutes rounded up (at least 1). */
export type RateLimitFailure = Failure<'rateLimited'> & { kind: 'rateLimited'; retryMinutes: number }

/** The start of the window `now` falls in. */
export function windowOf(limit: RateLimit, now: Date): { start: Date; end: Date } {
  const start = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs
  return { start: new Date(start), end: new Date(start + limit.windowMs) }
}

/**
 * The verdict on a call whose window holds `hits` counted calls, this one included (a call that
 * is not itself counted passes `hits + 1`): refused once past the limit, with the wait.
 */
export function overLimit(limit: RateLimit, hits: number, now: Date): RateLimitFailure | null {
  if (hits <= limit.limit) return null
  const left = windowOf(limit, now).end.getTime() - now.getTime()
  return { kind: 'rateLimited', retryMinutes: Math.max(1, Math.ceil(left / 60_000)) }
}

/** How many calls of one person one instance counts in memory before adding them to the shared counter. */
export const CALL_BATCH = 10

/**
 * One instance's view of one person's window: `seen` is the shared count it last read (every
 * instance's calls it had been told of), `unsent` the calls it admitted since and has not added.
 */
export interface CallTally {
  seen: number
  unsent: number
}

/**
 * What to do with one more call (`tally` before it): `refuse` once the shared count read is past
 * the limit (no statement); `send` (add `unsent + 1` to the shared counter and decide on the
 * total) every `batch`-th call, and on every call once the window nears the limit; else `pass`
 * (admitted, counted in memory only). So an instance admits at most `batch − 1` calls it has not
 * reported, and past the limit only those: the slack is `instances × (batch − 1)` per window.
 */
export function callTally(limit: RateLimit, tally: CallTally, batch = CALL_BATCH): 'refuse' | 'send' | 'pass' {
  if (tally.seen > limit.limit) return 'refuse'
  const unsent = tally.unsent + 1
  if (unsent >= batch || tally.seen + unsent > limit.limit - batch) return 'send'
  return 'pass'
}
