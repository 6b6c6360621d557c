/**
 * Where an activity stands in its lifecycle at a given instant.
 * The SQL browse filters in store/activities.ts mirror these rules; a function test
 * checks that every listed row's phase matches the filter that returned it.
 */
import type { ActivityPhase } from '@api/activity'
import type { Event } from './event'

export type ActivityTimes = Pick<Event, 'state' | 'startAt' | 'endAt' | 'signupOpensAt' | 'signupClosesAt'>

export function activityPhase(a: ActivityTimes, now: Date): ActivityPhase {
  const t = now.getTime()
  if (a.state === 'cancelled') return 'cancelled'
  if (a.state === 'finished') return 'finished'
  if (t >= a.endAt.getTime()) return 'finished'
  if (t >= a.startAt.getTime()) return 'ongoing'
  if (t >= a.signupOpensAt.getTime() && t < a.signupClosesAt.getTime()) return 'open'
  return 'upcoming'
}

export function seatsLeft(capacity: number, seatsTaken: number): number {
  return Math.max(0, capacity - seatsTaken)
}
