/**
 * Cloud function `activity`: browse published activities (anyone), and post and run them
 * (organisers of the unit, or the district admin).
 */
import {
  activityCancelRequest,
  activityCreateRequest,
  activityGetRequest,
  activityIdRequest,
  activityListRequest,
  activityManageListRequest,
  activityUpdateRequest,
  categoryListRequest,
  type ActivityActions,
} from '@api/activity'
import { homeDistrictId } from '../../../server/config'
import { decodeCursor, encodeCursor } from '../../../server/domain/cursor'
import {
  checkCapacity,
  checkFinishable,
  checkPublishable,
  checkSchedule,
  checkTransition,
  diff,
} from '../../../server/domain/event-rules'
import { can, ensure, type Actor } from '../../../server/domain/policy'
import { shanghaiMonthRange } from '../../../server/domain/shanghai-time'
import { actorOf, requireActor } from '../../../server/app/actor'
import { sendNotices } from '../../../server/app/notify'
import { ensureSafeText } from '../../../server/app/content'
import { AppError, invalidInput, notFound } from '../../../server/runtime/errors'
import { action, createFunction, type ActionTable, type SignedInContext } from '../../../server/runtime/function'
import {
  fieldsOf,
  findActivity,
  insertActivity,
  listActivities,
  listCategories,
  listChanges,
  listUnitActivities,
  logChange,
  setActivityState,
  toDetail,
  toManaged,
  updateActivityFields,
  type ActivityRow,
  type EventFields,
} from '../../../server/store/activities'
import { findLine } from '../../../server/store/plans'
import { cancellationNotices, resizeCapacity, type Notice } from '../../../server/store/signups'
import { PG, inTransaction, pgCode, type Db } from '../../../server/store/tx'
import { findUnit } from '../../../server/store/units'

function decodeOrReject(cursor: string | undefined) {
  const after = cursor ? decodeCursor(cursor) : undefined
  if (after === null) throw invalidInput('分页参数无效，请刷新后重试', { cursor: '格式不正确' })
  return after
}

/** Loads an activity the caller may manage, or answers NOT_FOUND / FORBIDDEN. */
async function managed(db: Db, actor: Actor, id: string, forUpdate = false): Promise<ActivityRow> {
  const row = await findActivity(db, id, forUpdate)
  if (!row) throw notFound('活动')
  ensure(can.manageEvents(actor, { id: row.unit_id, districtId: row.district_id }), '只有本单位的组织者可以管理该活动')
  return row
}

/** A line must belong to the event's unit and to a published annual list; ad-hoc needs the district's consent. */
async function checkPlanLine(db: Db, unitId: string, districtId: string, planLineId: string | null): Promise<void> {
  if (planLineId === null) {
    const r = await db.query<{ allow_adhoc_events: boolean }>('select allow_adhoc_events from district where id = $1', [
      districtId,
    ])
    if (!r.rows[0]?.allow_adhoc_events)
      throw new AppError('FORBIDDEN', '本区仅允许发布年度活动清单内的活动，请选择清单条目')
    return
  }
  const line = await findLine(db, planLineId)
  if (!line || line.unit_id !== unitId) throw invalidInput('请选择本单位的年度清单条目', { planLineId: '不属于本单位' })
  if (line.plan_status !== 'published') throw invalidInput('该年度清单尚未发布', { planLineId: '清单未发布' })
}

const TRANSITIONS = {
  publish: { state: 'published', logged: 'published' },
  cancel: { state: 'cancelled', logged: 'cancelled' },
  finish: { state: 'finished', logged: 'finished' },
} as const

/**
 * A lifecycle step (publish, cancel, finish) under the event's row lock: the caller must manage
 * the event, the state must allow the step, `check` adds the step's own rule; then the new state
 * and a change-log entry are written together.
 */
async function transition(
  ctx: SignedInContext,
  id: string,
  step: keyof typeof TRANSITIONS,
  check: (tx: Db, row: ActivityRow) => Promise<void> | void,
  reason: string | null = null,
): Promise<ActivityRow> {
  const actor = await requireActor(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const row = await managed(tx, actor, id, true)
    checkTransition(row.state, step)
    await check(tx, row)
    await setActivityState(tx, row.id, TRANSITIONS[step].state, ctx.now, reason)
    await logChange(tx, row.id, actor.userId, TRANSITIONS[step].logged, {}, reason, ctx.now)
    return row
  })
}

async function reread(db: Db, id: string, now: Date) {
  return toManaged((await findActivity(db, id))!, now)
}

const mapCategoryError = (err: unknown) => {
  if (pgCode(err) === PG.foreignKeyViolation) return invalidInput('活动类别不存在', { category: '取值无效' })
  return err
}

export const actions: ActionTable<ActivityActions> = {
  list: action({
    access: 'public',
    input: activityListRequest.default({ status: 'active', limit: 20 }),
    async handle(input, { db, now }) {
      const range = input.month ? shanghaiMonthRange(input.month.year, input.month.month) : undefined
      const page = await listActivities(db, {
        districtId: input.district ?? homeDistrictId(),
        status: input.status,
        category: input.category,
        unitId: input.unitId,
        startsWithin: range ? { from: range.start, to: range.end } : undefined,
        keyword: input.keyword,
        after: decodeOrReject(input.cursor),
        limit: input.limit,
        now,
      })
      return { items: page.items, nextCursor: page.last ? encodeCursor(page.last) : null }
    },
  }),

  get: action({
    access: 'public',
    input: activityGetRequest,
    async handle(input, { db, now }) {
      const row = await findActivity(db, input.id)
      if (!row || row.state === 'draft') throw notFound('活动')
      return toDetail(row, now)
    },
  }),

  categories: action({
    access: 'public',
    input: categoryListRequest,
    async handle(_input, { db }) {
      return { items: await listCategories(db) }
    },
  }),

  create: action({
    access: 'signed_in',
    input: activityCreateRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const unit = await findUnit(ctx.db, input.unitId)
      if (!unit) throw notFound('单位')
      ensure(can.manageEvents(actor, { id: unit.id, districtId: unit.district_id }), '只有本单位的组织者可以发布活动')
      if (unit.status !== 'admitted') throw new AppError('CONFLICT', '单位通过审核后才能发布活动')
      const fields: EventFields = {
        title: input.title,
        category: input.category,
        coverUrl: input.coverUrl ?? null,
        description: input.description,
        placeName: input.placeName,
        placeAddress: input.placeAddress ?? null,
        location: input.location ?? null,
        startAt: new Date(input.startAt),
        endAt: new Date(input.endAt),
        signupOpensAt: new Date(input.signupOpensAt),
        signupClosesAt: new Date(input.signupClosesAt),
        capacity: input.capacity,
        recordsServiceHours: input.recordsServiceHours,
        contact: input.contact ?? null,
        planLineId: input.planLineId ?? null,
      }
      checkSchedule(fields)
      await checkPlanLine(ctx.db, unit.id, unit.district_id, fields.planLineId)
      await ensureSafeText(ctx, fields.title, fields.description, fields.placeName, fields.placeAddress, fields.contact)
      const id = await inTransaction(ctx.db, async (tx) => {
        const newId = await insertActivity(tx, unit.district_id, unit.id, actor.userId, fields).catch((err) => {
          throw mapCategoryError(err)
        })
        await logChange(tx, newId, actor.userId, 'created', {}, null, ctx.now)
        return newId
      })
      return reread(ctx.db, id, ctx.now)
    },
  }),

  update: action({
    access: 'signed_in',
    input: activityUpdateRequest,
    async handle(input, ctx: SignedInContext) {
      const actor = await requireActor(ctx)
      const { id, reason, ...patch } = input
      const before = await managed(ctx.db, actor, id)
      checkTransition(before.state, 'edit')
      const current = fieldsOf(before)
      const next: EventFields = {
        ...current,
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
        ...(patch.startAt ? { startAt: new Date(patch.startAt) } : {}),
        ...(patch.endAt ? { endAt: new Date(patch.endAt) } : {}),
        ...(patch.signupOpensAt ? { signupOpensAt: new Date(patch.signupOpensAt) } : {}),
        ...(patch.signupClosesAt ? { signupClosesAt: new Date(patch.signupClosesAt) } : {}),
      }
      const changes = diff(current as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>)
      const notices: Notice[] = []
      if (!Object.keys(changes).length) return toManaged(before, ctx.now)
      checkSchedule(next)
      if ('planLineId' in changes) await checkPlanLine(ctx.db, before.unit_id, before.district_id, next.planLineId)
      await ensureSafeText(
        ctx,
        ...['title', 'description', 'placeName', 'placeAddress', 'contact']
          .filter((k) => k in changes)
          .map((k) => next[k as keyof EventFields] as string | null),
      )
      await inTransaction(ctx.db, async (tx) => {
        // Re-read under lock: the state or the seats may have moved since the first read.
        const locked = await managed(tx, actor, id, true)
        checkTransition(locked.state, 'edit')
        checkCapacity(next.capacity, locked.seats_taken)
        await updateActivityFields(tx, id, next, ctx.now).catch((err) => {
          throw mapCategoryError(err)
        })
        await logChange(tx, id, actor.userId, 'edited', changes, reason ?? null, ctx.now)
        // More seats go to the people waiting for them.
        if ('capacity' in changes) notices.push(...(await resizeCapacity(tx, id, next.capacity, ctx.now)))
      })
      await sendNotices(ctx, notices)
      return reread(ctx.db, id, ctx.now)
    },
  }),

  publish: action({
    access: 'signed_in',
    input: activityIdRequest,
    async handle(input, ctx) {
      await transition(ctx, input.id, 'publish', async (tx, row) => {
        checkPublishable(fieldsOf(row), ctx.now)
        if (row.plan_line_id) await checkPlanLine(tx, row.unit_id, row.district_id, row.plan_line_id)
      })
      return reread(ctx.db, input.id, ctx.now)
    },
  }),

  cancel: action({
    access: 'signed_in',
    input: activityCancelRequest,
    async handle(input, ctx) {
      await ensureSafeText(ctx, input.reason)
      const row = await transition(ctx, input.id, 'cancel', async () => {}, input.reason)
      // Everyone still holding or waiting for a place hears about it.
      await sendNotices(ctx, await cancellationNotices(ctx.db, row.id, row.title, input.reason))
      return reread(ctx.db, row.id, ctx.now)
    },
  }),

  finish: action({
    access: 'signed_in',
    input: activityIdRequest,
    async handle(input, ctx) {
      await transition(ctx, input.id, 'finish', async (_tx, row) => checkFinishable(fieldsOf(row), ctx.now))
      return reread(ctx.db, input.id, ctx.now)
    },
  }),

  manageGet: action({
    access: 'signed_in',
    input: activityIdRequest,
    async handle(input, ctx) {
      return toManaged(await managed(ctx.db, await requireActor(ctx), input.id), ctx.now)
    },
  }),

  manageList: action({
    access: 'signed_in',
    input: activityManageListRequest,
    async handle(input, ctx) {
      const actor = await actorOf(ctx)
      const unit = await findUnit(ctx.db, input.unitId)
      if (!unit) throw notFound('单位')
      ensure(can.manageEvents(actor, { id: unit.id, districtId: unit.district_id }), '只有本单位的组织者可以查看')
      const page = await listUnitActivities(ctx.db, unit.id, input.state, decodeOrReject(input.cursor), input.limit)
      return {
        items: page.rows.map((r) => toManaged(r, ctx.now)),
        nextCursor: page.last ? encodeCursor(page.last) : null,
      }
    },
  }),

  changes: action({
    access: 'signed_in',
    input: activityIdRequest,
    async handle(input, ctx) {
      await managed(ctx.db, await requireActor(ctx), input.id)
      return { items: await listChanges(ctx.db, input.id) }
    },
  }),
}

export const main = createFunction<ActivityActions>('activity', actions)
