/**
 * 我的阵地 (packages/venues/pages/mine): the venues of the units this person administers (and the
 * district's own for the district admin), each opening its editor; 新增阵地 for the chosen owner.
 * Reached from the venue list (unit admins and the district admin only) and from 我的.
 */
import Taro from '@tarojs/taro'
import { useSessionStore } from '@/features/session/store/session'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, byText, tap } from './support/dom'
import { UNIT_A, UNIT_B, me, summary } from './support/venue-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = '/packages/venues/pages/mine/index'

const post = summary({
  id: 'bbbbbbbb-0000-4000-8000-000000000009',
  name: '邮政大楼三楼青年之家',
  tier: 'functional',
  address: '镇江市润州区中山西路',
  ownerUnitId: UNIT_A,
  facilityKinds: ['meeting_room', 'reading_area'],
})
const mobile = summary()
const cafe = summary({
  id: 'bbbbbbbb-0000-4000-8000-000000000008',
  name: '青年之家共营店·半日闲咖啡',
  tier: 'partner',
  ownerUnitId: null,
  facilityKinds: [],
})

let navigate: jest.SpyInstance

beforeEach(() => {
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  useSessionStore.getState().reset()
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})

afterEach(() => {
  navigate.mockRestore()
  jest.useRealTimers()
})

test('a unit admin sees only their unit’s venues, opens one, and adds a new one', async () => {
  serve({ 'session.me': () => me(), 'venue.venues': () => ({ items: [mobile, post, cafe] }) })
  await openPage(PAGE)
  await settle()
  expect(text()).toContain('中国邮政镇江分公司团委')
  const items = allByTestId('my-venue')
  expect(items).toHaveLength(1)
  expect(items[0].textContent).toContain('邮政大楼三楼青年之家')
  expect(items[0].textContent).toContain('功能店 · 镇江市润州区中山西路')
  expect(items[0].textContent).toContain('2 类设施')
  await tap(items[0])
  expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/venues/pages/edit/index?id=${post.id}` })
  await tap(byTestId('venue-new'))
  expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/venues/pages/edit/index?owner=${UNIT_A}` })
})

test('the district admin switches to the district’s own venues and registers one for the district', async () => {
  serve({
    'session.me': () => me({ nickname: '杨帆', roles: ['youth', 'district_admin'] }),
    'venue.venues': () => ({ items: [mobile, post, cafe] }),
  })
  await openPage(PAGE)
  await settle()
  expect(allByTestId('owner-tab').map((e) => e.textContent)).toEqual(['中国邮政镇江分公司团委', '团区委（区属场地）'])
  await tap(byText('.vm__owner', '团区委（区属场地）'))
  await settle()
  expect(allByTestId('my-venue').map((e) => e.querySelector('.vm__name')?.textContent)).toEqual([
    '青年之家共营店·半日闲咖啡',
  ])
  expect(byTestId('my-venue').textContent).toContain('尚未添加设施')
  await tap(byTestId('venue-new'))
  expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/venues/pages/edit/index?owner=district' })
})

test('an organiser who administers no unit is told who may register venues', async () => {
  serve({
    'session.me': () =>
      me({ roles: ['youth'], units: [{ id: UNIT_B, name: '中国移动镇江分公司团委', role: 'organiser' }] }),
  })
  await openPage(PAGE)
  await settle()
  expect(text()).toContain('只有成员单位的管理员或团区委可以登记场地')
  expect(pageRoot().querySelector('[data-testid="venue-new"]')).toBeNull()
  expect(callFunctionMock.mock.calls.filter(([n]) => n === 'venue')).toHaveLength(0)
})

test('no venue yet: says how to start', async () => {
  serve({ 'session.me': () => me(), 'venue.venues': () => ({ items: [mobile, cafe] }) })
  await openPage(PAGE)
  await settle()
  expect(text()).toContain('还没有登记场地')
})

test('the venue list links here for a unit admin, not for a young person', async () => {
  serve({ 'session.me': () => me(), 'venue.venues': () => ({ items: [mobile, post, cafe] }) })
  await openPage('/packages/venues/pages/list/index')
  await settle()
  await tap(byTestId('my-venues-link'))
  expect(navigate).toHaveBeenLastCalledWith({ url: PAGE })

  useSessionStore.getState().reset()
  serve({ 'session.me': () => me({ roles: ['youth'], units: [] }), 'venue.venues': () => ({ items: [mobile] }) })
  await openPage('/packages/venues/pages/list/index')
  await settle()
  expect(allByTestId('venue-item')).toHaveLength(1)
  expect(pageRoot().querySelector('[data-testid="my-venues-link"]')).toBeNull()
})
