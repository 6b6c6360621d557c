/**
 * Honours (packages/honours): the public roll by year (masked names and units only, as the server
 * sends them), my honours, a unit's nomination (kind, person, reason; a refusal in the server's words),
 * and the district's review (通过; 不通过 needs a reason).
 */
import type { HonourNomination } from '@api/honour'
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/cloud'
import { useSessionStore } from '@/features/session/store/session'
import { openPage, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, byText, callsOf, tap, typeInto } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const UNIT = 'aaaaaaaa-0000-4000-8000-0000000000a1'
const KIND = 'aaaaaaaa-0000-4000-8000-0000000000b1'
const PERSON = 'aaaaaaaa-0000-4000-8000-0000000000c1'
const NOM = 'aaaaaaaa-0000-4000-8000-0000000000d1'

let toast: jest.SpyInstance
beforeEach(() => {
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
})
afterEach(() => {
  useSessionStore.getState().reset()
  toast.mockRestore()
  jest.useRealTimers()
})

const kind = (over = {}) => ({
  id: KIND,
  year: 2026,
  name: '优秀青年志愿者',
  quotaPerUnit: 2,
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2026-12-20T00:00:00.000Z',
  open: true,
  ...over,
})

const nomination = (over: Partial<HonourNomination> = {}): HonourNomination => ({
  id: NOM,
  kindId: KIND,
  kindName: '优秀青年志愿者',
  year: 2026,
  unitId: UNIT,
  unitName: '中国邮政镇江分公司团委',
  userId: PERSON,
  name: '王小明',
  reason: '全年参加志愿服务 20 余次',
  record: { year: 2026, approvedHours: 12.5, activitiesAttended: 4, certificates: [] },
  state: 'pending',
  declineReason: null,
  createdAt: '2026-11-20T02:00:00.000Z',
  decidedAt: null,
  ...over,
})

test('the roll shows each kind with masked names and units; another year is asked for', async () => {
  serve({
    'honour.roll': (d) =>
      (d as { year: number }).year === 2026
        ? {
            year: 2026,
            kinds: [
              {
                name: '优秀青年志愿者',
                items: [{ kindName: '优秀青年志愿者', name: '王*明', unitName: '中国邮政镇江分公司团委' }],
              },
            ],
          }
        : { year: 2025, kinds: [] },
  })
  await openPage('/packages/honours/pages/roll/index')
  await settle()
  expect(callsOf(callFunctionMock, 'honour', 'roll')).toEqual([{ year: 2026 }])
  expect(byTestId('roll-kind').textContent).toContain('优秀青年志愿者（1 人）')
  expect(allByTestId('roll-item').map((i) => i.textContent)).toEqual(['王*明 · 中国邮政镇江分公司团委'])
  await tap(byText('.honours__chip', '2025 年'))
  await settle()
  expect(callsOf(callFunctionMock, 'honour', 'roll').slice(-1)).toEqual([{ year: 2025 }])
  expect(byTestId('empty-state').textContent).toContain('2025 年的荣誉还未公布')
})

test('my honours list the year, the kind and the nominating unit; none says so', async () => {
  serve({
    'honour.mine': () => ({
      items: [
        {
          id: NOM,
          year: 2026,
          kindName: '优秀青年志愿者',
          unitName: '中国邮政镇江分公司团委',
          decidedAt: '2026-11-24T02:00:00.000Z',
        },
      ],
    }),
  })
  await openPage('/packages/honours/pages/mine/index')
  await settle()
  expect(byTestId('my-honour').textContent).toBe('2026 年度优秀青年志愿者推荐单位：中国邮政镇江分公司团委')
  serve({ 'honour.mine': () => ({ items: [] }) })
  await openPage('/packages/honours/pages/mine/index')
  await settle()
  expect(byTestId('empty-state').textContent).toContain('还没有获得荣誉')
})

test('a unit nominates: a person and a reason are needed; the server’s refusal is shown, then it goes', async () => {
  let first = true
  serve({
    'honour.kinds': () => ({ items: [kind(), kind({ id: 'closed', name: '青年岗位能手', open: false })] }),
    'honour.candidates': () => ({
      kind: kind(),
      used: 1,
      items: [
        { userId: PERSON, name: '王小明', attended: 4, member: false, nominated: false },
        { userId: 'other', name: '李四', attended: 2, member: true, nominated: true },
      ],
    }),
    'honour.nominate': () => {
      if (first) {
        first = false
        throw new ApiError('CONFLICT', '本单位这项荣誉最多推荐 2 人，名额已满')
      }
      return nomination()
    },
  })
  await openPage(`/packages/honours/pages/nominate/index?unitId=${UNIT}`)
  await settle()
  // Only the open kind is offered.
  expect(allByTestId('nominate-kind').map((k) => k.textContent)).toEqual(['优秀青年志愿者'])
  expect(callsOf(callFunctionMock, 'honour', 'candidates')).toEqual([{ kindId: KIND, unitId: UNIT }])
  expect(byTestId('nominate-quota').textContent).toBe('名额 2 人，已推荐 1 人')
  expect(allByTestId('nominate-person').map((p) => p.textContent)).toEqual([
    '王小明 · 参加活动 4 次',
    '李四 · 参加活动 2 次 · 单位成员 · 已被推荐',
  ])
  await tap(byTestId('nominate-submit'))
  expect(byTestId('form-error').textContent).toBe('请选择被推荐人')
  await tap(allByTestId('nominate-person')[1])
  await tap(byTestId('nominate-submit'))
  expect(byTestId('form-error').textContent).toBe('请选择被推荐人')
  await tap(allByTestId('nominate-person')[0])
  await tap(byTestId('nominate-submit'))
  expect(byTestId('form-error').textContent).toBe('请填写推荐理由')
  await typeInto('input-reason', '全年参加志愿服务 20 余次')
  await tap(byTestId('nominate-submit'))
  await settle()
  expect(byTestId('form-error').textContent).toBe('本单位这项荣誉最多推荐 2 人，名额已满')
  await tap(byTestId('nominate-submit'))
  await settle()
  expect(callsOf(callFunctionMock, 'honour', 'nominate')).toEqual([
    { kindId: KIND, unitId: UNIT, userId: PERSON, reason: '全年参加志愿服务 20 余次' },
    { kindId: KIND, unitId: UNIT, userId: PERSON, reason: '全年参加志愿服务 20 余次' },
  ])
  expect(toast).toHaveBeenCalledWith({ title: '已推荐', icon: 'none' })
})

test('an organiser of several units picks the unit: the candidates and the nomination follow it', async () => {
  const OTHER = 'aaaaaaaa-0000-4000-8000-0000000000a2'
  useSessionStore.setState({
    phase: 'ready',
    me: {
      userId: 'u-1',
      nickname: '陆斌',
      roles: ['youth', 'unit_admin'],
      units: [
        { id: UNIT, name: '中国邮政镇江分公司团委', role: 'admin' },
        { id: OTHER, name: '润州区青年志愿者协会', role: 'organiser' },
      ],
      privacy: { version: '2026-11-25', agreed: true, agreedAt: null },
      application: null,
    },
  })
  serve({
    'honour.kinds': () => ({ items: [kind()] }),
    'honour.candidates': (d) => ({
      kind: kind(),
      used: 0,
      items:
        (d as { unitId: string }).unitId === OTHER
          ? [{ userId: 'p-2', name: '赵六', attended: 3, member: false, nominated: false }]
          : [{ userId: PERSON, name: '王小明', attended: 4, member: false, nominated: false }],
    }),
    'honour.nominate': () => nomination({ unitId: OTHER, userId: 'p-2' }),
  })
  // The link names a unit: it is picked first.
  await openPage(`/packages/honours/pages/nominate/index?unitId=${UNIT}`)
  await settle()
  expect(allByTestId('nominate-unit').map((u) => u.textContent)).toEqual([
    '中国邮政镇江分公司团委',
    '润州区青年志愿者协会',
  ])
  expect(byTestId('nominate-units').querySelector('.honours__chip--on')?.textContent).toBe('中国邮政镇江分公司团委')
  await tap(allByTestId('nominate-person')[0])
  await tap(byText('.honours__chip', '润州区青年志愿者协会'))
  await settle()
  expect(callsOf(callFunctionMock, 'honour', 'candidates')).toEqual([
    { kindId: KIND, unitId: UNIT },
    { kindId: KIND, unitId: OTHER },
  ])
  expect(allByTestId('nominate-person').map((p) => p.textContent)).toEqual(['赵六 · 参加活动 3 次'])
  // The person picked in the other unit is forgotten.
  await typeInto('input-reason', '全年参加志愿服务 20 余次')
  await tap(byTestId('nominate-submit'))
  expect(byTestId('form-error').textContent).toBe('请选择被推荐人')
  await tap(allByTestId('nominate-person')[0])
  await tap(byTestId('nominate-submit'))
  await settle()
  expect(callsOf(callFunctionMock, 'honour', 'nominate')).toEqual([
    { kindId: KIND, unitId: OTHER, userId: 'p-2', reason: '全年参加志愿服务 20 余次' },
  ])

  // Without a unit in the link, the first of the person's units.
  callFunctionMock.mockClear()
  await openPage('/packages/honours/pages/nominate/index')
  await settle()
  expect(callsOf(callFunctionMock, 'honour', 'candidates')).toEqual([{ kindId: KIND, unitId: UNIT }])
})

test('one unit: no picker', async () => {
  useSessionStore.setState({
    phase: 'ready',
    me: {
      userId: 'u-1',
      nickname: '陆斌',
      roles: ['youth', 'unit_admin'],
      units: [{ id: UNIT, name: '中国邮政镇江分公司团委', role: 'admin' }],
      privacy: { version: '2026-11-25', agreed: true, agreedAt: null },
      application: null,
    },
  })
  serve({
    'honour.kinds': () => ({ items: [kind()] }),
    'honour.candidates': () => ({ kind: kind(), used: 0, items: [] }),
  })
  await openPage('/packages/honours/pages/nominate/index')
  await settle()
  expect(allByTestId('nominate-unit')).toEqual([])
  // (A page left open by the test before may ask too: every ask is for the one unit.)
  const asked = callsOf(callFunctionMock, 'honour', 'candidates')
  expect(asked.length).toBeGreaterThan(0)
  expect(asked.every((a) => JSON.stringify(a) === JSON.stringify({ kindId: KIND, unitId: UNIT }))).toBe(true)
})

test('no kind open: the unit is told', async () => {
  serve({ 'honour.kinds': () => ({ items: [kind({ open: false })] }) })
  await openPage(`/packages/honours/pages/nominate/index?unitId=${UNIT}`)
  await settle()
  expect(byTestId('empty-state').textContent).toContain('2026 年暂无可推荐的荣誉')
  expect(callsOf(callFunctionMock, 'honour', 'candidates')).toHaveLength(0)
})

test('the district reviews: the record is shown; approve; declining asks for a reason first', async () => {
  serve({
    'honour.nominations': () => ({ items: [nomination(), nomination({ id: 'second', name: '李四' })] }),
    'honour.decide': () => nomination({ state: 'approved' }),
  })
  await openPage('/packages/honours/pages/review/index')
  await settle()
  expect(callsOf(callFunctionMock, 'honour', 'nominations')).toEqual([{ year: 2026, state: 'pending' }])
  expect(allByTestId('review-record')[0].textContent).toBe(
    '2026 年志愿服务 12.5 小时 · 参加活动 4 次 · 志愿服务证明 0 份',
  )
  expect(text()).toContain('全年参加志愿服务 20 余次')
  await tap(allByTestId('review-approve')[0])
  await settle()
  expect(callsOf(callFunctionMock, 'honour', 'decide')).toEqual([{ nominationId: NOM, approve: true, reason: '' }])
  expect(toast).toHaveBeenCalledWith({ title: '已通过', icon: 'none' })

  await tap(allByTestId('review-decline')[1])
  await tap(allByTestId('review-decline')[1])
  expect(byTestId('form-error').textContent).toBe('请填写不通过的原因')
  await typeInto('input-decline-reason', '材料不全')
  await tap(allByTestId('review-decline')[1])
  await settle()
  expect(callsOf(callFunctionMock, 'honour', 'decide').slice(-1)).toEqual([
    { nominationId: 'second', approve: false, reason: '材料不全' },
  ])
})
