/** The annual list in and out of Excel: all-or-nothing import, export to a stored file. */
import { randomBytes } from 'crypto'
import type * as z from 'zod'
import type { ExportResult, ImportResult, planImportRequest } from '@api/plan'
import { validatePlanRows } from '../../domain/plan-import'
import { listCategories } from '../../store/activities'
import { deleteLinesWithoutEvents, ensurePlan, insertLine } from '../../store/plans'
import { inTransaction } from '../../store/tx'
import { findDistrict, listUnits } from '../../store/units'
import { SheetFormatError, readPlanSheet, writePlanSheet } from '../../xlsx/plan-sheet'
import { logRead } from '../audit/log'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { countExport } from '../rate-limit'
import { refuse } from '../refusal'
import type { PlanFailure } from './failures'
import { planOf } from './present'
import { rowMessages } from './row-messages'
import { requireEditor } from './shared'

async function readSheet(content: Buffer) {
  try {
    return await readPlanSheet(content)
  } catch (err) {
    if (err instanceof SheetFormatError) return refuse<PlanFailure>({ kind: 'badSheet', problem: err.problem })
    throw err
  }
}

/** Every row is checked first; any bad row is reported and nothing is imported. */
export async function importPlan(
  ctx: SignedInContext,
  input: z.output<typeof planImportRequest>,
): Promise<ImportResult> {
  const { districtId } = await requireEditor(ctx)
  const raw = await readSheet(Buffer.from(input.fileBase64, 'base64'))
  const [units, categories] = await Promise.all([listUnits(ctx.db, districtId, 'admitted'), listCategories(ctx.db)])
  const { lines, errors } = validatePlanRows(raw, { units, categories })
  if (errors.length) return { imported: 0, errors: rowMessages(errors) }
  await ensureSafeText(ctx, ...lines.flatMap((l) => [l.title, l.targetCommunity, l.needsNote]))
  const imported = await inTransaction(ctx.db, async (tx) => {
    await ensurePlan(tx, districtId, input.year)
    // `replace`: lines that already have events stay; everything else is replaced by the file.
    const keep = input.mode === 'replace' ? await deleteLinesWithoutEvents(tx, districtId, input.year) : []
    let count = 0
    for (const line of lines) {
      if (keep.some((k) => k.unitId === line.unitId && k.title === line.title && k.plannedMonth === line.plannedMonth))
        continue
      await insertLine(tx, districtId, input.year, line)
      count++
    }
    return count
  })
  return { imported, errors: [] }
}

export async function exportPlan(ctx: SignedInContext, year: number): Promise<ExportResult> {
  const { districtId, actor } = await requireEditor(ctx)
  await countExport(ctx)
  const plan = await planOf(ctx.db, districtId, year, ctx.now)
  const district = await findDistrict(ctx.db, districtId)
  const content = await writePlanSheet(plan, district?.name ?? '')
  const stamp = ctx.now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)
  const { fileId } = await ctx.platform.uploadFile(
    `exports/${districtId}/plan-${year}-${stamp}-${randomBytes(16).toString('base64url')}.xlsx`,
    content,
  )
  const url = await ctx.platform.fileLink(fileId, ctx.now)
  // The annual list holds no phone numbers (0 people); its exports are logged with the others.
  await logRead(ctx.db, ctx, { actorId: actor.userId, districtId, kind: 'plan_export', year, people: 0 })
  return { fileName: `${year}年度活动清单.xlsx`, fileId, url }
}
