import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { deferred, detail } from './support/fixtures'
import { freezeNow } from './support/clock'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const ID = '11111111-2222-4333-8444-555555555555'

function detailRoot(): HTMLElement | null {
  return pageRoot().querySelector<HTMLElement>('[data-testid="activity-detail"]')
}

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
})

afterEach(() => {
  jest.useRealTimers()
})

test('loads the activity named in the URL and shows its fields', async () => {
  const answer = deferred<unknown>()
  serve({
    'activity.get': () => answer.promise,
    'signup.summary': () => ({
      activityId: ID,
      capacity: 40,
      quotas: [{ key: '', capacity: 40, taken: 35, waiting: 0 }],
      counts: { confirmed: 35 },
      settings: {
        allocation: 'fcfs',
        approvalRequired: false,
        waitlist: true,
        eligibility: { leagueMembersOnly: false, minAge: null, maxAge: null, minAttendanceRate: null },
        cancelDeadlineHours: 24,
        questions: [],
        quotaQuestionId: null,
        quotas: [],
        promotion: 'direct',
        offerHours: 48,
        promotionCutoffHours: 2,
      },
    }),
    'signup.mine': () => null,
  })
  await openPage(`/pages/activity/index?id=${ID}`)

  expect(callFunctionMock).toHaveBeenCalledWith('activity', 'get', { id: ID })
  expect(pageRoot().querySelector('[data-testid="detail-skeleton"]')).not.toBeNull()

  answer.resolve(
    detail({
      id: ID,
      title: '社区敬老志愿服务',
      unit: { id: 'u9', name: '某街道团工委' },
      startAt: '2024-03-10T01:00:00.000Z',
      endAt: '2024-03-10T03:30:00.000Z',
      placeName: '幸福里社区中心',
      placeAddress: '幸福路 88 号',
      capacity: 40,
      seatsLeft: 5,
      signupOpensAt: '2024-03-01T00:00:00.000Z',
      signupClosesAt: '2024-03-09T10:00:00.000Z',
      contact: '王老师 13900000000',
      description: '集合后分组\n请穿运动鞋',
      phase: 'open',
    }),
  )
  await settle()

  const root = detailRoot()
  expect(root).not.toBeNull()
  const all = root?.textContent ?? ''
  expect(all).toContain('社区敬老志愿服务')
  expect(all).toContain('报名中')
  expect(all).toContain('志愿服务')
  expect(all).toContain('某街道团工委')
  expect(all).toContain('3月10日 周日 09:00–11:30')
  expect(all).toContain('幸福里社区中心')
  expect(all).toContain('幸福路 88 号')
  expect(all).toContain('剩余 5 席 / 共 40 席')
  expect(all).toContain('3月1日 08:00 – 3月9日 18:00')
  expect(all).toContain('王老师 13900000000')
  // Newlines of the plain-text description survive.
  expect(root?.querySelector('.detail__description')?.textContent).toBe('集合后分组\n请穿运动鞋')
  // The window is open and seats remain: the real sign-up button.
  const signup = root?.querySelector<HTMLElement>('.detail__signup')
  expect(signup?.textContent).toContain('立即报名')
  expect(signup?.className).not.toContain('taroify-button--disabled')
})

test('a full activity says 已满', async () => {
  serve({ 'activity.get': () => detail({ id: ID, seatsLeft: 0, capacity: 10 }) })
  await openPage(`/pages/activity/index?id=${ID}`)

  expect(detailRoot()?.textContent).toContain('已满')
  expect(detailRoot()?.textContent).not.toContain('剩余')
})

test('NOT_FOUND shows 活动不存在或已下线', async () => {
  serve({
    'activity.get': () => {
      throw new ApiError('NOT_FOUND', '活动不存在')
    },
  })
  await openPage(`/pages/activity/index?id=${ID}`)

  expect(detailRoot()).toBeNull()
  expect(pageRoot().querySelector('[data-testid="empty-state"]')?.textContent).toContain('活动不存在或已下线')
})

test('without an id it does not call the server and says not found', async () => {
  serve({})
  await openPage('/pages/activity/index')

  expect(callFunctionMock).not.toHaveBeenCalled()
  expect(text()).toContain('活动不存在或已下线')
})

test("other errors show the server's message and 重试 loads again", async () => {
  let calls = 0
  serve({
    'activity.get': () => {
      calls += 1
      if (calls === 1) throw new ApiError('NETWORK', '网络不给力，请稍后重试')
      return detail({ id: ID, title: '第二次成功' })
    },
  })
  await openPage(`/pages/activity/index?id=${ID}`)

  const error = pageRoot().querySelector<HTMLElement>('[data-testid="error-state"]')
  expect(error?.textContent).toContain('网络不给力，请稍后重试')

  error?.querySelector<HTMLElement>('.taroify-button')?.click()
  await settle()

  expect(calls).toBe(2)
  expect(detailRoot()?.textContent).toContain('第二次成功')
})

test('shows the annual-list line, the 志愿时长 tag and, in H5, the place as a static card', async () => {
  serve({
    'activity.get': () =>
      detail({
        id: ID,
        placeName: '南山公益林基地',
        placeAddress: '润州区南山路 8 号',
        location: { latitude: 32.1745, longitude: 119.4362 },
        recordsServiceHours: true,
        planLine: { id: '99999999-2222-4333-8444-555555555555', title: '青年公益林植树', plannedMonth: 3, year: 2024 },
      }),
  })
  await openPage(`/pages/activity/index?id=${ID}`)

  const root = detailRoot()
  expect(root?.querySelector('.detail__plan-line')?.textContent).toContain('年度清单：青年公益林植树（3月）')
  expect(root?.querySelector('.detail__hours')?.textContent).toBe('志愿时长')
  const map = root?.querySelector<HTMLElement>('[data-testid="map-fallback"]')
  expect(map?.textContent).toContain('南山公益林基地')
  expect(map?.textContent).toContain('润州区南山路 8 号')
  expect(map?.textContent).toContain('32.1745°N, 119.4362°E')
  // No external map service in H5.
  expect(root?.querySelector('taro-map-core')).toBeNull()
})

test('an ad-hoc event without a location shows neither the line nor a map', async () => {
  serve({ 'activity.get': () => detail({ id: ID, location: null, planLine: null, recordsServiceHours: false }) })
  await openPage(`/pages/activity/index?id=${ID}`)

  const root = detailRoot()
  expect(root).not.toBeNull()
  expect(root?.textContent).not.toContain('年度清单')
  expect(root?.textContent).not.toContain('志愿时长')
  expect(root?.querySelector('[data-testid="map-fallback"]')).toBeNull()
})

describe('志愿时长公示 on a finished event', () => {
  const summary = {
    activityId: ID,
    capacity: 40,
    quotas: [{ key: '', capacity: 40, taken: 3, waiting: 0 }],
    counts: { attended: 3 },
    settings: {
      allocation: 'fcfs',
      approvalRequired: false,
      waitlist: true,
      eligibility: { leagueMembersOnly: false, minAge: null, maxAge: null, minAttendanceRate: null },
      cancelDeadlineHours: 24,
      questions: [],
      quotaQuestionId: null,
      quotas: [],
      promotion: 'direct',
      offerHours: 48,
      promotionCutoffHours: 2,
    },
  }

  test('lists the hours on notice with masked names and the end of the notice', async () => {
    serve({
      'activity.get': () => detail({ id: ID, phase: 'finished', recordsServiceHours: true }),
      'signup.summary': () => summary,
      'signup.mine': () => null,
      'hours.notice': () => ({
        activityId: ID,
        title: '植树',
        items: [
          { name: '李*', day: '2024-03-03', hours: 2.5, noticeUntil: '2024-03-06T02:00:00.000Z' },
          { name: '王**明', day: '2024-03-03', hours: 3, noticeUntil: '2024-03-06T02:00:00.000Z' },
        ],
      }),
    })
    await openPage(`/pages/activity/index?id=${ID}`)
    await settle()
    expect(callFunctionMock).toHaveBeenCalledWith('hours', 'notice', { activityId: ID })
    const section = pageRoot().querySelector('[data-testid="hours-notice"]')!
    expect(section.textContent).toContain('公示至 3月6日 10:00')
    const rows = Array.from(pageRoot().querySelectorAll('[data-testid="hours-notice-item"]')).map((r) => r.textContent)
    expect(rows).toEqual(['李*3月3日 周日2.5 小时', '王**明3月3日 周日3 小时'])
  })

  test('not asked for events that record no hours, are not finished, or when signed out', async () => {
    for (const [overrides, signedIn] of [
      [{ phase: 'finished' as const, recordsServiceHours: false }, true],
      [{ phase: 'ongoing' as const, recordsServiceHours: true }, true],
      [{ phase: 'finished' as const, recordsServiceHours: true }, false],
    ] as const) {
      callFunctionMock.mockReset()
      serve({
        'activity.get': () => detail({ id: ID, ...overrides }),
        'signup.summary': () => summary,
        'signup.mine': () => {
          if (!signedIn) throw new ApiError('UNAUTHENTICATED', '请先登录')
          return null
        },
        'hours.notice': () => ({
          activityId: ID,
          title: '植树',
          items: [{ name: '李*', day: '2024-03-03', hours: 2, noticeUntil: '2024-03-06T02:00:00.000Z' }],
        }),
      })
      await openPage(`/pages/activity/index?id=${ID}`)
      await settle()
      expect(callFunctionMock.mock.calls.filter(([fn]) => fn === 'hours')).toEqual([])
      expect(pageRoot().querySelector('[data-testid="hours-notice"]')).toBeNull()
    }
  })
})
