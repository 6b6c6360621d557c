/** Where a line of the annual activity list stands, from the events posted against it. */
import type { LineState } from '@api/plan'
import type { Event } from './event'
import { shanghaiMonthRange } from './shanghai-time'

export type LineEvent = Pick<Event, 'state' | 'endAt'>

/**
 * - held: an event against it was finished by its organiser, or has ended while published;
 * - posted: an event is published and not yet over;
 * - overdue: its planned month is over in Shanghai and nothing was held;
 * - planned: otherwise (drafts and cancelled events do not count).
 */
export function lineState(year: number, plannedMonth: number, events: LineEvent[], now: Date): LineState {
  if (events.some((e) => e.state === 'finished' || (e.state === 'published' && e.endAt <= now))) return 'held'
  if (events.some((e) => e.state === 'published')) return 'posted'
  if (shanghaiMonthRange(year, plannedMonth).end <= now) return 'overdue'
  return 'planned'
}

/** Why an event cannot be posted against (or without) a line of the annual list. */
export type EventLineFailure = { kind: 'adhocNotAllowed' } | { kind: 'lineNotOfUnit' } | { kind: 'lineNotPublished' }

/**
 * A line must belong to the event's unit and to a published annual list; an event without a line
 * (ad hoc) needs the district's consent.
 */
export function checkEventLine(
  unitId: string,
  planLineId: string | null,
  line: { unitId: string; planStatus: 'draft' | 'published' } | null,
  districtAllowsAdhoc: boolean,
): EventLineFailure | null {
  if (planLineId === null) return districtAllowsAdhoc ? null : { kind: 'adhocNotAllowed' }
  if (!line || line.unitId !== unitId) return { kind: 'lineNotOfUnit' }
  if (line.planStatus !== 'published') return { kind: 'lineNotPublished' }
  return null
}
