/**
 * 青年评议 (packages/admin/pages/ratings): totals, satisfaction by unit and category as bars, the
 * monthly trend drawn with Views, cells below 5 ratings showing only counts, the quarter's lowest
 * events, the quarter picker, and the xlsx export.
 */
import Taro from '@tarojs/taro'
import type { DistrictRatings, DistrictRequest, RatingAggregate } from '@api/rating'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, pick, tap } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = '/packages/admin/pages/ratings/index'
const UNIT_A = 'cccccccc-0000-4000-8000-000000000001'
const UNIT_B = 'cccccccc-0000-4000-8000-000000000002'

const cell = (count: number, attended: number, average: number | null): RatingAggregate => ({
  count,
  attended,
  responseRate: attended ? count / attended : null,
  average,
  distribution: average === null ? null : [0, 0, 1, 2, count - 3],
})

function view(req: DistrictRequest): DistrictRatings {
  return {
    year: req.year,
    quarter: req.quarter ?? 4,
    unitId: null,
    minimum: 5,
    total: cell(12, 20, 4),
    byUnit: [
      { unitId: UNIT_A, unitName: '甲单位团委', ...cell(9, 12, 4.5) },
      { unitId: UNIT_B, unitName: '乙单位团委', ...cell(3, 8, null) },
    ],
    byCategory: [{ category: 'reading_club', categoryName: '读书会', ...cell(12, 20, 4) }],
    byMonth: Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      ...(i === 10 ? cell(9, 12, 4.5) : i === 9 ? cell(3, 8, null) : cell(0, 0, null)),
    })),
    lowest: [
      {
        activityId: 'e1',
        title: '青年读书会',
        unitName: '甲单位团委',
        endAt: '2026-11-20T04:00:00.000Z',
        count: 9,
        average: 4.5,
      },
    ],
  }
}

let modal: jest.SpyInstance

beforeEach(() => {
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
})

afterEach(() => {
  modal.mockRestore()
  jest.useRealTimers()
})

test('this year: totals, units and categories as bars, the trend, and cells below 5 with counts only', async () => {
  serve({ 'rating.district': (d) => view(d as DistrictRequest) })
  await openPage(PAGE)
  expect(callsOf(callFunctionMock, 'rating', 'district')).toEqual([{ year: 2026 }])
  expect(byTestId('ratings-average').textContent).toBe('4.0')
  expect(byTestId('ratings-count').textContent).toBe('12')
  expect(byTestId('ratings-rate').textContent).toBe('60%')
  expect(text()).toContain('第四季度 ▾')

  const units = allByTestId('ratings-line', byTestId('ratings-units'))
  expect(units[0].textContent).toContain('甲单位团委')
  expect(units[0].textContent).toContain('4.5 · 9人 · 75%')
  // Unit B has 3 ratings: no average, no bar, only its count.
  expect(units[1].textContent).toContain('不足 5 人，不显示评分')
  expect(units[1].textContent).toContain('— · 3人 · 38%')
  const bars = Array.from(byTestId('ratings-units').querySelectorAll<HTMLElement>('.vr__bar-fill'))
  expect(bars.map((b) => b.style.width)).toEqual(['90.0%'])

  const months = allByTestId('ratings-month')
  expect(months).toHaveLength(12)
  expect(months[10].textContent).toBe('4.511月')
  expect(months[9].textContent).toBe('3人10月')
  const heights = Array.from(pageRoot().querySelectorAll<HTMLElement>('.vr__col-bar')).map((b) => b.style.height)
  expect(heights[10]).toBe('90.0%')
  expect(heights[9]).toBe('0%')

  expect(allByTestId('ratings-lowest')[0].textContent).toContain('青年读书会（甲单位团委，11月20日）')
})

test('another quarter and year ask again', async () => {
  serve({ 'rating.district': (d) => view(d as DistrictRequest) })
  await openPage(PAGE)
  await pick('ratings-quarter', 1)
  expect(callsOf(callFunctionMock, 'rating', 'district').slice(-1)).toEqual([{ year: 2026, quarter: 2 }])
  expect(text()).toContain('第二季度评分最低的活动')
  await tap(byTestId('ratings-prev-year'))
  expect(callsOf(callFunctionMock, 'rating', 'district').slice(-1)).toEqual([{ year: 2025, quarter: 2 }])
})

test('导出 Excel exports the year and opens the link', async () => {
  serve({
    'rating.district': (d) => view(d as DistrictRequest),
    'rating.export': () => ({ fileName: '青年评议-2026.xlsx', fileId: 'f1', url: '/files/ratings-2026.xlsx' }),
  })
  const clicks: { href: string | null; download: string | null }[] = []
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.getAttribute('href'), download: this.getAttribute('download') })
  })
  try {
    await openPage(PAGE)
    await tap(byTestId('ratings-export'))
    expect(callsOf(callFunctionMock, 'rating', 'export')).toEqual([{ year: 2026 }])
    expect(clicks).toEqual([{ href: '/files/ratings-2026.xlsx', download: '青年评议-2026.xlsx' }])
  } finally {
    click.mockRestore()
  }
})

test('a person who may not see it is told why', async () => {
  serve({
    'rating.district': () => {
      throw new ApiError('FORBIDDEN', '只有团区委或本单位的组织者可以查看青年评议')
    },
  })
  await openPage(PAGE)
  expect(text()).toContain('只有团区委或本单位的组织者可以查看青年评议')
})
