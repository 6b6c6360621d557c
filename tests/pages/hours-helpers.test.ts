import { entryActions, groupByPerson, parseHours, personOptions } from '@/packages/organiser/features/hours/ledger'
import { entryFlags, flagText, minutesText } from '@/packages/organiser/features/hours/labels'
import { statusView } from '@/features/hours/format'
import type { HoursFlag } from '@api/hours'
import { HOURS_FLAGS } from '@contract/hours'
import { PEOPLE, REG_A, REG_B, REG_C, entry, eventHours, preview } from './support/hours-fixtures'

test('hours as typed: numbers within 0–24 in the event steps', () => {
  expect(parseHours('2.5', 0.5)).toEqual({ ok: true, value: 2.5 })
  expect(parseHours(' 3 ', 1)).toEqual({ ok: true, value: 3 })
  expect(parseHours('0.3', 0.1)).toEqual({ ok: true, value: 0.3 })
  expect(parseHours('0.75', 0.25)).toEqual({ ok: true, value: 0.75 })
  expect(parseHours('0', 0.5)).toEqual({ ok: true, value: 0 })
  expect(parseHours('0', 0.5, { positive: true })).toEqual({ ok: false, message: '补录时长须大于 0' })
  expect(parseHours('', 0.5)).toEqual({ ok: false, message: '请填写时长' })
  expect(parseHours('-1', 0.5)).toEqual({ ok: false, message: '时长须为数字' })
  expect(parseHours('abc', 0.5)).toEqual({ ok: false, message: '时长须为数字' })
  expect(parseHours('2.2', 0.5)).toEqual({ ok: false, message: '时长须为 0.5 小时的整数倍' })
  expect(parseHours('24.5', 0.5)).toEqual({ ok: false, message: '一天最多 24 小时' })
})

test('flags in plain Chinese; needs-review without a known flag still says so', () => {
  expect(flagText('missing_check_out')).toBe('未签退，需核实')
  expect(flagText('far_from_venue')).toBe('签到位置离活动地点较远，需核实')
  expect(flagText('something_new')).toBe('需核实（something_new）')
  expect(entryFlags({ flags: [], needsReview: true })).toEqual(['需核实'])
  expect(entryFlags({ flags: ['missing_check_out'], needsReview: true })).toEqual(['未签退，需核实'])
  expect(entryFlags({ flags: ['repeated_check_in'], needsReview: false })).toEqual(['重复签到（按第一次计）'])
  // Flags are looked up, not guessed from their names.
  expect(flagText('location_far')).toBe('需核实（location_far）')
  expect(flagText('adjusted')).toBe('组织者已手动调整')
  expect(minutesText(150)).toBe('2小时30分')
  expect(minutesText(45)).toBe('45分')
  expect(minutesText(120)).toBe('2小时')
})

test('statuses: pending, on notice until a time, approved, declined', () => {
  const now = new Date('2024-03-10T06:00:00Z')
  expect(statusView({ status: 'pending', noticeUntil: null }, now).text).toBe('待确认')
  expect(statusView({ status: 'pending', noticeUntil: '2024-03-13T04:00:00Z' }, now).text).toBe(
    '公示中（至 3月13日 12:00）',
  )
  expect(statusView({ status: 'approved', noticeUntil: null }, now).text).toBe('已确认')
  expect(statusView({ status: 'declined', noticeUntil: null }, now).text).toBe('未通过')
})

test('grouping per person, make-up candidates from the ledger and the preview, and what each entry allows', () => {
  const a = entry({ day: '2024-03-10' })
  const b = entry({ day: '2024-03-09' })
  const c = entry({ registrationId: REG_B, person: PEOPLE.WANG })
  const groups = groupByPerson(
    eventHours({ entries: [a, c, b], totals: [{ registrationId: REG_A, approvedHours: 4 }] }),
  )
  expect(groups.map((g) => [g.name, g.entries.map((e) => e.id), g.approvedHours])).toEqual([
    ['阿王', [c.id], 0],
    ['李青', [b.id, a.id], 4],
  ])
  expect(
    personOptions(eventHours({ entries: [a, c] }), preview())
      .map((p) => p.registrationId)
      .sort(),
  ).toEqual([REG_A, REG_B, REG_C].sort())
  // People holding a place without any scan or entry can get a make-up too.
  const noScans = '55555555-6666-4777-8888-999999999999'
  expect(
    personOptions(
      eventHours({ people: [{ registrationId: noScans, person: { nickname: '小赵', realName: '赵一' } }] }),
      null,
    ),
  ).toEqual([{ registrationId: noScans, name: '赵一' }])

  expect(entryActions(entry())).toEqual({ adjust: true, decline: true })
  expect(entryActions(entry({ status: 'approved' }))).toEqual({ adjust: true, decline: false })
  expect(entryActions(entry({ status: 'approved', corrected: true }))).toEqual({ adjust: false, decline: false })
  expect(entryActions(entry({ kind: 'reversal', status: 'approved', hours: -2 }))).toEqual({
    adjust: false,
    decline: false,
  })
  expect(entryActions(entry({ status: 'declined' }))).toEqual({ adjust: false, decline: false })
})

test("every flag of the contract has its own words, and the contract's list is the HoursFlag union", () => {
  // Compile-time: the zod-free list and the API type name the same flags, both ways.
  const listed: readonly HoursFlag[] = HOURS_FLAGS
  const everyFlag: Record<HoursFlag, true> = Object.fromEntries(HOURS_FLAGS.map((f) => [f, true])) as Record<
    (typeof HOURS_FLAGS)[number],
    true
  >
  expect(Object.keys(everyFlag)).toEqual([...listed])
  for (const flag of HOURS_FLAGS) expect(flagText(flag)).not.toMatch(/^需核实（/)
})
