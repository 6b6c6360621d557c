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
