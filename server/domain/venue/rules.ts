/**
 * A facility's booking rules, and a requested time checked against them and the opening hours.
 * Times are instants; days and slot boundaries are Shanghai wall-clock.
 */
import { shanghaiDay } from '../shanghai-time'
import { DAY_MS, MINUTE_MS, addDays, dayStart, minuteOfDay } from './calendar'
import { withinOpening, type Interval } from './hours'

export interface BookingRules {
  needsApproval: boolean
  slotMinutes: number
  minMinutes: number
  maxMinutes: number
  maxDaysAhead: number
  leadMinutes: number
  cancelHours: number
}

export type RulesFailure = { kind: 'rulesInconsistent' }

export type BookingRequestFailure =
  | { kind: 'emptyRange' }
  | { kind: 'inPast' }
  | { kind: 'tooSoon'; leadMinutes: number }
  | { kind: 'tooFarAhead'; maxDaysAhead: number }
  | { kind: 'slotMisaligned'; slotMinutes: number }
  | { kind: 'tooShort'; minMinutes: number }
  | { kind: 'tooLong'; maxMinutes: number }
  | { kind: 'venueClosed' }

export type CancelFailure = { kind: 'cancelTooLate'; cancelHours: number } | { kind: 'alreadyStarted' }

/** The rules agree with each other: min ≥ slot, max ≥ min, both whole slots. */
export function checkRules(rules: BookingRules): RulesFailure | null {
  const { slotMinutes: slot, minMinutes: min, maxMinutes: max } = rules
  const ok = 1440 % slot === 0 && min >= slot && max >= min && min % slot === 0 && max % slot === 0
  return ok ? null : { kind: 'rulesInconsistent' }
}

/**
 * A request for [start, end) at `now`: in the future by the lead time, no further ahead than the
 * rules allow (by Shanghai calendar day), on slot boundaries, between the minimum and maximum
 * length, and wholly inside the venue's opening hours (`opening` must cover the request's days).
 */
export function checkBookingRequest(
  rules: BookingRules,
  opening: Interval[],
  start: Date,
  end: Date,
  now: Date,
): BookingRequestFailure | null {
  const minutes = (end.getTime() - start.getTime()) / MINUTE_MS
  if (minutes <= 0) return { kind: 'emptyRange' }
  if (start.getTime() < now.getTime()) return { kind: 'inPast' }
  if (start.getTime() < now.getTime() + rules.leadMinutes * MINUTE_MS) {
    return { kind: 'tooSoon', leadMinutes: rules.leadMinutes }
  }
  const lastDayStart = dayStart(addDays(shanghaiDay(now), rules.maxDaysAhead)).getTime()
  if (start.getTime() >= lastDayStart + DAY_MS) return { kind: 'tooFarAhead', maxDaysAhead: rules.maxDaysAhead }
  if (minuteOfDay(start) % rules.slotMinutes !== 0 || !Number.isInteger(minutes) || minutes % rules.slotMinutes !== 0) {
    return { kind: 'slotMisaligned', slotMinutes: rules.slotMinutes }
  }
  if (start.getUTCSeconds() !== 0 || start.getUTCMilliseconds() !== 0) {
    return { kind: 'slotMisaligned', slotMinutes: rules.slotMinutes }
  }
  if (minutes < rules.minMinutes) return { kind: 'tooShort', minMinutes: rules.minMinutes }
  if (minutes > rules.maxMinutes) return { kind: 'tooLong', maxMinutes: rules.maxMinutes }
  if (!withinOpening(opening, start, end)) return { kind: 'venueClosed' }
  return null
}

/** The last instant the booker may cancel: `cancelHours` before the start. */
export function cancelDeadline(start: Date, cancelHours: number): Date {
  return new Date(start.getTime() - cancelHours * 3600_000)
}

/** The booker cancels before the deadline; the owner any time before the end. */
export function checkCancel(start: Date, cancelHours: number, now: Date, by: 'booker' | 'owner'): CancelFailure | null {
  if (by === 'owner') return null
  if (now.getTime() >= start.getTime()) return { kind: 'alreadyStarted' }
  return now.getTime() > cancelDeadline(start, cancelHours).getTime() ? { kind: 'cancelTooLate', cancelHours } : null
}
