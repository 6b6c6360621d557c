import {
  checkCapacity,
  checkFinishable,
  checkPublishable,
  checkSchedule,
  checkTransition,
  diff,
  type EventState,
} from '../../server/domain/event-rules'
import { INVITE_ALPHABET, inviteCodeFrom, inviteUse } from '../../server/domain/invite-code'
import { checkEventLine, lineState } from '../../server/domain/plan'
import { parseMonth, validatePlanRows } from '../../server/domain/plan-import'
import { can, type Actor } from '../../server/domain/policy'
import { rowMessages } from '../../server/app/plan/row-messages'
import { maskPhone } from '../../server/domain/privacy'
import { shanghaiMonthRange, shanghaiYearMonth } from '../../server/domain/shanghai-time'

const at = (iso: string) => new Date(iso)

describe('Shanghai calendar', () => {
  test('a month runs from 00:00 on the 1st in Shanghai (16:00 UTC the day before)', () => {
    expect(shanghaiMonthRange(2026, 3)).toEqual({ start: at('2026-02-28T16:00:00Z'), end: at('2026-03-31T16:00:00Z') })
    expect(shanghaiMonthRange(2026, 12).end).toEqual(at('2026-12-31T16:00:00Z'))
  })
  test.each([
    ['2026-03-31T15:59:59Z', 3],
    ['2026-03-31T16:00:00Z', 4],
    ['2026-12-31T16:00:00Z', 1],
  ])('%s is in month %i', (iso, month) => {
    expect(shanghaiYearMonth(at(iso)).month).toBe(month)
  })
})

describe('event schedule and lifecycle', () => {
  const ok = {
    startAt: at('2026-12-10T01:00:00Z'),
    endAt: at('2026-12-10T03:00:00Z'),
    signupOpensAt: at('2026-12-01T00:00:00Z'),
    signupClosesAt: at('2026-12-09T00:00:00Z'),
  }
  test('a sane schedule passes', () => expect(checkSchedule(ok)).toBeNull())
  test.each([
    [{ endAt: ok.startAt }, { endAt: 'endBeforeStart' }],
    [{ endAt: at('2027-01-12T01:00:00Z') }, { endAt: 'tooLong' }],
    [{ signupClosesAt: ok.signupOpensAt }, { signupClosesAt: 'closesBeforeOpens' }],
    [{ signupClosesAt: at('2026-12-10T02:00:00Z') }, { signupClosesAt: 'closesAfterStart' }],
  ])('rejects %j', (patch, problems) => {
    expect(checkSchedule({ ...ok, ...patch })).toEqual({ kind: 'badSchedule', maxDays: 31, ...problems })
  })
  test('every problem of a schedule is reported, by field', () => {
    expect(checkSchedule({ ...ok, endAt: ok.startAt, signupClosesAt: ok.signupOpensAt })).toEqual({
      kind: 'badSchedule',
      maxDays: 31,
      endAt: 'endBeforeStart',
      signupClosesAt: 'closesBeforeOpens',
    })
  })
  test('sign-up may close exactly at the start; a 31-day event is allowed', () => {
    expect(
      checkSchedule({ ...ok, signupClosesAt: ok.startAt, endAt: new Date(ok.startAt.getTime() + 31 * 86_400_000) }),
    ).toBeNull()
  })
  test('capacity below seats taken is a conflict', () => {
    expect(checkCapacity(9, 10)).toEqual({ kind: 'capacityBelowTaken', seatsTaken: 10 })
    expect(checkCapacity(10, 10)).toBeNull()
  })
  test.each<[EventState, 'edit' | 'publish' | 'cancel' | 'finish', boolean]>([
    ['draft', 'edit', true],
    ['draft', 'publish', true],
    ['draft', 'cancel', true],
    ['draft', 'finish', false],
    ['published', 'edit', true],
    ['published', 'publish', false],
    ['published', 'cancel', true],
    ['published', 'finish', true],
    ['cancelled', 'edit', false],
    ['cancelled', 'publish', false],
    ['cancelled', 'cancel', false],
    ['cancelled', 'finish', false],
    ['finished', 'edit', false],
    ['finished', 'cancel', false],
  ])('%s → %s allowed: %s', (state, transition, allowed) => {
    if (allowed) expect(checkTransition(state, transition)).toBeNull()
    else expect(checkTransition(state, transition)).toEqual({ kind: 'transitionNotAllowed', state, transition })
  })
  test('publishing needs a start ahead; finishing needs a start behind', () => {
    const now = at('2026-12-10T01:00:00Z')
    expect(checkPublishable(ok, now)).toEqual({ kind: 'startPassed' })
    expect(checkPublishable(ok, at('2026-12-10T00:59:59Z'))).toBeNull()
    expect(checkFinishable(ok, now)).toBeNull()
    expect(checkFinishable(ok, at('2026-12-10T00:59:59Z'))).toEqual({ kind: 'notStartedYet' })
  })
  test('diff lists changed fields only, dates as ISO', () => {
    expect(
      diff({ a: 1, b: 'x', t: at('2026-01-01T00:00:00Z') }, { a: 1, b: 'y', t: at('2026-01-02T00:00:00Z') }),
    ).toEqual({ b: ['x', 'y'], t: ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'] })
  })
})

describe('annual list line state', () => {
  const now = at('2026-07-15T00:00:00Z')
  test.each([
    ['held when an event was finished', 3, [{ state: 'finished' as const, endAt: at('2026-09-01T00:00:00Z') }], 'held'],
    [
      'held when a published event has ended',
      3,
      [{ state: 'published' as const, endAt: at('2026-03-01T00:00:00Z') }],
      'held',
    ],
    [
      'posted when a published event is ahead',
      9,
      [{ state: 'published' as const, endAt: at('2026-09-10T00:00:00Z') }],
      'posted',
    ],
    [
      'overdue when the month is over with nothing held',
      6,
      [{ state: 'cancelled' as const, endAt: at('2026-06-10T00:00:00Z') }],
      'overdue',
    ],
    [
      'planned in its month even with only a draft',
      7,
      [{ state: 'draft' as const, endAt: at('2026-07-10T00:00:00Z') }],
      'planned',
    ],
  ])('%s', (_label, month, events, state) => {
    expect(lineState(2026, month, events, now)).toBe(state)
  })
  test('a line planned for June becomes overdue at 00:00 on 1 July in Shanghai', () => {
    expect(lineState(2026, 6, [], at('2026-06-30T15:59:59Z'))).toBe('planned')
    expect(lineState(2026, 6, [], at('2026-06-30T16:00:00Z'))).toBe('overdue')
  })
})

describe('plan import rows', () => {
  test.each([
    ['3', 3],
    ['03', 3],
    ['3月', 3],
    ['十二月', 12],
    ['十一', 11],
    ['0', null],
    ['13', null],
    ['三月份', 3],
    ['', null],
  ])('month %s → %s', (v, m) => {
    expect(parseMonth(v)).toBe(m)
  })
  test('maps names to ids and reports every problem of a row', () => {
    const lookup = { units: [{ id: 'u1', name: '甲单位' }], categories: [{ code: 'reading_club', name: '读书会' }] }
    const r = validatePlanRows(
      [
        {
          row: 2,
          unitName: ' 甲单位 ',
          category: '读书会',
          title: '读书会',
          month: '5',
          targetCommunity: '',
          needsNote: '',
        },
        { row: 3, unitName: '乙单位', category: '跳伞', title: 'x', month: '13', targetCommunity: '', needsNote: '' },
      ],
      lookup,
    )
    expect(r.lines).toEqual([
      {
        unitId: 'u1',
        category: 'reading_club',
        title: '读书会',
        plannedMonth: 5,
        targetCommunity: null,
        needsNote: null,
      },
    ])
    expect(r.errors).toEqual([
      {
        row: 3,
        problems: [
          { kind: 'unknownUnit', name: '乙单位' },
          { kind: 'unknownCategory', name: '跳伞' },
          { kind: 'badTitle', min: 2, max: 60 },
          { kind: 'badMonth', value: '13' },
        ],
      },
    ])
    expect(rowMessages(r.errors)).toEqual([
      {
        row: 3,
        message:
          '单位「乙单位」不是本区已通过审核的成员单位；活动类别「跳伞」不存在；活动名称须为 2–60 个字；计划月份「13」应为 1–12',
      },
    ])
  })
  test('an empty sheet, a sheet too long, and over-long notes are reported', () => {
    const row = { row: 2, unitName: '甲单位', category: 'reading_club', title: '读书会', month: '5' }
    const lookup = { units: [{ id: 'u1', name: '甲单位' }], categories: [{ code: 'reading_club', name: '读书会' }] }
    expect(validatePlanRows([], lookup).errors).toEqual([{ row: 1, problems: [{ kind: 'noRows' }] }])
    const many = Array.from({ length: 501 }, (_, i) => ({ ...row, row: i + 2, targetCommunity: '', needsNote: '' }))
    const tooMany = validatePlanRows(many, lookup)
    expect(tooMany.errors).toEqual([{ row: 502, problems: [{ kind: 'tooManyRows', max: 500 }] }])
    expect(rowMessages(tooMany.errors)).toEqual([{ row: 502, message: '一次最多导入 500 条' }])
    const long = validatePlanRows([{ ...row, targetCommunity: 'x'.repeat(61), needsNote: 'y'.repeat(301) }], lookup)
    expect(rowMessages(long.errors)).toEqual([
      { row: 2, message: '对接社区不能超过 60 个字；需求说明不能超过 300 个字' },
    ])
  })
})

describe('policy', () => {
  const actor = (districts: string[], units: [string, 'admin' | 'organiser'][]): Actor => ({
    userId: 'u',
    districtAdminOf: new Set(districts),
    unitRoles: new Map(units),
  })
  const unitA = { id: 'A', districtId: 'runzhou' }
  test('unit admins manage their unit; organisers only its events; district admins everything in their district', () => {
    expect(can.manageUnit(actor([], [['A', 'admin']]), unitA)).toBe(true)
    expect(can.manageUnit(actor([], [['A', 'organiser']]), unitA)).toBe(false)
    expect(can.manageEvents(actor([], [['A', 'organiser']]), unitA)).toBe(true)
    expect(can.manageEvents(actor([], [['B', 'admin']]), unitA)).toBe(false)
    expect(can.manageEvents(actor(['runzhou'], []), unitA)).toBe(true)
    expect(can.manageEvents(actor(['jingkou'], []), unitA)).toBe(false)
    expect(can.editPlan(null, 'runzhou')).toBe(false)
  })
  test('a pending application is seen only by the district admin and the applicant', () => {
    const pending = { ...unitA, status: 'pending', applicantId: 'u' }
    expect(can.seeUnit(actor([], []), pending)).toBe(true)
    expect(can.seeUnit({ ...actor([], []), userId: 'other' }, pending)).toBe(false)
    expect(can.seeUnit(null, pending)).toBe(false)
    expect(can.seeUnit(null, { ...pending, applicantId: null })).toBe(false)
    expect(can.seeUnit(actor(['runzhou'], []), { ...pending, applicantId: null })).toBe(true)
    expect(can.seeUnit(null, { ...pending, status: 'admitted' })).toBe(true)
  })
  test("a unit's contact phone is whole for its people, the district admin and the applicant only", () => {
    const unit = { ...unitA, applicantId: 'applicant' }
    expect(can.seeUnitContact(actor([], [['A', 'organiser']]), unit)).toBe(true)
    expect(can.seeUnitContact(actor(['runzhou'], []), unit)).toBe(true)
    expect(can.seeUnitContact({ ...actor([], []), userId: 'applicant' }, unit)).toBe(true)
    expect(can.seeUnitContact(actor([], [['B', 'admin']]), unit)).toBe(false)
    expect(can.seeUnitContact(null, { ...unit, applicantId: null })).toBe(false)
  })
})

describe('posting an event against the annual list', () => {
  test('an ad-hoc event needs the district to allow them', () => {
    expect(checkEventLine('A', null, null, false)).toEqual({ kind: 'adhocNotAllowed' })
    expect(checkEventLine('A', null, null, true)).toBeNull()
  })
  test("a line must be the unit's own and its list published", () => {
    expect(checkEventLine('A', 'l', null, true)).toEqual({ kind: 'lineNotOfUnit' })
    expect(checkEventLine('A', 'l', { unitId: 'B', planStatus: 'published' }, true)).toEqual({ kind: 'lineNotOfUnit' })
    expect(checkEventLine('A', 'l', { unitId: 'A', planStatus: 'draft' }, true)).toEqual({ kind: 'lineNotPublished' })
    expect(checkEventLine('A', 'l', { unitId: 'A', planStatus: 'published' }, false)).toBeNull()
  })
})

describe('accepting an invite', () => {
  const now = at('2026-07-01T00:00:00Z')
  const invite = { unitId: 'A', expiresAt: at('2026-07-02T00:00:00Z'), uses: 19, maxUses: 20 }
  const none = () => false
  test('an unknown or expired code is invalid', () => {
    expect(inviteUse(null, now, none)).toEqual({ kind: 'inviteInvalid' })
    expect(inviteUse({ ...invite, expiresAt: now }, now, none)).toEqual({ kind: 'inviteInvalid' })
  })
  test('a code joins until its uses are spent; a member joining again spends nothing', () => {
    expect(inviteUse(invite, now, none)).toEqual({ kind: 'join', unitId: 'A' })
    expect(inviteUse({ ...invite, uses: 20 }, now, none)).toEqual({ kind: 'inviteUsedUp' })
    expect(inviteUse({ ...invite, uses: 20 }, now, (id) => id === 'A')).toEqual({ kind: 'alreadyMember', unitId: 'A' })
  })
})

test('invite codes use only the unambiguous alphabet', () => {
  let seed = 0
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 131 + 7) % 256))
  for (let i = 0; i < 50; i++) {
    const code = inviteCodeFrom(bytes)
    expect(code).toHaveLength(8)
    expect([...code].every((c) => INVITE_ALPHABET.includes(c))).toBe(true)
  }
})

test.each([
  ['13905112233', '139****2233'],
  ['0511-8000 1234', '051****1234'],
  ['12345', '*****'],
])('masks %s as %s', (p, m) => {
  expect(maskPhone(p)).toBe(m)
})
