/**
 * Rules an event's schedule and lifecycle must keep, checked before anything is written.
 * Each check answers a typed failure (or null); the activity function's failure table words it.
 */
import type { Event, EventState } from './event'
import type { Failure } from './failure'

export type { EventState }

/** An event's times, as the schedule rules read them. */
export type Schedule = Pick<Event, 'startAt' | 'endAt' | 'signupOpensAt' | 'signupClosesAt'>

/** Multi-day events (a camp, a week of job shadowing) are fine; a month is the ceiling. */
export const MAX_EVENT_DAYS = 31

/** What is wrong with a schedule's end (`endAt`) and with its sign-up close (`signupClosesAt`). */
export type EndProblem = 'endBeforeStart' | 'tooLong'
export type CloseProblem = 'closesBeforeOpens' | 'closesAfterStart'

/** Every problem of a schedule, by the field that has it; the first one names the failure. */
export interface ScheduleFailure extends Failure<'badSchedule'> {
  endAt?: EndProblem
  signupClosesAt?: CloseProblem
  maxDays: number
}

export type EventRuleFailure =
  | ScheduleFailure
  | { kind: 'capacityBelowTaken'; seatsTaken: number }
  | { kind: 'transitionNotAllowed'; state: EventState; transition: Transition }
  | { kind: 'startPassed' }
  | { kind: 'notStartedYet' }

export function checkSchedule(s: Schedule): ScheduleFailure | null {
  let endAt: EndProblem | undefined
  let signupClosesAt: CloseProblem | undefined
  if (s.endAt <= s.startAt) endAt = 'endBeforeStart'
  else if (s.endAt.getTime() - s.startAt.getTime() > MAX_EVENT_DAYS * 86_400_000) endAt = 'tooLong'
  if (s.signupClosesAt <= s.signupOpensAt) signupClosesAt = 'closesBeforeOpens'
  else if (s.signupClosesAt > s.startAt) signupClosesAt = 'closesAfterStart'
  if (!endAt && !signupClosesAt) return null
  return {
    kind: 'badSchedule',
    ...(endAt ? { endAt } : {}),
    ...(signupClosesAt ? { signupClosesAt } : {}),
    maxDays: MAX_EVENT_DAYS,
  }
}

export function checkCapacity(capacity: number, seatsTaken: number): EventRuleFailure | null {
  return capacity < seatsTaken ? { kind: 'capacityBelowTaken', seatsTaken } : null
}

export type Transition = 'edit' | 'publish' | 'cancel' | 'finish'

const ALLOWED: Record<Transition, EventState[]> = {
  edit: ['draft', 'published'],
  publish: ['draft'],
  cancel: ['draft', 'published'],
  finish: ['published'],
}

export function checkTransition(state: EventState, transition: Transition): EventRuleFailure | null {
  return ALLOWED[transition].includes(state) ? null : { kind: 'transitionNotAllowed', state, transition }
}

/** Publishing needs a start still ahead; finishing needs the event to have begun. */
export function checkPublishable(s: Schedule, now: Date): EventRuleFailure | null {
  return s.startAt <= now ? { kind: 'startPassed' } : null
}

export function checkFinishable(s: Schedule, now: Date): EventRuleFailure | null {
  return s.startAt > now ? { kind: 'notStartedYet' } : null
}

/** Field-by-field differences for the change log: field → [before, after]. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {}
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue
    const old = before[key]
    const same =
      old instanceof Date && value instanceof Date
        ? old.getTime() === value.getTime()
        : JSON.stringify(old) === JSON.stringify(value)
    if (!same) changes[key] = [serialise(old), serialise(value)]
  }
  return changes
}

const serialise = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null))
