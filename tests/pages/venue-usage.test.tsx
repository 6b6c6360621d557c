/**
 * 阵地使用率 (packages/admin/pages/venue-usage): this Shanghai month by default; per venue the share as a
 * bar, bookings and no-shows, month by month for a year; bookings per unit; 串门; the xlsx export; the
 * server's FORBIDDEN in its own words.
 */
import Taro from '@tarojs/taro'
import type { UsageRequest, VenueUsage, VenueUsageLine } from '@api/venue'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, pick, tap } from './support/dom'
import { UNIT_A, UNIT_B, VENUE_ID } from './support/venue-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = '/packages/admin/pages/venue-usage/index'
const CAFE_ID = 'bbbbbbbb-0000-4000-8000-000000000008'

function month(m: string, share: number, bookings: number, bookedHours: number, capacityHours: number) {
  return { month: m, openHours: capacityHours, capacityHours, bookedHours, share, bookings }
}

function venue(overrides: Partial<VenueUsageLine>): VenueUsageLine {
  return {
    venueId: VENUE_ID,
    venueName: '邮政大楼三楼青年之家',
    ownerUnitId: UNIT_A,
    ownerName: '中国邮政镇江分公司团委',
    facilities: 2,
    openHours: 200,
    capacityHours: 400,
    bookedHours: 100,
    share: 0.25,
    bookings: 12,
    noShows: 1,
    byMonth: [],
    ...overrides,
  }
}

/** December 2026 by default; the whole year has two months with bookings. */
function usage(req: UsageRequest): VenueUsage {
  const m = req.month ? `${req.year}-${String(req.month).padStart(2, '0')}` : null
  const post = venue({
    byMonth: m
      ? [month(m, 0.25, 12, 100, 400)]
      : [month(`${req.year}-10`, 0.1, 4, 20, 200), month(`${req.year}-11`, 0.4, 8, 80, 200)],
  })
  const cafe = venue({
    venueId: CAFE_ID,
    venueName: '青年之家共营店·半日闲咖啡',
    ownerUnitId: null,
    ownerName: '团区委',
    facilities: 1,
    capacityHours: 100,
    bookedHours: 12.5,
    share: 0.125,
    bookings: 3,
    noShows: 0,
    byMonth: m
      ? [month(m, 0.125, 3, 12.5, 100)]
      : [month(`${req.year}-10`, 0, 0, 0, 50), month(`${req.year}-11`, 0.25, 3, 12.5, 50)],
  })
  return {
    year: req.year,
    month: req.month ?? null,
    venues: [post, cafe],
    cells: [
      {
        venueId: VENUE_ID,
        venueName: post.venueName,
        unitId: UNIT_B,
        unitName: '南山街道朝阳社区团支部',
        month: m ?? `${req.year}-11`,
        bookings: 7,
        noShows: 1,
        bookedHours: 60,
      },
      {
        venueId: CAFE_ID,
        venueName: cafe.venueName,
        unitId: UNIT_B,
        unitName: '南山街道朝阳社区团支部',
        month: m ?? `${req.year}-11`,
        bookings: 3,
        noShows: 0,
        bookedHours: 12.5,
      },
      {
        venueId: VENUE_ID,
        venueName: post.venueName,
        unitId: UNIT_A,
        unitName: '中国邮政镇江分公司团委',
        month: m ?? `${req.year}-11`,
        bookings: 5,
        noShows: 0,
        bookedHours: 40,
      },
    ],
    lenders: [
      { unitId: UNIT_A, unitName: '中国邮政镇江分公司团委', bookings: 7, hours: 60 },
      { unitId: null, unitName: '团区委', bookings: 3, hours: 12.5 },
    ],
    borrowers: [{ unitId: UNIT_B, unitName: '南山街道朝阳社区团支部', bookings: 10, hours: 72.5 }],
    exchanges: [
      {
        lenderUnitId: UNIT_A,
        lenderName: '中国邮政镇江分公司团委',
        borrowerUnitId: UNIT_B,
        borrowerName: '南山街道朝阳社区团支部',
        bookings: 7,
        hours: 60,
      },
      {
        lenderUnitId: null,
        lenderName: '团区委',
        borrowerUnitId: UNIT_B,
        borrowerName: '南山街道朝阳社区团支部',
        bookings: 3,
        hours: 12.5,
      },
    ],
    totals: { bookings: 15, bookedHours: 112.5, capacityHours: 500, share: 0.225 },
  }
}

function cells(row: HTMLElement): string[] {
  return Array.from(row.children).map((c) => c.textContent ?? '')
}

let modal: jest.SpyInstance

beforeEach(() => {
  // 16:30 UTC on 30 November is already 00:30 on 1 December in Shanghai: the district's month is December.
  freezeNow('2026-11-30T16:30:00.000Z')
  callFunctionMock.mockReset()
  modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
})

afterEach(() => {
  modal.mockRestore()
  jest.useRealTimers()
})

test('this Shanghai month by default: totals, each venue’s share as a bar, bookings and no-shows, per unit, 串门', async () => {
  serve({ 'venue.usage': (d) => usage(d as UsageRequest) })
  await openPage(PAGE)
  expect(callsOf(callFunctionMock, 'venue', 'usage')).toEqual([{ year: 2026, month: 12 }])
  expect(byTestId('usage-year').textContent).toBe('2026 年')
  expect(text()).toContain('12月 ▾')

  expect(byTestId('usage-total-share').textContent).toBe('22.5%')
  expect(byTestId('usage-total-bookings').textContent).toBe('15')
  expect(byTestId('usage-total-hours').textContent).toBe('112.5')

  const venues = allByTestId('usage-venue')
  expect(venues).toHaveLength(2)
  expect(venues[0].textContent).toContain('邮政大楼三楼青年之家')
  expect(byTestId('usage-venue-share', venues[0]).textContent).toBe('25.0%')
  expect(byTestId('usage-venue-meta', venues[0]).textContent).toBe(
    '中国邮政镇江分公司团委 · 2 个场地 · 已用 100 / 可用 400 小时',
  )
  expect(byTestId('usage-venue-counts', venues[0]).textContent).toBe('预订 12 次 · 爽约 1 次')
  // The bar is drawn with Views, as wide as the share.
  const bars = Array.from(pageRoot().querySelectorAll<HTMLElement>('.vu__bar-fill')).map((b) => b.style.width)
  expect(bars).toEqual(['25.0%', '12.5%'])
  expect(byTestId('usage-venue-share', venues[1]).textContent).toBe('12.5%')
  // One month: no month-by-month table.
  expect(allByTestId('usage-month-row')).toHaveLength(0)

  // Bookings per booking unit, over venues, most first.
  expect(allByTestId('usage-unit-row').map(cells)).toEqual([
    ['南山街道朝阳社区团支部', '10', '1', '72.5'],
    ['中国邮政镇江分公司团委', '5', '0', '40'],
  ])
  // 串门: who lends, who borrows, who lent to whom.
  expect(allByTestId('usage-lender-row').map(cells)).toEqual([
    ['中国邮政镇江分公司团委', '7 次', '60 小时'],
    ['团区委', '3 次', '12.5 小时'],
  ])
  expect(allByTestId('usage-borrower-row').map(cells)).toEqual([['南山街道朝阳社区团支部', '10 次', '72.5 小时']])
  expect(allByTestId('usage-exchange-row').map(cells)).toEqual([
    ['中国邮政镇江分公司团委 → 南山街道朝阳社区团支部', '7 次', '60 小时'],
    ['团区委 → 南山街道朝阳社区团支部', '3 次', '12.5 小时'],
  ])
})

test('another month and the whole year call again; the year shows month by month', async () => {
  serve({ 'venue.usage': (d) => usage(d as UsageRequest) })
  await openPage(PAGE)
  await pick('usage-month', 3)
  expect(callsOf(callFunctionMock, 'venue', 'usage').slice(-1)).toEqual([{ year: 2026, month: 3 }])
  await tap(byTestId('usage-prev-year'))
  expect(callsOf(callFunctionMock, 'venue', 'usage').slice(-1)).toEqual([{ year: 2025, month: 3 }])

  await pick('usage-month', 0)
  expect(callsOf(callFunctionMock, 'venue', 'usage').slice(-1)).toEqual([{ year: 2025 }])
  // The whole scope month by month: (20 + 0) / (200 + 50) = 8%, (80 + 12.5) / (200 + 50) = 37%.
  expect(allByTestId('usage-month-row').map(cells)).toEqual([
    ['10月', '8.0%', '4', '20'],
    ['11月', '37.0%', '11', '92.5'],
  ])
  // And one venue's months on a tap.
  const post = allByTestId('usage-venue')[0]
  expect(allByTestId('usage-venue-month', post)).toHaveLength(0)
  await tap(byTestId('usage-venue-toggle', post))
  expect(allByTestId('usage-venue-month', post).map(cells)).toEqual([
    ['10月', '10.0%', '4', '20'],
    ['11月', '40.0%', '8', '80'],
  ])
})

test('?venueId= asks for that venue only', async () => {
  serve({ 'venue.usage': (d) => usage(d as UsageRequest) })
  await openPage(`${PAGE}?venueId=${VENUE_ID}`)
  expect(callsOf(callFunctionMock, 'venue', 'usage')).toEqual([{ year: 2026, month: 12, venueId: VENUE_ID }])
})

test('导出 Excel exports the chosen period and opens the link like the other exports', async () => {
  serve({
    'venue.usage': (d) => usage(d as UsageRequest),
    'venue.exportUsage': () => ({
      fileName: '阵地使用情况-2026-12.xlsx',
      fileId: 'f1',
      url: '/files/usage-2026-12.xlsx',
    }),
  })
  const clicks: { href: string | null; download: string | null }[] = []
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.getAttribute('href'), download: this.getAttribute('download') })
  })
  try {
    await openPage(PAGE)
    await tap(byTestId('usage-export'))
    expect(callsOf(callFunctionMock, 'venue', 'exportUsage')).toEqual([{ year: 2026, month: 12 }])
    expect(clicks).toEqual([{ href: '/files/usage-2026-12.xlsx', download: '阵地使用情况-2026-12.xlsx' }])
  } finally {
    click.mockRestore()
  }
})

test('a refused export says why', async () => {
  serve({
    'venue.usage': (d) => usage(d as UsageRequest),
    'venue.exportUsage': () => {
      throw new ApiError('RATE_LIMITED', '导出过于频繁，请稍后再试')
    },
  })
  await openPage(PAGE)
  await tap(byTestId('usage-export'))
  expect(modal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '导出失败', content: '导出过于频繁，请稍后再试' }),
  )
})

test('empty states: no bookings, no 串门, no venues', async () => {
  serve({
    'venue.usage': (d) => ({
      ...usage(d as UsageRequest),
      venues: [venue({ bookedHours: 0, share: 0, bookings: 0, noShows: 0 })],
      cells: [],
      lenders: [],
      borrowers: [],
      exchanges: [],
      totals: { bookings: 0, bookedHours: 0, capacityHours: 400, share: 0 },
    }),
  })
  await openPage(PAGE)
  expect(byTestId('usage-total-share').textContent).toBe('0.0%')
  expect(text()).toContain('该期间还没有预订')
  expect(text()).toContain('该期间没有单位之间的借用')
  expect(allByTestId('usage-unit-row')).toHaveLength(0)

  serve({ 'venue.usage': (d) => ({ ...usage(d as UsageRequest), venues: [], cells: [], exchanges: [] }) })
  await openPage(PAGE)
  expect(byTestId('empty-state').textContent).toContain('还没有可统计的场地')
  expect(allByTestId('usage-venue')).toHaveLength(0)
})

test('FORBIDDEN shows the server’s message and no report', async () => {
  serve({
    'venue.usage': () => {
      throw new ApiError('FORBIDDEN', '只有团区委或场地所属单位可以查看场地使用情况')
    },
  })
  await openPage(PAGE)
  expect(byTestId('error-state').textContent).toContain('只有团区委或场地所属单位可以查看场地使用情况')
  expect(allByTestId('usage-venue')).toHaveLength(0)
  expect(pageRoot().querySelector('[data-testid="usage-totals"]')).toBeNull()
})
