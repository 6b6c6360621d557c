/** A booking request against a facility's rules, recurrence and the cancellation deadline (Shanghai days). */
import { clashTime } from '../../../server/domain/venue/clash'
import { checkHours, openingIntervals } from '../../../server/domain/venue/hours'
import { weeklyOccurrences } from '../../../server/domain/venue/recurrence'
import {
  cancelDeadline,
  checkBookingRequest,
  checkCancel,
  checkRules,
  type BookingRules,
} from '../../../server/domain/venue/rules'

const at = (iso: string) => new Date(iso)
const rules: BookingRules = {
  needsApproval: false,
  slotMinutes: 60,
  minMinutes: 60,
  maxMinutes: 180,
  maxDaysAhead: 7,
  leadMinutes: 120,
  cancelHours: 24,
}
// Open every day 09:00–21:00 Shanghai.
const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: 540, closes: 1260 }))
const opening = openingIntervals(weekly, [], at('2026-11-24T16:00:00Z'), at('2026-12-10T16:00:00Z'))
// Wednesday 25 Nov 10:00 Shanghai.
const now = at('2026-11-25T02:00:00Z')
const req = (start: string, end: string) => checkBookingRequest(rules, opening, at(start), at(end), now)

test.each([
  ['a good request (Thu 19:00–21:00)', '2026-11-26T11:00:00Z', '2026-11-26T13:00:00Z', null],
  ['end before start', '2026-11-26T13:00:00Z', '2026-11-26T11:00:00Z', { kind: 'emptyRange' }],
  ['in the past', '2026-11-25T01:00:00Z', '2026-11-25T02:00:00Z', { kind: 'inPast' }],
  [
    'inside the lead time (11:00 today)',
    '2026-11-25T03:00:00Z',
    '2026-11-25T04:00:00Z',
    { kind: 'tooSoon', leadMinutes: 120 },
  ],
  ['at the lead time (12:00 today)', '2026-11-25T04:00:00Z', '2026-11-25T05:00:00Z', null],
  ['the last day ahead (2 Dec 20:00)', '2026-12-02T12:00:00Z', '2026-12-02T13:00:00Z', null],
  [
    'a day too far (3 Dec 09:00)',
    '2026-12-03T01:00:00Z',
    '2026-12-03T02:00:00Z',
    { kind: 'tooFarAhead', maxDaysAhead: 7 },
  ],
  [
    'off the slot grid (19:30)',
    '2026-11-26T11:30:00Z',
    '2026-11-26T12:30:00Z',
    { kind: 'slotMisaligned', slotMinutes: 60 },
  ],
  [
    'not whole slots (90 min)',
    '2026-11-26T11:00:00Z',
    '2026-11-26T12:30:00Z',
    { kind: 'slotMisaligned', slotMinutes: 60 },
  ],
  ['seconds off the grid', '2026-11-26T11:00:30Z', '2026-11-26T12:00:30Z', { kind: 'slotMisaligned', slotMinutes: 60 }],
  ['too long (4 h)', '2026-11-26T06:00:00Z', '2026-11-26T10:00:00Z', { kind: 'tooLong', maxMinutes: 180 }],
  ['outside the hours (20:00–22:00)', '2026-11-26T12:00:00Z', '2026-11-26T14:00:00Z', { kind: 'venueClosed' }],
  ['before opening (08:00)', '2026-11-26T00:00:00Z', '2026-11-26T01:00:00Z', { kind: 'venueClosed' }],
])('%s', (_name, start, end, expected) => {
  expect(req(start, end)).toEqual(expected)
})

test('too short below the minimum', () => {
  const r = checkBookingRequest(
    { ...rules, slotMinutes: 30, minMinutes: 60 },
    opening,
    at('2026-11-26T11:00:00Z'),
    at('2026-11-26T11:30:00Z'),
    now,
  )
  expect(r).toEqual({ kind: 'tooShort', minMinutes: 60 })
})

test('rules must agree with each other', () => {
  expect(checkRules(rules)).toBeNull()
  expect(checkRules({ ...rules, minMinutes: 30 })).toEqual({ kind: 'rulesInconsistent' })
  expect(checkRules({ ...rules, maxMinutes: 30 })).toEqual({ kind: 'rulesInconsistent' })
  expect(checkRules({ ...rules, slotMinutes: 7, minMinutes: 7, maxMinutes: 14 })).toEqual({ kind: 'rulesInconsistent' })
})

test('hours: overlaps, empty ranges, repeated or impossible days are refused', () => {
  expect(checkHours(weekly, [])).toBeNull()
  expect(checkHours([...weekly, { weekday: 3, opens: 1200, closes: 1320 }], [])).toEqual({
    kind: 'hoursOverlap',
    weekday: 3,
  })
  expect(checkHours([{ weekday: 1, opens: 600, closes: 600 }], [])).toEqual({ kind: 'hoursEmptyRange' })
  const closed = { day: '2026-12-25', ranges: [], note: '' }
  expect(checkHours([], [closed, closed])).toEqual({ kind: 'exceptionTwice', day: '2026-12-25' })
  expect(checkHours([], [{ ...closed, day: '2026-02-30' }])).toEqual({ kind: 'notADay', day: '2026-02-30' })
})

test('weekly recurrence keeps the Shanghai wall-clock time', () => {
  const series = weeklyOccurrences(at('2026-12-01T11:00:00Z'), at('2026-12-01T13:00:00Z'), 8)
  expect(series).toHaveLength(8)
  expect(series[7].start.toISOString()).toBe('2027-01-19T11:00:00.000Z')
  expect(series.map((r) => clashTime(r.start, r.end).from)).toEqual(Array(8).fill('19:00'))
})

test('cancellation: the booker before the deadline, the owner any time', () => {
  const start = at('2026-11-27T11:00:00Z')
  expect(cancelDeadline(start, 24).toISOString()).toBe('2026-11-26T11:00:00.000Z')
  expect(checkCancel(start, 24, at('2026-11-26T10:59:00Z'), 'booker')).toBeNull()
  expect(checkCancel(start, 24, at('2026-11-26T11:01:00Z'), 'booker')).toEqual({
    kind: 'cancelTooLate',
    cancelHours: 24,
  })
  expect(checkCancel(start, 24, at('2026-11-27T11:30:00Z'), 'booker')).toEqual({ kind: 'alreadyStarted' })
  expect(checkCancel(start, 24, at('2026-11-27T10:30:00Z'), 'owner')).toBeNull()
})

test('a clash reads in Shanghai time, with the end day when it crosses midnight', () => {
  expect(clashTime(at('2026-11-26T11:00:00Z'), at('2026-11-26T13:00:00Z'))).toEqual({
    day: '2026-11-26',
    from: '19:00',
    toDay: null,
    to: '21:00',
  })
  expect(clashTime(at('2026-11-26T14:00:00Z'), at('2026-11-26T16:00:00Z'))).toEqual({
    day: '2026-11-26',
    from: '22:00',
    toDay: null,
    to: '24:00',
  })
  expect(clashTime(at('2026-11-26T15:00:00Z'), at('2026-11-26T17:00:00Z'))).toEqual({
    day: '2026-11-26',
    from: '23:00',
    toDay: '2026-11-27',
    to: '01:00',
  })
})
