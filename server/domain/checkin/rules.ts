/**
 * The pure check-in rules every entry path shares: the window of a scan, the seat a registration
 * must hold, the venue radius, the clock skew allowed for offline scans. Inputs in, a decision
 * or a typed failure out.
 */
import type { GeoPoint } from '../event'
import type { CheckinFailure } from './failures'
import type { Direction } from './token'
import { scanWindow } from './window'

export interface WindowEvent {
  state: string
  startAt: Date
  endAt: Date
  checkinOpensMinutes: number
}

/** Offline scans may be dated this far after the server's clock (phones' clocks drift). */
export const SYNC_FUTURE_SKEW_MS = 2 * 60_000

export const windowOf = (e: WindowEvent, direction: Direction) =>
  scanWindow({ startAt: e.startAt, endAt: e.endAt, opensMinutes: e.checkinOpensMinutes }, direction)

/**
 * Whether a scan `direction` at `at` is inside the event's window (see window.ts): events that
 * are not cancelled, from the opening to the close of that direction. A synced scan is judged at
 * its own time and may not be dated after `now` (plus the skew).
 */
export function windowRefusal(
  e: WindowEvent,
  direction: Direction,
  at: Date,
  opts: { synced: boolean; now: Date },
): CheckinFailure | null {
  const { synced } = opts
  if (synced && at.getTime() > opts.now.getTime() + SYNC_FUTURE_SKEW_MS) return { kind: 'scanInFuture' }
  if (e.state === 'cancelled') return { kind: 'eventCancelled', synced }
  const { opensAt, closesAt } = windowOf(e, direction)
  if (at < opensAt) return { kind: 'notOpenYet', opensMinutes: e.checkinOpensMinutes, synced }
  if (at >= closesAt) return { kind: 'windowClosed', direction, synced }
  return null
}

export const SEATED_STATES = ['confirmed', 'attended'] as const

/** A registration may scan only while it holds a seat. */
export function seatRefusal(state: string | null): CheckinFailure | null {
  if (state === null) return { kind: 'notRegistered' }
  return (SEATED_STATES as readonly string[]).includes(state) ? null : { kind: 'notSeated', state }
}

/** Great-circle distance in metres (haversine): enough precision for a venue radius. */
export function distanceMetres(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * rad
  const dLon = (b.longitude - a.longitude) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)))
}

/** A scan's distance from the venue and whether it is beyond the radius: kept, but flagged for review. */
export function venueCheck(
  e: { location: GeoPoint | null; checkinRadiusM: number },
  location: GeoPoint | undefined,
): { distance: number | null; needsReview: boolean } {
  if (!location || !e.location) return { distance: null, needsReview: false }
  const distance = distanceMetres(location, e.location)
  return { distance, needsReview: distance > e.checkinRadiusM }
}
