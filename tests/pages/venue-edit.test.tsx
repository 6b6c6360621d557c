/**
 * 场地信息 (packages/venues/pages/edit): a unit admin registers a venue (name, tier, address, typed
 * coordinates in H5, intro, contact, weekly hours with several ranges a day copied to other days,
 * closures and special days, photos) or edits one (only what changed is sent); the form checks
 * what the server's schema checks, and the server's refusals stand next to their fields.
 */
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/cloud'
import { useSessionStore } from '@/features/session/store/session'
import { clockOptions } from '@/packages/venues/features/venue/editor'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, fire, pick, tap, typeInto } from './support/dom'
import { COURT_ID, UNIT_A, VENUE_ID, me, venueDetail, weekGrid } from './support/venue-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const NEW_ID = 'bbbbbbbb-0000-4000-8000-000000000077'
const opens = (clock: string) => clockOptions('opens').indexOf(clock)
const closes = (clock: string) => clockOptions('closes').indexOf(clock)

let toast: jest.SpyInstance
let navigate: jest.SpyInstance
let redirect: jest.SpyInstance
let back: jest.SpyInstance
let sheet: jest.SpyInstance

beforeEach(() => {
  // Wednesday 2026-11-25 10:00 in Shanghai.
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  useSessionStore.getState().reset()
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never)
  back = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' } as never)
  sheet = jest.spyOn(Taro, 'showActionSheet')
})

afterEach(() => {
  for (const spy of [toast, navigate, redirect, back, sheet]) spy.mockRestore()
  jest.useRealTimers()
})

const fieldOf = (name: string) => pageRoot().querySelector(`[data-field="${name}"]`) as HTMLElement

test('registers a venue with two ranges a day copied to the weekdays, a closure and a special day', async () => {
  const created: unknown[] = []
  serve({
    'session.me': () => me(),
    'venue.createVenue': (d) => {
      created.push(d)
      return venueDetail({ id: NEW_ID })
    },
  })
  await openPage(`/packages/venues/pages/edit/index?owner=${UNIT_A}`)
  await settle()
  expect(text()).toContain('中国邮政镇江分公司团委 · 新增阵地')

  await typeInto('input-name', '邮政大楼三楼青年之家')
  await pick('picker-tier', 1)
  await typeInto('input-intro', '会议室、阅览区，欢迎各单位青年来学习交流')
  await typeInto('input-address', '镇江市润州区中山西路 68 号')
  await typeInto('input-latitude', '32.2012')
  await typeInto('input-longitude', '119.4321')
  await typeInto('input-contactName', '陆斌')
  await typeInto('input-contactPhone', '139 1234 5678')

  // Monday: 09:00–12:00 and 14:00–21:00.
  await tap(byTestId('day-1-add'))
  await pick('day-1-closes-0', closes('12:00'))
  await tap(byTestId('day-1-add'))
  await pick('day-1-opens-1', opens('14:00'))
  await pick('day-1-closes-1', closes('21:00'))
  // Copied to Monday–Friday.
  sheet.mockResolvedValue({ tapIndex: 0, errMsg: 'showActionSheet:ok' } as never)
  await tap(byTestId('day-1-copy'))
  expect(sheet).toHaveBeenCalledWith({ itemList: ['复制到周一至周五', '复制到周六、周日', '复制到每一天'] })
  expect(allByTestId('day-5-range')).toHaveLength(2)
  expect(allByTestId('day-6-range')).toHaveLength(0)
  // Saturday: 09:00–24:00 (closing at midnight).
  await tap(byTestId('day-6-add'))
  await pick('day-6-closes-0', closes('24:00'))

  // A closure with its note, and a special day with shorter hours.
  await tap(byTestId('ex-add'))
  expect(byTestId('exception').textContent).toContain('2026-11-26')
  await pick('ex-0-day', '2027-10-01')
  await typeInto('ex-0-note', '国庆闭馆')
  await tap(byTestId('ex-add'))
  await pick('ex-1-day', '2026-12-31')
  await fire(byTestId('ex-1-closed'), 'change', false)
  await pick('ex-1-closes-0', closes('12:00'))
  await typeInto('ex-1-note', '跨年夜提前闭馆')

  await tap(byTestId('venue-save'))
  await settle()
  const weekday = (weekday: number) => [
    { weekday, opens: '09:00', closes: '12:00' },
    { weekday, opens: '14:00', closes: '21:00' },
  ]
  expect(created).toEqual([
    {
      ownerUnitId: UNIT_A,
      name: '邮政大楼三楼青年之家',
      tier: 'functional',
      address: '镇江市润州区中山西路 68 号',
      location: { latitude: 32.2012, longitude: 119.4321 },
      intro: '会议室、阅览区，欢迎各单位青年来学习交流',
      contactName: '陆斌',
      contactPhone: '13912345678',
      hours: [...[1, 2, 3, 4, 5].flatMap(weekday), { weekday: 6, opens: '09:00', closes: '24:00' }],
      exceptions: [
        { day: '2027-10-01', ranges: [], note: '国庆闭馆' },
        { day: '2026-12-31', ranges: [{ opens: '09:00', closes: '12:00' }], note: '跨年夜提前闭馆' },
      ],
      photos: [],
    },
  ])
  // On to the new venue's editor, to add its facilities.
  expect(redirect).toHaveBeenCalledWith({ url: `/packages/venues/pages/edit/index?id=${NEW_ID}` })
})

test('the form checks what the server checks before calling it', async () => {
  serve({ 'session.me': () => me() })
  await openPage(`/packages/venues/pages/edit/index?owner=${UNIT_A}`)
  await settle()
  await typeInto('input-name', '青')
  await typeInto('input-latitude', '132.5')
  await typeInto('input-longitude', '119.4')
  await typeInto('input-contactPhone', '0511-1234')
  await tap(byTestId('day-3-add'))
  await tap(byTestId('day-3-add'))
  // 09:00–21:00 and 21:00–22:00, then the second moved to start at 20:00: they overlap.
  await pick('day-3-opens-1', opens('20:00'))
  await tap(byTestId('ex-add'))
  await tap(byTestId('ex-add'))
  await tap(byTestId('venue-save'))
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'createVenue')).toHaveLength(0)
  expect(byTestId('form-error').textContent).toBe('请检查标红的项目')
  expect(fieldOf('name').textContent).toContain('名称 2–60 个字')
  expect(fieldOf('tier').textContent).toContain('请选择类型')
  expect(fieldOf('location').textContent).toContain('纬度应为 -90 到 90 之间的数字')
  expect(fieldOf('contactPhone').textContent).toContain('请填写 11 位手机号码')
  expect(byTestId('day-3').textContent).toContain('时段有重叠')
  expect(allByTestId('exception')[1].textContent).toContain('日期重复')
})

test('editing sends only what changed, and the server’s refusal stands by its field', async () => {
  const updates: unknown[] = []
  let refuse = true
  const detail = venueDetail({
    canEdit: true,
    contactMasked: false,
    contactPhone: '13912341037',
    photos: ['https://x/p.jpg'],
  })
  serve({
    'session.me': () => me(),
    'venue.venue': () => detail,
    'venue.updateVenue': (d) => {
      updates.push(d)
      if (refuse) throw new ApiError('CONFLICT', '已有同名场地', undefined, { name: '名称已存在' })
      return detail
    },
  })
  await openPage(`/packages/venues/pages/edit/index?id=${VENUE_ID}`)
  await settle()
  expect(allByTestId('day-1-range')).toHaveLength(1)
  expect(allByTestId('day-6-range')).toHaveLength(1)
  expect(byTestId('exception').textContent).toContain('2026-12-31')

  await typeInto('input-name', '邮政大楼三楼青年之家')
  await tap(byTestId('venue-save'))
  await settle()
  expect(updates).toEqual([{ venueId: VENUE_ID, name: '邮政大楼三楼青年之家' }])
  expect(byTestId('form-error').textContent).toBe('已有同名场地')
  expect(fieldOf('name').className).toContain('field--error')
  expect(fieldOf('name').textContent).toContain('名称已存在')
  expect(back).not.toHaveBeenCalled()

  // Sunday closes an hour earlier: the hours go whole, the untouched exceptions stay out.
  refuse = false
  await typeInto('input-name', '移动公司青年活动中心')
  await pick('day-7-closes-0', closes('21:00'))
  await tap(byTestId('venue-save'))
  await settle()
  const sent = updates[1] as Record<string, unknown>
  expect(Object.keys(sent).sort()).toEqual(['hours', 'name', 'venueId'])
  expect(sent.hours).toContainEqual({ weekday: 7, opens: '09:00', closes: '21:00' })
  expect(sent.hours).toContainEqual({ weekday: 6, opens: '09:00', closes: '22:00' })
  expect(sent.hours).toHaveLength(7)
  expect(toast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })
  expect(back).toHaveBeenCalled()
})

test('a masked contact phone is not sent back unless retyped; facilities are listed with their editor', async () => {
  const updates: unknown[] = []
  const detail = venueDetail({ canEdit: true })
  serve({
    'session.me': () => me(),
    'venue.venue': () => detail,
    'venue.updateVenue': (d) => {
      updates.push(d)
      return detail
    },
  })
  await openPage(`/packages/venues/pages/edit/index?id=${VENUE_ID}`)
  await settle()
  expect((byTestId('input-contactPhone') as HTMLInputElement).getAttribute('placeholder')).toContain('139****1037')
  await typeInto('input-contactName', '刘爱浩主任')
  await tap(byTestId('venue-save'))
  await settle()
  expect(updates).toEqual([{ venueId: VENUE_ID, contactName: '刘爱浩主任' }])

  const facilities = allByTestId('facility-item')
  expect(facilities.map((f) => f.textContent)).toEqual([
    expect.stringContaining('羽毛球场 1 号'),
    expect.stringContaining('瑜伽室'),
  ])
  expect(facilities[1].textContent).toContain('20 座 · 需审批')
  await tap(facilities[0])
  expect(navigate).toHaveBeenLastCalledWith({
    url: `/packages/venues/pages/facility/index?venueId=${VENUE_ID}&id=${COURT_ID}`,
  })
  await tap(byTestId('facility-new'))
  expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/venues/pages/facility/index?venueId=${VENUE_ID}` })
})

test('someone who may not edit the venue is told so', async () => {
  serve({ 'session.me': () => me(), 'venue.venue': () => venueDetail() })
  await openPage(`/packages/venues/pages/edit/index?id=${VENUE_ID}`)
  await settle()
  expect(text()).toContain('只有场地所属单位的管理员或团区委可以修改场地')
  expect(pageRoot().querySelector('[data-testid="venue-save"]')).toBeNull()
})

test('the venue’s page offers its editor to those who may edit it', async () => {
  serve({
    'session.me': () => me(),
    'venue.venue': () => venueDetail({ canEdit: true }),
    'venue.grid': () => weekGrid('2026-11-23'),
  })
  await openPage(`/packages/venues/pages/venue/index?id=${VENUE_ID}`)
  await settle()
  await tap(byTestId('venue-edit'))
  expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/venues/pages/edit/index?id=${VENUE_ID}` })

  serve({
    'session.me': () => me(),
    'venue.venue': () => venueDetail(),
    'venue.grid': () => weekGrid('2026-11-23'),
  })
  await openPage(`/packages/venues/pages/venue/index?id=${VENUE_ID}&again=1`)
  await settle()
  expect(allByTestId('venue-info')).toHaveLength(1)
  expect(pageRoot().querySelector('[data-testid="venue-edit"]')).toBeNull()
})

test('the server’s refusals inside a section (coordinates, hours, a special date) stand by that section', async () => {
  serve({
    'session.me': () => me({ roles: ['youth', 'district_admin'], units: [] }),
    'venue.createVenue': () => {
      throw new ApiError('INVALID_INPUT', '周一的开放时段有重叠', undefined, {
        'location.latitude': '数值过大',
        hours: '时段重叠',
        'exceptions.0.note': '含有无法显示的控制字符',
      })
    },
  })
  await openPage('/packages/venues/pages/edit/index?owner=district')
  await settle()
  expect(text()).toContain('团区委（区属场地） · 新增阵地')
  await typeInto('input-name', '青年之家共营店·半日闲咖啡')
  await pick('picker-tier', 2)
  await tap(byTestId('ex-add'))
  await tap(byTestId('venue-save'))
  await settle()
  expect((callsOf(callFunctionMock, 'venue', 'createVenue')[0] as { ownerUnitId: unknown }).ownerUnitId).toBeNull()
  expect(byTestId('form-error').textContent).toBe('周一的开放时段有重叠')
  expect(fieldOf('location').textContent).toContain('数值过大')
  expect(byTestId('hours').textContent).toContain('时段重叠')
  expect(byTestId('exceptions').textContent).toContain('含有无法显示的控制字符')
})

test('photos: the stored ones show through their links; one removed, one uploaded to a name the server gives the owner', async () => {
  const kept = `local://images/runzhou/${UNIT_A}/${'a'.repeat(32)}.jpg`
  const gone = `local://images/runzhou/${UNIT_A}/${'b'.repeat(32)}.jpg`
  const fresh = `images/runzhou/${UNIT_A}/${'c'.repeat(32)}.png`
  const detail = venueDetail({
    canEdit: true,
    ownerUnitId: UNIT_A,
    contactMasked: false,
    contactPhone: '13912341037',
    photoSources: [kept, gone],
    photos: ['/files/kept?exp=1&sig=a', '/files/gone?exp=1&sig=b'],
  })
  const updates: unknown[] = []
  serve({
    'session.me': () => me(),
    'venue.venue': () => detail,
    'org.imageUploads': () => ({ uploads: [{ cloudPath: fresh, uploadUrl: `/upload/${fresh}?exp=1&sig=t` }] }),
    'venue.updateVenue': (d) => {
      updates.push(d)
      return detail
    },
  })
  const choose = jest.spyOn(Taro, 'chooseImage').mockResolvedValue({
    tempFilePaths: ['blob:http://localhost/court'],
    tempFiles: [{ type: 'image/png' }],
  } as never)
  const savedFetch = global.fetch
  global.fetch = jest.fn(async (_url: string, init?: { method?: string }) =>
    init?.method === 'PUT'
      ? { json: async () => ({ ok: true, data: { fileId: `local://${fresh}` } }) }
      : { blob: async () => new Blob(['png']) },
  ) as unknown as typeof fetch
  try {
    await openPage(`/packages/venues/pages/edit/index?id=${VENUE_ID}`)
    await settle()
    const shown = () =>
      Array.from(byTestId('venue-photos-edit').querySelectorAll('img')).map((e) => e.getAttribute('src'))
    expect(shown()).toEqual(['/files/kept?exp=1&sig=a', '/files/gone?exp=1&sig=b'])
    await tap(allByTestId('venue-photo-remove')[1])
    await tap(byTestId('venue-photo-add'))
    await settle()
    expect(callsOf(callFunctionMock, 'org', 'imageUploads')).toEqual([{ unitId: UNIT_A, files: ['png'] }])
    expect(shown()).toEqual(['/files/kept?exp=1&sig=a', 'blob:http://localhost/court'])
    await tap(byTestId('venue-save'))
    await settle()
    expect(updates).toEqual([{ venueId: VENUE_ID, photos: [kept, `local://${fresh}`] }])
  } finally {
    global.fetch = savedFetch
    choose.mockRestore()
  }
})
