/**
 * Validates the rows of an imported annual list against the district's units and categories.
 * All-or-nothing: any bad row is reported with its sheet row number and nothing is imported.
 */

/** What an annual-list line says (the columns an editor writes). */
export interface LineFields {
  unitId: string
  category: string
  title: string
  plannedMonth: number
  targetCommunity: string | null
  needsNote: string | null
}

export interface RawPlanRow {
  /** 1-based row number in the sheet, for messages. */
  row: number
  unitName: string
  category: string
  title: string
  month: string
  targetCommunity: string
  needsNote: string
}

export interface Lookup {
  units: { id: string; name: string }[]
  categories: { code: string; name: string }[]
}

export const MAX_IMPORT_ROWS = 500

/** "3", "3月", "03", "三月" → 3. */
export function parseMonth(value: string): number | null {
  const v = value.trim().replace(/月份?$/, '')
  const chinese = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']
  const n = /^\d{1,2}$/.test(v) ? Number(v) : chinese.indexOf(v) + 1
  return n >= 1 && n <= 12 ? n : null
}

export function validatePlanRows(
  rows: RawPlanRow[],
  lookup: Lookup,
): { lines: LineFields[]; errors: { row: number; message: string }[] } {
  const errors: { row: number; message: string }[] = []
  const lines: LineFields[] = []
  if (rows.length === 0) errors.push({ row: 1, message: '表格中没有清单条目' })
  if (rows.length > MAX_IMPORT_ROWS)
    errors.push({ row: MAX_IMPORT_ROWS + 2, message: `一次最多导入 ${MAX_IMPORT_ROWS} 条` })
  const unitByName = new Map(lookup.units.map((u) => [u.name, u.id]))
  const categoryByName = new Map(
    lookup.categories.flatMap((c) => [
      [c.name, c.code],
      [c.code, c.code],
    ]),
  )
  for (const r of rows.slice(0, MAX_IMPORT_ROWS)) {
    const problems: string[] = []
    const unitId = unitByName.get(r.unitName.trim())
    if (!r.unitName.trim()) problems.push('缺少单位名称')
    else if (!unitId) problems.push(`单位「${r.unitName.trim()}」不是本区已通过审核的成员单位`)
    const category = categoryByName.get(r.category.trim())
    if (!category) problems.push(`活动类别「${r.category.trim()}」不存在`)
    const title = r.title.trim()
    if (title.length < 2 || title.length > 60) problems.push('活动名称须为 2–60 个字')
    const month = parseMonth(r.month)
    if (!month) problems.push(`计划月份「${r.month}」应为 1–12`)
    if (r.targetCommunity.trim().length > 60) problems.push('对接社区不能超过 60 个字')
    if (r.needsNote.trim().length > 300) problems.push('需求说明不能超过 300 个字')
    if (problems.length) {
      errors.push({ row: r.row, message: problems.join('；') })
      continue
    }
    lines.push({
      unitId: unitId!,
      category: category!,
      title,
      plannedMonth: month!,
      targetCommunity: r.targetCommunity.trim() || null,
      needsNote: r.needsNote.trim() || null,
    })
  }
  return { lines, errors }
}
