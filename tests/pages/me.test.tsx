import Taro from '@tarojs/taro'
import type { Me } from '@api/session'
import { ApiError } from '@/services/cloud'
import { useSessionStore } from '@/features/session/store/session'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { byTestId, byText, tap } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const ME = '/pages/me/index'
const UNIT_ID = 'aaaaaaaa-0000-4000-8000-000000000001'

function me(overrides: Partial<Me>): Me {
  return {
    userId: 'u-1',
    nickname: '李青',
    roles: ['youth'],
    units: [],
    privacy: { version: '2026-11-25', agreed: true, agreedAt: null },
    application: null,
    ...overrides,
  }
}

beforeEach(() => {
  callFunctionMock.mockReset()
  useSessionStore.getState().reset()
})

test('a young person sees the unit entries but no admin entries', async () => {
  serve({ 'session.me': () => me({}) })
  await openPage(ME)

  expect(callFunctionMock).toHaveBeenCalledWith('session', 'me', {})
  expect(text()).toContain('李青')
  expect(text()).toContain('青年')
  expect(text()).toContain('申请成为成员单位')
  expect(text()).toContain('加入单位（邀请码）')
  // 我的活动 and 个人资料 live in the packages/mine subpackage.
  expect(pageRoot().querySelector('[data-testid="my-signups"]')?.textContent).toContain('我的活动')
  expect(pageRoot().querySelector('[data-testid="my-signups"]')?.textContent).toContain('个人资料')
  // 我的身份码, shown to a site organiser for a walk-in, opens its page in packages/mine.
  expect(pageRoot().querySelector('[data-testid="my-signups"]')?.textContent).toContain('我的身份码')
  expect(pageRoot().querySelector('[data-testid="admin-entries"]')).toBeNull()
  expect(text()).not.toContain('成员单位审核')
  expect(text()).not.toContain('年度活动清单')
  expect(pageRoot().querySelector('[data-testid="my-units"]')).toBeNull()
  // Service hours for everyone signed in; the district report only for district admins.
  const hours = pageRoot().querySelector('[data-testid="my-hours-entries"]')
  expect(hours?.textContent).toContain('我的时长')
  expect(hours?.textContent).toContain('证明查验')
  expect(text()).not.toContain('时长统计')
  expect(text()).not.toContain('手机号查看记录')
  expect(text()).not.toContain('阵地使用率')
  // H5: the local dev login is offered.
  expect(text()).toContain('切换身份(本地)')
})

test('an application not admitted shows on 我的 with its reason, and opens the application page', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  serve({
    'session.me': () =>
      me({ application: { unitId: UNIT_ID, unitName: '某公司团支部', status: 'rejected', reason: '不在本区' } }),
  })
  await openPage(ME)
  const cell = byTestId('my-application')
  expect(cell.textContent).toContain('申请「某公司团支部」')
  expect(cell.textContent).toContain('未通过：不在本区')
  expect(text()).not.toContain('申请成为成员单位')
  await tap(cell)
  expect(navigate).toHaveBeenCalledWith({ url: '/packages/organiser/pages/apply/index' })

  useSessionStore.getState().reset()
  serve({
    'session.me': () =>
      me({ application: { unitId: UNIT_ID, unitName: '某公司团支部', status: 'pending', reason: null } }),
  })
  await openPage(ME)
  expect(byTestId('my-application').textContent).toContain('审核中')
  navigate.mockRestore()
})

test('a unit admin sees their units, still no admin entries; a unit opens its console', async () => {
  serve({
    'session.me': () =>
      me({
        nickname: '陆斌',
        roles: ['youth', 'unit_admin'],
        units: [{ id: UNIT_ID, name: '中国邮政镇江分公司团委', role: 'admin' }],
      }),
    'org.unit': () => {
      throw new ApiError('NOT_FOUND', '单位不存在')
    },
  })
  await openPage(ME)

  expect(text()).toContain('单位管理员')
  const units = pageRoot().querySelector('[data-testid="my-units"]')
  expect(units?.textContent).toContain('中国邮政镇江分公司团委')
  expect(units?.textContent).toContain('管理员')
  expect(pageRoot().querySelector('[data-testid="admin-entries"]')).toBeNull()

  await tap(byText('.taroify-cell__title', '中国邮政镇江分公司团委'))
  await settle()
  expect(callFunctionMock).toHaveBeenCalledWith('org', 'unit', { unitId: UNIT_ID })
})

test('a district admin also sees 成员单位审核, 年度活动清单, 完成情况 and 时长统计', async () => {
  serve({ 'session.me': () => me({ nickname: '杨帆', roles: ['youth', 'district_admin'] }) })
  await openPage(ME)

  const admin = pageRoot().querySelector('[data-testid="admin-entries"]')
  expect(admin?.textContent).toContain('成员单位审核')
  expect(admin?.textContent).toContain('年度活动清单')
  expect(admin?.textContent).toContain('完成情况')
  expect(admin?.textContent).toContain('时长统计')
  expect(admin?.textContent).toContain('手机号查看记录')
  expect(admin?.textContent).toContain('阵地使用率')
  expect(text()).toContain('团区委管理员')
})

test('the hours entries open 我的时长, 证明查验 and 时长统计', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  try {
    serve({ 'session.me': () => me({ roles: ['youth', 'district_admin'] }) })
    await openPage(ME)
    await tap(byText('.taroify-cell__title', '我的时长'))
    await tap(byText('.taroify-cell__title', '证明查验'))
    await tap(byText('.taroify-cell__title', '时长统计'))
    await tap(byText('.taroify-cell__title', '手机号查看记录'))
    await tap(byText('.taroify-cell__title', '阵地使用率'))
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual([
      '/packages/mine/pages/hours/index',
      '/packages/verify/pages/verify/index',
      '/packages/admin/pages/hours/index',
      '/packages/admin/pages/audit/index',
      '/packages/admin/pages/venue-usage/index',
    ])
  } finally {
    navigate.mockRestore()
  }
})

test('我的摘星 opens its page in packages/stars', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  try {
    serve({ 'session.me': () => me({}) })
    await openPage(ME)
    await tap(byText('.taroify-cell__title', '我的摘星'))
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual(['/packages/stars/pages/mine/index'])
  } finally {
    navigate.mockRestore()
  }
})

test('我的身份码 opens its page in packages/mine', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  try {
    serve({ 'session.me': () => me({}) })
    await openPage(ME)
    await tap(byText('.taroify-cell__title', '我的身份码'))
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual(['/packages/mine/pages/identity-code/index'])
  } finally {
    navigate.mockRestore()
  }
})

test('UNAUTHENTICATED in H5 offers the dev login page', async () => {
  serve({
    'session.me': () => {
      throw new ApiError('UNAUTHENTICATED', '请先登录')
    },
  })
  await openPage(ME)

  const prompt = pageRoot().querySelector('[data-testid="sign-in-prompt"]')
  expect(prompt?.textContent).toContain('请先登录')
  expect(prompt?.textContent).toContain('本地开发登录')
  expect(pageRoot().querySelector('[data-testid="me-profile"]')).toBeNull()
  // Checking a certificate needs no sign-in.
  expect(pageRoot().querySelector('[data-testid="verify-link"]')?.textContent).toBe('查验志愿服务证明')
})

test('阵地预约: everyone finds the venue map; organisers their unit’s bookings and the approvals', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  try {
    serve({ 'session.me': () => me({}) })
    await openPage(ME)
    const youth = pageRoot().querySelector('[data-testid="venue-entries"]')
    expect(youth?.textContent).toContain('阵地地图')
    expect(youth?.textContent).not.toContain('单位场地预订')
    expect(youth?.textContent).not.toContain('场地预订审批')

    serve({
      'session.me': () =>
        me({ roles: ['youth', 'unit_admin'], units: [{ id: UNIT_ID, name: '中国邮政镇江分公司团委', role: 'admin' }] }),
      'org.unit': () => {
        throw new ApiError('NOT_FOUND', '单位不存在')
      },
    })
    useSessionStore.getState().reset()
    await openPage(ME)
    await tap(byText('.taroify-cell__title', '阵地地图'))
    await tap(byText('.taroify-cell__title', '单位场地预订'))
    await tap(byText('.taroify-cell__title', '场地预订审批'))
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual([
      '/packages/venues/pages/list/index',
      '/packages/venues/pages/bookings/index',
      '/packages/venues/pages/approvals/index',
    ])
  } finally {
    navigate.mockRestore()
  }
})

test('我的阵地: unit admins and the district admin register their venues from 我的; organisers do not', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  try {
    serve({
      'session.me': () =>
        me({ roles: ['youth'], units: [{ id: UNIT_ID, name: '中国邮政镇江分公司团委', role: 'organiser' }] }),
    })
    await openPage(ME)
    expect(pageRoot().querySelector('[data-testid="venue-entries"]')?.textContent).not.toContain('我的阵地')

    serve({
      'session.me': () =>
        me({ roles: ['youth', 'unit_admin'], units: [{ id: UNIT_ID, name: '中国邮政镇江分公司团委', role: 'admin' }] }),
    })
    useSessionStore.getState().reset()
    await openPage(ME)
    await tap(byText('.taroify-cell__title', '我的阵地'))
    expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/venues/pages/mine/index' })

    serve({ 'session.me': () => me({ roles: ['youth', 'district_admin'], units: [] }) })
    useSessionStore.getState().reset()
    await openPage(ME)
    expect(pageRoot().querySelector('[data-testid="venue-entries"]')?.textContent).toContain('我的阵地')
  } finally {
    navigate.mockRestore()
  }
})

test('青年评议 is offered to the district admin and to a unit’s people, not to other young people', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  try {
    serve({ 'session.me': () => me({ roles: ['youth'] }) })
    useSessionStore.getState().reset()
    await openPage(ME)
    expect(pageRoot().querySelector('[data-testid="rating-entries"]')).toBeNull()

    serve({
      'session.me': () =>
        me({ roles: ['youth', 'unit_admin'], units: [{ id: UNIT_ID, name: '中国邮政镇江分公司团委', role: 'admin' }] }),
      'org.unit': () => {
        throw new ApiError('NOT_FOUND', '单位不存在')
      },
    })
    useSessionStore.getState().reset()
    await openPage(`${ME}?as=unit`)
    expect(pageRoot().querySelector('[data-testid="rating-entries"]')?.textContent).toContain('本单位')
    await tap(byText('.taroify-cell__title', '活动满意度'))
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual(['/packages/admin/pages/ratings/index'])
  } finally {
    navigate.mockRestore()
  }
})

test('活动点单: everyone finds the wish wall', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  try {
    serve({ 'session.me': () => me({}) })
    useSessionStore.getState().reset()
    await openPage(ME)
    expect(pageRoot().querySelector('[data-testid="wish-entries"]')?.textContent).toContain('心愿墙')
    await tap(byText('.taroify-cell__title', '心愿墙'))
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual(['/packages/wishes/pages/wall/index'])
  } finally {
    navigate.mockRestore()
  }
})

test('团区委管理 links 摘星指标, 荣誉评选 and 五星评比 to their pages', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  try {
    serve({ 'session.me': () => me({ roles: ['youth', 'district_admin'] }) })
    await openPage(ME)
    const admin = pageRoot().querySelector('[data-testid="admin-entries"]') as HTMLElement
    for (const title of ['摘星指标', '荣誉评选', '五星评比']) await tap(byText('.taroify-cell__title', title, admin))
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual([
      '/packages/stars/pages/indicators/index',
      '/packages/honours/pages/review/index',
      '/packages/admin/pages/unit-scores/index',
    ])
  } finally {
    navigate.mockRestore()
  }
  // Not for anyone else.
  serve({ 'session.me': () => me({ roles: ['youth', 'unit_admin'] }) })
  await openPage(ME)
  expect(text()).not.toContain('摘星指标')
  expect(text()).not.toContain('五星评比')
})

test('我的 leads with the person from record.summary alone: hours, stars, activities, the next event', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  try {
    serve({
      'session.me': () => me({}),
      'record.summary': () => ({
        year: 2030,
        totalHours: 12.5,
        stars: { year: 2030, published: true, earned: 3, of: 5, met: ['志愿服务', '参与活动', '亮身份'] },
        activities: 7,
        next: { activityId: 'a-1', title: '冬季长跑', startAt: '2030-12-06T01:30:00.000Z', placeName: '青年之家' },
        honours: 2,
      }),
    })
    await openPage(ME)
    const card = pageRoot().querySelector('[data-testid="person-card"]')
    expect(card?.textContent).toContain('12.5 小时累计志愿时长')
    expect(card?.textContent).toContain('3/5 颗今年摘星')
    expect(card?.textContent).toContain('7 场今年参加活动')
    expect(card?.textContent).toContain('下一场活动：冬季长跑 · 12月6日 09:30 · 青年之家')
    expect(card?.textContent).toContain('获得荣誉 2 项')
    // One call for the card: no timeline, hours list or sign-up list read.
    expect(callFunctionMock.mock.calls.filter(([fn]) => fn !== 'session')).toEqual([['record', 'summary', {}]])
    expect(pageRoot().querySelector('[data-testid="record-entries"]')?.textContent).toContain('成长档案')

    for (const id of [
      'person-hours',
      'person-stars',
      'person-activities',
      'person-next',
      'person-honours',
      'person-record',
    ])
      await tap(pageRoot().querySelector(`[data-testid="${id}"]`) as HTMLElement)
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual([
      '/packages/record/pages/timeline/index',
      '/packages/stars/pages/mine/index',
      '/packages/record/pages/timeline/index',
      '/pages/activity/index?id=a-1',
      '/packages/honours/pages/mine/index',
      '/packages/record/pages/timeline/index',
    ])
  } finally {
    navigate.mockRestore()
  }
})

test('no next event and no published stars yet: the card says so, without honours', async () => {
  serve({
    'session.me': () => me({}),
    'record.summary': () => ({
      year: 2030,
      totalHours: 0,
      stars: { year: 2030, published: false, earned: 0, of: 0, met: [] },
      activities: 0,
      next: null,
      honours: 0,
    }),
  })
  await openPage(ME)
  const card = pageRoot().querySelector('[data-testid="person-card"]')
  expect(card?.textContent).toContain('0 颗今年摘星')
  expect(card?.textContent).not.toContain('0/0')
  expect(card?.textContent).toContain('还没有报名即将开始的活动')
  expect(pageRoot().querySelector('[data-testid="person-honours"]')).toBeNull()
})
