/** The district's unit rating (五星) ranking as an Excel workbook: one row per unit, its points per part. */
import { SCORE_PART_NAMES, SCORE_PARTS, type UnitRanking } from '@api/score'

export const SCORE_SHEET_NAME = '五星评比'
export const SCORE_HEADERS = ['名次', '单位', '总分', '星级', ...SCORE_PARTS.map((p) => SCORE_PART_NAMES[p])]

/** Writes the workbook; exceljs is loaded here, on the first export, so no other action pays for it. */
export async function writeScoreSheet(view: UnitRanking): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(SCORE_SHEET_NAME)
  sheet.columns = SCORE_HEADERS.map((header, i) => ({ header, key: `c${i}`, width: i === 1 ? 28 : 12 }))
  sheet.getRow(1).font = { bold: true }
  for (const u of view.units) {
    sheet.addRow([u.rank, u.unitName, u.score, '★'.repeat(u.stars), ...SCORE_PARTS.map((p) => u.points[p])])
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}
