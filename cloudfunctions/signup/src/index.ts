/**
 * Cloud function `signup`: the sign-up engine. Capacity is enforced in the database (conditional
 * seat updates under the event's row lock, CHECK constraints behind them); every tap carries an
 * idempotency key; freed seats pass to the next in line by the event's promotion setting.
 */
import { randomBytes } from 'crypto'
import {
  ACTIVE_STATES,
  type DrawResult,
  type Registration,
  attendanceRequest,
  decideRequest,
  drawRequest,
  exportRosterRequest,
  moveQuotaRequest,
  myListRequest,
  pickRequest,
  profileUpdateRequest,
  registrationIdRequest,
  rosterRequest,
  settingsUpdateRequest,
  signupRequest,
  type MyRegistration,
  type Profile,
  type RegistrationState,
  type SignupActions,
  type SignupSummary,
} from '@api/signup'
import * as z from 'zod'
import { templates } from '../../../server/config'
import { activityPhase } from '../../../server/domain/activity-phase'
import { decodeCursor, encodeCursor } from '../../../server/domain/cursor'
import { can, ensure } from '../../../server/domain/policy'
import { drawOrder } from '../../../server/domain/signup/draw'
import {
  attendanceRate,
  checkEligibility,
  checkSettings,
  checkSignupWindow,
  canSelfCancel,
  offerExpiry,
  quotasOf,
  readAnswers,
} from '../../../server/domain/signup/rules'
import { requireActor } from '../../../server/app/actor'
import { sendNotices } from '../../../server/app/notify'
import { AppError, invalidInput, notFound } from '../../../server/runtime/errors'
import { action, createFunction, type ActionContext, type ActionTable } from '../../../server/runtime/function'
import {
  attendanceCounts,
  closeStartedLines,
  findRegistration,
  findReplay,
  loadPerson,
  loadSignupContext,
  loadSignupEvent,
  placeFromAhead,
  quotasToSettle,
  settleFreedSeats,
  cachedSignupEvent,
  forgetSignupEvent,
  writeSignupAs,
  type SignupWrite,
  type WrittenSignup,
  REG_COLUMNS,
  lockQuota,
  noticeFor,
  waitingIn,
  promoteWaiting,
  releaseSeat,
  setRegistrationState,
  takeSeat,
  toRegistration,
  toRosterEntry,
  writeSignup,
  type Notice,
  type RegistrationRow,
  type SignupEvent,
} from '../../../server/store/signups'
import { PG, inTransaction, pgCode, withConnection, type Db } from '../../../server/store/tx'
import { ensureUser } from '../../../server/store/users'
import { writeRosterSheet } from '../../../server/xlsx/roster-sheet'

const HOLDS_SEAT: RegistrationState[] = ['offered', 'confirmed']
const REMINDER_HOURS = 24

async function eventOrNotFound(db: Db, id: string, lock = false): Promise<SignupEvent> {
  const event = await loadSignupEvent(db, id, lock)
  if (!event || event.state === 'draft') throw notFound('活动')
  return event
}

/** The registration and its event, for a caller who must manage the event. */
async function managedRegistration(
  ctx: ActionContext & { caller: NonNullable<ActionContext['caller']> },
  tx: Db,
  registrationId: string,
) {
  const actor = await requireActor(ctx)
  const peek = await findRegistration(tx, registrationId)
  if (!peek) throw notFound('报名记录')
  const event = (await loadSignupEvent(tx, peek.activity_id, true))!
  ensure(can.manageEvents(actor, { id: event.unitId, districtId: event.districtId }), '只有本活动的组织者可以操作报名')
  const reg = (await findRegistration(tx, registrationId, true))!
  return { actor, event, reg }
}

/**
 * An organiser's change to one registration: in one transaction with the event locked, then the
 * notices it produced are sent, and the updated roster entry is answered.
 */
async function changeRegistration(
  ctx: ActionContext & { caller: NonNullable<ActionContext['caller']> },
  registrationId: string,
  change: (tx: Db, event: SignupEvent, reg: RegistrationRow) => Promise<Notice[]>,
) {
  const { reg, event, notices } = await inTransaction(ctx.db, async (tx) => {
    const { event: e, reg: r } = await managedRegistration(ctx, tx, registrationId)
    const produced = await change(tx, e, r)
    return { reg: (await findRegistration(tx, r.id))!, event: e, notices: produced }
  })
  await sendNotices(ctx, notices)
  return toRosterEntry(ctx.db, reg, event, ctx.now, true)
}

/**
 * The owner's change to their own registration (cancel, accept or decline an offer): someone else's
 * id is NOT_FOUND; the event row is locked first, as everywhere, then the registration.
 */
async function changeOwnRegistration(
  ctx: ActionContext & { caller: NonNullable<ActionContext['caller']> },
  registrationId: string,
  change: (tx: Db, event: SignupEvent, reg: RegistrationRow) => Promise<Notice[]>,
): Promise<Registration> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  const { reg, event, notices } = await inTransaction(ctx.db, async (tx) => {
    const peek = await findRegistration(tx, registrationId)
    if (!peek || peek.user_id !== user.id) throw notFound('报名记录')
    const e = (await loadSignupEvent(tx, peek.activity_id, true))!
    const r = (await findRegistration(tx, peek.id, true))!
    const produced = await change(tx, e, r)
    return { reg: (await findRegistration(tx, r.id))!, event: e, notices: produced }
  })
  await sendNotices(ctx, notices)
  return toRegistration(ctx.db, reg, event, ctx.now)
}

/** Releases a held seat and passes it on; returns the notices to send after commit. */
async function freeSeat(tx: Db, event: SignupEvent, reg: RegistrationRow, now: Date): Promise<Notice[]> {
  if (!HOLDS_SEAT.includes(reg.state)) return []
  await lockQuota(tx, event.id, reg.quota_key)
  await releaseSeat(tx, event.id, reg.quota_key)
  return promoteWaiting(tx, event, reg.quota_key, now)
}

async function summaryOf(db: Db, event: SignupEvent): Promise<SignupSummary> {
  const [quotas, counts, draw] = await Promise.all([
    db.query<{ key: string; capacity: number; taken: number; waiting: number }>(
      `select q.key, q.capacity, q.taken,
         (select count(*)::int from registration r where r.activity_id = q.activity_id and r.quota_key = q.key and r.state = 'waitlisted') as waiting
       from signup_quota q where q.activity_id = $1`,
      [event.id],
    ),
    db.query<{ state: RegistrationState; n: number }>(
      'select state, count(*)::int as n from registration where activity_id = $1 group by state',
      [event.id],
    ),
    db.query<{ result: DrawResult }>('select result from signup_draw where activity_id = $1 order by id desc limit 1', [
      event.id,
    ]),
  ])
  // Quotas in the order the question lists its options (男 before 女 as the organiser wrote them).
  const order = event.settings.quotas.map((q) => q.key)
  return {
    activityId: event.id,
    capacity: event.capacity,
    quotas: quotas.rows.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)),
    counts: Object.fromEntries(counts.rows.map((r) => [r.state, r.n])),
    settings: event.settings,
    lastDraw: draw.rows[0]?.result ?? null,
  }
}

async function profileOf(db: Db, userId: string, now: Date): Promise<Profile> {
  const p = await loadPerson(db, userId)
  const c = (await attendanceCounts(db, [userId], now)).get(userId) ?? { attended: 0, noShows: 0 }
  return {
    realName: p.real_name,
    phone: p.phone,
    birthDate: p.birth_date,
    gender: p.gender,
    leagueMember: p.league_member,
    idType: p.id_type,
    attendanceRate: attendanceRate(c.attended, c.noShows),
    attended: c.attended,
    noShows: c.noShows,
  }
}

/** How a sign-up for this event is recorded: a seat (first come), or a state awaiting a decision. */
function modeOf(event: SignupEvent): SignupWrite['mode'] {
  const { settings } = event
  return settings.allocation === 'select'
    ? { kind: 'fixed', state: 'applied' }
    : settings.approvalRequired
      ? { kind: 'fixed', state: 'pending' }
      : { kind: 'seat', waitlist: settings.waitlist }
}

function needsPersonRecord(event: SignupEvent): boolean {
  const rules = event.settings.eligibility
  return rules.leagueMembersOnly || rules.minAge !== null || rules.maxAge !== null || rules.minAttendanceRate !== null
}

/** The answer to a sign-up that wrote (or found no seat and no line: FULL); messages to send go to `notices`. */
async function answerWritten(
  db: Db,
  ctx: ActionContext,
  event: SignupEvent,
  reg: WrittenSignup | null,
  notices: Notice[],
): Promise<Registration> {
  if (!reg) throw new AppError('FULL', '名额已满')
  if (reg.seat_free_now) {
    // A release freed a seat while this sign-up decided "full": pass it to the first in line.
    const promoted = await settleFreedSeats(db, event, reg.quota_key, ctx.now)
    if (promoted.length) {
      notices.push(...promoted)
      return toRegistration(db, (await findRegistration(db, reg.id))!, event, ctx.now) // possibly promoted just now
    }
  }
  return toRegistration(db, reg, event, ctx.now, placeFromAhead(reg))
}

/** A retry answers what the first call with its key got, with the place in line as it is now; null if the key is unused. */
async function answerReplay(
  db: Db,
  ctx: ActionContext,
  userId: string,
  idempotencyKey: string,
  known: SignupEvent | null,
): Promise<Registration | null> {
  const earlier = await findReplay(db, userId, idempotencyKey)
  if (!earlier) return null
  const event = earlier.activity_id === known?.id ? known : (await loadSignupEvent(db, earlier.activity_id))!
  return toRegistration(db, earlier, event, ctx.now, placeFromAhead(earlier))
}

/**
 * The common sign-up in one round trip: the event from this instance's 5-second cache, checked
 * here, and one guarded statement that writes only if all it relies on still holds (`writeSignupAs`);
 * a retry after its first call committed is answered with one more read. Null sends the call down
 * the full path, which reads everything and gives every other answer: a first contact, a rejection,
 * a changed event, rules that need the person's record, or input refused here (the full path
 * answers a replay before any refusal).
 */
async function guardedSignup(
  db: Db,
  ctx: ActionContext & { caller: NonNullable<ActionContext['caller']> },
  input: z.infer<typeof signupRequest>,
  notices: Notice[],
): Promise<Registration | null> {
  const seen = await cachedSignupEvent(db, input.activityId)
  if (!seen || needsPersonRecord(seen.event)) return null
  const { event } = seen
  let checked: ReturnType<typeof readAnswers>
  try {
    checkSignupWindow(event, ctx.now)
    checked = readAnswers(event.settings, input.answers)
  } catch {
    return null
  }
  let written: Awaited<ReturnType<typeof writeSignupAs>>
  try {
    written = await writeSignupAs(db, {
      activityId: event.id,
      openid: ctx.caller.openid,
      seen,
      quotaKey: checked.quotaKey,
      idempotencyKey: input.idempotencyKey,
      answers: checked.answers,
      remind: input.remind,
      now: ctx.now,
      mode: modeOf(event),
    })
  } catch (err) {
    // A retry racing its first call, or a quota that is gone: the full path answers both.
    if (pgCode(err) === PG.uniqueViolation || pgCode(err) === PG.foreignKeyViolation) return null
    throw err
  }
  switch (written.outcome) {
    case 'written':
    case 'full':
      return answerWritten(db, ctx, event, written.reg, notices)
    case 'replay':
      return answerReplay(db, ctx, written.userId!, input.idempotencyKey, event)
    case 'stale':
      forgetSignupEvent(event.id)
      return null
    default:
      return null
  }
}

export const actions: ActionTable<SignupActions> = {
  summary: action({
    access: 'public',
    input: z.strictObject({ activityId: z.uuid() }),
    async handle(input, ctx) {
      const event = await loadSignupEvent(ctx.db, input.activityId)
      if (!event) throw notFound('活动')
      // A draft's settings are readable by the people preparing it, and by no one else.
      if (event.state === 'draft') {
        const actor = ctx.caller ? await requireActor({ ...ctx, caller: ctx.caller }) : null
        if (!can.manageEvents(actor, { id: event.unitId, districtId: event.districtId })) throw notFound('活动')
      }
      return summaryOf(ctx.db, event)
    },
  }),

  settings: action({
    access: 'signed_in',
    input: settingsUpdateRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const event = await inTransaction(ctx.db, async (tx) => {
        const e = await loadSignupEvent(tx, input.activityId, true)
        if (!e) throw notFound('活动')
        ensure(
          can.manageEvents(actor, { id: e.unitId, districtId: e.districtId }),
          '只有本活动的组织者可以修改报名设置',
        )
        if (e.state === 'cancelled' || e.state === 'finished')
          throw new AppError('CONFLICT', '活动已结束或已取消，不能修改报名设置')
        checkSettings(input.settings, e.capacity)
        const existing = await tx.query<{ key: string; taken: number }>(
          'select key, taken from signup_quota where activity_id = $1 for update',
          [e.id],
        )
        const next = quotasOf(input.settings, e.capacity)
        for (const q of existing.rows) {
          const target = next.find((n) => n.key === q.key)
          const used = await tx.query('select 1 from registration where activity_id = $1 and quota_key = $2 limit 1', [
            e.id,
            q.key,
          ])
          if (!target && used.rowCount) throw new AppError('CONFLICT', `配额「${q.key || '全部'}」已有报名，不能删除`)
          if (target && target.capacity < q.taken)
            throw new AppError('CONFLICT', `配额「${q.key || '全部'}」已占用 ${q.taken} 个名额，不能少于此数`)
          if (!target) await tx.query('delete from signup_quota where activity_id = $1 and key = $2', [e.id, q.key])
        }
        for (const q of next) {
          await tx.query(
            `insert into signup_quota (activity_id, key, capacity) values ($1, $2, $3)
             on conflict (activity_id, key) do update set capacity = excluded.capacity`,
            [e.id, q.key, q.capacity],
          )
        }
        await tx.query('update activity set signup_settings = $2 where id = $1', [e.id, JSON.stringify(input.settings)])
        const updated = { ...e, settings: input.settings }
        const notices: Notice[] = []
        for (const q of next) notices.push(...(await promoteWaiting(tx, updated, q.key, ctx.now)))
        return { updated, notices }
      })
      await sendNotices(ctx, event.notices)
      return summaryOf(ctx.db, event.updated)
    },
  }),

  signup: action({
    access: 'signed_in',
    input: signupRequest,
    async handle(input, ctx) {
      // One connection for the whole sign-up: it waits for the pool once, not once per query.
      // Messages go out after it is back in the pool.
      const notices: Notice[] = []
      const answer = await withConnection(ctx.db, async (db) => {
        const quick = await guardedSignup(db, ctx, input, notices)
        if (quick) return quick
        // The full path. One read for who is calling, a replay of this key, an earlier rejection and the event.
        let known = await loadSignupContext(db, ctx.caller.openid, input.activityId, input.idempotencyKey)
        if (!known) {
          await ensureUser(db, ctx.caller.openid) // first contact
          known = (await loadSignupContext(db, ctx.caller.openid, input.activityId, input.idempotencyKey))!
        }
        const { userId } = known
        if (known.replayed) return (await answerReplay(db, ctx, userId, input.idempotencyKey, known.event))!

        const event = known.event
        if (!event || event.state === 'draft') throw notFound('活动')
        if (event.state !== 'published')
          throw new AppError('SIGNUP_CLOSED', event.state === 'cancelled' ? '活动已取消' : '活动已结束')
        checkSignupWindow(event, ctx.now)
        const { answers, quotaKey } = readAnswers(event.settings, input.answers)
        if (known.rejected) throw new AppError('NOT_ELIGIBLE', '你的报名未通过组织者审核，如有疑问请联系组织者')
        if (needsPersonRecord(event)) {
          // Only events with conditions pay for reading the person's record (one connection: in turn).
          const person = await loadPerson(db, userId)
          const counts = await attendanceCounts(db, [userId], ctx.now)
          const c = counts.get(userId) ?? { attended: 0, noShows: 0 }
          checkEligibility(
            {
              birthDate: person.birth_date,
              leagueMember: person.league_member,
              attendanceRate: attendanceRate(c.attended, c.noShows),
            },
            event.settings,
            event.startAt,
          )
        }

        let reg: WrittenSignup | null
        try {
          reg = await writeSignup(db, {
            activityId: event.id,
            userId,
            quotaKey,
            idempotencyKey: input.idempotencyKey,
            answers,
            remind: input.remind,
            now: ctx.now,
            mode: modeOf(event),
          })
        } catch (err) {
          if (pgCode(err) === PG.uniqueViolation) {
            // A retry that raced the first call: answer what the first call got.
            const same = await answerReplay(db, ctx, userId, input.idempotencyKey, event)
            if (same) return same
            throw new AppError('ALREADY_REGISTERED', '你已报名该活动')
          }
          if (pgCode(err) === PG.foreignKeyViolation) throw invalidInput('没有这个名额分组', { quotaKey: '取值无效' })
          throw err
        }
        return answerWritten(db, ctx, event, reg, notices)
      })
      await sendNotices(ctx, notices)
      return answer
    },
  }),

  cancel: action({
    access: 'signed_in',
    input: registrationIdRequest,
    async handle(input, ctx) {
      return changeOwnRegistration(ctx, input.registrationId, async (tx, e, r) => {
        if (!canSelfCancel(r.state, e, e.settings, ctx.now)) {
          throw new AppError(
            'DEADLINE_PASSED',
            ['confirmed', 'offered'].includes(r.state)
              ? `活动开始前 ${e.settings.cancelDeadlineHours} 小时内不能自行取消，请联系组织者`
              : '当前状态不能取消',
          )
        }
        const freed = await freeSeat(tx, e, r, ctx.now)
        await setRegistrationState(tx, r.id, 'cancelled', ctx.now, { reason: '本人取消' })
        return freed
      })
    },
  }),

  acceptOffer: action({
    access: 'signed_in',
    input: registrationIdRequest,
    async handle(input, ctx) {
      return changeOwnRegistration(ctx, input.registrationId, async (tx, _e, r) => {
        if (r.state !== 'offered') throw new AppError('CONFLICT', '没有待确认的名额')
        if (r.offer_expires_at && r.offer_expires_at <= ctx.now)
          throw new AppError('DEADLINE_PASSED', '确认时间已过，名额已让给下一位')
        await setRegistrationState(tx, r.id, 'confirmed', ctx.now)
        return []
      })
    },
  }),

  declineOffer: action({
    access: 'signed_in',
    input: registrationIdRequest,
    async handle(input, ctx) {
      return changeOwnRegistration(ctx, input.registrationId, async (tx, e, r) => {
        if (r.state !== 'offered') throw new AppError('CONFLICT', '没有待确认的名额')
        const freed = await freeSeat(tx, e, r, ctx.now)
        await setRegistrationState(tx, r.id, 'declined', ctx.now, { reason: '本人放弃' })
        return freed
      })
    },
  }),

  mine: action({
    access: 'signed_in',
    input: z.strictObject({ activityId: z.uuid() }),
    async handle(input, ctx) {
      const user = await ensureUser(ctx.db, ctx.caller.openid)
      const { rows } = await ctx.db.query<{ id: string }>(
        `select id from registration where activity_id = $1 and user_id = $2
         order by (state in ('applied', 'pending', 'offered', 'confirmed', 'waitlisted')) desc, created_at desc limit 1`,
        [input.activityId, user.id],
      )
      if (!rows[0]) return null
      const reg = (await findRegistration(ctx.db, rows[0].id))!
      return toRegistration(ctx.db, reg, (await loadSignupEvent(ctx.db, reg.activity_id))!, ctx.now)
    },
  }),

  myList: action({
    access: 'signed_in',
    input: myListRequest.default({ tab: 'upcoming' }),
    async handle(input, ctx) {
      const user = await ensureUser(ctx.db, ctx.caller.openid)
      const where = {
        // Checked in (attended) but not over yet: still current, with the ticket for checking out.
        upcoming:
          "r.state in ('applied', 'pending', 'offered', 'confirmed', 'attended') and a.end_at > $2 and a.state = 'published'",
        waitlist: "r.state = 'waitlisted' and a.end_at > $2",
        past: "(a.end_at <= $2 or a.state in ('cancelled', 'finished') or r.state not in ('applied', 'pending', 'offered', 'confirmed', 'waitlisted', 'attended'))",
      }[input.tab]
      const order = input.tab === 'past' ? 'a.start_at desc' : 'a.start_at'
      const { rows } = await ctx.db.query<{ id: string }>(
        `select r.id from registration r join activity a on a.id = r.activity_id where r.user_id = $1 and ${where} order by ${order} limit 100`,
        [user.id, ctx.now],
      )
      const items: MyRegistration[] = []
      for (const { id } of rows) {
        const reg = (await findRegistration(ctx.db, id))!
        const event = (await loadSignupEvent(ctx.db, reg.activity_id))!
        const a = await ctx.db.query<{ place_name: string; unit_name: string }>(
          'select a.place_name, u.name as unit_name from activity a join org_unit u on u.id = a.unit_id where a.id = $1',
          [event.id],
        )
        items.push({
          ...(await toRegistration(ctx.db, reg, event, ctx.now)),
          activity: {
            id: event.id,
            title: event.title,
            startAt: event.startAt.toISOString(),
            endAt: event.endAt.toISOString(),
            placeName: a.rows[0].place_name,
            unitName: a.rows[0].unit_name,
            phase: activityPhase(event, ctx.now),
          },
        })
      }
      return { items }
    },
  }),

  profile: action({
    access: 'signed_in',
    input: z.strictObject({}).optional(),
    async handle(_input, ctx) {
      const user = await ensureUser(ctx.db, ctx.caller.openid)
      return profileOf(ctx.db, user.id, ctx.now)
    },
  }),

  updateProfile: action({
    access: 'signed_in',
    input: profileUpdateRequest,
    async handle(input, ctx) {
      const user = await ensureUser(ctx.db, ctx.caller.openid)
      if (input.birthDate && (input.birthDate > ctx.now.toISOString().slice(0, 10) || input.birthDate < '1900-01-01')) {
        throw invalidInput('出生日期无效', { birthDate: '取值无效' })
      }
      await ctx.db.query(
        `update app_user set real_name = coalesce($2, real_name), phone = coalesce($3, phone), birth_date = coalesce($4::date, birth_date),
           gender = coalesce($5, gender), league_member = coalesce($6, league_member), id_type = coalesce($7, id_type) where id = $1`,
        [
          user.id,
          input.realName ?? null,
          input.phone ?? null,
          input.birthDate ?? null,
          input.gender ?? null,
          input.leagueMember ?? null,
          input.idType ?? null,
        ],
      )
      return profileOf(ctx.db, user.id, ctx.now)
    },
  }),

  roster: action({
    access: 'signed_in',
    input: rosterRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const event = await eventOrNotFound(ctx.db, input.activityId)
      ensure(
        can.manageEvents(actor, { id: event.unitId, districtId: event.districtId }),
        '只有本活动的组织者可以查看报名名单',
      )
      const after = input.cursor ? decodeCursor(input.cursor) : undefined
      if (after === null) throw invalidInput('分页参数无效', { cursor: '格式不正确' })
      const params: unknown[] = [event.id]
      const where = ['activity_id = $1']
      if (input.state) {
        params.push(input.state)
        where.push(`state = $${params.length}`)
      }
      if (input.quotaKey !== undefined) {
        params.push(input.quotaKey)
        where.push(`quota_key = $${params.length}`)
      }
      if (after) {
        params.push(after.startAt, after.id)
        where.push(`(created_at, id) > ($${params.length - 1}, $${params.length})`)
      }
      params.push(input.limit + 1)
      const { rows } = await ctx.db.query<RegistrationRow>(
        `select ${REG_COLUMNS} from registration where ${where.join(' and ')} order by created_at, id limit $${params.length}`,
        params,
      )
      const page = rows.slice(0, input.limit)
      const items = []
      for (const r of page) items.push(await toRosterEntry(ctx.db, r, event, ctx.now, true))
      const last = rows.length > input.limit ? page[page.length - 1] : null
      return { items, nextCursor: last ? encodeCursor({ startAt: last.created_at, id: last.id }) : null }
    },
  }),

  decide: action({
    access: 'signed_in',
    input: decideRequest,
    async handle(input, ctx) {
      if (input.decision === 'reject' && !input.reason) throw invalidInput('请填写原因', { reason: '不能为空' })
      return changeRegistration(ctx, input.registrationId, async (tx, e, r) => {
        if (input.decision === 'approve') {
          if (r.state !== 'pending') throw new AppError('CONFLICT', '只有待审核的报名可以通过')
          await lockQuota(tx, e.id, r.quota_key)
          if ((await waitingIn(tx, e.id, r.quota_key)) === 0 && (await takeSeat(tx, e.id, r.quota_key))) {
            await setRegistrationState(tx, r.id, 'confirmed', ctx.now)
            return [await noticeFor(tx, r.user_id, e, '报名成功', '审核已通过，请准时参加')]
          }
          if (!e.settings.waitlist) throw new AppError('FULL', '名额已满，无法通过')
          await setRegistrationState(tx, r.id, 'waitlisted', ctx.now)
          return [await noticeFor(tx, r.user_id, e, '审核通过·候补', '名额已满，已为你排队候补')]
        }
        if (!ACTIVE_STATES.includes(r.state)) throw new AppError('CONFLICT', '该报名已结束')
        const freed = await freeSeat(tx, e, r, ctx.now)
        const state = ['pending', 'applied', 'waitlisted'].includes(r.state) ? 'rejected' : 'cancelled'
        await setRegistrationState(tx, r.id, state, ctx.now, { reason: input.reason ?? null })
        return [
          ...freed,
          await noticeFor(tx, r.user_id, e, state === 'rejected' ? '报名未通过' : '报名已取消', input.reason ?? ''),
        ]
      })
    },
  }),

  moveQuota: action({
    access: 'signed_in',
    input: moveQuotaRequest,
    async handle(input, ctx) {
      return changeRegistration(ctx, input.registrationId, async (tx, e, r) => {
        if (r.quota_key === input.quotaKey) return []
        if (!ACTIVE_STATES.includes(r.state)) throw new AppError('CONFLICT', '该报名已结束')
        if (!(await lockQuota(tx, e.id, input.quotaKey)))
          throw invalidInput('没有这个名额分组', { quotaKey: '取值无效' })
        const holdsSeat = HOLDS_SEAT.includes(r.state)
        if (holdsSeat && !(await takeSeat(tx, e.id, input.quotaKey)))
          throw new AppError('FULL', `「${input.quotaKey}」名额已满`)
        await setRegistrationState(tx, r.id, r.state, ctx.now, {
          quotaKey: input.quotaKey,
          offerExpiresAt: r.offer_expires_at,
        })
        // The seat left behind (r still names the old quota) goes to that quota's line.
        return holdsSeat ? freeSeat(tx, e, r, ctx.now) : []
      })
    },
  }),

  promote: action({
    access: 'signed_in',
    input: registrationIdRequest,
    async handle(input, ctx) {
      return changeRegistration(ctx, input.registrationId, async (tx, e, r) => {
        if (!['waitlisted', 'applied', 'pending'].includes(r.state))
          throw new AppError('CONFLICT', '只能递补候补、申请或待审核的报名')
        await lockQuota(tx, e.id, r.quota_key)
        if (!(await takeSeat(tx, e.id, r.quota_key))) throw new AppError('FULL', '名额已满')
        await setRegistrationState(tx, r.id, 'confirmed', ctx.now)
        return [await noticeFor(tx, r.user_id, e, '报名成功', '组织者已为你确认名额')]
      })
    },
  }),

  draw: action({
    access: 'signed_in',
    input: drawRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const seed = input.seed ?? randomBytes(12).toString('hex')
      const { result, notices } = await inTransaction(ctx.db, async (tx) => {
        const e = await loadSignupEvent(tx, input.activityId, true)
        if (!e || e.state === 'draft') throw notFound('活动')
        ensure(can.manageEvents(actor, { id: e.unitId, districtId: e.districtId }), '只有本活动的组织者可以抽签')
        if (e.settings.allocation !== 'select') throw new AppError('CONFLICT', '该活动为先到先得，无需抽签')
        if (ctx.now < e.signupClosesAt) throw new AppError('CONFLICT', '报名截止后才能抽签')
        const applied = await tx.query<{ id: string; quota_key: string; user_id: string }>(
          "select id, quota_key, user_id from registration where activity_id = $1 and state = 'applied' for update",
          [e.id],
        )
        if (!applied.rowCount) throw new AppError('CONFLICT', '没有待抽签的申请')
        const order: Record<string, string[]> = {}
        const notices: Notice[] = []
        let offered = 0
        for (const key of [...new Set(applied.rows.map((r) => r.quota_key))].sort()) {
          await lockQuota(tx, e.id, key)
          const waitingBefore = await waitingIn(tx, e.id, key)
          order[key] = drawOrder(
            applied.rows.filter((r) => r.quota_key === key).map((r) => r.id),
            seed,
          )
          for (const id of order[key]) {
            const person = applied.rows.find((r) => r.id === id)!
            // Drawn order becomes the line: renumber in draw order.
            await tx.query("update registration set queue_position = nextval('registration_queue') where id = $1", [id])
            if (waitingBefore === 0 && (await takeSeat(tx, e.id, key))) {
              await setRegistrationState(tx, id, 'offered', ctx.now, {
                offerExpiresAt: offerExpiry(e, e.settings, ctx.now),
              })
              notices.push(await noticeFor(tx, person.user_id, e, '抽签入选', '请在截止前确认参加'))
              offered++
            } else {
              await setRegistrationState(
                tx,
                id,
                e.settings.waitlist ? 'waitlisted' : 'rejected',
                ctx.now,
                e.settings.waitlist ? {} : { reason: '未抽中' },
              )
            }
          }
        }
        const result = { seed, order, offered }
        await tx.query(
          'insert into signup_draw (activity_id, seed, drawn_by, drawn_at, result) values ($1, $2, $3, $4, $5)',
          [e.id, seed, actor.userId, ctx.now, JSON.stringify(result)],
        )
        return { result, notices }
      })
      await sendNotices(ctx, notices)
      return result
    },
  }),

  pick: action({
    access: 'signed_in',
    input: pickRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const { offered, notices } = await inTransaction(ctx.db, async (tx) => {
        const e = await loadSignupEvent(tx, input.activityId, true)
        if (!e || e.state === 'draft') throw notFound('活动')
        ensure(can.manageEvents(actor, { id: e.unitId, districtId: e.districtId }), '只有本活动的组织者可以选人')
        if (e.settings.allocation !== 'select') throw new AppError('CONFLICT', '该活动为先到先得')
        const notices: Notice[] = []
        let offered = 0
        for (const id of [...new Set(input.registrationIds)]) {
          const r = await findRegistration(tx, id, true)
          if (!r || r.activity_id !== e.id) throw notFound('报名记录')
          if (r.state !== 'applied' && r.state !== 'waitlisted')
            throw new AppError('CONFLICT', '只能选择待抽签或候补的申请')
          await lockQuota(tx, e.id, r.quota_key)
          if (!(await takeSeat(tx, e.id, r.quota_key)))
            throw new AppError('FULL', `「${r.quota_key || '全部'}」名额已满`)
          await setRegistrationState(tx, r.id, 'offered', ctx.now, {
            offerExpiresAt: offerExpiry(e, e.settings, ctx.now),
          })
          notices.push(await noticeFor(tx, r.user_id, e, '入选', '请在截止前确认参加'))
          offered++
        }
        return { offered, notices }
      })
      await sendNotices(ctx, notices)
      return { offered }
    },
  }),

  attendance: action({
    access: 'signed_in',
    input: attendanceRequest,
    async handle(input, ctx) {
      return changeRegistration(ctx, input.registrationId, async (tx, e, r) => {
        if (ctx.now < e.startAt) throw new AppError('CONFLICT', '活动开始后才能登记到场情况')
        if (!['confirmed', 'attended', 'no_show'].includes(r.state))
          throw new AppError('CONFLICT', '只能为已确认的报名登记到场情况')
        await setRegistrationState(tx, r.id, input.outcome, ctx.now)
        return []
      })
    },
  }),

  exportRoster: action({
    access: 'signed_in',
    input: exportRosterRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const event = await eventOrNotFound(ctx.db, input.activityId)
      ensure(
        can.manageEvents(actor, { id: event.unitId, districtId: event.districtId }),
        '只有本活动的组织者可以导出名单',
      )
      const { rows } = await ctx.db.query<RegistrationRow>(
        `select ${REG_COLUMNS} from registration where activity_id = $1 order by created_at, id`,
        [event.id],
      )
      const entries = []
      for (const r of rows) entries.push(await toRosterEntry(ctx.db, r, event, ctx.now, true))
      const content = await writeRosterSheet(event, entries)
      const stamp = ctx.now
        .toISOString()
        .replace(/[-:.TZ]/g, '')
        .slice(0, 14)
      const stored = await ctx.platform.uploadFile(`exports/rosters/${event.id}-${stamp}.xlsx`, content)
      return { fileName: `${event.title.slice(0, 30)}-报名名单.xlsx`, fileId: stored.fileId, url: stored.url }
    },
  }),

  sweep: action({
    access: 'timer',
    input: z.strictObject({}).optional(),
    async handle(_input, ctx) {
      let expired = 0
      let promoted = 0
      let reminded = 0
      const due = await ctx.db.query<{ id: string; activity_id: string }>(
        "select id, activity_id from registration where state = 'offered' and offer_expires_at <= $1 order by offer_expires_at limit 500",
        [ctx.now],
      )
      for (const { id, activity_id } of due.rows) {
        const notices = await inTransaction(ctx.db, async (tx) => {
          const e = (await loadSignupEvent(tx, activity_id, true))!
          const r = (await findRegistration(tx, id, true))!
          // Someone may have accepted or declined since the query above.
          if (r.state !== 'offered' || !r.offer_expires_at || r.offer_expires_at > ctx.now) return []
          const freed = await freeSeat(tx, e, r, ctx.now)
          await setRegistrationState(tx, r.id, 'expired', ctx.now, { reason: '未在时限内确认' })
          expired++
          return freed
        })
        promoted += notices.length
        await sendNotices(ctx, notices)
      }
      const linesClosed = await closeStartedLines(ctx.db, ctx.now)
      // Safety net: a seat freed while someone waits, whose after-commit check never ran (a crash).
      for (const q of await quotasToSettle(ctx.db, ctx.now)) {
        const settled = await settleFreedSeats(ctx.db, (await loadSignupEvent(ctx.db, q.activityId))!, q.key, ctx.now)
        promoted += settled.length
        await sendNotices(ctx, settled)
      }
      const reminders = await ctx.db.query<{ id: string; user_id: string; activity_id: string }>(
        `select r.id, r.user_id, r.activity_id from registration r join activity a on a.id = r.activity_id
         where r.remind and r.reminded_at is null and r.state = 'confirmed' and a.state = 'published'
           and a.start_at > $1 and a.start_at <= $1::timestamptz + make_interval(hours => $2) limit 500`,
        [ctx.now, REMINDER_HOURS],
      )
      for (const r of reminders.rows) {
        // Claim first so two sweeps never send the same reminder twice.
        const claimed = await ctx.db.query(
          'update registration set reminded_at = $2 where id = $1 and reminded_at is null',
          [r.id, ctx.now],
        )
        if (!claimed.rowCount) continue
        const event = (await loadSignupEvent(ctx.db, r.activity_id))!
        await sendNotices(ctx, [
          {
            ...(await noticeFor(ctx.db, r.user_id, event, '活动提醒', '活动即将开始，请准时参加')),
            templateId: templates.reminder(),
          },
        ])
        reminded++
      }
      return { expired, promoted, reminded, linesClosed }
    },
  }),
}

export const main = createFunction<SignupActions>('signup', actions)
