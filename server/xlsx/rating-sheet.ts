/**
 * The district's 青年评议 as an Excel workbook: satisfaction by unit, by category and by month, and
 * the quarter's lowest-rated events. A cell below the anonymity threshold shows only its counts.
 */
import type { DistrictRatings, RatingAggregate } from '@api/rating'

export const RATING_SHEET_NAMES = {
  units: '按单位',
  categories: '按类别',
  months: '按月份',
  lowest: '本季度评分最低活动',
} as const

export const RATING_CELL_HEADERS = [
  '评价人数',
  '参加人数',
  '参评率',
  '平均星级',
  '1星',
  '2星',
  '3星',
  '4星',
  '5星',
] as const
export const RATING_LOWEST_HEADERS = ['活动', '单位', '结束日期', '评价人数', '平均星级'] as const

const percent = (n: number | null) => (n === null ? '' : `${Math.round(n * 100)}%`)

function cells(a: RatingAggregate): (string | number)[] {
  return [a.count, a.attended, percent(a.responseRate), a.average ?? '', ...(a.distribution ?? ['', '', '', '', ''])]
}

/** Writes the workbook; exceljs is loaded here, on the first export, so no other action pays for it. */
export async function writeRatingSheet(view: DistrictRatings): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  const table = (name: string, headers: readonly string[], rows: (string | number)[][]) => {
    const sheet = book.addWorksheet(name)
    sheet.columns = headers.map((header, i) => ({ header, key: `c${i}`, width: i === 0 ? 28 : 10 }))
    sheet.getRow(1).font = { bold: true }
    for (const r of rows) sheet.addRow(r)
  }
  table(
    RATING_SHEET_NAMES.units,
    ['单位', ...RATING_CELL_HEADERS],
    view.byUnit.map((u) => [u.unitName, ...cells(u)]),
  )
  table(
    RATING_SHEET_NAMES.categories,
    ['类别', ...RATING_CELL_HEADERS],
    view.byCategory.map((c) => [c.categoryName, ...cells(c)]),
  )
  table(
    RATING_SHEET_NAMES.months,
    ['月份', ...RATING_CELL_HEADERS],
    view.byMonth.map((m) => [`${view.year}年${m.month}月`, ...cells(m)]),
  )
  table(
    RATING_SHEET_NAMES.lowest,
    RATING_LOWEST_HEADERS,
    view.lowest.map((e) => [
      e.title,
      e.unitName,
      new Date(new Date(e.endAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10),
      e.count,
      e.average,
    ]),
  )
  return Buffer.from(await book.xlsx.writeBuffer())
}
