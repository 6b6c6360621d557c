/**
 * 单位评分 (packages/organiser/pages/score) and 五星评比 (packages/admin/pages/unit-scores): a unit's
 * parts with their points and hints; the district ranking, opening a unit, the export and the weights.
 */
import Taro from '@tarojs/taro'
import type { SetWeightsRequest, UnitRanking, UnitScorecard, YearWeights } from '@api/score'
import { ApiError } from '@/services/cloud'
import { openPage, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, tap, typeInto } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const UNIT_A = 'cccccccc-0000-4000-8000-000000000001'
const UNIT_B = 'cccccccc-0000-4000-8000-000000000002'
const WEIGHTS: YearWeights = {
  year: 2026,
  completion: 30,
  satisfaction: 25,
  response: 15,
  participation: 15,
  hours: 15,
  hoursTarget: 20,
  custom: false,
}

const CARD: UnitScorecard = {
  unitId: UNIT_A,
  unitName: '甲单位团委',
  year: 2026,
  score: 56.2,
  stars: 3,
  parts: [
    {
      part: 'completion',
      value: 0.5,
      ratio: 0.5,
      weight: 30,
      points: 15,
      raise: { kind: 'holdPlanLines', count: 2, gain: 15 },
      tip: '完成 2 条未举办的清单活动可提高 15 分',
    },
    { part: 'satisfaction', value: 4, ratio: 0.75, weight: 25, points: 18.8, raise: null, tip: null },
    { part: 'response', value: 0.5, ratio: 0.5, weight: 15, points: 7.5, raise: null, tip: null },
    { part: 'participation', value: 0.45, ratio: 0.45, weight: 15, points: 6.8, raise: null, tip: null },
    { part: 'hours', value: 9.3, ratio: 0.47, weight: 15, points: 7, raise: null, tip: null },
  ],
  counts: {
    planLines: 4,
    planLinesDone: 2,
    events: 3,
    attended: 18,
    capacity: 40,
    ratings: 9,
    starsSum: 36,
    approvedHours: 28,
  },
  weights: WEIGHTS,
  thresholds: [40, 55, 70, 85],
}

const RANKING: UnitRanking = {
  year: 2026,
  weights: WEIGHTS,
  thresholds: [40, 55, 70, 85],
  units: [
    {
      rank: 1,
      unitId: UNIT_A,
      unitName: '甲单位团委',
      score: 56.2,
      stars: 3,
      points: { completion: 15, satisfaction: 18.8, response: 7.5, participation: 6.8, hours: 7 },
    },
    {
      rank: 2,
      unitId: UNIT_B,
      unitName: '乙单位团委',
      score: 0,
      stars: 1,
      points: { completion: 0, satisfaction: 0, response: 0, participation: 0, hours: 0 },
    },
  ],
}

beforeEach(() => {
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
})

afterEach(() => jest.useRealTimers())

describe('a unit scorecard', () => {
  test('shows the score, the stars, each part and what would raise it', async () => {
    serve({ 'score.unit': () => CARD })
    await openPage(`/packages/organiser/pages/score/index?unitId=${UNIT_A}`)
    expect(callsOf(callFunctionMock, 'score', 'unit')).toEqual([{ unitId: UNIT_A, year: 2026 }])
    expect(byTestId('score-total').textContent).toBe('56.2 分')
    expect(byTestId('score-stars').textContent).toBe('★★★☆☆')
    const parts = allByTestId('score-part').map((p) => p.textContent)
    expect(parts).toHaveLength(5)
    expect(parts[0]).toContain('年度清单完成率')
    expect(parts[0]).toContain('50%')
    expect(parts[0]).toContain('15 / 30 分')
    expect(parts[1]).toContain('4.0 星')
    expect(allByTestId('score-tip').map((t) => t.textContent)).toEqual(['完成 2 条未举办的清单活动可提高 15 分'])
    expect(text()).toContain('按默认权重计算')
  })

  test('a person who may not see it is told why', async () => {
    serve({
      'score.unit': () => {
        throw new ApiError('FORBIDDEN', '只有本单位的组织者或团区委可以查看单位评分')
      },
    })
    await openPage(`/packages/organiser/pages/score/index?unitId=${UNIT_B}`)
    expect(text()).toContain('只有本单位的组织者或团区委可以查看单位评分')
  })
})

describe('the district ranking', () => {
  const PAGE = '/packages/admin/pages/unit-scores/index'

  test('lists the units by rank and opens a unit’s scorecard', async () => {
    serve({ 'score.ranking': () => RANKING })
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    try {
      await openPage(PAGE)
      expect(callsOf(callFunctionMock, 'score', 'ranking')).toEqual([{ year: 2026 }])
      const rows = allByTestId('score-unit').map((r) => r.textContent)
      expect(rows).toEqual(['1. 甲单位团委56.2 分 ★★★', '2. 乙单位团委0 分 ★'])
      await tap(allByTestId('score-unit')[1])
      expect(navigate).toHaveBeenCalledWith({
        url: `/packages/organiser/pages/score/index?unitId=${UNIT_B}&year=2026`,
      })
    } finally {
      navigate.mockRestore()
    }
  })

  test('导出 Excel exports the year and opens the link', async () => {
    serve({
      'score.ranking': () => RANKING,
      'score.export': () => ({ fileName: '五星评比-2026.xlsx', fileId: 'f1', url: '/files/scores-2026.xlsx' }),
    })
    const clicks: { href: string | null; download: string | null }[] = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push({ href: this.getAttribute('href'), download: this.getAttribute('download') })
    })
    try {
      await openPage(PAGE)
      await tap(byTestId('scores-export'))
      expect(callsOf(callFunctionMock, 'score', 'export')).toEqual([{ year: 2026 }])
      expect(clicks).toEqual([{ href: '/files/scores-2026.xlsx', download: '五星评比-2026.xlsx' }])
    } finally {
      click.mockRestore()
    }
  })

  test('the weights must sum to 100 before they are saved', async () => {
    const saved: SetWeightsRequest[] = []
    serve({
      'score.ranking': () => RANKING,
      'score.setWeights': (d) => {
        saved.push(d as SetWeightsRequest)
        return { ...(d as SetWeightsRequest), custom: true }
      },
    })
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
    try {
      await openPage(PAGE)
      await typeInto('weight-completion', '40')
      expect(byTestId('weights-sum').textContent).toBe('合计 110 分，须为 100 分')
      await tap(byTestId('weights-save'))
      expect(saved).toEqual([])
      await typeInto('weight-satisfaction', '15')
      expect(byTestId('weights-sum').textContent).toBe('合计 100 分')
      await tap(byTestId('weights-save'))
      expect(saved).toEqual([
        { year: 2026, completion: 40, satisfaction: 15, response: 15, participation: 15, hours: 15, hoursTarget: 20 },
      ])
    } finally {
      toast.mockRestore()
    }
  })
})
