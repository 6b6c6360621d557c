/**
 * 单位场地预订 (packages/venues/pages/bookings): a unit's bookings with their states in Chinese (an
 * approved request reads 已通过, an automatic one 已预订), the owner's reason for a refusal, past ones on
 * their own tab, and cancelling with the server's refusal shown.
 */
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/cloud'
import { useSessionStore } from '@/features/session/store/session'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, byText, callsOf, tap, typeInto } from './support/dom'
import { UNIT_A, UNIT_B, at, booking, me } from './support/venue-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = `/packages/venues/pages/bookings/index?unitId=${UNIT_A}`

const approved = booking({ state: 'approved', decidedAt: '2026-11-25T01:00:00.000Z', facilityName: '瑜伽室' })
const automatic = booking({
  state: 'approved',
  decidedAt: null,
  startAt: at('2026-11-28', 10),
  endAt: at('2026-11-28', 12),
})
const pending = booking({ state: 'pending', purpose: '青年理论学习小组' })
const declined = booking({ state: 'declined', reason: '该时段场地另有安排', purpose: '社区青年交友联谊' })
const used = booking({ state: 'used', startAt: at('2026-11-20', 19), endAt: at('2026-11-20', 21) })

let toast: jest.SpyInstance

beforeEach(() => {
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  useSessionStore.getState().reset()
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
})

afterEach(() => {
  toast.mockRestore()
  jest.useRealTimers()
})

const states = () => allByTestId('booking-state').map((e) => e.textContent)

test('upcoming bookings with their states in Chinese; past ones on their tab', async () => {
  serve({
    'session.me': () => me(),
    'venue.unitBookings': (d) => ({
      items: (d as { past: boolean }).past ? [used] : [approved, automatic, pending, declined],
    }),
  })
  await openPage(PAGE)
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'unitBookings')).toEqual([{ unitId: UNIT_A, past: false }])
  expect(states()).toEqual(['已通过', '已预订', '待审批', '未通过'])
  const cards = allByTestId('booking-card')
  expect(cards[0].textContent).toContain('移动公司职工活动中心 · 瑜伽室')
  expect(cards[0].textContent).toContain('11月27日 周五 19:00–21:00')
  expect(cards[3].textContent).toContain('未通过原因：该时段场地另有安排')
  // Only what still holds or waits can be cancelled.
  expect(cards.map((c) => c.querySelectorAll('[data-testid="booking-cancel"]').length)).toEqual([1, 1, 1, 0])

  await tap(byText('.taroify-tabs__tab', '已结束'))
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'unitBookings').slice(-1)).toEqual([{ unitId: UNIT_A, past: true }])
  expect(states()).toEqual(['已使用'])
})

test('cancelling: the optional reason goes to the server; a refusal stays in the dialog', async () => {
  let late = true
  const asked: unknown[] = []
  serve({
    'session.me': () => me(),
    'venue.unitBookings': () => ({ items: late ? [approved] : [] }),
    'venue.cancel': (d) => {
      asked.push(d)
      if (late) {
        late = false
        throw new ApiError('CANCEL_TOO_LATE', '开始前 24 小时内不能取消，请联系场地方')
      }
      return { ...approved, state: 'cancelled' }
    },
  })
  await openPage(PAGE)
  await settle()
  await tap(byTestId('booking-cancel'))
  await tap(pageRoot().querySelector('.reason-dialog__confirm') as HTMLElement)
  await settle()
  expect(asked).toEqual([{ bookingId: approved.id }])
  expect(byTestId('reason-dialog').textContent).toContain('开始前 24 小时内不能取消，请联系场地方')

  await typeInto('reason-input', '活动改期')
  await tap(pageRoot().querySelector('.reason-dialog__confirm') as HTMLElement)
  await settle()
  expect(asked[1]).toEqual({ bookingId: approved.id, reason: '活动改期' })
  expect(allByTestId('reason-dialog')).toHaveLength(0)
  expect(toast).toHaveBeenCalledWith({ title: '已取消预订', icon: 'none' })
  expect(text()).toContain('暂无预订')
})

test('without ?unitId the first unit; with several units a switch between them', async () => {
  serve({
    'session.me': () =>
      me({
        units: [
          { id: UNIT_A, name: '中国邮政镇江分公司团委', role: 'admin' },
          { id: UNIT_B, name: '中国移动镇江分公司团委', role: 'organiser' },
        ],
      }),
    'venue.unitBookings': () => ({ items: [] }),
  })
  await openPage('/packages/venues/pages/bookings/index')
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'unitBookings')).toEqual([{ unitId: UNIT_A, past: false }])
  await tap(byText('.vb__unit', '中国移动镇江分公司团委'))
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'unitBookings').slice(-1)).toEqual([{ unitId: UNIT_B, past: false }])
})
