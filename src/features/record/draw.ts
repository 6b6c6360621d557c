/**
 * Draws the year summary (年度小结) for sharing on any 2D context: the weapp `<Canvas type="2d">`
 * context or a browser canvas. Pure drawing: the page puts it on a canvas and saves or previews it.
 */
import type { GrowthRecord } from '@api/record'

export const SUMMARY_WIDTH = 750
export const SUMMARY_HEIGHT = 1000

/** The subset of CanvasRenderingContext2D the summary uses. */
export interface SummaryContext {
  fillStyle: string | CanvasGradient | CanvasPattern
  font: string
  textAlign: CanvasTextAlign
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
}

/** The lines of the summary, in drawing order: a heading, then one line per number. */
export function summaryLines(record: GrowthRecord, name: string): { title: string; rows: [string, string][] } {
  const s = record.summary
  return {
    title: `${name}的${record.year === null ? '成长档案' : `${record.year} 年度小结`}`,
    rows: [
      ['参加活动', `${s.activities} 场`],
      ['志愿时长', `${s.hours} 小时`],
      ['志愿服务证明', `${s.certificates} 份`],
      ['活动评价', `${s.ratings} 次`],
      ['提出点单', `${s.wishes} 个`],
      ['带领社团', `${s.youthGroups} 个`],
      ['获得荣誉', `${s.honours} 项`],
    ],
  }
}

export function drawYearSummary(ctx: SummaryContext, record: GrowthRecord, name: string): void {
  const { title, rows } = summaryLines(record, name)
  ctx.fillStyle = '#d81e06'
  ctx.fillRect(0, 0, SUMMARY_WIDTH, SUMMARY_HEIGHT)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(40, 160, SUMMARY_WIDTH - 80, SUMMARY_HEIGHT - 240)
  ctx.textAlign = 'center'
  ctx.font = 'bold 44px sans-serif'
  ctx.fillText(title, SUMMARY_WIDTH / 2, 110)
  rows.forEach(([label, value], i) => {
    const y = 260 + i * 95
    ctx.fillStyle = '#8a919f'
    ctx.font = '30px sans-serif'
    ctx.textAlign = 'left'
    ctx.fillText(label, 100, y)
    ctx.fillStyle = '#d81e06'
    ctx.font = 'bold 40px sans-serif'
    ctx.textAlign = 'right'
    ctx.fillText(value, SUMMARY_WIDTH - 100, y)
  })
  ctx.fillStyle = '#ffffff'
  ctx.font = '26px sans-serif'
  ctx.textAlign = 'center'
  ctx.fillText('青聚 · 成长档案', SUMMARY_WIDTH / 2, SUMMARY_HEIGHT - 30)
}
