import Taro from '@tarojs/taro'
import type { Booking } from '@api/venue'
import type { ManagedActivity } from '@api/activity'
import type { Plan, PlanLine } from '@api/plan'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, settle } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { categories, detail } from './support/fixtures'
import { freezeNow } from './support/clock'
import { byTestId, callsOf, pick, tap, typeInto, fire } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const UNIT = 'aaaaaaaa-0000-4000-8000-000000000001'
const OTHER_UNIT = 'bbbbbbbb-0000-4000-8000-000000000002'
const LINE = 'dddddddd-0000-4000-8000-000000000004'
const EVENT = 'eeeeeeee-0000-4000-8000-000000000005'
const EDITOR = '/packages/organiser/pages/event/index'

function line(overrides: Partial<PlanLine>): PlanLine {
  return {
    id: LINE,
    year: 2024,
    unit: { id: UNIT, name: '中国邮政镇江分公司团委' },
    category: { code: 'culture', name: '文体活动' },
    title: '青年篮球友谊赛',
    plannedMonth: 4,
    targetCommunity: null,
    needsNote: null,
    state: 'planned',
    events: [],
    ...overrides,
  }
}

const plan: Plan = {
  districtId: 'runzhou',
  year: 2024,
  status: 'published',
  publishedAt: '2024-01-10T00:00:00Z',
  lines: [
    line({
      id: 'ffffffff-0000-4000-8000-000000000006',
      unit: { id: OTHER_UNIT, name: '别的单位' },
      title: '别人的活动',
    }),
    line({}),
  ],
}

function managed(overrides: Partial<ManagedActivity> = {}): ManagedActivity {
  return {
    ...detail({
      id: EVENT,
      unit: { id: UNIT, name: '中国邮政镇江分公司团委' },
      title: '青年篮球友谊赛',
      category: categories[1],
    }),
    state: 'draft',
    seatsTaken: 0,
    coverSource: null,
    cancelReason: null,
    publishedAt: null,
    updatedAt: '2024-03-05T04:00:00Z',
    ...overrides,
  }
}

function button(label: string): HTMLElement {
  const b = Array.from(pageRoot().querySelectorAll<HTMLElement>('.taroify-button')).find(
    (e) => e.textContent?.trim() === label,
  )
  if (!b) throw new Error(`no button ${label}`)
  return b
}

async function setTimes() {
  await pick('picker-startAt-date', '2024-04-12')
  await pick('picker-startAt-time', '14:30')
  await pick('picker-endAt-date', '2024-04-12')
  await pick('picker-endAt-time', '17:00')
  await pick('picker-signupOpensAt-date', '2024-04-01')
  await pick('picker-signupOpensAt-time', '08:00')
  await pick('picker-signupClosesAt-date', '2024-04-11')
  await pick('picker-signupClosesAt-time', '20:00')
}

let redirect: jest.SpyInstance

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
  redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never)
})

afterEach(() => {
  jest.useRealTimers()
  redirect.mockRestore()
})

test('a new event on a line of the annual list: ISO instants with +08:00 and the planLineId', async () => {
  serve({
    'activity.categories': () => ({ items: categories }),
    'plan.get': () => plan,
    'activity.create': () => managed(),
  })
  await openPage(`${EDITOR}?unitId=${UNIT}`)

  expect(callsOf(callFunctionMock, 'plan', 'get')).toEqual([{ year: 2024 }])
  // The unit's next open line is chosen already (only this unit's lines are offered), and fills the form.
  expect(byTestId('picker-planLineId').textContent).toContain('4月 · 青年篮球友谊赛')
  expect((byTestId('input-title') as HTMLInputElement).value).toBe('青年篮球友谊赛')
  expect(byTestId('picker-category').textContent).toContain('文体活动')

  await setTimes()
  await typeInto('input-capacity', '50')
  await typeInto('input-placeName', '市体育馆')
  await typeInto('input-description', '友谊第一')
  await tap(button('保存草稿'))

  expect(callsOf(callFunctionMock, 'activity', 'create')).toEqual([
    {
      unitId: UNIT,
      planLineId: LINE,
      title: '青年篮球友谊赛',
      category: 'culture',
      description: '友谊第一',
      placeName: '市体育馆',
      placeAddress: null,
      location: null,
      startAt: '2024-04-12T14:30:00+08:00',
      endAt: '2024-04-12T17:00:00+08:00',
      signupOpensAt: '2024-04-01T08:00:00+08:00',
      signupClosesAt: '2024-04-11T20:00:00+08:00',
      capacity: 50,
      recordsServiceHours: false,
      contact: null,
      coverUrl: null,
    },
  ])
  // Saved as a draft: the page moves to the event's own address (a reload shows it; publishing is next).
  expect(redirect).toHaveBeenCalledWith({ url: `${EDITOR}?id=${EVENT}` })
})

test('new events start on the next open line, sign-up open from now; a line switch carries its title along', async () => {
  const lines = [
    line({ id: 'l-jan', title: '新春联谊', plannedMonth: 1 }),
    line({
      id: 'l-mar',
      title: '植树节公益林',
      plannedMonth: 3,
      category: { code: 'volunteer', name: '志愿服务' },
      events: [{ id: 'e0', title: '植树', startAt: '2024-03-12T01:00:00Z', phase: 'published' }],
    }),
    line({ id: 'l-may', title: '五四读书会', plannedMonth: 5 }),
  ]
  serve({
    'activity.categories': () => ({ items: categories }),
    'plan.get': () => ({ ...plan, lines }),
  })
  await openPage(`${EDITOR}?unitId=${UNIT}`)
  // March has its event already; January is past: May is next.
  expect(byTestId('picker-planLineId').textContent).toContain('5月 · 五四读书会')
  expect((byTestId('input-title') as HTMLInputElement).value).toBe('五四读书会')
  // 12:00 in Shanghai now: sign-up opens now, not at a 09:00 that has passed or is yet to come.
  expect(byTestId('picker-signupOpensAt-time').textContent).toContain('12:00')

  // Switching lines: the title the line gave follows; a typed title stays.
  await pick('picker-planLineId', 1)
  expect((byTestId('input-title') as HTMLInputElement).value).toBe('新春联谊')
  await typeInto('input-title', '新春青年联谊会')
  await pick('picker-planLineId', 3)
  expect((byTestId('input-title') as HTMLInputElement).value).toBe('新春青年联谊会')
})

test('a line asked for by the console is chosen over the suggestion', async () => {
  serve({
    'activity.categories': () => ({ items: categories }),
    'plan.get': () => ({
      ...plan,
      lines: [line({ id: 'l-apr', title: '四月篮球', plannedMonth: 4 }), line({ id: 'l-jun', title: '六月毕业季' })],
    }),
  })
  await openPage(`${EDITOR}?unitId=${UNIT}&lineId=l-jun`)
  expect((byTestId('input-title') as HTMLInputElement).value).toBe('六月毕业季')
})

test('保存并发布 opens the published event at its address; a failed publish keeps the draft and opens it', async () => {
  let publishFails = true
  serve({
    'activity.categories': () => ({ items: categories }),
    'plan.get': () => plan,
    'activity.create': () => managed(),
    'activity.publish': () => {
      if (publishFails) throw new ApiError('INVALID_INPUT', '报名截止需早于活动开始')
      return managed({ state: 'published' })
    },
  })
  const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: '' } as never)
  await openPage(`${EDITOR}?unitId=${UNIT}`)
  await typeInto('input-placeName', '市体育馆')
  await tap(button('保存并发布'))
  expect(callsOf(callFunctionMock, 'activity', 'create')).toHaveLength(1)
  expect(redirect).toHaveBeenCalledWith({ url: `${EDITOR}?id=${EVENT}` })
  expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '已存为草稿，未能发布' }))

  publishFails = false
  redirect.mockClear()
  await openPage(`${EDITOR}?unitId=${UNIT}`)
  await typeInto('input-placeName', '市体育馆')
  await tap(button('保存并发布'))
  expect(redirect).toHaveBeenCalledWith({ url: `${EDITOR}?id=${EVENT}` })
  modal.mockRestore()
})

test('临时活动 sends planLineId null; impossible times are caught before any call', async () => {
  serve({
    'activity.categories': () => ({ items: categories }),
    'plan.get': () => plan,
    'activity.create': () => managed(),
  })
  await openPage(`${EDITOR}?unitId=${UNIT}`)

  await pick('picker-planLineId', 0)
  await typeInto('input-title', '临时读书会')
  await pick('picker-category', 0)
  await typeInto('input-placeName', '图书馆')
  await pick('picker-startAt-time', '10:00')
  await pick('picker-endAt-time', '09:00')
  await tap(button('保存草稿'))

  expect(callsOf(callFunctionMock, 'activity', 'create')).toHaveLength(0)
  expect(pageRoot().querySelector('[data-field="endAt"] .field__error')?.textContent).toBe('结束时间需晚于开始时间')

  await pick('picker-endAt-time', '11:30')
  await tap(button('保存草稿'))
  const [req] = callsOf(callFunctionMock, 'activity', 'create') as Record<string, unknown>[]
  expect(req.planLineId).toBeNull()
  // Defaults: a week after 5 March (Shanghai), the chosen clock times.
  expect(req.startAt).toBe('2024-03-12T10:00:00+08:00')
  expect(req.endAt).toBe('2024-03-12T11:30:00+08:00')
  // 志愿服务 awards hours: the switch follows the category.
  expect(req.recordsServiceHours).toBe(true)
})

test('a server validation message is shown next to the form', async () => {
  serve({
    'activity.categories': () => ({ items: categories }),
    'plan.get': () => {
      throw new ApiError('FORBIDDEN', '无权查看')
    },
    'activity.create': () => {
      throw new ApiError('INVALID_INPUT', '报名截止时间不能晚于活动开始', undefined, {
        signupClosesAt: '不能晚于开始时间',
      })
    },
  })
  await openPage(`${EDITOR}?unitId=${UNIT}`)
  await typeInto('input-title', '读书会')
  await pick('picker-category', 1)
  await typeInto('input-placeName', '图书馆')
  await tap(button('保存草稿'))

  expect(byTestId('form-error').textContent).toBe('报名截止时间不能晚于活动开始')
  expect(pageRoot().querySelector('[data-field="signupClosesAt"] .field__error')?.textContent).toBe('不能晚于开始时间')
})

test('editing a published event sends only what changed, with the reason; cancel needs a reason', async () => {
  const published = managed({
    state: 'published',
    seatsTaken: 3,
    capacity: 30,
    planLine: { id: LINE, title: '青年篮球友谊赛', plannedMonth: 4, year: 2024 },
    startAt: '2024-04-12T06:30:00.000Z',
    endAt: '2024-04-12T09:00:00.000Z',
  })
  serve({
    'activity.categories': () => ({ items: categories }),
    'plan.get': () => plan,
    'activity.manageGet': () => published,
    'activity.update': () => ({ ...published, capacity: 40, updatedAt: '2024-03-05T05:00:00Z' }),
    'activity.cancel': (data) => ({
      ...published,
      state: 'cancelled',
      cancelReason: (data as { reason: string }).reason,
    }),
  })
  await openPage(`${EDITOR}?id=${EVENT}`)

  expect(callFunctionMock).toHaveBeenCalledWith('activity', 'manageGet', { id: EVENT })
  expect(byTestId('event-state').textContent).toContain('已发布')
  expect(byTestId('picker-startAt-time').textContent).toContain('14:30')

  await typeInto('input-capacity', '40')
  await typeInto('input-reason', '场地扩容')
  await tap(button('保存修改'))
  expect(callsOf(callFunctionMock, 'activity', 'update')).toEqual([{ id: EVENT, capacity: 40, reason: '场地扩容' }])

  await tap(button('取消活动'))
  const dialog = byTestId('reason-dialog')
  expect(dialog.querySelector<HTMLElement>('.reason-dialog__confirm')?.className).toContain('taroify-button--disabled')
  await typeInto('reason-input', '暴雨预警')
  await tap(dialog.querySelector<HTMLElement>('.reason-dialog__confirm') as HTMLElement)
  await settle()

  // No venue bookings for this event: nothing is offered, and the server's default applies.
  expect(pageRoot().querySelector('[data-testid="release-bookings"]')).toBeNull()
  expect(callsOf(callFunctionMock, 'activity', 'cancel')).toEqual([
    { id: EVENT, reason: '暴雨预警', releaseBookings: true },
  ])
  expect(byTestId('event-state').textContent).toContain('已取消')
  expect(byTestId('event-state').textContent).toContain('取消原因：暴雨预警')
  expect(pageRoot().querySelector('[data-testid="reason-dialog"]')).toBeNull()
})

test('cancelling an event with venue bookings offers to release them; the organiser may keep them', async () => {
  const published = managed({
    state: 'published',
    startAt: '2024-04-12T06:30:00.000Z',
    endAt: '2024-04-12T09:00:00.000Z',
  })
  const booking = (id: string, over: Partial<Booking>): Booking => ({
    id,
    kind: 'booking',
    facilityId: 'f-1',
    facilityName: '一号场',
    venueId: 'v-1',
    venueName: '移动公司职工活动中心',
    unitId: published.unit.id,
    unitName: published.unit.name,
    startAt: '2024-04-12T06:00:00.000Z',
    endAt: '2024-04-12T09:00:00.000Z',
    purpose: '篮球友谊赛',
    activityId: EVENT,
    state: 'approved',
    reason: null,
    recurrenceId: null,
    decidedAt: null,
    createdAt: '2024-03-01T00:00:00.000Z',
    ...over,
  })
  serve({
    'activity.categories': () => ({ items: categories }),
    'plan.get': () => plan,
    'activity.manageGet': () => published,
    // The server answers this event's bookings only (activityId).
    'venue.unitBookings': () => ({
      items: [
        booking('b-1', {}),
        booking('b-2', { state: 'pending', facilityName: '二号场' }),
        booking('b-4', { state: 'declined' }),
        booking('b-5', { startAt: '2024-03-01T06:00:00.000Z', endAt: '2024-03-01T08:00:00.000Z' }),
      ],
    }),
    'activity.cancel': (data) => ({
      ...published,
      state: 'cancelled',
      cancelReason: (data as { reason: string }).reason,
    }),
  })
  await openPage(`${EDITOR}?id=${EVENT}`)
  await tap(button('取消活动'))
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'unitBookings')).toEqual([{ unitId: published.unit.id, activityId: EVENT }])
  const offer = byTestId('release-bookings')
  // Only this event's requests and approved bookings that have not started.
  expect(offer.textContent).toContain('同时释放本活动的 2 个场地预订')
  expect(offer.textContent).toContain('一号场')
  expect(offer.textContent).toContain('二号场')
  await fire(byTestId('switch-releaseBookings'), 'change', false)
  await typeInto('reason-input', '暴雨预警')
  await tap(byTestId('reason-dialog').querySelector<HTMLElement>('.reason-dialog__confirm') as HTMLElement)
  await settle()
  expect(callsOf(callFunctionMock, 'activity', 'cancel')).toEqual([
    { id: EVENT, reason: '暴雨预警', releaseBookings: false },
  ])
})

test('the cover: the saved one shows through its link; a new one is uploaded to a name the server gives and saved by its file id', async () => {
  const stored = `local://images/runzhou/${UNIT}/${'a'.repeat(32)}.jpg`
  const link = `/files/images/runzhou/${UNIT}/${'a'.repeat(32)}.jpg?exp=1&sig=s`
  const fresh = `images/runzhou/${UNIT}/${'b'.repeat(32)}.png`
  const draft = managed({ coverSource: stored, coverUrl: link })
  serve({
    'activity.categories': () => ({ items: categories }),
    'plan.get': () => plan,
    'activity.manageGet': () => draft,
    'org.imageUploads': () => ({ uploads: [{ cloudPath: fresh, uploadUrl: `/upload/${fresh}?exp=1&sig=t` }] }),
    'activity.update': () => draft,
  })
  const choose = jest.spyOn(Taro, 'chooseImage').mockResolvedValue({
    tempFilePaths: ['blob:http://localhost/new-cover'],
    tempFiles: [{ type: 'image/png' }],
  } as never)
  const savedFetch = global.fetch
  global.fetch = jest.fn(async (url: string, init?: { method?: string }) =>
    init?.method === 'PUT'
      ? { json: async () => ({ ok: true, data: { fileId: `local://${fresh}` }, url }) }
      : { blob: async () => new Blob(['png']) },
  ) as unknown as typeof fetch
  try {
    await openPage(`${EDITOR}?id=${EVENT}`)
    expect(byTestId('event-cover').getAttribute('src')).toBe(link)
    await tap(byTestId('event-cover-upload'))
    await settle()
    expect(callsOf(callFunctionMock, 'org', 'imageUploads')).toEqual([{ unitId: UNIT, files: ['png'] }])
    expect(byTestId('event-cover').getAttribute('src')).toBe('blob:http://localhost/new-cover')
    await tap(button('保存'))
    expect(callsOf(callFunctionMock, 'activity', 'update')).toEqual([{ id: EVENT, coverUrl: `local://${fresh}` }])
  } finally {
    global.fetch = savedFetch
    choose.mockRestore()
  }
})

test('after a change of time to a published event, the editor offers to notify everyone confirmed', async () => {
  const published = managed({
    state: 'published',
    seatsTaken: 3,
    planLine: { id: LINE, title: '青年篮球友谊赛', plannedMonth: 4, year: 2024 },
    startAt: '2024-04-12T06:30:00.000Z',
    endAt: '2024-04-12T09:00:00.000Z',
  })
  let saved = published
  serve({
    'activity.categories': () => ({ items: categories }),
    'plan.get': () => plan,
    'activity.manageGet': () => published,
    'activity.update': (d) => {
      const req = d as Partial<ManagedActivity>
      saved = { ...saved, ...req, updatedAt: '2024-03-05T05:00:00Z' }
      return saved
    },
  })
  const modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  try {
    await openPage(`${EDITOR}?id=${EVENT}`)
    // A change that is not the time or the place asks nothing.
    await typeInto('input-capacity', '40')
    await typeInto('input-reason', '场地扩容')
    await tap(button('保存修改'))
    expect(modal).not.toHaveBeenCalled()

    await pick('picker-startAt-time', '15:30')
    await pick('picker-endAt-time', '18:00')
    await typeInto('input-reason', '场地时间调整')
    await tap(button('保存修改'))
    await settle()
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '通知已报名人员', content: '活动时间已修改，是否通知已确认参加的人？' }),
    )
    expect(navigate).toHaveBeenCalledWith({ url: `/packages/organiser/pages/roster/index?id=${EVENT}&notify=time` })
  } finally {
    modal.mockRestore()
    navigate.mockRestore()
  }
})
