/**
 * Wishes (活动点单): pure rules. Where a wish stands is derived from its claim and the events on the
 * claimed line; the wall's cursors; who may withdraw, claim or propose.
 */
import type { WishStage, WishState } from '@contract/wish'
import { WISH_OPEN_LIMIT } from '@contract/wish'
import type { Failure } from './failure'
import type { RateLimit } from './rate-limit'

/** Proposals per person: 3 a day (besides at most WISH_OPEN_LIMIT collecting at once). */
export const WISH_PROPOSE_LIMIT: RateLimit = { bucket: 'wish_propose', limit: 3, windowMs: 24 * 3_600_000 }

export type WishRuleFailure =
  | (Failure<'tooManyOpenWishes'> & { kind: 'tooManyOpenWishes'; limit: number })
  | { kind: 'wishClosed' }
  | { kind: 'alreadyClaimed' }
  | { kind: 'notProposer' }

export interface LineEventFacts {
  state: 'published' | 'finished'
  endAt: Date
}

/**
 * - collecting: nobody claimed it;
 * - held: an event on the claimed line was finished, or has ended while published;
 * - scheduled: an event on the line is published and not over;
 * - claimed: otherwise (drafts and cancelled events do not count).
 */
export function wishStage(claimed: boolean, events: LineEventFacts[], now: Date): WishStage {
  if (!claimed) return 'collecting'
  if (events.some((e) => e.state === 'finished' || e.endAt <= now)) return 'held'
  if (events.length > 0) return 'scheduled'
  return 'claimed'
}

/** A new wish while the person already has `openCount` collecting. */
export function checkOpenWishes(openCount: number): WishRuleFailure | null {
  return openCount >= WISH_OPEN_LIMIT ? { kind: 'tooManyOpenWishes', limit: WISH_OPEN_LIMIT } : null
}

/** Only the proposer withdraws, and only an open wish nobody claimed. */
export function checkWithdraw(
  wish: { state: WishState; proposerId: string; claimed: boolean },
  userId: string,
): WishRuleFailure | null {
  if (wish.proposerId !== userId) return { kind: 'notProposer' }
  if (wish.state !== 'open') return { kind: 'wishClosed' }
  if (wish.claimed) return { kind: 'alreadyClaimed' }
  return null
}

/** A claim needs an open wish nobody claimed yet. */
export function checkClaim(wish: { state: WishState; claimed: boolean }): WishRuleFailure | null {
  if (wish.state !== 'open') return { kind: 'wishClosed' }
  if (wish.claimed) return { kind: 'alreadyClaimed' }
  return null
}

/** The wall's keyset cursor: the last row's sort key (an instant or a count) and its id. */
export interface WishCursor {
  key: string | number
  id: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function encodeWishCursor(c: WishCursor): string {
  return Buffer.from(JSON.stringify([c.key, c.id]), 'utf8').toString('base64url')
}

/** The cursor, or null for anything this module did not write for `order`. */
export function decodeWishCursor(token: string, order: 'newest' | 'wanted'): WishCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 2) return null
    const [key, id] = value as unknown[]
    if (typeof id !== 'string' || !UUID.test(id)) return null
    if (order === 'wanted') return typeof key === 'number' && Number.isInteger(key) && key >= 0 ? { key, id } : null
    if (typeof key !== 'string') return null
    const at = new Date(key)
    return !Number.isNaN(at.getTime()) && at.toISOString() === key ? { key, id } : null
  } catch {
    return null
  }
}
