/**
 * Cloud function `hours`: the service-hours ledger (志愿服务时长). Organisers close an event's
 * hours from the scans, review them (adjust with a reason, decline, make-up entries, corrections
 * of approved entries), and confirm them, with an optional public notice (公示). People see their
 * approved hours and issue certificates anyone can verify; the district reports and exports them.
 * Every change writes an audit record (who, when, before, after, why) in the same transaction.
 */
import {
  activityHoursRequest,
  adjustRequest,
  certificateRequest,
  confirmRequest,
  declineRequest,
  historyRequest,
  hoursSettingsRequest,
  makeupRequest,
  reportRequest,
  verifyRequest,
  type AuditRecord,
  type Certificate,
  type HoursActions,
  type HoursSettings,
  type MyEventHours,
} from '@api/hours'
import { randomBytes } from 'crypto'
import type { Pool } from 'pg'
import * as z from 'zod'
import { homeDistrictId } from '../../../server/config'
import { CHECKOUT_GRACE_MINUTES } from '../../../server/domain/checkin/window'
import {
  CERTIFICATE_DISCLAIMER,
  certificateCode,
  maskName,
  normaliseCode,
} from '../../../server/domain/hours/certificate'
import {
  LedgerRuleError,
  checkMakeup,
  floorToStep,
  noticeEnds,
  planAdjustment,
} from '../../../server/domain/hours/ledger'
import { ensure, isDistrictAdmin } from '../../../server/domain/policy'
import { requireActor } from '../../../server/app/actor'
import { eventForOrganiser, type SignedIn } from '../../../server/runtime/event-organiser'
import { AppError, invalidInput, notFound } from '../../../server/runtime/errors'
import { action, createFunction, type ActionTable } from '../../../server/runtime/function'
import { loadCheckinEvent, type CheckinEvent } from '../../../server/store/checkin'
import { scheduledDays } from '../../../server/domain/checkin/hours'
import { shanghaiDay } from '../../../server/domain/shanghai-time'
import {
  audit,
  closeEventHours,
  computeHours,
  eventEntries,
  findEntry,
  registrationLines,
  scheduledHours,
  toLedgerEntry,
} from '../../../server/store/hours'
import { PG, inTransaction, pgCode } from '../../../server/store/tx'
import { ensureUser } from '../../../server/store/users'
import { writeHoursSheet } from '../../../server/xlsx/hours-sheet'

/** The event, for one of its organisers (not a draft). */
const managedEvent = (ctx: SignedIn, activityId: string) => eventForOrganiser(ctx, activityId, '处理时长')

/** The entry and its event, for one of the event's organisers. */
async function managedEntry(ctx: SignedIn, entryId: string) {
  const entry = await findEntry(ctx.db, entryId)
  if (!entry) throw notFound('时长记录')
  const { actor, e } = await managedEvent(ctx, entry.activity_id)
  return { actor, e, entry }
}

const settingsOf = (e: CheckinEvent): HoursSettings => ({
  minShare: e.hours_min_share,
  stepHours: e.hours_step,
  noticeDays: e.hours_notice_days,
  checkinOpensMinutes: e.checkin_opens_minutes,
  checkinRadiusMeters: e.checkin_radius_m,
})

const ruleError = (err: unknown): never => {
  if (err instanceof LedgerRuleError) {
    throw new AppError(
      err.rule === 'over_limit' ? 'HOURS_OVER_LIMIT' : err.rule === 'not_a_multiple' ? 'INVALID_INPUT' : 'ENTRY_LOCKED',
      err.message,
    )
  }
  throw err
}

/**
 * Approves pending entries whose public notice has ended (all, or one event's, or one person's),
 * with their audit records, in one statement.
 */
async function approveNoticed(
  db: Pool,
  now: Date,
  scope: { activityId?: string; userId?: string } = {},
): Promise<number> {
  const { rowCount } = await db.query(
    `with done as (
       update service_hours set status = 'approved', decided_at = $1
       where status = 'pending' and notice_until <= $1 and ($2::uuid is null or activity_id = $2) and ($3::uuid is null or user_id = $3)
       returning id, activity_id, hours::float8 as hours
     )
     insert into hours_audit (entry_id, activity_id, at, by_user, action, before, after, reason)
     select id, activity_id, $1, null, 'approve', jsonb_build_object('hours', hours, 'status', 'pending'),
            jsonb_build_object('hours', hours, 'status', 'approved'), '公示期满'
     from done`,
    [now, scope.activityId ?? null, scope.userId ?? null],
  )
  return rowCount ?? 0
}

export const actions: ActionTable<HoursActions> = {
  preview: action({
    access: 'signed_in',
    input: activityHoursRequest,
    async handle(input, ctx) {
      const { e } = await managedEvent(ctx, input.activityId)
      return computeHours(ctx.db, e)
    },
  }),

  close: action({
    access: 'signed_in',
    input: activityHoursRequest,
    async handle(input, ctx) {
      const { actor, e } = await managedEvent(ctx, input.activityId)
      if (ctx.now < e.end_at) throw new AppError('CONFLICT', '活动结束后才能汇总时长')
      return inTransaction(ctx.db, (tx) => closeEventHours(tx, e, ctx.now, actor.userId))
    },
  }),

  review: action({
    access: 'signed_in',
    input: activityHoursRequest,
    async handle(input, ctx) {
      const { e } = await managedEvent(ctx, input.activityId)
      await approveNoticed(ctx.db, ctx.now, { activityId: e.id })
      const rows = await eventEntries(ctx.db, e.id)
      const people = await ctx.db.query<{ id: string; nickname: string; real_name: string | null }>(
        `select r.id, u.nickname, u.real_name from registration r join app_user u on u.id = r.user_id
         where r.activity_id = $1 and r.state in ('confirmed', 'attended', 'no_show') order by u.nickname, r.id`,
        [e.id],
      )
      const totals = new Map<string, number>()
      for (const r of rows)
        if (r.status === 'approved') totals.set(r.registration_id, (totals.get(r.registration_id) ?? 0) + r.hours)
      return {
        activity: {
          id: e.id,
          title: e.title,
          startAt: e.start_at.toISOString(),
          endAt: e.end_at.toISOString(),
          ended: ctx.now >= e.end_at,
          awardsHours: e.awards_hours,
          scheduledHours: floorToStep(scheduledHours(e), e.hours_step),
          hoursClosedAt: e.hours_closed_at?.toISOString() ?? null,
        },
        settings: settingsOf(e),
        entries: rows.map(toLedgerEntry),
        people: people.rows.map((r) => ({
          registrationId: r.id,
          person: { nickname: r.nickname, realName: r.real_name },
        })),
        days: scheduledDays(e.start_at, e.end_at).map((d) => d.day),
        totals: [...totals.entries()].map(([registrationId, hours]) => ({
          registrationId,
          approvedHours: Math.round(hours * 10) / 10,
        })),
      }
    },
  }),

  settings: action({
    access: 'signed_in',
    input: hoursSettingsRequest,
    async handle(input, ctx) {
      const { e } = await managedEvent(ctx, input.activityId)
      await ctx.db.query(
        `update activity set hours_min_share = coalesce($2, hours_min_share), hours_step = coalesce($3, hours_step),
           hours_notice_days = coalesce($4, hours_notice_days), checkin_opens_minutes = coalesce($5, checkin_opens_minutes),
           checkin_radius_m = coalesce($6, checkin_radius_m)
         where id = $1`,
        [
          e.id,
          input.minShare ?? null,
          input.stepHours ?? null,
          input.noticeDays ?? null,
          input.checkinOpensMinutes ?? null,
          input.checkinRadiusMeters ?? null,
        ],
      )
      return settingsOf((await loadCheckinEvent(ctx.db, e.id))!)
    },
  }),

  adjust: action({
    access: 'signed_in',
    input: adjustRequest,
    async handle(input, ctx) {
      const { actor, e } = await managedEntry(ctx, input.entryId)
      if (!e.awards_hours && input.hours > 0) throw new AppError('CONFLICT', '该活动只记录参与，不计志愿时长')
      try {
        const id = await inTransaction(ctx.db, async (tx) => {
          // Locked, then read again: two organisers adjusting at once see each other.
          const entry = (await findEntry(tx, input.entryId, true))!
          const lines = await registrationLines(tx, entry.registration_id)
          const plan = planAdjustment({
            entry: {
              id: entry.id,
              kind: entry.kind,
              status: entry.status,
              hours: entry.hours,
              replacesId: entry.replaces_id,
            },
            lines,
            hours: input.hours,
            stepHours: e.hours_step,
            scheduledHours: floorToStep(scheduledHours(e), e.hours_step),
          })
          const before = { hours: entry.hours, status: entry.status }
          if (plan.kind === 'edit') {
            await tx.query(
              `update service_hours set hours = $2, needs_review = false, reason = $3,
                 flags = array_append(array_remove(flags, 'adjusted'), 'adjusted'), notice_until = null where id = $1`,
              [entry.id, input.hours, input.reason],
            )
            await audit(tx, {
              entryId: entry.id,
              activityId: e.id,
              at: ctx.now,
              by: actor.userId,
              action: 'adjust',
              before,
              after: { hours: input.hours, status: 'pending' },
              reason: input.reason,
            })
            return entry.id
          }
          // Approved: the entry stays as it was; a reversal cancels it and a correction replaces it.
          const write = (kind: 'reversal' | 'correction', hours: number) =>
            tx.query<{ id: string }>(
              `insert into service_hours (activity_id, registration_id, user_id, day, kind, minutes, hours, status, reason, replaces_id, decided_by, decided_at, flags)
             values ($1, $2, $3, $4, $5, 0, $6, 'approved', $7, $8, $9, $10, '{adjusted}') returning id::text`,
              [
                e.id,
                entry.registration_id,
                entry.user_id,
                entry.day,
                kind,
                hours,
                input.reason,
                entry.id,
                actor.userId,
                ctx.now,
              ],
            )
          const reversal = await write('reversal', plan.reversal.hours)
          const correction = await write('correction', plan.correction.hours)
          await audit(tx, {
            entryId: reversal.rows[0].id,
            activityId: e.id,
            at: ctx.now,
            by: actor.userId,
            action: 'correct',
            before,
            after: { hours: plan.reversal.hours, status: 'approved' },
            reason: input.reason,
          })
          await audit(tx, {
            entryId: correction.rows[0].id,
            activityId: e.id,
            at: ctx.now,
            by: actor.userId,
            action: 'correct',
            before,
            after: { hours: plan.correction.hours, status: 'approved' },
            reason: input.reason,
          })
          return correction.rows[0].id
        })
        return toLedgerEntry((await findEntry(ctx.db, id))!)
      } catch (err) {
        // A second correction of the same entry raced this one: the unique reversal index refused it.
        if (pgCode(err) === PG.uniqueViolation)
          throw new AppError('ENTRY_LOCKED', '该记录已被更正，请刷新后调整更正后的记录')
        return ruleError(err)
      }
    },
  }),

  decline: action({
    access: 'signed_in',
    input: declineRequest,
    async handle(input, ctx) {
      const { actor, e } = await managedEntry(ctx, input.entryId)
      await inTransaction(ctx.db, async (tx) => {
        const entry = (await findEntry(tx, input.entryId, true))!
        if (entry.status !== 'pending')
          throw new AppError(
            'ENTRY_LOCKED',
            entry.status === 'approved' ? '已确认的时长不能驳回，请用调整更正为 0' : '该记录已未通过',
          )
        await tx.query(
          "update service_hours set status = 'declined', reason = $2, decided_by = $3, decided_at = $4, notice_until = null where id = $1",
          [entry.id, input.reason, actor.userId, ctx.now],
        )
        await audit(tx, {
          entryId: entry.id,
          activityId: e.id,
          at: ctx.now,
          by: actor.userId,
          action: 'decline',
          before: { hours: entry.hours, status: 'pending' },
          after: { hours: entry.hours, status: 'declined' },
          reason: input.reason,
        })
      })
      return toLedgerEntry((await findEntry(ctx.db, input.entryId))!)
    },
  }),

  makeup: action({
    access: 'signed_in',
    input: makeupRequest,
    async handle(input, ctx) {
      const reg = await ctx.db.query<{ activity_id: string; user_id: string; state: string }>(
        'select activity_id, user_id, state from registration where id = $1',
        [input.registrationId],
      )
      if (!reg.rows[0]) throw notFound('报名')
      const { actor, e } = await managedEvent(ctx, reg.rows[0].activity_id)
      if (!e.awards_hours) throw new AppError('CONFLICT', '该活动只记录参与，不计志愿时长')
      if (ctx.now < e.start_at) throw new AppError('CONFLICT', '活动开始后才能补录时长')
      // A no-show (no check-in recorded) is exactly who a make-up with evidence is for.
      if (!['confirmed', 'attended', 'no_show'].includes(reg.rows[0].state))
        throw new AppError('CONFLICT', '只能为报名成功的人补录时长')
      if (!scheduledDays(e.start_at, e.end_at).some((d) => d.day === input.day))
        throw invalidInput('补录日期须在活动日程内', { day: '不在活动日程内' })
      try {
        const id = await inTransaction(ctx.db, async (tx) => {
          // The registration row serialises make-ups and adjustments of one person: the cap holds.
          await tx.query('select 1 from registration where id = $1 for update', [input.registrationId])
          checkMakeup({
            hours: input.hours,
            lines: await registrationLines(tx, input.registrationId),
            stepHours: e.hours_step,
            scheduledHours: floorToStep(scheduledHours(e), e.hours_step),
          })
          const { rows } = await tx.query<{ id: string }>(
            `insert into service_hours (activity_id, registration_id, user_id, day, kind, minutes, hours, reason, evidence)
             values ($1, $2, $3, $4, 'makeup', 0, $5, $6, $7) returning id::text`,
            [
              e.id,
              input.registrationId,
              reg.rows[0].user_id,
              input.day,
              input.hours,
              input.reason,
              JSON.stringify(input.evidence),
            ],
          )
          await audit(tx, {
            entryId: rows[0].id,
            activityId: e.id,
            at: ctx.now,
            by: actor.userId,
            action: 'makeup',
            before: null,
            after: { hours: input.hours, status: 'pending' },
            reason: input.reason,
          })
          // The evidence says they were there: the attendance record follows.
          await tx.query(
            "update registration set state = 'attended', updated_at = $2 where id = $1 and state in ('confirmed', 'no_show')",
            [input.registrationId, ctx.now],
          )
          return rows[0].id
        })
        return toLedgerEntry((await findEntry(ctx.db, id))!)
      } catch (err) {
        return ruleError(err)
      }
    },
  }),

  confirm: action({
    access: 'signed_in',
    input: confirmRequest,
    async handle(input, ctx) {
      const { actor, e } = await managedEvent(ctx, input.activityId)
      const until = noticeEnds(ctx.now, e.hours_notice_days)
      return inTransaction(ctx.db, async (tx) => {
        const { rows } = await tx.query<{ id: string; hours: number }>(
          `update service_hours set status = case when $3::timestamptz is null then 'approved' else 'pending' end,
             notice_until = $3, decided_by = $4, decided_at = $5
           where activity_id = $1 and status = 'pending' and notice_until is null and not needs_review
             and ($2::bigint[] is null or id = any($2::bigint[]))
           returning id::text, hours::float8 as hours`,
          [e.id, input.entryIds ?? null, until, actor.userId, ctx.now],
        )
        for (const r of rows) {
          await audit(tx, {
            entryId: r.id,
            activityId: e.id,
            at: ctx.now,
            by: actor.userId,
            action: 'confirm',
            before: { hours: r.hours, status: 'pending' },
            after: { hours: r.hours, status: until ? 'pending' : 'approved' },
            reason: until ? `公示至 ${shanghaiDay(until)}` : null,
          })
        }
        const left = await tx.query<{ n: number }>(
          "select count(*)::int as n from service_hours where activity_id = $1 and status = 'pending' and notice_until is null",
          [e.id],
        )
        return { approved: until ? 0 : rows.length, onNotice: until ? rows.length : 0, leftForReview: left.rows[0].n }
      })
    },
  }),

  history: action({
    access: 'signed_in',
    input: historyRequest,
    async handle(input, ctx) {
      const { entry } = await managedEntry(ctx, input.entryId)
      // A reversal or correction's history starts with the entry it replaced.
      const ids = [entry.id, ...(entry.replaces_id ? [entry.replaces_id] : [])]
      const { rows } = await ctx.db.query<{
        at: Date
        nickname: string | null
        real_name: string | null
        action: AuditRecord['action']
        before: AuditRecord['before']
        after: AuditRecord['after']
        reason: string | null
      }>(
        `select a.at, u.nickname, u.real_name, a.action, a.before, a.after, a.reason
         from hours_audit a left join app_user u on u.id = a.by_user where a.entry_id = any($1::bigint[]) order by a.at, a.id`,
        [ids],
      )
      return rows.map((r) => ({
        at: r.at.toISOString(),
        by: r.real_name ?? r.nickname ?? '系统',
        action: r.action,
        before: r.before,
        after: r.after,
        reason: r.reason,
      }))
    },
  }),

  notice: action({
    access: 'signed_in',
    input: activityHoursRequest,
    async handle(input, ctx) {
      const e = await loadCheckinEvent(ctx.db, input.activityId)
      if (!e || e.state === 'draft') throw notFound('活动')
      const { rows } = await ctx.db.query<{ name: string; day: string; hours: number; notice_until: Date }>(
        `select coalesce(u.real_name, u.nickname) as name, to_char(h.day, 'YYYY-MM-DD') as day, h.hours::float8 as hours, h.notice_until
         from service_hours h join app_user u on u.id = h.user_id
         where h.activity_id = $1 and h.status = 'pending' and h.notice_until > $2 order by h.day, u.nickname`,
        [e.id, ctx.now],
      )
      return {
        activityId: e.id,
        title: e.title,
        items: rows.map((r) => ({
          name: maskName(r.name),
          day: r.day,
          hours: r.hours,
          noticeUntil: r.notice_until.toISOString(),
        })),
      }
    },
  }),

  mine: action({
    access: 'signed_in',
    input: z.strictObject({}).optional(),
    async handle(_input, ctx) {
      const user = await ensureUser(ctx.db, ctx.caller.openid)
      await approveNoticed(ctx.db, ctx.now, { userId: user.id })
      const { rows } = await ctx.db.query<{
        activity_id: string
        title: string
        unit_name: string
        day: string
        hours: number
        status: MyEventHours['days'][number]['status']
        kind: MyEventHours['days'][number]['kind']
        notice_until: Date | null
        start_at: Date
      }>(
        `select h.activity_id, a.title, u.name as unit_name, to_char(h.day, 'YYYY-MM-DD') as day, h.hours::float8 as hours, h.status, h.kind, h.notice_until, a.start_at
         from service_hours h join activity a on a.id = h.activity_id join org_unit u on u.id = a.unit_id
         where h.user_id = $1 order by a.start_at desc, h.day, h.id limit 2000`,
        [user.id],
      )
      const events = new Map<string, MyEventHours>()
      for (const r of rows) {
        const ev = events.get(r.activity_id) ?? {
          activityId: r.activity_id,
          title: r.title,
          unitName: r.unit_name,
          hours: 0,
          pendingHours: 0,
          days: [],
        }
        if (r.status === 'approved') ev.hours = Math.round((ev.hours + r.hours) * 10) / 10
        if (r.status === 'pending') ev.pendingHours = Math.round((ev.pendingHours + r.hours) * 10) / 10
        ev.days.push({
          day: r.day,
          hours: r.hours,
          status: r.status,
          kind: r.kind,
          noticeUntil: r.notice_until?.toISOString() ?? null,
        })
        events.set(r.activity_id, ev)
      }
      const years = new Map<number, number>()
      for (const r of rows)
        if (r.status === 'approved')
          years.set(Number(r.day.slice(0, 4)), (years.get(Number(r.day.slice(0, 4))) ?? 0) + r.hours)
      return {
        totalHours:
          Math.round(rows.filter((r) => r.status === 'approved').reduce((sum, r) => sum + r.hours, 0) * 10) / 10,
        byYear: [...years.entries()]
          .sort((a, b) => b[0] - a[0])
          .map(([year, hours]) => ({ year, hours: Math.round(hours * 10) / 10 })),
        events: [...events.values()],
      }
    },
  }),

  certificate: action({
    access: 'signed_in',
    input: certificateRequest,
    async handle(input, ctx) {
      const user = await ensureUser(ctx.db, ctx.caller.openid)
      const person = await ctx.db.query<{ real_name: string | null }>('select real_name from app_user where id = $1', [
        user.id,
      ])
      const holderName = person.rows[0].real_name
      if (!holderName) throw new AppError('PROFILE_INCOMPLETE', '证明需要写明真实姓名，请先在个人资料中填写')
      await approveNoticed(ctx.db, ctx.now, { userId: user.id })
      const { rows } = await ctx.db.query<{
        activity_id: string
        title: string
        unit_name: string
        days: number
        hours: number
      }>(
        `select h.activity_id, a.title, u.name as unit_name, count(distinct h.day)::int as days, sum(h.hours)::float8 as hours
         from service_hours h join activity a on a.id = h.activity_id join org_unit u on u.id = a.unit_id
         where h.user_id = $1 and h.status = 'approved' and h.day between $2 and $3
         group by h.activity_id, a.title, u.name, a.start_at having sum(h.hours) > 0 order by a.start_at`,
        [user.id, input.from, input.to],
      )
      if (!rows.length) throw new AppError('NOT_FOUND', '所选时段内没有已确认的志愿服务时长')
      const activities = rows.map((r) => ({
        title: r.title,
        unitName: r.unit_name,
        days: r.days,
        hours: Math.round(r.hours * 10) / 10,
      }))
      const totalHours = Math.round(activities.reduce((sum, a) => sum + a.hours, 0) * 10) / 10
      const district = await ctx.db.query<{ name: string }>('select name from district where id = $1', [
        homeDistrictId(),
      ])
      const issuer = `青聚 · ${district.rows[0]?.name ?? '团区委'}`
      // Issuing the same period again, with nothing changed, gives back the same certificate.
      const same = await ctx.db.query<{ code: string; issued_at: Date }>(
        `select code, issued_at from hours_certificate
         where user_id = $1 and period_from = $2 and period_to = $3 and holder_name = $4 and total_hours = $5 and activities = $6::jsonb
         order by issued_at desc limit 1`,
        [user.id, input.from, input.to, holderName, totalHours, JSON.stringify(activities)],
      )
      let code = same.rows[0]?.code ?? ''
      const issuedAt = same.rows[0]?.issued_at ?? ctx.now
      for (let attempt = 0; !code; attempt++) {
        const candidate = certificateCode(randomBytes(10))
        try {
          await ctx.db.query(
            `insert into hours_certificate (code, user_id, holder_name, period_from, period_to, total_hours, activities, issuer, issued_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [
              candidate,
              user.id,
              holderName,
              input.from,
              input.to,
              totalHours,
              JSON.stringify(activities),
              issuer,
              ctx.now,
            ],
          )
          code = candidate
        } catch (err) {
          // 50 random bits: a collision is all but impossible, but a retry costs nothing.
          if (pgCode(err) !== PG.uniqueViolation || attempt >= 2) throw err
        }
      }
      const image = await ctx.platform.miniProgramCode(code, 'packages/verify/pages/verify/index')
      const certificate: Certificate = {
        code,
        holderName,
        from: input.from,
        to: input.to,
        totalHours,
        activities,
        issuedAt: issuedAt.toISOString(),
        issuer,
        verifyImage: `data:image/png;base64,${image.toString('base64')}`,
        disclaimer: CERTIFICATE_DISCLAIMER,
      }
      return certificate
    },
  }),

  verify: action({
    access: 'public',
    input: verifyRequest,
    async handle(input, ctx) {
      const code = normaliseCode(input.code)
      if (!code) return { genuine: false as const }
      const { rows } = await ctx.db.query<{
        code: string
        holder_name: string
        from: string
        to: string
        total_hours: number
        activities: { title: string; unitName: string; hours: number }[]
        issued_at: Date
        issuer: string
      }>(
        `select code, holder_name, to_char(period_from, 'YYYY-MM-DD') as from, to_char(period_to, 'YYYY-MM-DD') as to, total_hours::float8 as total_hours,
                activities, issued_at, issuer from hours_certificate where code = $1`,
        [code],
      )
      const c = rows[0]
      if (!c) return { genuine: false as const }
      return {
        genuine: true as const,
        code: c.code,
        holderName: maskName(c.holder_name),
        from: c.from,
        to: c.to,
        totalHours: c.total_hours,
        activities: c.activities.map((a) => ({ title: a.title, unitName: a.unitName, hours: a.hours })),
        issuedAt: c.issued_at.toISOString(),
        issuer: c.issuer,
      }
    },
  }),

  report: action({
    access: 'signed_in',
    input: reportRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const districtId = homeDistrictId()
      ensure(isDistrictAdmin(actor, districtId), '只有团区委管理员可以查看时长统计')
      const [from, to] = period(input.year, input.month)
      const args = [districtId, from, to]
      const scope = `from service_hours h join activity a on a.id = h.activity_id
        where a.district_id = $1 and h.status = 'approved' and h.day >= $2 and h.day < $3`
      const [total, byUnit, byMonth] = await Promise.all([
        ctx.db.query<{ hours: number | null; people: number }>(
          `select sum(h.hours)::float8 as hours, count(distinct h.user_id)::int as people ${scope}`,
          args,
        ),
        ctx.db.query<{ unit_id: string; unit_name: string; hours: number; people: number; activities: number }>(
          `select a.unit_id, u.name as unit_name, sum(h.hours)::float8 as hours, count(distinct h.user_id)::int as people, count(distinct h.activity_id)::int as activities
           from service_hours h join activity a on a.id = h.activity_id join org_unit u on u.id = a.unit_id
           where a.district_id = $1 and h.status = 'approved' and h.day >= $2 and h.day < $3
           group by a.unit_id, u.name order by hours desc, u.name`,
          args,
        ),
        ctx.db.query<{ month: string; hours: number; people: number }>(
          `select to_char(h.day, 'YYYY-MM') as month, sum(h.hours)::float8 as hours, count(distinct h.user_id)::int as people ${scope}
           group by 1 order by 1`,
          args,
        ),
      ])
      const r1 = (n: number | null) => Math.round((n ?? 0) * 10) / 10
      return {
        year: input.year,
        month: input.month ?? null,
        totalHours: r1(total.rows[0].hours),
        people: total.rows[0].people,
        byUnit: byUnit.rows.map((r) => ({
          unitId: r.unit_id,
          unitName: r.unit_name,
          hours: r1(r.hours),
          people: r.people,
          activities: r.activities,
        })),
        byMonth: byMonth.rows.map((r) => ({ month: r.month, hours: r1(r.hours), people: r.people })),
      }
    },
  }),

  exportSheet: action({
    access: 'signed_in',
    input: reportRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const districtId = homeDistrictId()
      ensure(isDistrictAdmin(actor, districtId), '只有团区委管理员可以导出时长')
      const [from, to] = period(input.year, input.month)
      // One row per person, event and day: net approved hours (corrections folded in), zero rows left out.
      const { rows } = await ctx.db.query<{
        real_name: string | null
        nickname: string
        id_type: string | null
        phone: string | null
        title: string
        day: string
        hours: number
        unit_name: string
      }>(
        `select p.real_name, p.nickname, p.id_type, p.phone, a.title, to_char(h.day, 'YYYY-MM-DD') as day, sum(h.hours)::float8 as hours, u.name as unit_name
         from service_hours h join activity a on a.id = h.activity_id join org_unit u on u.id = a.unit_id join app_user p on p.id = h.user_id
         where a.district_id = $1 and h.status = 'approved' and h.day >= $2 and h.day < $3
         group by h.user_id, p.real_name, p.nickname, p.id_type, p.phone, h.activity_id, a.title, h.day, u.name
         having sum(h.hours) > 0 order by h.day, u.name, a.title, p.real_name`,
        [districtId, from, to],
      )
      const content = await writeHoursSheet(
        rows.map((r) => ({
          name: r.real_name ?? '',
          nickname: r.nickname,
          idType: r.id_type ?? '',
          phone: r.phone ?? '',
          activity: r.title,
          day: r.day,
          hours: Math.round(r.hours * 10) / 10,
          organiser: r.unit_name,
        })),
      )
      const label = input.month ? `${input.year}-${String(input.month).padStart(2, '0')}` : String(input.year)
      const fileName = `志愿服务时长-${label}.xlsx`
      const stamp = ctx.now
        .toISOString()
        .replace(/[-:.TZ]/g, '')
        .slice(0, 14)
      const stored = await ctx.platform.uploadFile(`exports/hours/${districtId}/${label}-${stamp}.xlsx`, content)
      return { fileName, ...stored, rows: rows.length }
    },
  }),

  sweep: action({
    access: 'timer',
    input: z.strictObject({}).optional(),
    async handle(_input, ctx) {
      // Events whose check-out has closed: close their hours once (no check-out: into review).
      const due = await ctx.db.query<{ id: string }>(
        `select id from activity where hours_closed_at is null and state in ('published', 'finished') and end_at <= $1
         order by end_at limit 50`,
        [new Date(ctx.now.getTime() - CHECKOUT_GRACE_MINUTES * 60_000)],
      )
      let closed = 0
      for (const { id } of due.rows) {
        const e = await loadCheckinEvent(ctx.db, id)
        if (!e || e.hours_closed_at) continue
        await inTransaction(ctx.db, (tx) => closeEventHours(tx, e, ctx.now, null))
        closed++
      }
      return { closed, approved: await approveNoticed(ctx.db, ctx.now) }
    },
  }),
}

/** [first day, day after the last) of a year or one of its months. */
function period(year: number, month?: number): [string, string] {
  if (!month) return [`${year}-01-01`, `${year + 1}-01-01`]
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
  return [`${year}-${String(month).padStart(2, '0')}-01`, next]
}

export const main = createFunction<HoursActions>('hours', actions)
