import { execFileSync } from 'node:child_process'
import path from 'node:path'
import {
  dailySpans,
  scheduledDays,
  serviceHours,
  type DayHours,
  type HoursInput,
  type Scan,
  type Span,
} from '../../../server/domain/checkin/hours'
import { shanghaiDay } from '../../../server/domain/shanghai-time'

/** A Shanghai wall-clock time on Saturday 14 March 2026 ('09:00') or another day ('03-15 09:00'). */
const sh = (t: string) => new Date(`2026-${t.includes(' ') ? t.replace(' ', 'T') : `03-14T${t}`}:00+08:00`)
const span = (from: string, to: string): Span => ({ start: sh(from), end: sh(to) })
const scans = (...pairs: ['in' | 'out', string][]): Scan[] => pairs.map(([kind, t]) => ({ kind, at: sh(t) }))
const DAY = [span('09:00', '17:00')] // 480 minutes
const MORNING = [span('09:00', '12:00')] // 180 minutes
const hoursOf = (input: Partial<HoursInput> & Pick<HoursInput, 'scans'>) =>
  serviceHours({ schedule: DAY, awardsHours: true, ...input })
const day = (d: Partial<DayHours>): DayHours => ({
  day: '2026-03-14',
  scheduledMinutes: 480,
  presentMinutes: 0,
  hours: 0,
  status: 'ok',
  flags: [],
  ...d,
})

describe('one day, 09:00–17:00', () => {
  test.each<[string, Partial<HoursInput> & Pick<HoursInput, 'scans'>, Partial<DayHours>]>([
    ['on time, full stay', { scans: scans(['in', '09:00'], ['out', '17:00']) }, { presentMinutes: 480, hours: 8 }],
    [
      'early arrival earns nothing extra',
      { scans: scans(['in', '07:30'], ['out', '17:00']) },
      { presentMinutes: 480, hours: 8 },
    ],
    [
      'staying past the end counts to the end',
      { scans: scans(['in', '09:00'], ['out', '18:30']) },
      { presentMinutes: 480, hours: 8 },
    ],
    [
      'late arrival counts from arrival (405 min → 6.5 h)',
      { scans: scans(['in', '10:15'], ['out', '17:00']) },
      { presentMinutes: 405, hours: 6.5 },
    ],
    [
      'leaving early below 60% earns no hours',
      { scans: scans(['in', '09:00'], ['out', '13:30']) },
      { presentMinutes: 270, status: 'below_minimum' },
    ],
    [
      'exactly 60% (288 of 480 min) counts',
      { scans: scans(['in', '09:00'], ['out', '13:48']) },
      { presentMinutes: 288, hours: 4.5 },
    ],
    [
      'one minute under 60% does not',
      { scans: scans(['in', '09:00'], ['out', '13:47']) },
      { presentMinutes: 287, status: 'below_minimum' },
    ],
    [
      'one second under 60% does not',
      {
        scans: [
          { kind: 'in', at: sh('09:00') },
          { kind: 'out', at: new Date(sh('13:48').getTime() - 1000) },
        ],
      },
      { presentMinutes: 287, status: 'below_minimum' },
    ],
    [
      'rounds down to the half hour (2 h 59 min → 2.5 h)',
      { schedule: MORNING, scans: scans(['in', '09:00'], ['out', '11:59']) },
      { scheduledMinutes: 180, presentMinutes: 179, hours: 2.5 },
    ],
    [
      'a custom step rounds down to it (179 min at 0.25 h → 2.75 h)',
      { schedule: MORNING, stepHours: 0.25, scans: scans(['in', '09:00'], ['out', '11:59']) },
      { scheduledMinutes: 180, presentMinutes: 179, hours: 2.75 },
    ],
    [
      'a custom minimum share',
      { minShare: 0.9, scans: scans(['in', '10:00'], ['out', '17:00']) },
      { presentMinutes: 420, status: 'below_minimum' },
    ],
    // 0.55 × 7 200 000 ms is 3 960 000.0000000005 in binary floating point; 66 of 120 minutes is exactly 55%.
    [
      'exactly a share that floating point overshoots (55% of 120 min)',
      { schedule: [span('09:00', '11:00')], minShare: 0.55, scans: scans(['in', '09:54'], ['out', '11:00']) },
      { scheduledMinutes: 120, presentMinutes: 66, hours: 1 },
    ],
    [
      'several pairs are summed',
      {
        scans: scans(
          ['in', '09:00'],
          ['out', '11:00'],
          ['in', '12:00'],
          ['out', '14:00'],
          ['in', '15:00'],
          ['out', '17:00'],
        ),
      },
      { presentMinutes: 360, hours: 6 },
    ],
    [
      'a fourth pair is ignored and flagged',
      {
        scans: scans(
          ['in', '08:50'],
          ['out', '11:00'],
          ['in', '11:10'],
          ['out', '13:00'],
          ['in', '13:10'],
          ['out', '15:00'],
          ['in', '15:10'],
          ['out', '17:00'],
        ),
      },
      { presentMinutes: 340, hours: 5.5, flags: ['extra_pairs_ignored'] },
    ],
    [
      'a repeated check-in keeps the first',
      { scans: scans(['in', '09:00'], ['in', '09:02'], ['out', '17:00']) },
      { presentMinutes: 480, hours: 8, flags: ['repeated_check_in'] },
    ],
    [
      'a missing check-out needs review, with what confirming would credit',
      { scans: scans(['in', '09:30']) },
      { presentMinutes: 450, hours: 0, status: 'needs_review', flags: ['missing_check_out'] },
    ],
    [
      'a missing check-out after an earlier pair still needs review',
      { scans: scans(['in', '09:00'], ['out', '11:00'], ['in', '13:00']) },
      { presentMinutes: 360, hours: 0, status: 'needs_review', flags: ['missing_check_out'] },
    ],
    [
      'a dangling check-in after the end is only flagged',
      { scans: scans(['in', '09:00'], ['out', '17:00'], ['in', '17:30']) },
      { presentMinutes: 480, hours: 8, flags: ['missing_check_out'] },
    ],
    [
      'a check-out without a check-in is ignored and flagged',
      { scans: scans(['out', '08:00'], ['in', '09:00'], ['out', '17:00']) },
      { presentMinutes: 480, hours: 8, flags: ['check_out_without_check_in'] },
    ],
    [
      'only a check-out: nothing present',
      { scans: scans(['out', '17:00']) },
      { status: 'below_minimum', flags: ['check_out_without_check_in'] },
    ],
    ['no scans at all', { scans: [] }, { status: 'below_minimum' }],
    [
      'a category without hours records participation only',
      { awardsHours: false, scans: scans(['in', '09:00'], ['out', '17:00']) },
      { presentMinutes: 480, hours: 0, status: 'participation_only' },
    ],
    [
      'participation is recorded even below the minimum',
      { awardsHours: false, scans: scans(['in', '15:00'], ['out', '17:00']) },
      { presentMinutes: 120, hours: 0, status: 'participation_only' },
    ],
    [
      'a missing check-out needs review even without hours',
      { awardsHours: false, scans: scans(['in', '09:00']) },
      { presentMinutes: 480, status: 'needs_review', flags: ['missing_check_out'] },
    ],
  ])('%s', (_label, input, expected) => {
    expect(hoursOf(input)).toEqual([day(expected)])
  })

  test('scans given out of order are paired in time order', () => {
    const ordered = scans(['in', '09:00'], ['out', '11:00'], ['in', '12:00'], ['out', '17:00'])
    expect(hoursOf({ scans: [...ordered].reverse() })).toEqual(hoursOf({ scans: ordered }))
  })

  test('a lunch break in the schedule is not credited', () => {
    const schedule = [span('09:00', '12:00'), span('13:00', '17:00')]
    expect(hoursOf({ schedule, scans: scans(['in', '09:00'], ['out', '17:00']) })).toEqual([
      day({ scheduledMinutes: 420, presentMinutes: 420, hours: 7 }),
    ])
  })

  test('overlapping schedule spans are not counted twice', () => {
    const schedule = [span('09:00', '13:00'), span('12:00', '17:00')]
    expect(hoursOf({ schedule, scans: scans(['in', '09:00'], ['out', '17:00']) })).toEqual([
      day({ presentMinutes: 480, hours: 8 }),
    ])
  })
})

describe('several days', () => {
  // Saturday 09:00 to Sunday 17:00, planted both days from 09:00 to 17:00.
  const weekend = dailySpans(sh('09:00'), sh('03-15 17:00'))
  const sunday = (d: Partial<DayHours>) => day({ day: '2026-03-15', ...d })

  test('an event over a weekend is two daily spans of 09:00–17:00', () => {
    expect(weekend).toEqual([span('09:00', '17:00'), span('03-15 09:00', '03-15 17:00')])
  })

  test('each Shanghai day is recorded separately', () => {
    const result = hoursOf({
      schedule: weekend,
      scans: scans(['in', '08:55'], ['out', '17:05'], ['in', '03-15 10:00'], ['out', '03-15 15:00']),
    })
    expect(result).toEqual([day({ presentMinutes: 480, hours: 8 }), sunday({ presentMinutes: 300, hours: 5 })])
  })

  test('a Saturday check-in and a Sunday check-out are not 32 hours', () => {
    const result = hoursOf({ schedule: weekend, scans: scans(['in', '09:00'], ['out', '03-15 17:00']) })
    expect(result).toEqual([
      day({ presentMinutes: 480, status: 'needs_review', flags: ['missing_check_out'] }),
      sunday({ status: 'below_minimum', flags: ['check_out_without_check_in'] }),
    ])
  })

  test('forgetting to check out on Saturday does not carry into Sunday', () => {
    const result = hoursOf({
      schedule: weekend,
      scans: scans(['in', '09:00'], ['in', '03-15 09:00'], ['out', '03-15 17:00']),
    })
    expect(result).toEqual([
      day({ presentMinutes: 480, status: 'needs_review', flags: ['missing_check_out'] }),
      sunday({ presentMinutes: 480, hours: 8 }),
    ])
  })

  test('the pair limit is per day', () => {
    const three = (d: string) =>
      scans(
        ['in', `${d}09:00`],
        ['out', `${d}11:00`],
        ['in', `${d}11:00`],
        ['out', `${d}13:00`],
        ['in', `${d}13:00`],
        ['out', `${d}17:00`],
      )
    const result = hoursOf({ schedule: weekend, scans: [...three(''), ...three('03-15 ')] })
    expect(result.map((r) => [r.hours, r.flags])).toEqual([
      [8, []],
      [8, []],
    ])
  })

  test('an overnight event is one stretch split at Shanghai midnight', () => {
    const overnight = dailySpans(sh('20:00'), sh('03-15 02:00'))
    expect(overnight).toEqual([span('20:00', '03-15 02:00')])
    const result = hoursOf({ schedule: overnight, scans: scans(['in', '19:50'], ['out', '03-15 02:10']) })
    expect(result).toEqual([
      day({ scheduledMinutes: 240, presentMinutes: 240, hours: 4 }),
      sunday({ scheduledMinutes: 120, presentMinutes: 120, hours: 2 }),
    ])
  })

  test('a missing check-out in an overnight event is closed at its end', () => {
    const result = hoursOf({ schedule: [span('20:00', '03-15 02:00')], scans: scans(['in', '21:00']) })
    expect(result.map((r) => [r.day, r.presentMinutes, r.status])).toEqual([
      ['2026-03-14', 180, 'needs_review'],
      ['2026-03-15', 120, 'needs_review'],
    ])
  })

  test('an event on one day is one span', () => {
    expect(dailySpans(sh('09:00'), sh('17:00'))).toEqual(DAY)
  })
})

describe('Shanghai days, not UTC days', () => {
  test('a scan at 23:30 UTC is 07:30 the next day in Shanghai and lands there', () => {
    // Sunday 15 March 07:00–09:00 in Shanghai is 23:00 Saturday to 01:00 Sunday UTC.
    const schedule = [{ start: new Date('2026-03-14T23:00:00Z'), end: new Date('2026-03-15T01:00:00Z') }]
    const result = serviceHours({
      schedule,
      awardsHours: true,
      scans: [
        { kind: 'in', at: new Date('2026-03-14T23:30:00Z') },
        { kind: 'out', at: new Date('2026-03-15T01:00:00Z') },
      ],
    })
    expect(result).toEqual([
      { day: '2026-03-15', scheduledMinutes: 120, presentMinutes: 90, hours: 1.5, status: 'ok', flags: [] },
    ])
  })

  test.each([
    ['2026-03-14T15:59:59.999Z', '2026-03-14'],
    ['2026-03-14T16:00:00.000Z', '2026-03-15'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
  ])('%s is %s in Shanghai', (iso, expected) => {
    expect(shanghaiDay(new Date(iso))).toBe(expected)
  })

  // Jest sandboxes process.env, so setting TZ inside a test does not change the clock's zone:
  // run the module in child processes that really are in other zones.
  const script = `
    const h = require('./server/domain/checkin/hours.ts')
    const d = (s) => new Date(s)
    const weekend = h.dailySpans(d('2026-03-14T09:00:00+08:00'), d('2026-03-15T17:00:00+08:00'))
    console.log(JSON.stringify([
      weekend,
      h.serviceHours({ schedule: weekend, awardsHours: true, scans: [
        { kind: 'in', at: d('2026-03-14T08:55:00+08:00') }, { kind: 'out', at: d('2026-03-14T16:59:00+08:00') },
        { kind: 'in', at: d('2026-03-15T09:00:00+08:00') },
      ] }),
      h.serviceHours({ schedule: [{ start: d('2026-03-14T23:00:00Z'), end: d('2026-03-15T01:00:00Z') }], awardsHours: true, scans: [
        { kind: 'in', at: d('2026-03-14T23:30:00Z') }, { kind: 'out', at: d('2026-03-15T01:00:00Z') },
      ] }),
      h.serviceHours({ schedule: h.dailySpans(d('2026-03-14T20:00:00+08:00'), d('2026-03-15T02:00:00+08:00')), awardsHours: true, scans: [
        { kind: 'in', at: d('2026-03-14T19:00:00+08:00') }, { kind: 'out', at: d('2026-03-15T01:30:00+08:00') },
      ] }),
    ]))`
  const runIn = (tz: string) =>
    execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
      cwd: path.resolve(__dirname, '../../..'),
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    })

  test('the results are the same whatever the process time zone', () => {
    const [utc, la, shanghai] = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai'].map(runIn)
    expect(la).toBe(utc)
    expect(shanghai).toBe(utc)
    const [weekend, twoDays, early, overnight] = JSON.parse(utc)
    expect(weekend).toEqual(
      ['2026-03-14T01:00:00.000Z', '2026-03-15T01:00:00.000Z'].map((s) => ({
        start: s,
        end: new Date(new Date(s).getTime() + 8 * 3600_000).toISOString(),
      })),
    )
    expect(twoDays.map((r: DayHours) => [r.day, r.presentMinutes, r.hours, r.status])).toEqual([
      ['2026-03-14', 479, 7.5, 'ok'],
      ['2026-03-15', 480, 0, 'needs_review'],
    ])
    expect(early.map((r: DayHours) => [r.day, r.presentMinutes, r.hours])).toEqual([['2026-03-15', 90, 1.5]])
    expect(overnight.map((r: DayHours) => [r.day, r.presentMinutes, r.hours])).toEqual([
      ['2026-03-14', 240, 4],
      ['2026-03-15', 90, 1.5],
    ])
  })
})

describe('misuse by the caller', () => {
  test.each<[string, Partial<HoursInput>]>([
    ['a span that ends before it starts', { schedule: [span('17:00', '09:00')] }],
    ['an invalid scan instant', { scans: [{ kind: 'in', at: new Date('not a date') }] }],
    ['a minimum share above 1', { minShare: 1.5 }],
    ['a zero rounding step', { stepHours: 0 }],
  ])('%s throws', (_label, patch) => {
    expect(() => serviceHours({ schedule: DAY, scans: [], awardsHours: true, ...patch })).toThrow()
  })
})

test('the days an event is scheduled on run from its start to its last minute, in Shanghai', () => {
  const days = (from: string, to: string) => scheduledDays(new Date(from), new Date(to)).map((d) => d.day)
  // Sat 09:00 – Sun 17:00 Shanghai.
  expect(days('2024-03-09T01:00:00Z', '2024-03-10T09:00:00Z')).toEqual(['2024-03-09', '2024-03-10'])
  // 07:00 Shanghai on the 10th is 23:00 UTC on the 9th.
  expect(days('2024-03-09T23:00:00Z', '2024-03-10T01:00:00Z')).toEqual(['2024-03-10'])
  // Ending at Shanghai midnight does not cover the next day.
  expect(days('2024-03-10T12:00:00Z', '2024-03-10T16:00:00Z')).toEqual(['2024-03-10'])
  // Overnight: 20:00 – 02:00, with the minutes on each side of midnight.
  expect(scheduledDays(new Date('2024-03-10T12:00:00Z'), new Date('2024-03-10T18:00:00Z'))).toEqual([
    { day: '2024-03-10', minutes: 240 },
    { day: '2024-03-11', minutes: 120 },
  ])
  // An event must end after it starts (the schedule checks refuse anything else upstream).
  expect(() => days('2024-03-10T12:00:00Z', '2024-03-10T12:00:00Z')).toThrow(RangeError)
})
