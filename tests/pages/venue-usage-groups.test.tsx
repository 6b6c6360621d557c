/** 阵地使用率 with a registered youth group among the borrowers: its own line, marked 青年团体. */
import type { VenueUsage } from '@api/venue'
import { openPage } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId } from './support/dom'
import { UNIT_B, VENUE_ID } from './support/venue-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const G1 = 'aaaaaaaa-0000-4000-8000-0000000000a1'
const G2 = 'aaaaaaaa-0000-4000-8000-0000000000a2'

const cell = (over: Partial<VenueUsage['cells'][number]>): VenueUsage['cells'][number] => ({
  venueId: VENUE_ID,
  venueName: '移动公司职工活动中心',
  unitId: null,
  groupId: null,
  unitName: '',
  month: '2026-11',
  bookings: 1,
  noShows: 0,
  bookedHours: 2,
  ...over,
})

const report: VenueUsage = {
  year: 2026,
  month: 11,
  venues: [
    {
      venueId: VENUE_ID,
      venueName: '移动公司职工活动中心',
      ownerUnitId: 'u-mobile',
      ownerName: '中国移动镇江分公司团委',
      facilities: 1,
      openHours: 100,
      capacityHours: 100,
      bookedHours: 12,
      share: 0.12,
      bookings: 6,
      noShows: 0,
      byMonth: [],
    },
  ],
  cells: [
    cell({ groupId: G1, unitName: '润州青年羽毛球社', bookings: 2, bookedHours: 4 }),
    cell({ groupId: G2, unitName: '金山读书会' }),
    cell({ unitId: UNIT_B, unitName: '瑞祥科技集团团委', bookings: 3, bookedHours: 6 }),
  ],
  lenders: [{ unitId: 'u-mobile', unitName: '中国移动镇江分公司团委', bookings: 6, hours: 12 }],
  borrowers: [
    { unitId: UNIT_B, unitName: '瑞祥科技集团团委', bookings: 3, hours: 6 },
    { unitId: null, groupId: G1, unitName: '润州青年羽毛球社', bookings: 2, hours: 4 },
    { unitId: null, groupId: G2, unitName: '金山读书会', bookings: 1, hours: 2 },
  ],
  exchanges: [
    {
      lenderUnitId: 'u-mobile',
      lenderName: '中国移动镇江分公司团委',
      borrowerUnitId: null,
      borrowerGroupId: G1,
      borrowerName: '润州青年羽毛球社',
      bookings: 2,
      hours: 4,
    },
  ],
  totals: { bookings: 6, bookedHours: 12, capacityHours: 100, share: 0.12 },
}

beforeEach(() => {
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
})

afterEach(() => {
  jest.useRealTimers()
})

test('each youth group is its own borrower line, marked 青年团体, never merged with another or the district', async () => {
  serve({ 'venue.usage': () => report })
  await openPage('/packages/admin/pages/venue-usage/index')
  const units = allByTestId('usage-unit-row').map((r) => r.children[0].textContent)
  expect(units).toEqual(['瑞祥科技集团团委', '润州青年羽毛球社（青年团体）', '金山读书会（青年团体）'])
  expect(allByTestId('usage-borrower-row').map((r) => r.children[0].textContent)).toEqual([
    '瑞祥科技集团团委',
    '润州青年羽毛球社（青年团体）',
    '金山读书会（青年团体）',
  ])
  expect(allByTestId('usage-exchange-row')[0].children[0].textContent).toBe(
    '中国移动镇江分公司团委 → 润州青年羽毛球社（青年团体）',
  )
})
