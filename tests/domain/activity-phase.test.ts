import { activityPhase, seatsLeft, type ActivityTimes } from '../../server/domain/activity-phase'

const at = (iso: string) => new Date(iso)
const base: ActivityTimes = {
  state: 'published',
  signupOpensAt: at('2026-03-01T00:00:00Z'),
  signupClosesAt: at('2026-03-09T00:00:00Z'),
  startAt: at('2026-03-10T01:00:00Z'),
  endAt: at('2026-03-10T04:00:00Z'),
}

test.each([
  ['2026-02-28T23:59:59.999Z', 'upcoming'],
  ['2026-03-01T00:00:00.000Z', 'open'],
  ['2026-03-08T23:59:59.999Z', 'open'],
  ['2026-03-09T00:00:00.000Z', 'upcoming'],
  ['2026-03-10T01:00:00.000Z', 'ongoing'],
  ['2026-03-10T03:59:59.999Z', 'ongoing'],
  ['2026-03-10T04:00:00.000Z', 'finished'],
])('at %s a published activity is %s', (now, phase) => {
  expect(activityPhase(base, at(now))).toBe(phase)
})

test('sign-up still open past the start counts as ongoing, not open', () => {
  const late = { ...base, signupClosesAt: at('2026-03-10T02:00:00Z') }
  expect(activityPhase(late, at('2026-03-10T01:30:00Z'))).toBe('ongoing')
})

test('cancelled wins over every time-based phase', () => {
  for (const now of ['2026-02-01T00:00:00Z', '2026-03-05T00:00:00Z', '2026-03-10T02:00:00Z', '2026-04-01T00:00:00Z']) {
    expect(activityPhase({ ...base, state: 'cancelled' }, at(now))).toBe('cancelled')
  }
})

test.each([
  [30, 12, 18],
  [10, 10, 0],
  [10, 0, 10],
  [5, 7, 0],
])('capacity %i with %i taken leaves %i', (capacity, taken, left) => {
  expect(seatsLeft(capacity, taken)).toBe(left)
})
