/** Placing late-synced scans: the earliest scan in each direction stands. */
import { placeScan, type TimelineScan } from '../../../server/domain/checkin/timeline'

const t = (hhmm: string) => new Date(`2026-11-21T${hhmm}:00+08:00`)
const scan = (id: string, direction: 'in' | 'out', hhmm: string): TimelineScan => ({ id, direction, at: t(hhmm) })

describe('placeScan', () => {
  test.each([
    ['first check-in', [], 'in', '09:00', { kind: 'insert', supersedes: null }],
    ['check-out with no check-in', [], 'out', '12:00', { kind: 'not_checked_in' }],
    ['check-out before the only check-in', [scan('a', 'in', '09:00')], 'out', '08:00', { kind: 'not_checked_in' }],
    ['check-out after a check-in', [scan('a', 'in', '09:00')], 'out', '12:00', { kind: 'insert', supersedes: null }],
    ['second device, later check-in', [scan('a', 'in', '09:00')], 'in', '09:05', { kind: 'conflict', keptId: 'a' }],
    ['same instant counts as later', [scan('a', 'in', '09:00')], 'in', '09:00', { kind: 'conflict', keptId: 'a' }],
    [
      'offline check-in earlier than the recorded one',
      [scan('a', 'in', '09:05')],
      'in',
      '09:00',
      { kind: 'insert', supersedes: 'a' },
    ],
    [
      'offline check-out earlier than the recorded one',
      [scan('a', 'in', '09:00'), scan('b', 'out', '12:10')],
      'out',
      '12:00',
      { kind: 'insert', supersedes: 'b' },
    ],
    [
      'a later second check-out',
      [scan('a', 'in', '09:00'), scan('b', 'out', '12:00')],
      'out',
      '12:10',
      { kind: 'conflict', keptId: 'b' },
    ],
    [
      'a new pair after a check-out',
      [scan('a', 'in', '09:00'), scan('b', 'out', '12:00')],
      'in',
      '13:00',
      { kind: 'insert', supersedes: null },
    ],
    [
      'an in slotted between in and out',
      [scan('a', 'in', '09:00'), scan('b', 'out', '12:00')],
      'in',
      '10:00',
      { kind: 'conflict', keptId: 'a' },
    ],
    [
      'timeline given out of order',
      [scan('b', 'out', '12:00'), scan('a', 'in', '09:00')],
      'out',
      '11:00',
      { kind: 'insert', supersedes: 'b' },
    ],
  ] as const)('%s', (_name, timeline, direction, hhmm, expected) => {
    expect(placeScan(timeline, { direction, at: t(hhmm) })).toEqual(expected)
  })

  test('an invalid date is a bug, not input', () => {
    expect(() => placeScan([], { direction: 'in', at: new Date('nope') })).toThrow(RangeError)
  })
})
