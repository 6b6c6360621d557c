/** 成长档案: the year summary and the timeline, newest first, with year and kind filters sent to record.mine. */
import Taro from '@tarojs/taro'
import type { GrowthRecord } from '@api/record'
import { rememberAgreed } from '@/features/privacy/consent'
import { shareYearSummary } from '@/features/record/share'
import { openPage, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, byText, callsOf, tap } from './support/dom'

jest.mock('@/features/record/share', () => ({ shareYearSummary: jest.fn(async () => undefined) }))
jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = '/packages/record/pages/timeline/index'
const A = 'aaaaaaaa-0000-4000-8000-000000000001'

function growth(year: number | null): GrowthRecord {
  return {
    year,
    kinds: ['activity', 'hours', 'certificate', 'rating', 'wish', 'wishClaimed', 'youthGroup'],
    items: [
      {
        kind: 'hours',
        at: '2026-11-20T04:00:00.000Z',
        title: '植树节公益林',
        detail: '甲单位团委',
        activityId: A,
        hours: 4.5,
        stars: null,
      },
      {
        kind: 'activity',
        at: '2026-11-20T04:00:00.000Z',
        title: '植树节公益林',
        detail: '甲单位团委',
        activityId: A,
        hours: null,
        stars: null,
      },
      {
        kind: 'honour',
        at: '2026-06-01T04:00:00.000Z',
        title: '2026 年度优秀青年志愿者',
        detail: '甲单位团委',
        activityId: null,
        hours: null,
        stars: null,
      },
      {
        kind: 'youthGroup',
        at: '2026-03-01T04:00:00.000Z',
        title: '青年读书社',
        detail: '',
        activityId: null,
        hours: null,
        stars: null,
      },
    ],
    stars:
      year === 2025
        ? { year: 2025, published: false, earned: 0, of: 0, met: [] }
        : { year: 2026, published: true, earned: 2, of: 4, met: ['志愿服务', '参与活动'] },
    summary: {
      activities: 1,
      hours: 4.5,
      certificates: 0,
      ratings: 0,
      wishes: 0,
      wishesClaimed: 0,
      youthGroups: 1,
      honours: 0,
    },
  }
}

beforeEach(() => {
  rememberAgreed()
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
})

test('this year by default: the summary and the timeline in the order the server gives', async () => {
  serve({ 'record.mine': (d) => growth((d as { year?: number }).year ?? null) })
  await openPage(PAGE)
  expect(callsOf(callFunctionMock, 'record', 'mine')).toEqual([{ year: 2026 }])
  expect(byTestId('record-summary').textContent).toContain('2026 年度小结')
  expect(byTestId('record-summary').textContent).toContain('4.5 小时')
  const items = allByTestId('record-item').map((e) => e.textContent)
  expect(items).toHaveLength(4)
  expect(items[0]).toContain('志愿时长')
  expect(items[0]).toContain('2026年11月20日')
  expect(items[0]).toContain('4.5 小时')
  expect(items[2]).toContain('获得荣誉')
  expect(items[2]).toContain('2026 年度优秀青年志愿者')
  expect(items[2]).toContain('甲单位团委推荐')
  expect(items[3]).toContain('青年读书社')
  expect(byTestId('record-summary').textContent).toContain('获得荣誉')
})

test("the year's stars come with the record and open 我的摘星", async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  try {
    serve({ 'record.mine': (d) => growth((d as { year?: number }).year ?? null) })
    await openPage(PAGE)
    const stars = byTestId('record-stars').textContent
    expect(stars).toContain('2026 年摘星')
    expect(stars).toContain('★★☆☆')
    expect(stars).toContain('已摘 2 颗，共 4 颗：志愿服务、参与活动')
    await tap(byTestId('record-stars'))
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual(['/packages/stars/pages/mine/index?year=2026'])
    // A year before the indicators were published says so, and opens 我的摘星 for that year.
    await tap(byText('.record__chip', '2025年', byTestId('record-years')))
    expect(byTestId('record-stars').textContent).toContain('本年度摘星指标尚未公布')
    await tap(byTestId('record-stars'))
    expect(navigate.mock.calls.map(([o]) => o.url).at(-1)).toBe('/packages/stars/pages/mine/index?year=2025')
  } finally {
    navigate.mockRestore()
  }
})

test('choosing a year and a kind asks again with them; 全部 drops the year', async () => {
  serve({ 'record.mine': (d) => growth((d as { year?: number }).year ?? null) })
  await openPage(PAGE)
  await tap(byText('.record__chip', '2025年', byTestId('record-years')))
  await tap(byText('.record__chip', '志愿时长', byTestId('record-kinds')))
  await tap(byText('.record__chip', '全部', byTestId('record-years')))
  expect(callsOf(callFunctionMock, 'record', 'mine')).toEqual([
    { year: 2026 },
    { year: 2025 },
    { year: 2025, kinds: ['hours'] },
    { kinds: ['hours'] },
  ])
  expect(byTestId('record-summary').textContent).toContain('全部年份')
})

test('an empty year says so', async () => {
  serve({ 'record.mine': () => ({ ...growth(2026), items: [] }) })
  await openPage(PAGE)
  expect(text()).toContain('这一年还没有记录')
})

test('分享年度小结 draws the summary shown', async () => {
  serve({ 'record.mine': (d) => growth((d as { year?: number }).year ?? null) })
  await openPage(PAGE)
  await tap(byTestId('record-share'))
  expect(shareYearSummary).toHaveBeenCalledWith(
    expect.objectContaining({ year: 2026, summary: growth(2026).summary }),
    expect.any(String),
  )
})
