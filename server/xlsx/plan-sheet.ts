/**
 * The annual list as an Excel workbook (what district committees exchange), via exceljs.
 * Columns are found by their Chinese headers, so a committee may reorder or add columns.
 * exceljs is loaded on first use: only the import and export actions pay for it, not every cold start.
 */
import type ExcelJS from 'exceljs'
import type { Plan } from '@api/plan'
import type { RawPlanRow } from '../domain/plan-import'

const HEADERS = {
  unitName: '牵头单位',
  category: '活动类别',
  title: '活动名称',
  month: '计划月份',
  targetCommunity: '对接社区',
  needsNote: '需求说明',
} as const

async function loadExcel(): Promise<typeof ExcelJS> {
  const loaded = (await import('exceljs')) as typeof ExcelJS & { default?: typeof ExcelJS }
  return loaded.default ?? loaded
}

const STATE_NAMES = { planned: '计划中', posted: '已发布', held: '已举办', overdue: '逾期未办' } as const

export async function writePlanSheet(plan: Plan, districtName: string): Promise<Buffer> {
  const Excel = await loadExcel()
  const book = new Excel.Workbook()
  book.creator = '青聚 Qingju'
  const sheet = book.addWorksheet(`${plan.year}年度活动清单`)
  sheet.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: HEADERS.unitName, key: 'unitName', width: 30 },
    { header: HEADERS.category, key: 'category', width: 14 },
    { header: HEADERS.title, key: 'title', width: 36 },
    { header: HEADERS.month, key: 'month', width: 10 },
    { header: HEADERS.targetCommunity, key: 'targetCommunity', width: 20 },
    { header: HEADERS.needsNote, key: 'needsNote', width: 36 },
    { header: '完成情况', key: 'state', width: 10 },
  ]
  sheet.getRow(1).font = { bold: true }
  plan.lines.forEach((l, i) =>
    sheet.addRow({
      no: i + 1,
      unitName: l.unit.name,
      category: l.category.name,
      title: l.title,
      month: l.plannedMonth,
      targetCommunity: l.targetCommunity ?? '',
      needsNote: l.needsNote ?? '',
      state: STATE_NAMES[l.state],
    }),
  )
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  book.title = `${districtName}${plan.year}年度活动清单`
  return Buffer.from(await book.xlsx.writeBuffer())
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return String(value.result ?? '')
    if (value instanceof Date) return String(value.getMonth() + 1)
  }
  return String(value)
}

/** Why a file is not a usable annual list: not a workbook, no worksheet, or missing columns (by header). */
export type SheetProblem =
  { kind: 'unreadable' } | { kind: 'noWorksheet' } | { kind: 'missingHeaders'; headers: string[] }

export class SheetFormatError extends Error {
  constructor(readonly problem: SheetProblem) {
    super(problem.kind)
    this.name = 'SheetFormatError'
  }
}

/** Reads the first worksheet; throws SheetFormatError when the file is not a usable workbook. */
export async function readPlanSheet(content: Buffer): Promise<RawPlanRow[]> {
  const Excel = await loadExcel()
  const book = new Excel.Workbook()
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer)
  } catch {
    throw new SheetFormatError({ kind: 'unreadable' })
  }
  const sheet = book.worksheets[0]
  if (!sheet) throw new SheetFormatError({ kind: 'noWorksheet' })
  const columns = new Map<string, number>()
  sheet.getRow(1).eachCell((cell, col) => columns.set(cellText(cell.value).trim(), col))
  const missing = (['unitName', 'category', 'title', 'month'] as const).filter((k) => !columns.has(HEADERS[k]))
  if (missing.length) throw new SheetFormatError({ kind: 'missingHeaders', headers: missing.map((k) => HEADERS[k]) })
  const rows: RawPlanRow[] = []
  sheet.eachRow((row, number) => {
    if (number === 1) return
    const get = (k: keyof typeof HEADERS) =>
      columns.has(HEADERS[k]) ? cellText(row.getCell(columns.get(HEADERS[k])!).value) : ''
    const raw = {
      row: number,
      unitName: get('unitName'),
      category: get('category'),
      title: get('title'),
      month: get('month'),
      targetCommunity: get('targetCommunity'),
      needsNote: get('needsNote'),
    }
    if ([raw.unitName, raw.category, raw.title, raw.month].every((v) => !v.trim())) return // blank line
    rows.push(raw)
  })
  return rows
}
