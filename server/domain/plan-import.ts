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

/** "3", "3月", "03", "三月" → 3 (the ways committees write a month in a sheet). */
export function parseMonth(value: string): number | null {
  const v = value.trim().replace(/月份?$/, '')
  const chinese = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']
  const n = /^\d{1,2}$/.test(v) ? Number(v) : chinese.indexOf(v) + 1
  return n >= 1 && n <= 12 ? n : null
}

export const TITLE_LENGTH = { min: 2, max: 60 } as const
export const MAX_TARGET_COMMUNITY = 60
export const MAX_NEEDS_NOTE = 300

/** What can be wrong with a sheet (`noRows`, `tooManyRows`) or one of its rows; the plan service words it. */
export type RowProblem =
  | { kind: 'noRows' }
  | { kind: 'tooManyRows'; max: number }
  | { kind: 'missingUnit' }
  | { kind: 'unknownUnit'; name: string }
  | { kind: 'unknownCategory'; name: string }
  | { kind: 'badTitle'; min: number; max: number }
  | { kind: 'badMonth'; value: string }
  | { kind: 'targetCommunityTooLong'; max: number }
  | { kind: 'needsNoteTooLong'; max: number }

/** Every problem of one sheet row (by its 1-based row number). */
export interface RowError {
  row: number
  problems: RowProblem[]
}

export function validatePlanRows(rows: RawPlanRow[], lookup: Lookup): { lines: LineFields[]; errors: RowError[] } {
  const errors: RowError[] = []
  const lines: LineFields[] = []
  if (rows.length === 0) errors.push({ row: 1, problems: [{ kind: 'noRows' }] })
  if (rows.length > MAX_IMPORT_ROWS)
    errors.push({ row: MAX_IMPORT_ROWS + 2, problems: [{ kind: 'tooManyRows', max: MAX_IMPORT_ROWS }] })
  const unitByName = new Map(lookup.units.map((u) => [u.name, u.id]))
  const categoryByName = new Map(
    lookup.categories.flatMap((c) => [
      [c.name, c.code],
      [c.code, c.code],
    ]),
  )
  for (const r of rows.slice(0, MAX_IMPORT_ROWS)) {
    const problems: RowProblem[] = []
    const unitId = unitByName.get(r.unitName.trim())
    if (!r.unitName.trim()) problems.push({ kind: 'missingUnit' })
    else if (!unitId) problems.push({ kind: 'unknownUnit', name: r.unitName.trim() })
    const category = categoryByName.get(r.category.trim())
    if (!category) problems.push({ kind: 'unknownCategory', name: r.category.trim() })
    const title = r.title.trim()
    if (title.length < TITLE_LENGTH.min || title.length > TITLE_LENGTH.max)
      problems.push({ kind: 'badTitle', ...TITLE_LENGTH })
    const month = parseMonth(r.month)
    if (!month) problems.push({ kind: 'badMonth', value: r.month })
    if (r.targetCommunity.trim().length > MAX_TARGET_COMMUNITY)
      problems.push({ kind: 'targetCommunityTooLong', max: MAX_TARGET_COMMUNITY })
    if (r.needsNote.trim().length > MAX_NEEDS_NOTE) problems.push({ kind: 'needsNoteTooLong', max: MAX_NEEDS_NOTE })
    if (problems.length) {
      errors.push({ row: r.row, problems })
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
