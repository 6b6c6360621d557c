/**
 * 阵地预约 (packages/venues/pages/list): venues near me with distances and a drawn plan of the district
 * in H5 (no map tiles), filters by facility kind and tier; without a location, no distances.
 */
import Taro from '@tarojs/taro'
import type { VenueListRequest } from '@api/venue'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, byText, callsOf, pick, tap } from './support/dom'
import { summary } from './support/venue-fixtures'
import { wgs84ToGcj02 } from '@/utils/geo'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = '/packages/venues/pages/list/index'
/** The browser's WGS-84 position, and the same place in GCJ-02 (the venues' and WeChat's coordinates). */
const GPS = { latitude: 32.2, longitude: 119.42 }
const HERE = wgs84ToGcj02(GPS)

const mobile = summary({ distanceMeters: 1520 })
const post = summary({
  id: 'bbbbbbbb-0000-4000-8000-000000000002',
  name: '邮政大楼三楼青年之家',
  tier: 'functional',
  ownerName: '中国邮政镇江分公司团委',
  location: { latitude: 32.2043, longitude: 119.4312 },
  facilityKinds: ['activity_room', 'reading_area'],
  distanceMeters: 980,
})
const cafe = summary({
  id: 'bbbbbbbb-0000-4000-8000-000000000003',
  name: '青年之家共营店·半日闲咖啡',
  tier: 'partner',
  ownerUnitId: null,
  ownerName: '润州区青年工作委员会',
  location: { latitude: 32.2163, longitude: 119.4201 },
  facilityKinds: ['cafe_space'],
  distanceMeters: 1810,
})

let getLocation: jest.SpyInstance
let navigate: jest.SpyInstance

beforeEach(() => {
  callFunctionMock.mockReset()
  getLocation = jest.spyOn(Taro, 'getLocation')
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})

afterEach(() => {
  getLocation.mockRestore()
  navigate.mockRestore()
})

const names = () => allByTestId('venue-item').map((e) => e.querySelector('.venues__name')?.textContent)

test('with my location: asks for venues near me, lists them nearest first with distances, and draws the plan', async () => {
  getLocation.mockResolvedValue(GPS as never)
  serve({ 'venue.venues': () => ({ items: [post, mobile, cafe] }) })
  await openPage(PAGE)
  await settle()

  // H5: browsers know only WGS-84; the position is shifted to GCJ-02 before asking for distances.
  expect(getLocation).toHaveBeenCalledWith({ type: 'wgs84' })
  expect(callsOf(callFunctionMock, 'venue', 'venues')).toEqual([{ near: HERE }])
  expect(names()).toEqual(['邮政大楼三楼青年之家', '移动公司职工活动中心', '青年之家共营店·半日闲咖啡'])
  expect(allByTestId('venue-distance').map((e) => e.textContent)).toEqual(['980 米', '1.5 公里', '1.8 公里'])
  expect(text()).toContain('按距离由近到远（附近）')
  expect(allByTestId('venue-item')[0].textContent).toContain('功能店')
  expect(allByTestId('venue-item')[0].textContent).toContain('活动室 · 阅览区')

  // The plan: one numbered pin per venue, placed by coordinates (north up), and me.
  const plan = byTestId('district-plan')
  const pins = allByTestId('plan-pin', plan)
  expect(pins.map((p) => p.textContent)).toEqual([
    '1邮政大楼三楼青年之家',
    '2移动公司职工活动中心',
    '3青年之家共营店·半日闲咖啡',
  ])
  const pos = pins.map((p) => ({ left: parseFloat(p.style.left), top: parseFloat(p.style.top) }))
  // 移动 lies south-west of 邮政; the café is the northernmost.
  expect(pos[1].left).toBeLessThan(pos[0].left)
  expect(pos[1].top).toBeGreaterThan(pos[0].top)
  expect(pos[2].top).toBeLessThan(pos[0].top)
  for (const p of pos) {
    expect(p.left).toBeGreaterThanOrEqual(0)
    expect(p.left).toBeLessThanOrEqual(100)
    expect(p.top).toBeGreaterThanOrEqual(0)
    expect(p.top).toBeLessThanOrEqual(100)
  }
  expect(byTestId('plan-me', plan)).toBeTruthy()
  expect(plan.textContent).toContain('示意图，非地图')
  // No tile map in H5.
  expect(pageRoot().querySelector('taro-map-core, .venue-map')).toBeNull()

  await tap(pins[1])
  expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/venues/pages/venue/index?id=${mobile.id}` })
})

test('filters ask the server by facility kind and by tier, and 全部 clears them', async () => {
  getLocation.mockResolvedValue(GPS as never)
  serve({
    'venue.venues': (d) => {
      const req = (d ?? {}) as NonNullable<VenueListRequest>
      return {
        items: [post, mobile, cafe].filter(
          (v) =>
            (!req.facilityKind || v.facilityKinds.includes(req.facilityKind)) && (!req.tier || v.tier === req.tier),
        ),
      }
    },
  })
  await openPage(PAGE)
  await settle()
  await tap(byText('.venues__chip', '瑜伽室', byTestId('filter-kind')))
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'venues').slice(-1)).toEqual([{ near: HERE, facilityKind: 'yoga_room' }])
  expect(names()).toEqual(['移动公司职工活动中心'])

  await tap(byText('.venues__chip', '共营店', byTestId('filter-tier')))
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'venues').slice(-1)).toEqual([
    { near: HERE, facilityKind: 'yoga_room', tier: 'partner' },
  ])
  expect(text()).toContain('没有符合条件的场地')

  await tap(byText('.venues__chip', '全部', byTestId('filter-kind')))
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'venues').slice(-1)).toEqual([{ near: HERE, tier: 'partner' }])
  expect(names()).toEqual(['青年之家共营店·半日闲咖啡'])
})

test('空闲时段: a day of the coming week and a half-hour range, sent as freeAt in Shanghai time; each venue names its free facilities', async () => {
  // Wednesday 25 November, 23:30 in Shanghai (15:30 UTC): "today" is still the 25th there.
  freezeNow('2026-11-25T15:30:00.000Z')
  try {
    getLocation.mockRejectedValue(new Error('getLocation:fail auth deny'))
    serve({
      'venue.venues': (d) => {
        const req = (d ?? {}) as NonNullable<VenueListRequest>
        if (!req.freeAt) return { items: [mobile, post, cafe].map((v) => ({ ...v, distanceMeters: null })) }
        if (req.freeAt.startAt.startsWith('2026-11-28')) return { items: [] }
        return {
          items: [
            {
              ...mobile,
              distanceMeters: null,
              freeFacilities: [
                { id: 'f-2', kind: 'badminton_court' as const, name: '二号场' },
                { id: 'f-3', kind: 'badminton_court' as const, name: '三号场' },
              ],
            },
          ],
        }
      },
    })
    await openPage(PAGE)
    await settle()
    expect(callsOf(callFunctionMock, 'venue', 'venues')).toEqual([{}])
    const filter = byTestId('filter-free')
    const chips = Array.from(filter.querySelectorAll('.venues__chip')).map((e) => e.textContent)
    expect(chips).toEqual(['不限', '今天', '明天', '周五 11/27', '周六 11/28', '周日 11/29', '周一 11/30', '周二 12/1'])
    expect(allByTestId('free-start')).toHaveLength(0)

    // 明天: 19:00–21:00 by default, the instants in Shanghai time.
    await tap(byText('.venues__chip', '明天', filter))
    expect(callsOf(callFunctionMock, 'venue', 'venues').slice(-1)).toEqual([
      { freeAt: { startAt: '2026-11-26T19:00:00+08:00', endAt: '2026-11-26T21:00:00+08:00' } },
    ])
    expect(names()).toEqual(['移动公司职工活动中心'])
    expect(byTestId('venue-free').textContent).toBe('空闲：二号场、三号场')

    // Start 20:30 keeps the two hours; the end list then runs 21:00 … 24:00 and 24:00 is the next midnight.
    await pick('free-start', 41)
    expect(callsOf(callFunctionMock, 'venue', 'venues').slice(-1)).toEqual([
      { freeAt: { startAt: '2026-11-26T20:30:00+08:00', endAt: '2026-11-26T22:30:00+08:00' } },
    ])
    await pick('free-end', 6)
    expect(callsOf(callFunctionMock, 'venue', 'venues').slice(-1)).toEqual([
      { freeAt: { startAt: '2026-11-26T20:30:00+08:00', endAt: '2026-11-27T00:00:00+08:00' } },
    ])
    expect(text()).toContain('20:30 ▾')
    expect(text()).toContain('24:00 ▾')

    // An early start keeps the length (3½ hours); the end list stops 12 hours after the start.
    await pick('free-start', 2)
    expect(callsOf(callFunctionMock, 'venue', 'venues').slice(-1)).toEqual([
      { freeAt: { startAt: '2026-11-26T01:00:00+08:00', endAt: '2026-11-26T04:30:00+08:00' } },
    ])
    await pick('free-end', 23)
    expect(callsOf(callFunctionMock, 'venue', 'venues').slice(-1)).toEqual([
      { freeAt: { startAt: '2026-11-26T01:00:00+08:00', endAt: '2026-11-26T13:00:00+08:00' } },
    ])
    const asked = callsOf(callFunctionMock, 'venue', 'venues').length
    await pick('free-end', 24)
    expect(callsOf(callFunctionMock, 'venue', 'venues')).toHaveLength(asked)

    // Another day keeps the times, with the kind filter; nothing free → the hint says so.
    await tap(byText('.venues__chip', '羽毛球场', byTestId('filter-kind')))
    await tap(byText('.venues__chip', '周六 11/28', filter))
    expect(callsOf(callFunctionMock, 'venue', 'venues').slice(-1)).toEqual([
      {
        facilityKind: 'badminton_court',
        freeAt: { startAt: '2026-11-28T01:00:00+08:00', endAt: '2026-11-28T13:00:00+08:00' },
      },
    ])
    expect(text()).toContain('这个时段没有空闲的场地')

    // 不限 drops freeAt; the list no longer names free facilities.
    await tap(byText('.venues__chip', '不限', filter))
    expect(callsOf(callFunctionMock, 'venue', 'venues').slice(-1)).toEqual([{ facilityKind: 'badminton_court' }])
    expect(allByTestId('venue-free')).toHaveLength(0)
    expect(allByTestId('free-start')).toHaveLength(0)
  } finally {
    jest.useRealTimers()
  }
})

test('location refused: venues by name, no distances, no 我 on the plan', async () => {
  getLocation.mockRejectedValue(new Error('getLocation:fail auth deny'))
  serve({ 'venue.venues': () => ({ items: [cafe, post, mobile].map((v) => ({ ...v, distanceMeters: null })) }) })
  await openPage(PAGE)
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'venues')).toEqual([{}])
  expect(allByTestId('venue-distance')).toHaveLength(0)
  expect(text()).toContain('未获取到你的位置，按名称排列')
  expect(allByTestId('plan-pin')).toHaveLength(3)
  expect(allByTestId('plan-me')).toHaveLength(0)
})

test('WGS-84 → GCJ-02: the published reference point, and no shift outside China', () => {
  const p = wgs84ToGcj02({ latitude: 39.915, longitude: 116.404 })
  expect(p.latitude).toBeCloseTo(39.91640428150164, 9)
  expect(p.longitude).toBeCloseTo(116.41024449916938, 9)
  expect(wgs84ToGcj02({ latitude: 48.8566, longitude: 2.3522 })).toEqual({ latitude: 48.8566, longitude: 2.3522 })
  // Around Zhenjiang the shift is a few hundred metres.
  expect(HERE.latitude - GPS.latitude).toBeLessThan(0.01)
  expect(HERE.longitude - GPS.longitude).toBeGreaterThan(0.001)
})
