/** Editing the annual list: lines added, changed, removed; the list published. */
import type * as z from 'zod'
import type { Plan, PlanLine, lineCreateRequest, lineUpdateRequest } from '@api/plan'
import type { LineFields } from '../../domain/plan-import'
import {
  deleteLine,
  ensurePlan,
  findLine,
  insertLine,
  lineHasEvents,
  planHasLines,
  publishPlan as markPublished,
  updateLine as writeLine,
  type LineRecord,
} from '../../store/plans'
import { inTransaction } from '../../store/tx'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { found, refuse } from '../refusal'
import type { PlanFailure } from './failures'
import { oneLine, planOf } from './present'
import { checkLineUnit, refuseUnknownCategory, requireEditor } from './shared'

/** The line, or NOT_FOUND when it is missing or another district's. */
function inDistrict(line: LineRecord | null, districtId: string): LineRecord {
  return found(line?.districtId === districtId ? line : null, 'planLine')
}

export async function addLine(ctx: SignedInContext, input: z.output<typeof lineCreateRequest>): Promise<PlanLine> {
  const { districtId } = await requireEditor(ctx)
  await checkLineUnit(ctx.db, districtId, input.unitId)
  await ensureSafeText(ctx, input.title, input.targetCommunity, input.needsNote)
  const id = await inTransaction(ctx.db, async (tx) => {
    await ensurePlan(tx, districtId, input.year)
    return insertLine(tx, districtId, input.year, {
      unitId: input.unitId,
      category: input.category,
      title: input.title,
      plannedMonth: input.plannedMonth,
      targetCommunity: input.targetCommunity || null,
      needsNote: input.needsNote || null,
    }).catch(refuseUnknownCategory)
  })
  return oneLine(ctx.db, districtId, input.year, id, ctx.now)
}

/** A line's lead unit stays once events stand on it. */
export async function updateLine(ctx: SignedInContext, input: z.output<typeof lineUpdateRequest>): Promise<PlanLine> {
  const { districtId } = await requireEditor(ctx)
  const line = inDistrict(await findLine(ctx.db, input.lineId), districtId)
  const next: LineFields = {
    unitId: input.unitId ?? line.unitId,
    category: input.category ?? line.category,
    title: input.title ?? line.title,
    plannedMonth: input.plannedMonth ?? line.plannedMonth,
    targetCommunity: input.targetCommunity === undefined ? line.targetCommunity : input.targetCommunity || null,
    needsNote: input.needsNote === undefined ? line.needsNote : input.needsNote || null,
  }
  if (next.unitId !== line.unitId) {
    await checkLineUnit(ctx.db, districtId, next.unitId)
    if (await lineHasEvents(ctx.db, line.id)) refuse<PlanFailure>({ kind: 'lineUnitLocked' })
  }
  await ensureSafeText(ctx, input.title, input.targetCommunity, input.needsNote)
  await writeLine(ctx.db, line.id, next).catch(refuseUnknownCategory)
  return oneLine(ctx.db, districtId, line.year, line.id, ctx.now)
}

/** A line with events stays. */
export async function removeLine(ctx: SignedInContext, lineId: string): Promise<{ removed: true }> {
  const { districtId } = await requireEditor(ctx)
  await inTransaction(ctx.db, async (tx) => {
    const line = inDistrict(await findLine(tx, lineId), districtId)
    if (await lineHasEvents(tx, line.id)) refuse<PlanFailure>({ kind: 'lineHasEvents' })
    await deleteLine(tx, line.id)
  })
  return { removed: true }
}

export async function publishPlan(ctx: SignedInContext, year: number): Promise<Plan> {
  const { districtId } = await requireEditor(ctx)
  if (!(await planHasLines(ctx.db, districtId, year))) refuse<PlanFailure>({ kind: 'planEmpty' })
  await markPublished(ctx.db, districtId, year, ctx.now)
  return planOf(ctx.db, districtId, year, ctx.now)
}
