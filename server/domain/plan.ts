/** Where a line of the annual activity list stands, from the events posted against it. */
import type { LineState } from '@api/plan'
import { shanghaiMonthRange } from './shanghai-time'

export interface LineEvent {
  state: 'draft' | 'published' | 'cancelled' | 'finished'
  endAt: Date
}

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
