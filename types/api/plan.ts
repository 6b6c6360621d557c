/**
 * API contract of the `plan` cloud function: the district's annual activity list (年度活动清单).
 * One list per district and year; each line says which unit leads what, in which month.
 */
import * as z from 'zod'
import { MONTH, YEAR, text } from './common'
import { CATEGORY_CODE } from './activity'

// Runtime constants live in a zod-free module pages may import; re-exported for existing imports.
export { LINE_STATES, type LineState } from '../contract/plan'
import type { LineState } from '../contract/plan'

export const planGetRequest = z.strictObject({ year: YEAR })
export type PlanGetRequest = z.input<typeof planGetRequest>

const lineFields = {
  unitId: z.uuid(),
  category: z.string().regex(CATEGORY_CODE),
  title: text(2, 60),
  plannedMonth: MONTH,
  targetCommunity: text(0, 60).optional(),
  needsNote: text(0, 300).optional(),
}

export const lineCreateRequest = z.strictObject({ year: YEAR, ...lineFields })
export type LineCreateRequest = z.input<typeof lineCreateRequest>

export const lineUpdateRequest = z.strictObject({
  lineId: z.uuid(),
  unitId: lineFields.unitId.optional(),
  category: lineFields.category.optional(),
  title: lineFields.title.optional(),
  plannedMonth: MONTH.optional(),
  targetCommunity: text(0, 60).nullable().optional(),
  needsNote: text(0, 300).nullable().optional(),
})
export type LineUpdateRequest = z.input<typeof lineUpdateRequest>

export const lineRemoveRequest = z.strictObject({ lineId: z.uuid() })
export type LineRemoveRequest = z.input<typeof lineRemoveRequest>

export const planPublishRequest = z.strictObject({ year: YEAR })
export type PlanPublishRequest = z.input<typeof planPublishRequest>

/** Excel: base64 of an .xlsx file, at most ~70 KB of base64 (callFunction payloads stay under 100 KB). */
export const planImportRequest = z.strictObject({
  year: YEAR,
  fileBase64: z
    .string()
    .min(100, '清单文件内容不完整，请重新选择文件')
    .max(72_000, '清单文件太大，请删去多余的内容后重新上传')
    .regex(/^[A-Za-z0-9+/=]+$/, '清单文件无法读取，请重新选择文件')
    .meta({ label: '清单文件' }),
  /** replace: the file becomes the whole list; append: its lines are added. */
  mode: z.enum(['replace', 'append']).default('replace'),
})
export type PlanImportRequest = z.input<typeof planImportRequest>

export const planExportRequest = z.strictObject({ year: YEAR })
export type PlanExportRequest = z.input<typeof planExportRequest>

export const completionRequest = z.strictObject({ year: YEAR })
export type CompletionRequest = z.input<typeof completionRequest>

/** Where a line of the list stands. */

export interface PlanLine {
  id: string
  year: number
  unit: { id: string; name: string }
  category: { code: string; name: string }
  title: string
  plannedMonth: number
  targetCommunity: string | null
  needsNote: string | null
  state: LineState
  /** Events posted against this line (published, finished or cancelled), newest first. */
  events: { id: string; title: string; startAt: string; phase: string }[]
}

export interface Plan {
  districtId: string
  year: number
  status: 'draft' | 'published'
  publishedAt: string | null
  lines: PlanLine[]
}

export interface ImportResult {
  imported: number
  /** Row-level problems; when any exist nothing is imported. */
  errors: { row: number; message: string }[]
}

export interface ExportResult {
  fileName: string
  /** The stored .xlsx: a CloudBase fileID in WeChat, `local://...` in the local host. */
  fileId: string
  /** A short-lived download link (about ten minutes): CloudBase's temporary URL, or a signed /files/... link. */
  url: string
}

export interface CompletionGrid {
  year: number
  months: number[]
  rows: {
    unit: { id: string; name: string }
    /** For each month 1..12, the lines planned then with their states. */
    cells: { month: number; lines: { id: string; title: string; state: LineState }[] }[]
    heldCount: number
  }[]
  /** Admitted units that have not held any activity this year. */
  unitsWithoutHeldActivity: { id: string; name: string }[]
}

export interface PlanActions {
  get: { request: PlanGetRequest; response: Plan }
  addLine: { request: LineCreateRequest; response: PlanLine }
  updateLine: { request: LineUpdateRequest; response: PlanLine }
  removeLine: { request: LineRemoveRequest; response: { removed: true } }
  publish: { request: PlanPublishRequest; response: Plan }
  importXlsx: { request: PlanImportRequest; response: ImportResult }
  exportXlsx: { request: PlanExportRequest; response: ExportResult }
  completion: { request: CompletionRequest; response: CompletionGrid }
}
