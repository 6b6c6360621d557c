/**
 * The week grid of one facility: seven Shanghai days from a Monday, each cut into slots of the
 * facility's length, each slot free, taken (a holding booking or a block), pending (a request
 * awaits approval), closed (outside opening hours) or past.
 */
import type { SlotState } from '@contract/venue'
import { DAY_MS, MINUTE_MS, addDays, dayStart } from './calendar'
import { withinOpening, type Interval } from './hours'

export interface GridBooking extends Interval {
  holding: boolean
}

export interface GridSlot {
  start: Date
  end: Date
  state: SlotState
}

export interface GridDay {
  day: string
  slots: GridSlot[]
}

export function weekGrid(input: {
  monday: string
  slotMinutes: number
  opening: Interval[]
  bookings: GridBooking[]
  now: Date
}): GridDay[] {
  const { monday, slotMinutes, opening, bookings, now } = input
  const step = slotMinutes * MINUTE_MS
  const days: GridDay[] = []
  for (let i = 0; i < 7; i++) {
    const day = addDays(monday, i)
    const base = dayStart(day).getTime()
    const slots: GridSlot[] = []
    for (let t = base; t < base + DAY_MS; t += step) {
      const start = new Date(t)
      const end = new Date(t + step)
      const over = bookings.filter((b) => b.start.getTime() < end.getTime() && start.getTime() < b.end.getTime())
      const state: SlotState = !withinOpening(opening, start, end)
        ? 'closed'
        : over.some((b) => b.holding)
          ? 'taken'
          : t < now.getTime()
            ? 'past'
            : over.length > 0
              ? 'pending'
              : 'free'
      slots.push({ start, end, state })
    }
    days.push({ day, slots })
  }
  return days
}
