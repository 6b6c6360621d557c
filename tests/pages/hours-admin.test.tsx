import Taro from '@tarojs/taro'
import type { DistrictHoursReport, ReportRequest } from '@api/hours'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, pick, tap } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = '/packages/admin/pages/hours/index'

function report(req: ReportRequest): DistrictHoursReport {
  const month = req.month ?? null
  return {
    year: req.year,
    month,
    totalHours: month ? 40 : 1234.5,
    people: month ? 12 : 210,
    byUnit: [
      { unitId: 'u1', unitName: '中国邮政镇江分公司团委', hours: month ? 30 : 800.5, people: 120, activities: 14 },
      { unitId: 'u2', unitName: '南山街道朝阳社区团支部', hours: month ? 10 : 434, people: 90, activities: 9 },
    ],
    byMonth: month
      ? [{ month: `${req.year}-${String(month).padStart(2, '0')}`, hours: 40, people: 12 }]
      : [
          { month: `${req.year}-01`, hours: 200, people: 50 },
          { month: `${req.year}-02`, hours: 1034.5, people: 180 },
        ],
  }
}

let modal: jest.SpyInstance

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
  modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
})

afterEach(() => {
  modal.mockRestore()
  jest.useRealTimers()
})

function cells(row: HTMLElement): string[] {
  return Array.from(row.children).map((c) => c.textContent ?? '')
}

test('the year report: totals, by unit (hours, people, activities) and by month', async () => {
  serve({ 'hours.report': (d) => report(d as ReportRequest) })
  await openPage(PAGE)
  expect(callsOf(callFunctionMock, 'hours', 'report')).toEqual([{ year: 2024 }])
  expect(byTestId('report-total-hours').textContent).toBe('1234.5')
  expect(byTestId('report-people').textContent).toBe('210')
  expect(allByTestId('report-unit-row').map(cells)).toEqual([
    ['中国邮政镇江分公司团委', '800.5', '120', '14'],
    ['南山街道朝阳社区团支部', '434', '90', '9'],
  ])
  expect(allByTestId('report-month-row').map(cells)).toEqual([
    ['1月', '200', '50'],
    ['2月', '1034.5', '180'],
  ])

  // Another year, then one month of it.
  await tap(byTestId('report-prev-year'))
  expect(callsOf(callFunctionMock, 'hours', 'report')).toContainEqual({ year: 2023 })
  await pick('report-month', 3)
  expect(callsOf(callFunctionMock, 'hours', 'report')).toContainEqual({ year: 2023, month: 3 })
  expect(byTestId('report-total-hours').textContent).toBe('40')
  expect(allByTestId('report-month-row').map(cells)).toEqual([['3月', '40', '12']])
  // Back to the whole year.
  await pick('report-month', 0)
  expect(callsOf(callFunctionMock, 'hours', 'report').slice(-1)).toEqual([{ year: 2023 }])
})

test('导出 xlsx exports the chosen period and downloads the file like the other exports', async () => {
  serve({
    'hours.report': (d) => report(d as ReportRequest),
    'hours.exportSheet': () => ({
      fileName: '志愿时长-2024-03.xlsx',
      fileId: 'f1',
      url: '/files/hours-2024-03.xlsx',
      rows: 40,
    }),
  })
  const clicks: { href: string | null; download: string | null }[] = []
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.getAttribute('href'), download: this.getAttribute('download') })
  })
  try {
    await openPage(PAGE)
    await pick('report-month', 3)
    await tap(byTestId('report-export'))
    expect(callsOf(callFunctionMock, 'hours', 'exportSheet')).toEqual([{ year: 2024, month: 3 }])
    expect(clicks).toEqual([{ href: '/files/hours-2024-03.xlsx', download: '志愿时长-2024-03.xlsx' }])
  } finally {
    click.mockRestore()
  }
})

test('a failed export says why', async () => {
  serve({
    'hours.report': (d) => report(d as ReportRequest),
    'hours.exportSheet': () => {
      throw new ApiError('FORBIDDEN', '仅团区委管理员可以导出')
    },
  })
  await openPage(PAGE)
  await tap(byTestId('report-export'))
  expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '导出失败', content: '仅团区委管理员可以导出' }))
})

test('an empty period and FORBIDDEN', async () => {
  serve({
    'hours.report': (d) => ({ ...report(d as ReportRequest), totalHours: 0, people: 0, byUnit: [], byMonth: [] }),
  })
  await openPage(PAGE)
  expect(byTestId('empty-state').textContent).toContain('该期间还没有已确认的志愿时长')
  expect(allByTestId('report-unit-row')).toHaveLength(0)

  serve({
    'hours.report': () => {
      throw new ApiError('FORBIDDEN', '仅团区委管理员可以查看')
    },
  })
  await openPage(PAGE)
  expect(byTestId('error-state').textContent).toContain('仅团区委管理员可以查看')
  expect(pageRoot().querySelector('[data-testid="report-unit-row"]')).toBeNull()
})
