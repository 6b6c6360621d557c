/**
 * Cloud function `checkin`: organisers show rotating on-site codes, volunteers scan them to check
 * in and out; each confirmed registration has a personal ticket organisers scan. Every scan carries
 * a client nonce, so repeating one returns the first result and never records twice.
 */
import {
  hoursActivityRequest, hoursPreviewRequest, scanRequest, siteCodeRequest, ticketRequest, ticketScanRequest, type CheckinActions, type HoursEntry, type HoursPreview, type ScanResult,
} from '@api/checkin'
import type { ErrorCode } from '@api/result'
import * as z from 'zod'
import { generateSecret, issueSiteCode, issueTicket, nextRotationAt, peekSiteCode, verifySiteCode, verifyTicket, type Direction, type TokenFailure } from '../../../server/domain/checkin/token'
import { dailySpans, serviceHours } from '../../../server/domain/checkin/hours'
import { can, ensure } from '../../../server/domain/policy'
import { requireActor } from '../../../server/runtime/actor'
import { AppError, notFound } from '../../../server/runtime/errors'
import { action, createFunction, type ActionContext, type ActionTable } from '../../../server/runtime/function'
import type { Pool } from 'pg'
import { PG, inTransaction, pgCode, type Db } from '../../../server/store/tx'
import { ensureUser } from '../../../server/store/users'

const MINUTE = 60_000

function ticketSecret(): string {
  const secret = process.env.QINGJU_TICKET_SECRET
  if (!secret || secret.length < 16) throw new Error('QINGJU_TICKET_SECRET is not set (16+ characters)')
  return secret
}

const TOKEN_ERRORS: Record<TokenFailure, [Exclude<ErrorCode, 'INTERNAL'>, string]> = {
  malformed: ['CODE_INVALID', '无法识别的二维码'],
  bad_version: ['CODE_INVALID', '二维码版本不受支持，请更新小程序'],
  bad_signature: ['CODE_INVALID', '二维码无效'],
  wrong_kind: ['CODE_INVALID', '这不是签到码'],
  wrong_event: ['WRONG_EVENT', '这不是本活动的二维码'],
  wrong_direction: ['CODE_INVALID', '签到码与签退码用错了'],
  expired: ['CODE_EXPIRED', '二维码已过期，请扫描现场最新的二维码'],
  future: ['CODE_EXPIRED', '二维码时间异常，请稍后重试'],
}

const tokenError = (reason: TokenFailure) => new AppError(...TOKEN_ERRORS[reason])

interface CheckinEvent {
  id: string
  unit_id: string
  district_id: string
  state: string
  start_at: Date
  end_at: Date
  latitude: number | null
  longitude: number | null
  checkin_secret: Buffer | null
  checkin_opens_minutes: number
  checkin_radius_m: number
}

async function loadEvent(db: Db, id: string): Promise<CheckinEvent | null> {
  const { rows } = await db.query<CheckinEvent>(
    `select id, unit_id, district_id, state, start_at, end_at, latitude, longitude, checkin_secret, checkin_opens_minutes, checkin_radius_m
     from activity where id = $1`, [id])
  return rows[0] ?? null
}

/** Check-in is open from N minutes before the start to the end, for published (or finished) events. */
function checkWindow(e: CheckinEvent, now: Date) {
  if (e.state === 'cancelled') throw new AppError('CHECKIN_CLOSED', '活动已取消')
  if (now.getTime() < e.start_at.getTime() - e.checkin_opens_minutes * MINUTE) {
    throw new AppError('CHECKIN_CLOSED', `签到将于活动开始前 ${e.checkin_opens_minutes} 分钟开放`)
  }
  if (now >= e.end_at) throw new AppError('CHECKIN_CLOSED', '活动已结束，签到已关闭')
}

/** Great-circle distance in metres (haversine): enough precision for a venue radius. */
function distanceMetres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * rad
  const dLon = (b.longitude - a.longitude) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)))
}

interface ScanRow { id: string; activity_id: string; direction: Direction; method: 'site_code' | 'ticket'; scanned_at: Date; needs_review: boolean; nickname: string; real_name: string | null }

async function findScan(db: Db, activityId: string, nonce: string): Promise<ScanRow | null> {
  const { rows } = await db.query<ScanRow>(
    `select s.id, s.activity_id, s.direction, s.method, s.scanned_at, s.needs_review, u.nickname, u.real_name
     from checkin_scan s join app_user u on u.id = s.user_id where s.activity_id = $1 and s.nonce = $2`, [activityId, nonce])
  return rows[0] ?? null
}

const toResult = (r: ScanRow, repeated: boolean): ScanResult => ({
  scanId: String(r.id), activityId: r.activity_id, direction: r.direction, scannedAt: r.scanned_at.toISOString(), method: r.method,
  needsReview: r.needs_review, person: { nickname: r.nickname, realName: r.real_name }, repeated,
})

/**
 * Records one scan for a registration, after the checks that need it: a confirmed registration,
 * and for a check-out an earlier check-in. Serialised per registration (row lock) so a check-in and
 * a check-out racing each other see each other.
 */
async function record(pool: Pool, e: CheckinEvent, scan: {
  registrationId: string | null; userId: string; direction: Direction; method: 'site_code' | 'ticket'; nonce: string
  now: Date; scannedBy: string | null; location?: { latitude: number; longitude: number }
}): Promise<ScanResult> {
  try {
    const repeated = await inTransaction(pool, async (tx) => {
      const reg = await tx.query<{ id: string; state: string }>(
        scan.registrationId
          ? 'select id, state from registration where id = $1 and activity_id = $2 for update'
          : `select id, state from registration where activity_id = $2 and user_id = $1
             order by (state in ('confirmed', 'attended')) desc, created_at desc limit 1 for update`,
        scan.registrationId ? [scan.registrationId, e.id] : [scan.userId, e.id])
      const r = reg.rows[0]
      if (!r) throw new AppError('NOT_REGISTERED', '你没有报名本活动，请联系现场组织者')
      // The same scan sent twice at once: the copy waited on the lock above; the first has landed.
      const same = await tx.query('select 1 from checkin_scan where activity_id = $1 and nonce = $2', [e.id, scan.nonce])
      if (same.rowCount) return true
      if (!['confirmed', 'attended'].includes(r.state)) {
        throw new AppError('REGISTRATION_CANCELLED', r.state === 'waitlisted' ? '你仍在候补中，尚未获得名额' : '该报名已取消或未通过，不能签到')
      }
      if (scan.direction === 'out') {
        const last = await tx.query<{ direction: Direction }>(
          'select direction from checkin_scan where registration_id = $1 order by scanned_at desc, id desc limit 1', [r.id])
        if (last.rows[0]?.direction !== 'in') throw new AppError('NOT_CHECKED_IN', '请先签到再签退')
      }
      let distance: number | null = null
      let needsReview = false
      if (scan.location && e.latitude !== null && e.longitude !== null) {
        distance = distanceMetres(scan.location, { latitude: e.latitude, longitude: e.longitude })
        needsReview = distance > e.checkin_radius_m
      }
      const inserted = await tx.query(
        `insert into checkin_scan (activity_id, registration_id, user_id, direction, method, scanned_at, nonce, scanned_by, latitude, longitude, distance_m, needs_review)
         select $1, $2, user_id, $3, $4, $5, $6, $7, $8, $9, $10, $11 from registration where id = $2
         on conflict (activity_id, nonce) do nothing`,
        [e.id, r.id, scan.direction, scan.method, scan.now, scan.nonce, scan.scannedBy,
          scan.location?.latitude ?? null, scan.location?.longitude ?? null, distance, needsReview])
      return inserted.rowCount === 0
    })
    return toResult((await findScan(pool, e.id, scan.nonce))!, repeated)
  } catch (err) {
    // The same nonce raced in twice: the other one landed; answer with its record.
    if (pgCode(err) === PG.uniqueViolation) {
      const first = await findScan(pool, e.id, scan.nonce)
      if (first) return toResult(first, true)
    }
    throw err
  }
}

/** The event, for one of its organisers. */
async function managedEvent(ctx: ActionContext & { caller: NonNullable<ActionContext['caller']> }, activityId: string): Promise<CheckinEvent> {
  const actor = await requireActor(ctx)
  const e = await loadEvent(ctx.db, activityId)
  if (!e || e.state === 'draft') throw notFound('活动')
  ensure(can.manageEvents(actor, { id: e.unit_id, districtId: e.district_id }), '只有本活动的组织者可以处理时长')
  return e
}

/** What each person's scans earn, per Shanghai day, by the hour rules. */
async function computeHours(db: Db, e: CheckinEvent): Promise<HoursPreview> {
  const flags = await db.query<{ awards: boolean }>(
    `select a.records_service_hours and c.awards_service_hours as awards
     from activity a join activity_category c on c.code = a.category where a.id = $1`, [e.id])
  const awardsHours = flags.rows[0].awards
  const { rows } = await db.query<{ registration_id: string; nickname: string; real_name: string | null; direction: Direction; scanned_at: Date }>(
    `select s.registration_id, u.nickname, u.real_name, s.direction, s.scanned_at
     from checkin_scan s join app_user u on u.id = s.user_id where s.activity_id = $1 order by s.registration_id, s.scanned_at, s.id`, [e.id])
  const schedule = dailySpans(e.start_at, e.end_at)
  const byRegistration = new Map<string, typeof rows>()
  for (const r of rows) byRegistration.set(r.registration_id, [...(byRegistration.get(r.registration_id) ?? []), r])
  return {
    awardsHours,
    items: [...byRegistration.entries()].map(([registrationId, scans]) => {
      const days = serviceHours({ schedule, awardsHours, scans: scans.map((x) => ({ kind: x.direction, at: x.scanned_at })) })
      return {
        registrationId,
        person: { nickname: scans[0].nickname, realName: scans[0].real_name },
        days,
        totalHours: days.reduce((sum, d) => sum + d.hours, 0),
      }
    }),
  }
}

export const actions: ActionTable<CheckinActions> = {
  siteCode: action({
    access: 'signed_in',
    input: siteCodeRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const e = await loadEvent(ctx.db, input.activityId)
      if (!e || e.state === 'draft') throw notFound('活动')
      ensure(can.manageEvents(actor, { id: e.unit_id, districtId: e.district_id }), '只有本活动的组织者可以出示签到码')
      checkWindow(e, ctx.now)
      let secret = e.checkin_secret
      if (!secret) {
        // First use: create the event's key; a concurrent first use keeps whichever landed first.
        const r = await ctx.db.query<{ checkin_secret: Buffer }>(
          'update activity set checkin_secret = coalesce(checkin_secret, $2) where id = $1 returning checkin_secret', [e.id, generateSecret()])
        secret = r.rows[0].checkin_secret
      }
      return {
        token: issueSiteCode({ secret, eventId: e.id, direction: input.direction, now: ctx.now }),
        direction: input.direction,
        rotatesAt: nextRotationAt(ctx.now).toISOString(),
      }
    },
  }),

  scan: action({
    access: 'signed_in',
    input: scanRequest,
    async handle(input, ctx) {
      const peeked = peekSiteCode(input.token)
      if (!peeked.ok) throw tokenError(peeked.reason)
      const e = await loadEvent(ctx.db, peeked.claims.eventId)
      if (!e || !e.checkin_secret) throw tokenError('bad_signature')
      const user = await ensureUser(ctx.db, ctx.caller.openid)
      // A repeated scan answers what the first one did, even after the code has rotated.
      const earlier = await findScan(ctx.db, e.id, input.nonce)
      if (earlier) return toResult(earlier, true)
      const verified = verifySiteCode(input.token, { secret: e.checkin_secret, eventId: e.id, now: ctx.now })
      if (!verified.ok) throw tokenError(verified.reason)
      checkWindow(e, ctx.now)
      return record(ctx.db, e, {
        registrationId: null, userId: user.id, direction: verified.claims.direction, method: 'site_code', nonce: input.nonce,
        now: ctx.now, scannedBy: null, location: input.location,
      })
    },
  }),

  ticket: action({
    access: 'signed_in',
    input: ticketRequest,
    async handle(input, ctx) {
      const user = await ensureUser(ctx.db, ctx.caller.openid)
      const { rows } = await ctx.db.query<{ id: string; ticket_version: number }>(
        "select id, ticket_version from registration where activity_id = $1 and user_id = $2 and state in ('confirmed', 'attended')",
        [input.activityId, user.id])
      if (!rows[0]) throw new AppError('NOT_REGISTERED', '只有报名成功的活动才有入场券')
      return {
        token: issueTicket({ secret: ticketSecret(), registrationId: rows[0].id, eventId: input.activityId, ticketVersion: rows[0].ticket_version }),
        registrationId: rows[0].id,
        activityId: input.activityId,
      }
    },
  }),

  scanTicket: action({
    access: 'signed_in',
    input: ticketScanRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const e = await loadEvent(ctx.db, input.activityId)
      if (!e || e.state === 'draft') throw notFound('活动')
      ensure(can.manageEvents(actor, { id: e.unit_id, districtId: e.district_id }), '只有本活动的组织者可以验票')
      const earlier = await findScan(ctx.db, e.id, input.nonce)
      if (earlier) return toResult(earlier, true)
      const verified = verifyTicket(input.token, { secret: ticketSecret(), eventId: e.id })
      if (!verified.ok) throw tokenError(verified.reason)
      const reg = await ctx.db.query<{ ticket_version: number; user_id: string }>(
        'select ticket_version, user_id from registration where id = $1', [verified.claims.registrationId])
      if (!reg.rows[0]) throw new AppError('NOT_REGISTERED', '找不到该报名')
      if (reg.rows[0].ticket_version !== verified.claims.ticketVersion) throw new AppError('CODE_EXPIRED', '该入场券已被重新签发，请出示最新的入场券')
      checkWindow(e, ctx.now)
      return record(ctx.db, e, {
        registrationId: verified.claims.registrationId, userId: reg.rows[0].user_id, direction: input.direction, method: 'ticket',
        nonce: input.nonce, now: ctx.now, scannedBy: actor.userId,
      })
    },
  }),

  hoursPreview: action({
    access: 'signed_in',
    input: hoursPreviewRequest,
    async handle(input, ctx) {
      const e = await managedEvent(ctx, input.activityId)
      return computeHours(ctx.db, e)
    },
  }),

  closeHours: action({
    access: 'signed_in',
    input: hoursActivityRequest,
    async handle(input, ctx) {
      const e = await managedEvent(ctx, input.activityId)
      if (ctx.now < e.end_at) throw new AppError('CONFLICT', '活动结束后才能汇总时长')
      const preview = await computeHours(ctx.db, e)
      let pending = 0
      let needsReview = 0
      await inTransaction(ctx.db, async (tx) => {
        for (const item of preview.items) {
          for (const d of item.days) {
            // Re-closing refreshes pending entries; approved and declined ones are final.
            const written = await tx.query(
              `insert into service_hours (activity_id, registration_id, user_id, day, minutes, hours, needs_review, flags)
               select $1, $2, user_id, $3, $4, $5, $6, $7 from registration where id = $2
               on conflict (registration_id, day) where kind = 'scan'
               do update set minutes = excluded.minutes, hours = excluded.hours, needs_review = excluded.needs_review, flags = excluded.flags
               where service_hours.status = 'pending'`,
              [e.id, item.registrationId, d.day, d.presentMinutes, d.hours, d.status === 'needs_review', d.flags])
            // Counted only when written: entries already approved or declined are left as they are.
            if (!written.rowCount) continue
            pending++
            if (d.status === 'needs_review') needsReview++
          }
        }
      })
      return { pending, needsReview }
    },
  }),

  confirmHours: action({
    access: 'signed_in',
    input: hoursActivityRequest,
    async handle(input, ctx) {
      const e = await managedEvent(ctx, input.activityId)
      const actor = await requireActor(ctx)
      const approved = await ctx.db.query(
        `update service_hours set status = 'approved', decided_by = $2, decided_at = $3
         where activity_id = $1 and status = 'pending' and not needs_review`, [e.id, actor.userId, ctx.now])
      const left = await ctx.db.query<{ n: number }>(
        "select count(*)::int as n from service_hours where activity_id = $1 and status = 'pending'", [e.id])
      return { approved: approved.rowCount ?? 0, leftForReview: left.rows[0].n }
    },
  }),

  myHours: action({
    access: 'signed_in',
    input: z.strictObject({}).optional(),
    async handle(_input, ctx) {
      const user = await ensureUser(ctx.db, ctx.caller.openid)
      const { rows } = await ctx.db.query<{ id: string; activity_id: string; title: string; day: string; hours: string; minutes: number; status: HoursEntry['status']; needs_review: boolean }>(
        `select h.id, h.activity_id, a.title, to_char(h.day, 'YYYY-MM-DD') as day, h.hours, h.minutes, h.status, h.needs_review
         from service_hours h join activity a on a.id = h.activity_id where h.user_id = $1 order by h.day desc, h.id desc limit 500`, [user.id])
      const entries: HoursEntry[] = rows.map((r) => ({
        id: String(r.id), activityId: r.activity_id, activityTitle: r.title, day: r.day, hours: Number(r.hours), minutes: r.minutes,
        status: r.status, needsReview: r.needs_review,
      }))
      const approved = entries.filter((x) => x.status === 'approved')
      const years = new Map<number, number>()
      for (const x of approved) years.set(Number(x.day.slice(0, 4)), (years.get(Number(x.day.slice(0, 4))) ?? 0) + x.hours)
      return {
        totalHours: approved.reduce((sum, x) => sum + x.hours, 0),
        byYear: [...years.entries()].sort((a, b) => b[0] - a[0]).map(([year, hours]) => ({ year, hours })),
        entries,
      }
    },
  }),
}

export const main = createFunction<CheckinActions>('checkin', actions)
