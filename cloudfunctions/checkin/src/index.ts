/**
 * Cloud function `checkin`: organisers show rotating on-site codes, volunteers scan them to check
 * in and out; each confirmed registration has a personal ticket organisers scan. Every scan carries
 * a client nonce, so repeating one returns the first result and never records twice.
 */
import {
  activityRequest,
  scanRequest,
  siteCodeRequest,
  syncRequest,
  ticketRequest,
  ticketScanRequest,
  walkInRequest,
  type CheckinActions,
  type ScanResult,
  type SyncOutcome,
} from '@api/checkin'
import type { ErrorCode } from '@api/result'
import { createHash } from 'crypto'
import type { Pool } from 'pg'
import QRCode from 'qrcode'
import { placeScan } from '../../../server/domain/checkin/timeline'
import { scanWindow } from '../../../server/domain/checkin/window'
import {
  generateSecret,
  issueSiteCode,
  issueTicket,
  nextRotationAt,
  peekSiteCode,
  shortSiteCode,
  slotOf,
  verifyShortCode,
  verifySiteCode,
  verifyTicket,
  type Direction,
  type TokenFailure,
} from '../../../server/domain/checkin/token'
import { shanghaiClock } from '../../../server/domain/shanghai-time'
import { quotasOf } from '../../../server/domain/signup/rules'
import { eventForOrganiser } from '../../../server/runtime/event-organiser'
import { AppError, notFound } from '../../../server/runtime/errors'
import { action, createFunction, type ActionTable } from '../../../server/runtime/function'
import { closeEventHours } from '../../../server/store/hours'
import {
  findScan,
  notSeatedMessage,
  loadCheckinEvent,
  loadCheckinEventForScan,
  recentScans,
  recordScan,
  type CheckinEvent,
  type ScanRow,
  type ScanToRecord,
} from '../../../server/store/checkin'
import { loadSignupEvent, writeSignup } from '../../../server/store/signups'
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

const windowOf = (e: CheckinEvent, direction: Direction) =>
  scanWindow({ startAt: e.start_at, endAt: e.end_at, opensMinutes: e.checkin_opens_minutes }, direction)

/** Scans of published (or finished) events, within the window of their direction (see window.ts). */
function checkWindow(e: CheckinEvent, now: Date, direction: Direction) {
  if (e.state === 'cancelled') throw new AppError('CHECKIN_CLOSED', '活动已取消')
  const { opensAt, closesAt } = windowOf(e, direction)
  if (now < opensAt) throw new AppError('CHECKIN_CLOSED', `签到将于活动开始前 ${e.checkin_opens_minutes} 分钟开放`)
  if (now >= closesAt)
    throw new AppError(
      'CHECKIN_CLOSED',
      direction === 'in' ? '活动已结束，签到已关闭' : '签退已关闭（活动结束 1 小时后关闭）',
    )
}

const toResult = (r: ScanRow, repeated: boolean): ScanResult => ({
  scanId: String(r.id),
  activityId: r.activity_id,
  direction: r.direction,
  scannedAt: r.scanned_at.toISOString(),
  method: r.method,
  needsReview: r.needs_review,
  person: { nickname: r.nickname, realName: r.real_name },
  repeated,
})

/** Records a scan (see recordScan) and answers it as the API does. */
async function record(pool: Pool, e: CheckinEvent, scan: ScanToRecord): Promise<ScanResult> {
  const { row, repeated } = await recordScan(pool, e, scan)
  return toResult(row, repeated)
}

const ticketDigest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex')

const qrDataUrl = (text: string) => QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: 360 })

/** The event's site-code key, created on first use (a concurrent first use keeps whichever landed first). */
async function siteSecret(db: Db, e: CheckinEvent): Promise<Buffer> {
  if (e.checkin_secret) return e.checkin_secret
  const r = await db.query<{ checkin_secret: Buffer }>(
    'update activity set checkin_secret = coalesce(checkin_secret, $2) where id = $1 returning checkin_secret',
    [e.id, generateSecret()],
  )
  return r.rows[0].checkin_secret
}

/** Verifies a ticket for this event and returns its registration id, or throws the matching refusal. */
async function ticketHolder(db: Db, e: CheckinEvent, token: string): Promise<string> {
  const verified = verifyTicket(token, { secret: ticketSecret(), eventId: e.id })
  if (!verified.ok) throw tokenError(verified.reason)
  const reg = await db.query<{ ticket_version: number }>('select ticket_version from registration where id = $1', [
    verified.claims.registrationId,
  ])
  if (!reg.rows[0]) throw new AppError('NOT_REGISTERED', '找不到该报名')
  if (reg.rows[0].ticket_version !== verified.claims.ticketVersion)
    throw new AppError('CODE_EXPIRED', '该入场券已被重新签发，请出示最新的入场券')
  return verified.claims.registrationId
}

/**
 * Applies one ticket scan queued offline, at its original time. The earliest scan of a ticket
 * in one direction stands: a later one is reported as a conflict (and not recorded); an earlier
 * one arriving after a later one was recorded supersedes it.
 */
async function applySynced(
  pool: Pool,
  e: CheckinEvent,
  scan: { registrationId: string; direction: Direction; nonce: string; at: Date; scannedBy: string },
): Promise<SyncOutcome> {
  const outcome = await inTransaction(pool, async (tx): Promise<SyncOutcome | 'recorded' | 'repeated'> => {
    const reg = await tx.query<{ state: string }>(
      'select state from registration where id = $1 and activity_id = $2 for update',
      [scan.registrationId, e.id],
    )
    if (!reg.rows[0]) return { nonce: scan.nonce, status: 'rejected', code: 'NOT_REGISTERED', message: '找不到该报名' }
    if (
      (await tx.query('select 1 from checkin_scan where activity_id = $1 and nonce = $2', [e.id, scan.nonce])).rowCount
    )
      return 'repeated'
    if (!['confirmed', 'attended'].includes(reg.rows[0].state)) {
      return {
        nonce: scan.nonce,
        status: 'rejected',
        code: 'REGISTRATION_CANCELLED',
        message: notSeatedMessage(reg.rows[0].state),
      }
    }
    const standing = await tx.query<{ id: string; direction: Direction; scanned_at: Date }>(
      'select id, direction, scanned_at from checkin_scan where registration_id = $1 and superseded_by is null',
      [scan.registrationId],
    )
    const placed = placeScan(
      standing.rows.map((r) => ({ id: String(r.id), direction: r.direction, at: r.scanned_at })),
      { direction: scan.direction, at: scan.at },
    )
    if (placed.kind === 'not_checked_in')
      return { nonce: scan.nonce, status: 'rejected', code: 'NOT_CHECKED_IN', message: '签退前没有签到记录' }
    if (placed.kind === 'conflict') {
      const kept = standing.rows.find((r) => String(r.id) === placed.keptId)!
      return {
        nonce: scan.nonce,
        status: 'conflict',
        code: 'CONFLICT',
        message: `该票已于 ${shanghaiClock(kept.scanned_at)} ${scan.direction === 'in' ? '签到' : '签退'}（可能在其他设备），以最早一次为准`,
      }
    }
    const inserted = await tx.query<{ id: string }>(
      `insert into checkin_scan (activity_id, registration_id, user_id, direction, method, scanned_at, nonce, scanned_by, synced)
       select $1, $2, user_id, $3, 'ticket', $4, $5, $6, true from registration where id = $2 returning id`,
      [e.id, scan.registrationId, scan.direction, scan.at, scan.nonce, scan.scannedBy],
    )
    if (placed.supersedes)
      await tx.query('update checkin_scan set superseded_by = $2 where id = $1', [
        placed.supersedes,
        inserted.rows[0].id,
      ])
    if (scan.direction === 'in') {
      await tx.query(
        "update registration set state = 'attended', updated_at = $2 where id = $1 and state = 'confirmed'",
        [scan.registrationId, scan.at],
      )
    }
    return 'recorded'
  })
  if (typeof outcome !== 'string') return outcome
  return {
    nonce: scan.nonce,
    status: outcome,
    scan: toResult((await findScan(pool, e.id, scan.nonce))!, outcome === 'repeated'),
  }
}

const SYNC_FUTURE_SKEW_MS = 2 * MINUTE

export const actions: ActionTable<CheckinActions> = {
  siteCode: action({
    access: 'signed_in',
    input: siteCodeRequest,
    async handle(input, ctx) {
      const { e } = await eventForOrganiser(ctx, input.activityId, '出示签到码')
      checkWindow(e, ctx.now, input.direction)
      const secret = await siteSecret(ctx.db, e)
      const token = issueSiteCode({ secret, eventId: e.id, direction: input.direction, now: ctx.now })
      return {
        token,
        shortCode: shortSiteCode({ secret, eventId: e.id, direction: input.direction, slot: slotOf(ctx.now) }),
        qrDataUrl: await qrDataUrl(token),
        direction: input.direction,
        rotatesAt: nextRotationAt(ctx.now).toISOString(),
        serverNow: ctx.now.toISOString(),
      }
    },
  }),

  scan: action({
    access: 'signed_in',
    input: scanRequest,
    async handle(input, ctx) {
      let e: CheckinEvent | null
      if (input.token !== undefined) {
        const peeked = peekSiteCode(input.token)
        if (!peeked.ok) throw tokenError(peeked.reason)
        e = await loadCheckinEventForScan(ctx.db, peeked.claims.eventId)
        if (!e || !e.checkin_secret) throw tokenError('bad_signature')
      } else {
        e = await loadCheckinEventForScan(ctx.db, input.activityId!)
        if (!e || e.state === 'draft') throw notFound('活动')
        if (!e.checkin_secret) throw new AppError('CODE_INVALID', '签到码不正确')
      }
      const event = e
      try {
        const verified =
          input.token !== undefined
            ? verifySiteCode(input.token, { secret: event.checkin_secret!, eventId: event.id, now: ctx.now })
            : verifyShortCode(input.shortCode, { secret: event.checkin_secret!, eventId: event.id, now: ctx.now })
        if (!verified.ok) {
          if (input.token === undefined)
            throw new AppError('CODE_INVALID', '签到码不正确或已过期，请输入现场最新的 6 位数字')
          throw tokenError(verified.reason)
        }
        checkWindow(event, ctx.now, verified.claims.direction)
        return await record(ctx.db, event, {
          who: { openid: ctx.caller.openid },
          direction: verified.claims.direction,
          method: 'site_code',
          nonce: input.nonce,
          now: ctx.now,
          scannedBy: null,
          location: input.location,
        })
      } catch (err) {
        // A repeated scan answers what the first one did, even after the code has rotated or the
        // window closed. Looked up only on refusal: the happy path checks the nonce in its transaction.
        if (err instanceof AppError) {
          const earlier = await findScan(ctx.db, event.id, input.nonce)
          if (earlier) return toResult(earlier, true)
        }
        throw err
      }
    },
  }),

  ticket: action({
    access: 'signed_in',
    input: ticketRequest,
    async handle(input, ctx) {
      const user = await ensureUser(ctx.db, ctx.caller.openid)
      const { rows } = await ctx.db.query<{ id: string; ticket_version: number }>(
        "select id, ticket_version from registration where activity_id = $1 and user_id = $2 and state in ('confirmed', 'attended')",
        [input.activityId, user.id],
      )
      if (!rows[0]) throw new AppError('NOT_REGISTERED', '只有报名成功的活动才有入场券')
      const token = issueTicket({
        secret: ticketSecret(),
        registrationId: rows[0].id,
        eventId: input.activityId,
        ticketVersion: rows[0].ticket_version,
      })
      return { token, qrDataUrl: await qrDataUrl(token), registrationId: rows[0].id, activityId: input.activityId }
    },
  }),

  scanTicket: action({
    access: 'signed_in',
    input: ticketScanRequest,
    async handle(input, ctx) {
      const { actor, e } = await eventForOrganiser(ctx, input.activityId, '验票')
      const earlier = await findScan(ctx.db, e.id, input.nonce)
      if (earlier) return toResult(earlier, true)
      const holder = await ticketHolder(ctx.db, e, input.token)
      checkWindow(e, ctx.now, input.direction)
      return record(ctx.db, e, {
        who: { registrationId: holder },
        direction: input.direction,
        method: 'ticket',
        nonce: input.nonce,
        now: ctx.now,
        scannedBy: actor.userId,
      })
    },
  }),

  mine: action({
    access: 'signed_in',
    input: activityRequest,
    async handle(input, ctx) {
      const user = await ensureUser(ctx.db, ctx.caller.openid)
      const e = await loadCheckinEvent(ctx.db, input.activityId)
      if (!e || e.state === 'draft') throw notFound('活动')
      const { rows } = await ctx.db.query<{
        direction: Direction | null
        scanned_at: Date | null
        registered: boolean
      }>(
        `select r.id is not null as registered, s.direction, s.scanned_at
         from (select 1) one
         left join registration r on r.activity_id = $1 and r.user_id = $2 and r.state in ('confirmed', 'attended')
         left join lateral (select direction, scanned_at from checkin_scan where registration_id = r.id and superseded_by is null
                            order by scanned_at desc, id desc limit 1) s on true`,
        [e.id, user.id],
      )
      // The window of what I would do next: check out after a check-in, else check in.
      const { opensAt, closesAt } = windowOf(e, rows[0].direction === 'in' ? 'out' : 'in')
      return {
        activityId: e.id,
        registered: rows[0].registered,
        lastDirection: rows[0].direction,
        lastScanAt: rows[0].scanned_at?.toISOString() ?? null,
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        open: e.state !== 'cancelled' && ctx.now >= opensAt && ctx.now < closesAt,
      }
    },
  }),

  board: action({
    access: 'signed_in',
    input: activityRequest,
    async handle(input, ctx) {
      const { e } = await eventForOrganiser(ctx, input.activityId, '查看签到情况')
      const { rows } = await ctx.db.query<{
        confirmed: number
        checked_in: number
        checked_out: number
        needs_review: number
      }>(
        `select (select count(*)::int from registration where activity_id = $1 and state in ('confirmed', 'attended')) as confirmed,
                count(*) filter (where last.direction is not null)::int as checked_in,
                count(*) filter (where last.direction = 'out')::int as checked_out,
                (select count(*)::int from checkin_scan where activity_id = $1 and needs_review and superseded_by is null) as needs_review
         from (select distinct on (registration_id) direction from checkin_scan
               where activity_id = $1 and superseded_by is null order by registration_id, scanned_at desc, id desc) last`,
        [e.id],
      )
      const r = rows[0]
      return {
        activityId: e.id,
        confirmed: r.confirmed,
        checkedIn: r.checked_in,
        checkedOut: r.checked_out,
        needsReview: r.needs_review,
        recent: (await recentScans(ctx.db, e.id, 20)).map((x) => toResult(x, false)),
      }
    },
  }),

  offlineRoster: action({
    access: 'signed_in',
    input: activityRequest,
    async handle(input, ctx) {
      const { e } = await eventForOrganiser(ctx, input.activityId, '下载验票名单')
      const { rows } = await ctx.db.query<{
        id: string
        ticket_version: number
        name: string
        state: 'confirmed' | 'attended'
        direction: Direction | null
      }>(
        `select r.id, r.ticket_version, coalesce(u.real_name, u.nickname) as name, r.state, s.direction
         from registration r join app_user u on u.id = r.user_id
         left join lateral (select direction from checkin_scan where registration_id = r.id and superseded_by is null
                            order by scanned_at desc, id desc limit 1) s on true
         where r.activity_id = $1 and r.state in ('confirmed', 'attended') order by r.created_at, r.id`,
        [e.id],
      )
      const secret = ticketSecret()
      return {
        activityId: e.id,
        generatedAt: ctx.now.toISOString(),
        opensAt: windowOf(e, 'in').opensAt.toISOString(),
        closesAt: windowOf(e, 'out').closesAt.toISOString(),
        entries: rows.map((r) => ({
          registrationId: r.id,
          ticketDigest: ticketDigest(
            issueTicket({ secret, registrationId: r.id, eventId: e.id, ticketVersion: r.ticket_version }),
          ),
          name: r.name,
          state: r.state,
          lastDirection: r.direction,
        })),
      }
    },
  }),

  syncTicketScans: action({
    access: 'signed_in',
    input: syncRequest,
    async handle(input, ctx) {
      const { actor, e } = await eventForOrganiser(ctx, input.activityId, '同步验票记录')
      // In the order they happened, whatever order the device sent them in.
      const scans = [...input.scans].sort((a, b) => Date.parse(a.scannedAt) - Date.parse(b.scannedAt))
      const outcomes = new Map<string, SyncOutcome>()
      for (const s of scans) {
        if (outcomes.has(s.nonce)) continue // the same nonce twice in one batch: one outcome
        const reject = (code: Exclude<ErrorCode, 'INTERNAL'>, message: string) =>
          outcomes.set(s.nonce, { nonce: s.nonce, status: 'rejected', code, message })
        const earlier = await findScan(ctx.db, e.id, s.nonce)
        if (earlier) {
          outcomes.set(s.nonce, { nonce: s.nonce, status: 'repeated', scan: toResult(earlier, true) })
          continue
        }
        const at = new Date(s.scannedAt)
        if (at.getTime() > ctx.now.getTime() + SYNC_FUTURE_SKEW_MS) {
          reject('INVALID_INPUT', '扫描时间晚于当前时间，请检查手机时间')
          continue
        }
        const { opensAt, closesAt } = windowOf(e, s.direction)
        if (at < opensAt || at >= closesAt || e.state === 'cancelled') {
          reject('CHECKIN_CLOSED', '扫描时间不在签到时段内')
          continue
        }
        try {
          const holder = await ticketHolder(ctx.db, e, s.token)
          outcomes.set(
            s.nonce,
            await applySynced(ctx.db, e, {
              registrationId: holder,
              direction: s.direction,
              nonce: s.nonce,
              at,
              scannedBy: actor.userId,
            }),
          )
        } catch (err) {
          if (err instanceof AppError) reject(err.code, err.message)
          else if (pgCode(err) === PG.uniqueViolation) {
            const first = await findScan(ctx.db, e.id, s.nonce)
            if (!first) throw err
            outcomes.set(s.nonce, { nonce: s.nonce, status: 'repeated', scan: toResult(first, true) })
          } else throw err
        }
      }
      const list = input.scans.map((s) => outcomes.get(s.nonce)!)
      const count = (status: SyncOutcome['status']) => [...outcomes.values()].filter((o) => o.status === status).length
      // Scans synced after hours were closed: refresh the pending entries they change.
      if (count('recorded') > 0 && e.hours_closed_at && ctx.now >= e.end_at) {
        await inTransaction(ctx.db, (tx) => closeEventHours(tx, e, ctx.now, actor.userId))
      }
      return {
        outcomes: list,
        recorded: count('recorded'),
        repeated: count('repeated'),
        conflicts: count('conflict'),
        rejected: count('rejected'),
      }
    },
  }),

  walkIn: action({
    access: 'signed_in',
    input: walkInRequest,
    async handle(input, ctx) {
      const { actor, e } = await eventForOrganiser(ctx, input.activityId, '登记现场报名')
      const earlier = await findScan(ctx.db, e.id, input.nonce)
      if (earlier) return toResult(earlier, true)
      checkWindow(e, ctx.now, 'in')
      const digits = input.phone.replace(/\D/g, '')
      const person = await ctx.db.query<{ id: string }>(
        "select id from app_user where regexp_replace(phone, '\\D', '', 'g') = $1 order by created_at limit 2",
        [digits],
      )
      if (person.rows.length === 0)
        throw new AppError('NOT_FOUND', '没有找到填写了该手机号的青聚用户，请对方先在「我的 · 个人资料」中填写手机号')
      if (person.rows.length > 1) throw new AppError('CONFLICT', '该手机号对应多位用户，请让对方出示入场券或自行扫码')
      const userId = person.rows[0].id
      const signupEvent = (await loadSignupEvent(ctx.db, e.id))!
      const existing = await ctx.db.query<{ id: string; state: string }>(
        "select id, state from registration where activity_id = $1 and user_id = $2 and state in ('confirmed', 'attended')",
        [e.id, userId],
      )
      let registrationId = existing.rows[0]?.id ?? null
      if (!registrationId) {
        // Seats only: a walk-in never jumps a waiting line (writeSignup refuses a seat while anyone waits).
        for (const q of quotasOf(signupEvent.settings, signupEvent.capacity)) {
          try {
            const reg = await writeSignup(ctx.db, {
              activityId: e.id,
              userId,
              quotaKey: q.key,
              idempotencyKey: `walk-in:${input.nonce}`,
              answers: {},
              remind: false,
              now: ctx.now,
              mode: { kind: 'seat', waitlist: false },
            })
            if (reg) {
              registrationId = reg.id
              break
            }
          } catch (err) {
            if (pgCode(err) === PG.uniqueViolation)
              throw new AppError('ALREADY_REGISTERED', '对方已报名本活动（候补或待审核中），请在名单中处理')
            throw err
          }
        }
        if (!registrationId) throw new AppError('FULL', '名额已满，无法现场报名')
      }
      return record(ctx.db, e, {
        who: { registrationId },
        direction: 'in',
        method: 'walk_in',
        nonce: input.nonce,
        now: ctx.now,
        scannedBy: actor.userId,
      })
    },
  }),
}

export const main = createFunction<CheckinActions>('checkin', actions)
