/**
 * A survey's responses as an Excel workbook: one row per response (in a random order, with no name
 * or time), one column per question; choices by their labels, several joined with 、.
 */
import type { AnswerValue, SurveyQuestion } from '@api/survey'

export const SURVEY_SHEET_NAME = '答卷'
export const SURVEY_FIRST_HEADER = '序号'

/** A cell's text: option labels, the scale value, or the text. */
export function answerCell(q: SurveyQuestion, a: AnswerValue | undefined): string | number {
  if (a === undefined) return ''
  if (Array.isArray(a)) return a.map((id) => q.options.find((o) => o.id === id)?.label ?? '').join('、')
  return a
}

export async function writeSurveySheet(
  questions: readonly SurveyQuestion[],
  responses: readonly Record<string, AnswerValue>[],
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(SURVEY_SHEET_NAME)
  sheet.columns = [
    { header: SURVEY_FIRST_HEADER, key: 'n', width: 8 },
    ...questions.map((q, i) => ({ header: `${i + 1}. ${q.title}`, key: q.id, width: q.kind === 'text' ? 40 : 20 })),
  ]
  sheet.getRow(1).font = { bold: true }
  responses.forEach((r, i) => sheet.addRow([i + 1, ...questions.map((q) => answerCell(q, r[q.id]))]))
  return Buffer.from(await book.xlsx.writeBuffer())
}
