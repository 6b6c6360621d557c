/** Cloud function `plan`: the district's annual activity list (年度活动清单) and its completion. */
import {
  completionRequest,
  lineCreateRequest,
  lineRemoveRequest,
  lineUpdateRequest,
  planExportRequest,
  planGetRequest,
  planImportRequest,
  planPublishRequest,
  type CompletionGrid,
  type PlanActions,
} from '@api/plan'
import { homeDistrictId } from '../../../server/config'
import { validatePlanRows } from '../../../server/domain/plan-import'
import { can, ensure, type Actor } from '../../../server/domain/policy'
import { shanghaiMonthRange } from '../../../server/domain/shanghai-time'
import { actorOf, requireActor } from '../../../server/app/actor'
import { ensureSafeText } from '../../../server/app/content'
import { AppError, invalidInput, notFound } from '../../../server/runtime/errors'
import { action, createFunction, type ActionContext, type ActionTable } from '../../../server/runtime/function'
import { listCategories } from '../../../server/store/activities'
import {
  ensurePlan,
  findLine,
  insertLine,
  lineHasEvents,
  loadLines,
  planOf,
  updateLine,
  type LineFields,
} from '../../../server/store/plans'
import { PG, inTransaction, pgCode, type Db } from '../../../server/store/tx'
import { findUnit, listUnits } from '../../../server/store/units'
import { SheetFormatError, readPlanSheet, writePlanSheet } from '../../../server/xlsx/plan-sheet'

async function requireEditor(
  ctx: ActionContext & { caller: NonNullable<ActionContext['caller']> },
): Promise<{ actor: Actor; districtId: string }> {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  ensure(can.editPlan(actor, districtId), '只有团区委管理员可以编辑年度活动清单')
  return { actor, districtId }
}

async function checkLineRefs(db: Db, districtId: string, f: Pick<LineFields, 'unitId'>): Promise<void> {
  const unit = await findUnit(db, f.unitId)
  if (!unit || unit.district_id !== districtId || unit.status !== 'admitted') {
    throw invalidInput('请选择本区已通过审核的成员单位', { unitId: '单位无效' })
  }
}

const categoryError = (err: unknown) =>
  pgCode(err) === PG.foreignKeyViolation ? invalidInput('活动类别不存在', { category: '取值无效' }) : err

async function oneLine(db: Db, districtId: string, year: number, id: string, now: Date) {
  return (await loadLines(db, districtId, year, now, id))[0]
}

export const actions: ActionTable<PlanActions> = {
  get: action({
    access: 'public',
    input: planGetRequest,
    async handle(input, ctx) {
      const districtId = homeDistrictId()
      const plan = await planOf(ctx.db, districtId, input.year, ctx.now)
      if (plan.status === 'published') return plan
      const actor = await actorOf(ctx)
      const unitDistricts =
        actor && actor.unitRoles.size
          ? (
              await ctx.db.query<{ district_id: string }>(
                'select district_id from org_unit where id = any($1::uuid[])',
                [[...actor.unitRoles.keys()]],
              )
            ).rows.map((r) => r.district_id)
          : []
      // A draft list is shown only inside the district's organisations.
      return can.seeDraftPlan(actor, districtId, unitDistricts) ? plan : { ...plan, lines: [] }
    },
  }),

  addLine: action({
    access: 'signed_in',
    input: lineCreateRequest,
    async handle(input, ctx) {
      const { districtId } = await requireEditor(ctx)
      await checkLineRefs(ctx.db, districtId, input)
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
        }).catch((err) => {
          throw categoryError(err)
        })
      })
      return oneLine(ctx.db, districtId, input.year, id, ctx.now)
    },
  }),

  updateLine: action({
    access: 'signed_in',
    input: lineUpdateRequest,
    async handle(input, ctx) {
      const { districtId } = await requireEditor(ctx)
      const line = await findLine(ctx.db, input.lineId)
      if (!line || line.district_id !== districtId) throw notFound('清单条目')
      const next: LineFields = {
        unitId: input.unitId ?? line.unit_id,
        category: input.category ?? line.category,
        title: input.title ?? line.title,
        plannedMonth: input.plannedMonth ?? line.planned_month,
        targetCommunity: input.targetCommunity === undefined ? line.target_community : input.targetCommunity || null,
        needsNote: input.needsNote === undefined ? line.needs_note : input.needsNote || null,
      }
      if (next.unitId !== line.unit_id) {
        await checkLineRefs(ctx.db, districtId, next)
        if (await lineHasEvents(ctx.db, line.id)) throw new AppError('CONFLICT', '该条目已有活动，不能更换牵头单位')
      }
      await ensureSafeText(ctx, input.title, input.targetCommunity, input.needsNote)
      await updateLine(ctx.db, line.id, next).catch((err) => {
        throw categoryError(err)
      })
      return oneLine(ctx.db, districtId, line.year, line.id, ctx.now)
    },
  }),

  removeLine: action({
    access: 'signed_in',
    input: lineRemoveRequest,
    async handle(input, ctx) {
      const { districtId } = await requireEditor(ctx)
      await inTransaction(ctx.db, async (tx) => {
        const line = await findLine(tx, input.lineId)
        if (!line || line.district_id !== districtId) throw notFound('清单条目')
        if (await lineHasEvents(tx, line.id)) throw new AppError('CONFLICT', '该条目已有活动，不能删除')
        await tx.query('delete from plan_line where id = $1', [line.id])
      })
      return { removed: true as const }
    },
  }),

  publish: action({
    access: 'signed_in',
    input: planPublishRequest,
    async handle(input, ctx) {
      const { districtId } = await requireEditor(ctx)
      const lines = await ctx.db.query('select 1 from plan_line where district_id = $1 and year = $2 limit 1', [
        districtId,
        input.year,
      ])
      if (!lines.rowCount) throw new AppError('CONFLICT', '清单为空，请先添加条目')
      await ctx.db.query(
        "update annual_plan set status = 'published', published_at = coalesce(published_at, $3) where district_id = $1 and year = $2",
        [districtId, input.year, ctx.now],
      )
      return planOf(ctx.db, districtId, input.year, ctx.now)
    },
  }),

  importXlsx: action({
    access: 'signed_in',
    input: planImportRequest,
    async handle(input, ctx) {
      const { districtId } = await requireEditor(ctx)
      let raw
      try {
        raw = await readPlanSheet(Buffer.from(input.fileBase64, 'base64'))
      } catch (err) {
        if (err instanceof SheetFormatError) throw invalidInput(err.message, { fileBase64: err.message })
        throw err
      }
      const [units, categories] = await Promise.all([listUnits(ctx.db, districtId, 'admitted'), listCategories(ctx.db)])
      const { lines, errors } = validatePlanRows(raw, { units, categories })
      if (errors.length) return { imported: 0, errors }
      await ensureSafeText(ctx, ...lines.flatMap((l) => [l.title, l.targetCommunity, l.needsNote]))
      const imported = await inTransaction(ctx.db, async (tx) => {
        await ensurePlan(tx, districtId, input.year)
        let keep: { unit_id: string; title: string; planned_month: number }[] = []
        if (input.mode === 'replace') {
          // Lines that already have events stay; everything else is replaced by the file.
          await tx.query(
            `delete from plan_line l where l.district_id = $1 and l.year = $2
               and not exists (select 1 from activity a where a.plan_line_id = l.id)`,
            [districtId, input.year],
          )
          keep = (
            await tx.query('select unit_id, title, planned_month from plan_line where district_id = $1 and year = $2', [
              districtId,
              input.year,
            ])
          ).rows
        }
        let count = 0
        for (const line of lines) {
          if (
            keep.some(
              (k) => k.unit_id === line.unitId && k.title === line.title && k.planned_month === line.plannedMonth,
            )
          )
            continue
          await insertLine(tx, districtId, input.year, line)
          count++
        }
        return count
      })
      return { imported, errors: [] }
    },
  }),

  exportXlsx: action({
    access: 'signed_in',
    input: planExportRequest,
    async handle(input, ctx) {
      const { districtId } = await requireEditor(ctx)
      const plan = await planOf(ctx.db, districtId, input.year, ctx.now)
      const district = await ctx.db.query<{ name: string }>('select name from district where id = $1', [districtId])
      const content = await writePlanSheet(plan, district.rows[0]?.name ?? '')
      const fileName = `${input.year}年度活动清单.xlsx`
      const stamp = ctx.now
        .toISOString()
        .replace(/[-:.TZ]/g, '')
        .slice(0, 14)
      const stored = await ctx.platform.uploadFile(
        `exports/${districtId}/plan-${input.year}-${stamp}-${ctx.requestId.slice(0, 8)}.xlsx`,
        content,
      )
      return { fileName, fileId: stored.fileId, url: stored.url }
    },
  }),

  completion: action({
    access: 'signed_in',
    input: completionRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const districtId = homeDistrictId()
      ensure(can.viewCompletion(actor, districtId), '只有团区委管理员可以查看完成情况')
      const [units, lines] = await Promise.all([
        listUnits(ctx.db, districtId, 'admitted'),
        loadLines(ctx.db, districtId, input.year, ctx.now),
      ])
      const months = Array.from({ length: 12 }, (_, i) => i + 1)
      const rows: CompletionGrid['rows'] = units.map((u) => {
        const mine = lines.filter((l) => l.unit.id === u.id)
        return {
          unit: { id: u.id, name: u.name },
          cells: months.map((month) => ({
            month,
            lines: mine
              .filter((l) => l.plannedMonth === month)
              .map((l) => ({ id: l.id, title: l.title, state: l.state })),
          })),
          heldCount: mine.filter((l) => l.state === 'held').length,
        }
      })
      // "Has led something this year" also counts ad-hoc events the unit held.
      const held = await ctx.db.query<{ unit_id: string }>(
        `select distinct unit_id from activity where district_id = $1 and start_at >= $2 and start_at < $3
           and (state = 'finished' or (state = 'published' and end_at <= $4))`,
        [districtId, shanghaiMonthRange(input.year, 1).start, shanghaiMonthRange(input.year, 12).end, ctx.now],
      )
      const heldUnits = new Set(held.rows.map((r) => r.unit_id))
      return {
        year: input.year,
        months,
        rows,
        unitsWithoutHeldActivity: units.filter((u) => !heldUnits.has(u.id)).map((u) => ({ id: u.id, name: u.name })),
      }
    },
  }),
}

export const main = createFunction<PlanActions>('plan', actions)
