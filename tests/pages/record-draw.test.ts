/** The year summary drawn for sharing: its heading and every number, on a recording 2D context. */
import type { GrowthRecord } from '@api/record'
import { drawYearSummary, type SummaryContext } from '@/features/record/draw'

function recorder() {
  const texts: string[] = []
  const ctx: SummaryContext = {
    fillStyle: '',
    font: '',
    textAlign: 'left',
    fillRect: () => {},
    fillText: (t) => void texts.push(t),
  }
  return { ctx, texts }
}

const record = (year: number | null): GrowthRecord => ({
  year,
  kinds: [],
  items: [],
  stars: null,
  summary: {
    activities: 12,
    hours: 36.5,
    certificates: 2,
    ratings: 9,
    wishes: 3,
    wishesClaimed: 1,
    youthGroups: 1,
    honours: 2,
  },
})

test('the heading names the person and the year; every number is drawn with its unit', () => {
  const { ctx, texts } = recorder()
  drawYearSummary(ctx, record(2026), '李青')
  expect(texts[0]).toBe('李青的2026 年度小结')
  expect(texts).toEqual(
    expect.arrayContaining(['参加活动', '12 场', '志愿时长', '36.5 小时', '2 份', '9 次', '3 个', '获得荣誉', '2 项']),
  )
})

test('without a year it is the whole record', () => {
  const { ctx, texts } = recorder()
  drawYearSummary(ctx, record(null), '李青')
  expect(texts[0]).toBe('李青的成长档案')
})
