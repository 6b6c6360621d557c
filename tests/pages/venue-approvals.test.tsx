/**
 * 场地预订审批 (packages/venues/pages/approvals): requests waiting for the owner; approve; decline with a
 * reason (required); the district admin also answers for the district's own venues; the owner's venues
 * are listed to block periods from their grid.
 */
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/cloud'
import { useSessionStore } from '@/features/session/store/session'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, byText, callsOf, tap, typeInto } from './support/dom'
import { UNIT_A, UNIT_B, booking, me, summary } from './support/venue-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = '/packages/venues/pages/approvals/index'

const request1 = booking({
  state: 'pending',
  unitId: UNIT_B,
  unitName: '南山街道朝阳社区团支部',
  purpose: '社区青年交友联谊',
})
const request2 = booking({
  state: 'pending',
  unitId: UNIT_B,
  unitName: '华电句容发电公司团委',
  purpose: '青年理论学习小组',
})
const ownVenue = summary({
  id: 'bbbbbbbb-0000-4000-8000-000000000009',
  name: '邮政大楼三楼青年之家',
  ownerUnitId: UNIT_A,
})
const cafe = summary({
  id: 'bbbbbbbb-0000-4000-8000-000000000008',
  name: '青年之家共营店·半日闲咖啡',
  ownerUnitId: null,
})

let toast: jest.SpyInstance
let navigate: jest.SpyInstance

beforeEach(() => {
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  useSessionStore.getState().reset()
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})

afterEach(() => {
  toast.mockRestore()
  navigate.mockRestore()
  jest.useRealTimers()
})

test('approve and decline with a reason; each answered request leaves the list', async () => {
  const approved: unknown[] = []
  const declined: unknown[] = []
  serve({
    'session.me': () => me(),
    'venue.ownerPending': () => ({ items: [request1, request2] }),
    'venue.venues': () => ({ items: [ownVenue, summary(), cafe] }),
    'venue.approve': (d) => {
      approved.push(d)
      return { ...request1, state: 'approved' }
    },
    'venue.decline': (d) => {
      declined.push(d)
      return { ...request2, state: 'declined', reason: '该时段另有安排' }
    },
  })
  await openPage(PAGE)
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'ownerPending')).toEqual([{ ownerUnitId: UNIT_A }])
  const cards = allByTestId('booking-card')
  expect(cards).toHaveLength(2)
  expect(cards[0].textContent).toContain('预订单位：南山街道朝阳社区团支部')
  expect(cards[0].textContent).toContain('用途：社区青年交友联谊')
  expect(cards[0].textContent).toContain('待审批')

  await tap(allByTestId('booking-approve')[0])
  await settle()
  expect(approved).toEqual([{ bookingId: request1.id }])
  expect(toast).toHaveBeenCalledWith({ title: '已通过，已通知预订单位', icon: 'none' })
  expect(allByTestId('booking-card')).toHaveLength(1)

  await tap(byTestId('booking-decline'))
  // A reason is required: 确定 stays off with one character.
  await typeInto('reason-input', '不')
  expect(text()).toContain('至少 2 个字')
  await typeInto('reason-input', '该时段另有安排')
  await tap(pageRoot().querySelector('.reason-dialog__confirm') as HTMLElement)
  await settle()
  expect(declined).toEqual([{ bookingId: request2.id, reason: '该时段另有安排' }])
  expect(text()).toContain('没有待审批的预订')

  // The owner's own venues, to block periods from their grid.
  expect(allByTestId('owner-venue').map((e) => e.textContent)).toEqual(['邮政大楼三楼青年之家›'])
  await tap(byTestId('owner-venue'))
  expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/venues/pages/venue/index?id=${ownVenue.id}` })
  // The owner's usage report (the server scopes it to their units' venues).
  await tap(byTestId('usage-link'))
  expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/admin/pages/venue-usage/index' })
})

test('an approval that clashes shows the server’s conflict and the list is read again', async () => {
  serve({
    'session.me': () => me(),
    'venue.ownerPending': () => ({ items: [request1] }),
    'venue.venues': () => ({ items: [] }),
    'venue.approve': () => {
      throw new ApiError('BOOKING_CONFLICT', '该时段已被预订（11月27日 19:00–21:00），请选择其他时段')
    },
  })
  await openPage(PAGE)
  await settle()
  await tap(byTestId('booking-approve'))
  await settle()
  expect(toast).toHaveBeenCalledWith({ title: '该时段已被预订（11月27日 19:00–21:00），请选择其他时段', icon: 'none' })
  expect(callsOf(callFunctionMock, 'venue', 'ownerPending')).toHaveLength(2)
  // A unit that owns no venue has no usage to look at.
  expect(pageRoot().querySelector('[data-testid="usage-link"]')).toBeNull()
})

test('the district admin answers for the district’s own venues too', async () => {
  serve({
    'session.me': () => me({ nickname: '杨帆', roles: ['youth', 'district_admin'] }),
    'venue.ownerPending': (d) => ({
      items: (d as { ownerUnitId: string | null }).ownerUnitId === null ? [request2] : [request1],
    }),
    'venue.venues': () => ({ items: [ownVenue, cafe] }),
  })
  await openPage(PAGE)
  await settle()
  expect(allByTestId('owner-tab').map((e) => e.textContent)).toEqual(['中国邮政镇江分公司团委', '团区委（区属场地）'])
  await tap(byText('.va__owner', '团区委（区属场地）'))
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'ownerPending').slice(-1)).toEqual([{ ownerUnitId: null }])
  expect(allByTestId('booking-card')[0].textContent).toContain('华电句容发电公司团委')
  expect(allByTestId('owner-venue').map((e) => e.textContent)).toEqual(['青年之家共营店·半日闲咖啡›'])
})

test('nobody to answer for: says so', async () => {
  serve({ 'session.me': () => me({ units: [], roles: ['youth'] }) })
  await openPage(PAGE)
  await settle()
  expect(text()).toContain('只有场地所属单位的组织者或团区委可以审批预订')
  expect(callsOf(callFunctionMock, 'venue', 'ownerPending')).toHaveLength(0)
})
