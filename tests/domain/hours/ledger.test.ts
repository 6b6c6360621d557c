/** Ledger rules: steps, the schedule cap, corrections of approved entries, notice periods. */
import {
  approvedHours,
  checkMakeup,
  floorToStep,
  hoursLeft,
  noticeEnds,
  onStep,
  planAdjustment,
  standingHours,
  type LedgerLine,
} from '../../../server/domain/hours/ledger'

const line = (
  id: string,
  hours: number,
  status: LedgerLine['status'] = 'approved',
  kind: LedgerLine['kind'] = 'scan',
  replacesId: string | null = null,
): LedgerLine => ({ id, hours, status, kind, replacesId })

describe('steps', () => {
  test.each([
    [1.5, 0.5, true],
    [1.3, 0.5, false],
    [0.3, 0.1, true],
    [0.7, 0.1, true],
    [2.25, 0.25, true],
    [2.2, 0.25, false],
    [0, 0.5, true],
    [3, 1, true],
  ])('onStep(%p, %p) = %p', (h, s, ok) => expect(onStep(h, s)).toBe(ok))
  test.each([
    [1.99, 0.5, 1.5],
    [2, 0.5, 2],
    [0.29, 0.1, 0.2],
    [0.3, 0.1, 0.3],
    [7.9, 1, 7],
  ])('floorToStep(%p, %p) = %p', (h, s, r) => expect(floorToStep(h, s)).toBe(r))
  test('a step must be positive', () => expect(() => onStep(1, 0)).toThrow(RangeError))
})

describe('totals', () => {
  const lines = [
    line('1', 2),
    line('2', -2, 'approved', 'reversal', '1'),
    line('3', 1.5, 'approved', 'correction', '1'),
    line('4', 1, 'pending', 'makeup'),
    line('5', 3, 'declined'),
  ]
  test('approved hours net reversals and corrections; declined lines never count', () => {
    expect(approvedHours(lines)).toBe(1.5)
    expect(standingHours(lines)).toBe(2.5)
  })
  test('hours left under the cap count pending lines; leaving a line out drops its reversal too', () => {
    expect(hoursLeft(4, lines)).toBe(1.5)
    expect(hoursLeft(4, lines, '1')).toBe(1.5) // without 1 and its reversal: 1.5 + 1 standing
    expect(hoursLeft(2, lines)).toBe(0)
  })
})

describe('planAdjustment', () => {
  const base = { stepHours: 0.5, scheduledHours: 4 }
  test('a pending entry is edited in place', () => {
    const entry = line('1', 0, 'pending')
    expect(planAdjustment({ ...base, entry, lines: [entry], hours: 3 })).toEqual({ kind: 'edit' })
  })
  test('an approved entry is reversed and replaced', () => {
    const entry = line('1', 2)
    expect(planAdjustment({ ...base, entry, lines: [entry], hours: 1 })).toEqual({
      kind: 'correct',
      reversal: { hours: -2 },
      correction: { hours: 1 },
    })
  })
  test.each([
    ['declined', line('1', 2, 'declined'), [], 1, { kind: 'declinedLocked' }],
    ['a reversal', line('2', -2, 'approved', 'reversal', '1'), [], 1, { kind: 'reversalLocked' }],
    ['already corrected', line('1', 2), [line('2', -2, 'approved', 'reversal', '1')], 1, { kind: 'alreadyCorrected' }],
    ['off the step', line('1', 2, 'pending'), [], 1.2, { kind: 'notOnStep', stepHours: 0.5 }],
    [
      'over the schedule',
      line('1', 2, 'pending'),
      [line('9', 1, 'pending', 'makeup')],
      3.5,
      { kind: 'overLimit', hoursLeft: 3, makeup: false },
    ],
  ] as const)('refused: %s', (_name, entry, others, hours, failure) => {
    expect(planAdjustment({ ...base, entry, lines: [entry, ...others], hours })).toEqual(failure)
  })
})

describe('checkMakeup', () => {
  test('within the cap passes; over it, zero, or off the step fails', () => {
    const lines = [line('1', 1.5, 'pending')]
    expect(checkMakeup({ hours: 2.5, lines, stepHours: 0.5, scheduledHours: 4 })).toBeNull()
    expect(checkMakeup({ hours: 3, lines, stepHours: 0.5, scheduledHours: 4 })).toEqual({
      kind: 'overLimit',
      hoursLeft: 2.5,
      makeup: true,
    })
    expect(checkMakeup({ hours: 0, lines, stepHours: 0.5, scheduledHours: 4 })).toEqual({ kind: 'makeupNotPositive' })
    expect(checkMakeup({ hours: 0.7, lines, stepHours: 0.5, scheduledHours: 4 })).toEqual({
      kind: 'notOnStep',
      stepHours: 0.5,
    })
  })
})

describe('noticeEnds', () => {
  test('no notice: null (approve at once); n days: n × 24 h later', () => {
    const t = new Date('2026-11-21T10:00:00Z')
    expect(noticeEnds(t, 0)).toBeNull()
    expect(noticeEnds(t, 3)).toEqual(new Date('2026-11-24T10:00:00Z'))
    expect(() => noticeEnds(t, -1)).toThrow(RangeError)
  })
})
