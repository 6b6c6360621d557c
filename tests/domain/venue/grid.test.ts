/**
 * Opening hours, closures and bookings across a Shanghai midnight and a week boundary give the same
 * grid whatever the process zone. Run this file with TZ=America/Los_Angeles and TZ=Asia/Shanghai;
 * inside, every case also runs again with process.env.TZ switched (Node re-reads it on assignment).
 */
import { weekGrid, type GridBooking } from '../../../server/domain/venue/grid'
import { openingIntervals, type HoursException, type WeeklyRange } from '../../../server/domain/venue/hours'
import { checkBookingRequest, type BookingRules } from '../../../server/domain/venue/rules'
import { weekMonday } from '../../../server/domain/venue/calendar'

const at = (iso: string) => new Date(iso)
// Evenings open past midnight: every day 18:00–24:00 and 00:00–02:00 (the night of the day before).
const weekly: WeeklyRange[] = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
  { weekday, opens: 0, closes: 120 },
  { weekday, opens: 1080, closes: 1440 },
])
// Saturday 2026-11-28 closed all day; Monday 2026-11-30 opens only 00:00–01:00 (the late night ends early).
const exceptions: HoursException[] = [
  { day: '2026-11-28', ranges: [], note: '设备检修' },
  { day: '2026-11-30', ranges: [{ opens: 0, closes: 60 }], note: '' },
]
// Sunday 29th 23:00 → Monday 30th 00:30 Shanghai, across midnight and the week boundary.
const acrossMidnight: GridBooking = {
  start: at('2026-11-29T15:00:00Z'),
  end: at('2026-11-29T16:30:00Z'),
  holding: true,
}
// A pending request on Sunday 19:00–20:00.
const pending: GridBooking = { start: at('2026-11-29T11:00:00Z'), end: at('2026-11-29T12:00:00Z'), holding: false }
const now = at('2026-11-25T02:00:00Z')

function grid(monday: string) {
  const from = at(monday === '2026-11-23' ? '2026-11-22T16:00:00Z' : '2026-11-29T16:00:00Z')
  const to = new Date(from.getTime() + 7 * 86_400_000)
  const opening = openingIntervals(
    weekly,
    exceptions,
    new Date(from.getTime() - 86_400_000),
    new Date(to.getTime() + 86_400_000),
  )
  return weekGrid({ monday, slotMinutes: 30, opening, bookings: [acrossMidnight, pending], now })
}

/** The states of a day's slots as "HH:MM state" for the non-closed ones, Shanghai wall clock. */
function openSlots(days: ReturnType<typeof grid>, day: string): string[] {
  const d = days.find((x) => x.day === day)!
  return d.slots
    .filter((s) => s.state !== 'closed')
    .map((s) => `${new Date(s.start.getTime() + 8 * 3600_000).toISOString().slice(11, 16)} ${s.state}`)
}

const ZONES = ['America/Los_Angeles', 'Asia/Shanghai', 'UTC', 'Pacific/Kiritimati']
const original = process.env.TZ

describe.each(ZONES)('with the process in %s', (zone) => {
  beforeAll(() => {
    process.env.TZ = zone
  })
  afterAll(() => {
    process.env.TZ = original
  })

  test('the week starts on the Shanghai Monday, whatever the local weekday', () => {
    expect(weekMonday('2026-11-29')).toBe('2026-11-23') // a Sunday belongs to the week before
    expect(weekMonday('2026-11-30')).toBe('2026-11-30')
    expect(weekMonday('2026-12-06')).toBe('2026-11-30')
    expect(grid('2026-11-23').map((d) => d.day)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ])
  })

  test('Sunday evening: open from 18:00, the pending request shows, the booking takes 23:00 to midnight', () => {
    const days = grid('2026-11-23')
    expect(days[6].slots).toHaveLength(48)
    expect(days[6].slots[0].start.toISOString()).toBe('2026-11-28T16:00:00.000Z')
    expect(openSlots(days, '2026-11-29')).toEqual([
      // 00:00–02:00 Sunday is Saturday's night; Saturday is closed, but the weekly hours of Sunday apply on Sunday.
      '00:00 free',
      '00:30 free',
      '01:00 free',
      '01:30 free',
      '18:00 free',
      '18:30 free',
      '19:00 pending',
      '19:30 pending',
      '20:00 free',
      '20:30 free',
      '21:00 free',
      '21:30 free',
      '22:00 free',
      '22:30 free',
      '23:00 taken',
      '23:30 taken',
    ])
  })

  test('a closed day is closed all day; the next week starts with the rest of the booking', () => {
    const before = grid('2026-11-23')
    expect(openSlots(before, '2026-11-28')).toEqual([])
    const after = grid('2026-11-30')
    expect(after[0].day).toBe('2026-11-30')
    expect(after[0].slots[0].start.toISOString()).toBe('2026-11-29T16:00:00.000Z')
    // Monday's special hours: only 00:00–01:00; the booking runs to 00:30.
    expect(openSlots(after, '2026-11-30')).toEqual(['00:00 taken', '00:30 free'])
    expect(openSlots(after, '2026-12-01').slice(0, 5)).toEqual([
      '00:00 free',
      '00:30 free',
      '01:00 free',
      '01:30 free',
      '18:00 free',
    ])
  })

  test('a request across midnight fits the evening that runs into the night; past the night it is closed', () => {
    const rules: BookingRules = {
      needsApproval: false,
      slotMinutes: 30,
      minMinutes: 30,
      maxMinutes: 240,
      maxDaysAhead: 14,
      leadMinutes: 60,
      cancelHours: 24,
    }
    const opening = openingIntervals(weekly, exceptions, at('2026-11-25T16:00:00Z'), at('2026-12-03T16:00:00Z'))
    // Tuesday 1 Dec 23:00 → Wednesday 2 Dec 01:30.
    expect(checkBookingRequest(rules, opening, at('2026-12-01T15:00:00Z'), at('2026-12-01T17:30:00Z'), now)).toBeNull()
    // … to 02:30 runs past the night.
    expect(checkBookingRequest(rules, opening, at('2026-12-01T15:00:00Z'), at('2026-12-01T18:30:00Z'), now)).toEqual({
      kind: 'venueClosed',
    })
    // Sunday 29th 23:30 → Monday 30th 01:30: Monday closes at 01:00 that day.
    expect(checkBookingRequest(rules, opening, at('2026-11-29T15:30:00Z'), at('2026-11-29T17:30:00Z'), now)).toEqual({
      kind: 'venueClosed',
    })
  })
})
