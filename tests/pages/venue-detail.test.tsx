/**
 * A venue (packages/venues/pages/venue): its information, facilities with their rules in Chinese, the
 * chosen facility's week grid in Shanghai time (previous/next week), and the booking sheet: a picked
 * run of free slots, the unit, the purpose, an optional event, an optional weekly repeat; refusals in
 * the server's words. The owner blocks a period from the same grid.
 */
import Taro from '@tarojs/taro'
import type { BookRecurringRequest, BookRequest, GridRequest } from '@api/venue'
import { ApiError } from '@/services/cloud'
import { useSessionStore } from '@/features/session/store/session'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, fire, pick, tap, typeInto } from './support/dom'
import {
  COURT_ID,
  UNIT_A,
  VENUE_ID,
  YOGA_ID,
  at,
  booking,
  facility,
  me,
  venueDetail,
  weekGrid,
} from './support/venue-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = `/packages/venues/pages/venue/index?id=${VENUE_ID}`
const EVENT_ID = 'eeeeeeee-0000-4000-8000-000000000001'

let toast: jest.SpyInstance

beforeEach(() => {
  // Wednesday 2026-11-25 10:00 in Shanghai.
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  useSessionStore.getState().reset()
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
})

afterEach(() => {
  toast.mockRestore()
  jest.useRealTimers()
})

/** The grid's slot of day `day` (0 = Monday) starting at Shanghai `hour`. */
function slot(dayIndex: number, hour: number): HTMLElement {
  const day = `2026-11-${23 + dayIndex}`
  const el = allByTestId('grid-slot').find((e) => e.dataset.start === at(day, hour))
  if (!el) throw new Error(`no slot ${day} ${hour}:00`)
  return el
}

function serveVenue(extra: Record<string, (d: unknown) => unknown> = {}, detail = venueDetail()) {
  serve({
    'session.me': () => me(),
    'venue.venue': () => detail,
    'venue.grid': (d) => {
      const req = d as GridRequest
      const f = detail.facilities.find((x) => x.id === req.facilityId) ?? facility()
      const monday = req.weekOf ?? '2026-11-23'
      return weekGrid(monday, monday === '2026-11-23' ? { '0:19': 'past', '2:18': 'taken', '2:21': 'pending' } : {}, f)
    },
    'activity.manageList': () => ({
      items: [
        { id: EVENT_ID, title: '邮政青年羽毛球交流赛', state: 'published', startAt: at('2026-11-25', 19) },
        {
          id: 'eeeeeeee-0000-4000-8000-000000000002',
          title: '已取消的活动',
          state: 'cancelled',
          startAt: at('2026-11-20', 9),
        },
      ],
      nextCursor: null,
    }),
    ...extra,
  })
}

test('the venue: intro, tier, hours, closures, masked contact, facilities with their rules in Chinese', async () => {
  serveVenue(
    {},
    venueDetail({ photos: ['https://example.com/court.jpg', '/files/images/runzhou/u/abc.jpg?exp=1&sig=s'] }),
  )
  await openPage(PAGE)
  await settle()
  const info = byTestId('venue-info').textContent
  expect(info).toContain('移动公司职工活动中心')
  expect(info).toContain('成员单位阵地')
  expect(info).toContain('中国移动镇江分公司团委')
  expect(info).toContain('3 个羽毛球场地')
  expect(info).toContain('镇江市润州区南徐大道')
  // The photos as the server linked them.
  expect(
    Array.from(byTestId('venue-photos').querySelectorAll('.venue__photo')).map((e) => e.getAttribute('src')),
  ).toEqual(['https://example.com/court.jpg', '/files/images/runzhou/u/abc.jpg?exp=1&sig=s'])
  expect(byTestId('venue-hours').textContent).toBe(
    '开放时间周一至周五 18:00–22:00周六、周日 09:00–22:00 12月31日 闭馆（元旦前检修）'.replace(' 12月', '12月'),
  )
  // Masked to outsiders: no tap-to-call.
  expect(byTestId('venue-contact').textContent).toContain('刘爱浩 139****1037')
  expect(byTestId('venue-contact').textContent).toContain('成员单位登录后可见完整号码')
  expect(allByTestId('call-contact')).toHaveLength(0)

  expect(allByTestId('facility-tab').map((e) => e.textContent)).toEqual(['羽毛球场 1 号', '瑜伽室'])
  expect(Array.from(byTestId('facility-rules').querySelectorAll('.venue__rule')).map((e) => e.textContent)).toEqual([
    '· 成员单位可预订',
    '· 自动通过，无需审批',
    '· 每次 1 小时–3 小时，按 60 分钟一个时段',
    '· 可预订 14 天内的时段，至少提前 1 小时',
    '· 开始前 24 小时以前可取消',
  ])
  await tap(allByTestId('facility-tab')[1])
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'grid').slice(-1)).toEqual([{ facilityId: YOGA_ID }])
  expect(byTestId('facility-rules').textContent).toContain('可容纳 20 人')
  expect(byTestId('facility-rules').textContent).toContain('需场地方审批')
})

test('the week grid: Shanghai days and times from the server, a legend, previous and next week', async () => {
  serveVenue()
  await openPage(PAGE)
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'grid')).toEqual([{ facilityId: COURT_ID }])
  expect(byTestId('grid-legend').textContent).toBe('可预订已占用待审批不开放已过已选')
  expect(allByTestId('grid-day').map((e) => e.textContent)).toEqual([
    '周一11/23',
    '周二11/24',
    '周三11/25',
    '周四11/26',
    '周五11/27',
    '周六11/28',
    '周日11/29',
  ])
  // Rows from the earliest opening (weekends 09:00) to the last open slot (21:00), in Shanghai time.
  const times = Array.from(pageRoot().querySelectorAll('.week-grid__time')).map((e) => e.textContent)
  expect(times.slice(1)).toEqual([
    '09:00',
    '10:00',
    '11:00',
    '12:00',
    '13:00',
    '14:00',
    '15:00',
    '16:00',
    '17:00',
    '18:00',
    '19:00',
    '20:00',
    '21:00',
  ])
  expect(slot(0, 9).dataset.state).toBe('closed')
  expect(slot(0, 19).dataset.state).toBe('past')
  expect(slot(2, 18).dataset.state).toBe('taken')
  expect(slot(2, 21).dataset.state).toBe('pending')
  expect(slot(2, 19).dataset.state).toBe('free')
  expect(byTestId('week-title').textContent).toBe('11月23日起的一周')

  await tap(byTestId('week-next'))
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'grid').slice(-1)).toEqual([{ facilityId: COURT_ID, weekOf: '2026-11-30' }])
  expect(byTestId('week-title').textContent).toBe('11月30日起的一周')
  await tap(byTestId('week-prev'))
  await tap(byTestId('week-prev'))
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'grid').slice(-2)).toEqual([
    { facilityId: COURT_ID, weekOf: '2026-11-23' },
    { facilityId: COURT_ID, weekOf: '2026-11-16' },
  ])
})

test('booking: pick two free slots, fill the sheet, link an event; the grid reloads', async () => {
  const booked: BookRequest[] = []
  serveVenue({
    'venue.book': (d) => {
      booked.push(d as BookRequest)
      return booking({ state: 'approved' })
    },
  })
  await openPage(PAGE)
  await settle()
  // Taken and past slots cannot be picked.
  await tap(slot(2, 18))
  expect(allByTestId('selection-bar')).toHaveLength(0)
  await tap(slot(2, 19))
  await tap(slot(2, 20))
  expect(slot(2, 19).dataset.state).toBe('selected')
  expect(slot(2, 20).dataset.state).toBe('selected')
  expect(byTestId('selection-time').textContent).toBe('11月25日 周三 19:00–21:00')

  await tap(byTestId('book-open'))
  await settle()
  const sheet = byTestId('booking-sheet')
  expect(byTestId('booking-time', sheet).textContent).toBe('11月25日 周三 19:00–21:00')
  expect(sheet.textContent).toContain('中国邮政镇江分公司团委')
  expect(callsOf(callFunctionMock, 'activity', 'manageList')).toEqual([{ unitId: UNIT_A, limit: 50 }])
  await typeInto('input-purpose', '邮政青年羽毛球交流赛')
  await pick('picker-event', 1)
  const gridCalls = callsOf(callFunctionMock, 'venue', 'grid').length
  await tap(byTestId('booking-submit'))
  await settle()

  expect(booked).toEqual([
    {
      facilityId: COURT_ID,
      unitId: UNIT_A,
      startAt: at('2026-11-25', 19),
      endAt: at('2026-11-25', 21),
      purpose: '邮政青年羽毛球交流赛',
      activityId: EVENT_ID,
    },
  ])
  expect(toast).toHaveBeenCalledWith({ title: '预订成功', icon: 'none' })
  expect(allByTestId('booking-sheet')).toHaveLength(0)
  expect(callsOf(callFunctionMock, 'venue', 'grid').length).toBe(gridCalls + 1)
})

test('a weekly repeat is one all-or-nothing call; a clash shows the server’s dates and keeps the sheet; then it books', async () => {
  const asked: BookRecurringRequest[] = []
  serveVenue({
    'venue.bookRecurring': (d) => {
      asked.push(d as BookRecurringRequest)
      if (asked.length === 1) {
        throw new ApiError('BOOKING_CONFLICT', '以下日期的时段已被占用，全部未预订：12月2日、12月9日')
      }
      return { items: Array.from({ length: 4 }, () => booking()) }
    },
  })
  await openPage(PAGE)
  await settle()
  await tap(slot(3, 20))
  await tap(byTestId('book-open'))
  await typeInto('input-purpose', '每周羽毛球训练')
  await fire(byTestId('switch-repeat'), 'change', true)
  await pick('picker-weeks', 6) // 连续 8 周
  await tap(byTestId('booking-submit'))
  await settle()
  expect(asked).toEqual([
    {
      facilityId: COURT_ID,
      unitId: UNIT_A,
      startAt: at('2026-11-26', 20),
      endAt: at('2026-11-26', 21),
      purpose: '每周羽毛球训练',
      activityId: null,
      weeks: 8,
    },
  ])
  expect(byTestId('form-error').textContent).toBe('以下日期的时段已被占用，全部未预订：12月2日、12月9日')
  expect(allByTestId('booking-sheet')).toHaveLength(1)
  expect(toast).not.toHaveBeenCalled()

  // Fewer weeks: all of them are booked.
  await pick('picker-weeks', 2) // 连续 4 周
  await tap(byTestId('booking-submit'))
  await settle()
  expect(asked[1].weeks).toBe(4)
  expect(toast).toHaveBeenCalledWith({ title: '已预订 4 周', icon: 'none' })
  expect(allByTestId('booking-sheet')).toHaveLength(0)
})

test('a request for a facility that needs approval says so', async () => {
  serveVenue({ 'venue.book': () => booking({ state: 'pending' }) })
  await openPage(PAGE)
  await settle()
  await tap(allByTestId('facility-tab')[1])
  await settle()
  await tap(slot(5, 10))
  await tap(byTestId('book-open'))
  expect(text()).toContain('该场地需场地方审批')
  expect(byTestId('booking-sheet').textContent).toContain('提交申请')
  await typeInto('input-purpose', '瑜伽体验课')
  await tap(byTestId('booking-submit'))
  await settle()
  expect((callsOf(callFunctionMock, 'venue', 'book')[0] as BookRequest).facilityId).toBe(YOGA_ID)
  expect(toast).toHaveBeenCalledWith({ title: '已提交，待审批', icon: 'none' })
})

test('a whole contact phone is tap-to-call; people without a unit cannot book; the owner blocks a period', async () => {
  const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' } as never)
  serveVenue(
    {
      'session.me': () => me({ units: [], roles: ['youth'] }),
    },
    venueDetail({ contactPhone: '13905111037', contactMasked: false }),
  )
  await openPage(PAGE)
  await settle()
  await tap(byTestId('call-contact'))
  expect(call).toHaveBeenCalledWith({ phoneNumber: '13905111037' })
  call.mockRestore()
  await tap(slot(2, 19))
  expect(byTestId('book-hint').textContent).toBe('成员单位的组织者登录后可预订')
  expect(allByTestId('block-open')).toHaveLength(0)

  useSessionStore.getState().reset()
  const blocks: unknown[] = []
  serveVenue(
    {
      'venue.block': (d) => {
        blocks.push(d)
        return booking({ kind: 'block', state: 'approved', unitId: null, unitName: null })
      },
    },
    venueDetail({ canRunBookings: true }),
  )
  await openPage(PAGE)
  await settle()
  await tap(slot(6, 9))
  await tap(slot(6, 11))
  await tap(byTestId('block-open'))
  await typeInto('reason-input', '设备检修')
  await tap(pageRoot().querySelector('.reason-dialog__confirm') as HTMLElement)
  await settle()
  expect(blocks).toEqual([
    { facilityId: COURT_ID, startAt: at('2026-11-29', 9), endAt: at('2026-11-29', 12), reason: '设备检修' },
  ])
  expect(toast).toHaveBeenCalledWith({ title: '已暂停开放该时段', icon: 'none' })
})
