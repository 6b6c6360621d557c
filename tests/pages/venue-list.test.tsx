/**
 * 阵地预约 (packages/venues/pages/list): venues near me with distances and a drawn plan of the district
 * in H5 (no map tiles), filters by facility kind and tier; without a location, no distances.
 */
import Taro from '@tarojs/taro'
import type { VenueListRequest } from '@api/venue'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { allByTestId, byTestId, byText, callsOf, tap } from './support/dom'
import { summary } from './support/venue-fixtures'
import { wgs84ToGcj02 } from '@/packages/venues/features/venue/geo'

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
