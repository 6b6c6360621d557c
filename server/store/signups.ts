/**
 * The sign-up engine's storage: seat counters per quota (signup_quota), registrations, promotion.
 * Seats are taken by a conditional UPDATE (and the CHECK behind it), so a quota never overbooks.
 * Releasing a seat and promoting from the line happen with the quota's row locked (`lockQuota`),
 * so the line is served in order; a plain sign-up takes no lock up front (see `writeSignup`).
 */
import {
  signupSettingsSchema,
  type IdType,
  type Registration,
  type RegistrationState,
  type RosterEntry,
  type SignupSettings,
} from '@api/signup'
import { maskPhone } from '../domain/privacy'
import {
  ageOn,
  attendanceRate,
  canSelfCancel,
  offerExpiry,
  promotionOpen,
  type EventTimes,
} from '../domain/signup/rules'
import type { SubscribeMessage } from '../platform/platform'
import { templates } from '../config'
import { AppError } from '../runtime/errors'
import { inTransaction, type Db } from './tx'

export interface SignupEvent extends EventTimes {
  id: string
  unitId: string
  districtId: string
  title: string
  state: 'draft' | 'published' | 'cancelled' | 'finished'
  capacity: number
  settings: SignupSettings
}

export function parseSettings(raw: unknown): SignupSettings {
  return signupSettingsSchema.parse(raw ?? {})
}

const EVENT_COLUMNS =
  'id, unit_id, district_id, title, state, capacity, start_at, end_at, signup_opens_at, signup_closes_at, signup_settings'

interface EventRow {
  id: string
  unit_id: string
  district_id: string
  title: string
  state: SignupEvent['state']
  capacity: number
  start_at: Date
  end_at: Date
  signup_opens_at: Date
  signup_closes_at: Date
  signup_settings: unknown
}

function toSignupEvent(r: EventRow): SignupEvent {
  return {
    id: r.id,
    unitId: r.unit_id,
    districtId: r.district_id,
    title: r.title,
    state: r.state,
    capacity: r.capacity,
    startAt: r.start_at,
    endAt: r.end_at,
    signupOpensAt: r.signup_opens_at,
    signupClosesAt: r.signup_closes_at,
    settings: parseSettings(r.signup_settings),
  }
}

const EVENT_SQL = `select ${EVENT_COLUMNS} from activity where id = $1`

export async function loadSignupEvent(db: Db, activityId: string, lock = false): Promise<SignupEvent | null> {
  const { rows } = await db.query<EventRow>(lock ? `${EVENT_SQL} for update` : EVENT_SQL, [activityId])
  return rows[0] ? toSignupEvent(rows[0]) : null
}

export interface CachedSignupEvent {
  event: SignupEvent
  /** The settings exactly as stored, for the guarded write to check they have not changed. */
  rawSettings: unknown
}

const EVENT_CACHE_MS = 5_000
const EVENT_CACHE_MAX = 500
const eventCache = new Map<string, { at: number; entry: Promise<CachedSignupEvent | null> }>()

/**
 * A published event as this instance read it in the last 5 seconds, so a burst of sign-ups reads
 * it once per instance (calls arriving together share one read). Only for `writeSignupAs`, which
 * checks again in the database everything it relies on (state, window, settings, start): a stale
 * copy is never acted on.
 */
export function cachedSignupEvent(db: Db, activityId: string): Promise<CachedSignupEvent | null> {
  const hit = eventCache.get(activityId)
  if (hit && Date.now() - hit.at < EVENT_CACHE_MS) return hit.entry
  const entry = db
    .query<EventRow>({
      name: 'signup-event',
      text: EVENT_SQL,
      values: [activityId],
    })
    .then(({ rows }) =>
      rows[0]?.state === 'published' ? { event: toSignupEvent(rows[0]), rawSettings: rows[0].signup_settings } : null,
    )
  if (eventCache.size >= EVENT_CACHE_MAX) eventCache.delete(eventCache.keys().next().value!)
  eventCache.delete(activityId)
  eventCache.set(activityId, { at: Date.now(), entry })
  entry.catch(() => {
    if (eventCache.get(activityId)?.entry === entry) eventCache.delete(activityId)
  })
  return entry
}

/** Drops a cached event that a guarded write found changed. */
export function forgetSignupEvent(activityId: string): void {
  eventCache.delete(activityId)
}

export interface QuotaState {
  capacity: number
  taken: number
}

/** Locks one quota's row for the rest of the transaction and reads its counters. */
export async function lockQuota(db: Db, activityId: string, key: string): Promise<QuotaState | null> {
  const { rows } = await db.query<QuotaState>(
    'select capacity, taken from signup_quota where activity_id = $1 and key = $2 for update',
    [activityId, key],
  )
  return rows[0] ?? null
}

/** How many wait in a quota's line; read after `lockQuota`, so the count is current. */
export async function waitingIn(db: Db, activityId: string, key: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from registration where activity_id = $1 and quota_key = $2 and state = 'waitlisted'",
    [activityId, key],
  )
  return rows[0].n
}

/** Takes one seat if one is free; the conditional UPDATE and the CHECKs make overbooking impossible. */
export async function takeSeat(db: Db, activityId: string, key: string): Promise<boolean> {
  const r = await db.query(
    'update signup_quota set taken = taken + 1 where activity_id = $1 and key = $2 and taken < capacity',
    [activityId, key],
  )
  if (!r.rowCount) return false
  await db.query('update activity set seats_taken = seats_taken + 1 where id = $1', [activityId])
  return true
}

export async function releaseSeat(db: Db, activityId: string, key: string): Promise<void> {
  await db.query('update signup_quota set taken = taken - 1 where activity_id = $1 and key = $2', [activityId, key])
  await db.query('update activity set seats_taken = seats_taken - 1 where id = $1', [activityId])
}

export interface RegistrationRow {
  id: string
  activity_id: string
  user_id: string
  quota_key: string
  state: RegistrationState
  answers: Record<string, string | string[]>
  queue_position: string
  offer_expires_at: Date | null
  reason: string | null
  created_at: Date
}

/**
 * How many wait ahead of registration `r` (an SQL alias) in its quota, counted only up to
 * PLACES_COUNTED: counting is a walk over everyone ahead, which at the back of a 1,400-person line
 * was a sixth of a sign-up's database time. Null when the person does not wait, or waits further
 * back than that (the answer then says "已加入候补" and the activity page counts the exact place).
 */
export const PLACES_COUNTED = 100
export const WAITING_AHEAD = (r: string) => `case when ${r}.state = 'waitlisted' then nullif((
  select count(*)::int from (
    select 1 from registration w
    where w.activity_id = ${r}.activity_id and w.quota_key = ${r}.quota_key and w.state = 'waitlisted' and w.queue_position < ${r}.queue_position
    limit ${PLACES_COUNTED}) ahead), ${PLACES_COUNTED})
  end`

/** The place in line to answer with: counted now (undefined), known (a number), or too far back to count here (null). */
export function placeFromAhead(reg: { state: string; waiting_ahead: number | null }): number | null | undefined {
  if (reg.state !== 'waitlisted') return undefined
  return reg.waiting_ahead === null ? null : reg.waiting_ahead + 1
}

export const REG_COLUMNS =
  'id, activity_id, user_id, quota_key, state, answers, queue_position, offer_expires_at, reason, created_at'

export async function findRegistration(db: Db, id: string, lock = false): Promise<RegistrationRow | null> {
  const { rows } = await db.query<RegistrationRow>(
    `select ${REG_COLUMNS} from registration where id = $1${lock ? ' for update' : ''}`,
    [id],
  )
  return rows[0] ?? null
}

export async function findActiveRegistration(
  db: Db,
  activityId: string,
  userId: string,
): Promise<RegistrationRow | null> {
  const { rows } = await db.query<RegistrationRow>(
    `select ${REG_COLUMNS} from registration where activity_id = $1 and user_id = $2
       and state in ('applied', 'pending', 'offered', 'confirmed', 'waitlisted')`,
    [activityId, userId],
  )
  return rows[0] ?? null
}

export async function insertRegistration(
  db: Db,
  r: {
    activityId: string
    userId: string
    quotaKey: string
    state: RegistrationState
    answers: Record<string, string | string[]>
    remind: boolean
    offerExpiresAt?: Date | null
    now: Date
  },
): Promise<RegistrationRow> {
  const { rows } = await db.query<RegistrationRow>(
    `insert into registration (activity_id, user_id, quota_key, state, answers, remind, offer_expires_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8) returning ${REG_COLUMNS}`,
    [r.activityId, r.userId, r.quotaKey, r.state, JSON.stringify(r.answers), r.remind, r.offerExpiresAt ?? null, r.now],
  )
  return rows[0]
}

export async function setRegistrationState(
  db: Db,
  id: string,
  state: RegistrationState,
  now: Date,
  extra: { reason?: string | null; offerExpiresAt?: Date | null; quotaKey?: string } = {},
): Promise<void> {
  await db.query(
    `update registration set state = $2, updated_at = $3,
       reason = case when $4::boolean then $5 else reason end,
       offer_expires_at = $6,
       quota_key = coalesce($7, quota_key)
     where id = $1`,
    [
      id,
      state,
      now,
      extra.reason !== undefined,
      extra.reason ?? null,
      extra.offerExpiresAt ?? null,
      extra.quotaKey ?? null,
    ],
  )
}

export type Notice = SubscribeMessage

/** Tells a person what happened to their registration (sent after commit). */
export async function noticeFor(
  db: Db,
  userId: string,
  event: Pick<SignupEvent, 'id' | 'title'>,
  status: string,
  note: string,
): Promise<Notice> {
  const { rows } = await db.query<{ openid: string }>('select openid from app_user where id = $1', [userId])
  return {
    toOpenid: rows[0].openid,
    templateId: templates.signupStatus(),
    page: `pages/activity/index?id=${event.id}`,
    data: {
      thing1: { value: event.title.slice(0, 20) },
      phrase2: { value: status },
      thing3: { value: note.slice(0, 20) },
    },
  }
}

/**
 * Gives the quota's free seats to the people waiting, oldest first: confirmed at once (direct)
 * or offered for a limited time (offer). The caller holds the quota lock.
 */
export async function promoteWaiting(db: Db, event: SignupEvent, key: string, now: Date): Promise<Notice[]> {
  const notices: Notice[] = []
  if (!promotionOpen(event, event.settings, now)) return notices
  for (;;) {
    const next = await db.query<{ id: string; user_id: string }>(
      `select id, user_id from registration where activity_id = $1 and quota_key = $2 and state = 'waitlisted'
       order by queue_position limit 1 for update`,
      [event.id, key],
    )
    const person = next.rows[0]
    if (!person || !(await takeSeat(db, event.id, key))) break
    if (event.settings.promotion === 'direct') {
      await setRegistrationState(db, person.id, 'confirmed', now)
      notices.push(await noticeFor(db, person.user_id, event, '候补成功', '已为你保留名额，请准时参加'))
    } else {
      const until = offerExpiry(event, event.settings, now)
      await setRegistrationState(db, person.id, 'offered', now, { offerExpiresAt: until })
      notices.push(await noticeFor(db, person.user_id, event, '候补名额待确认', '请在截止前确认参加'))
    }
  }
  return notices
}

/** Registration as its owner sees it, with the place in line when waiting. */
export async function toRegistration(
  db: Db,
  r: RegistrationRow,
  event: SignupEvent,
  now: Date,
  knownPosition?: number | null,
): Promise<Registration> {
  let waitlistPosition: number | null = null
  if (r.state === 'waitlisted' && knownPosition !== undefined) waitlistPosition = knownPosition
  else if (r.state === 'waitlisted') {
    const ahead = await db.query<{ n: number }>(
      `select count(*)::int as n from registration where activity_id = $1 and quota_key = $2 and state = 'waitlisted' and queue_position < $3`,
      [r.activity_id, r.quota_key, r.queue_position],
    )
    waitlistPosition = ahead.rows[0].n + 1
  }
  return {
    id: r.id,
    activityId: r.activity_id,
    state: r.state,
    quotaKey: r.quota_key,
    waitlistPosition,
    offerExpiresAt: r.offer_expires_at ? r.offer_expires_at.toISOString() : null,
    answers: r.answers,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    cancellable: canSelfCancel(r.state, event, event.settings, now),
  }
}

export const NO_SHOW_WINDOW_DAYS = () => Number(process.env.QINGJU_NO_SHOW_WINDOW_DAYS ?? 180)

/** Attended and no-show counts for one or more people over the counting window. */
export async function attendanceCounts(
  db: Db,
  userIds: string[],
  now: Date,
): Promise<Map<string, { attended: number; noShows: number }>> {
  const since = new Date(now.getTime() - NO_SHOW_WINDOW_DAYS() * 86_400_000)
  const { rows } = await db.query<{ user_id: string; attended: number; no_shows: number }>(
    `select r.user_id, count(*) filter (where r.state = 'attended')::int as attended, count(*) filter (where r.state = 'no_show')::int as no_shows
     from registration r join activity a on a.id = r.activity_id
     where r.user_id = any($1::uuid[]) and r.state in ('attended', 'no_show') and a.start_at >= $2
     group by r.user_id`,
    [userIds, since],
  )
  return new Map(rows.map((r) => [r.user_id, { attended: r.attended, noShows: r.no_shows }]))
}

export interface PersonRow {
  id: string
  nickname: string
  real_name: string | null
  phone: string | null
  birth_date: string | null
  gender: '男' | '女' | null
  id_type: IdType | null
  league_member: boolean
}

export async function loadPerson(db: Db, userId: string): Promise<PersonRow> {
  const { rows } = await db.query<PersonRow>(
    "select id, nickname, real_name, phone, to_char(birth_date, 'YYYY-MM-DD') as birth_date, gender, league_member, id_type from app_user where id = $1",
    [userId],
  )
  return rows[0]
}

export async function toRosterEntry(
  db: Db,
  r: RegistrationRow,
  event: SignupEvent,
  now: Date,
  showPrivate: boolean,
): Promise<RosterEntry> {
  const person = await loadPerson(db, r.user_id)
  const counts = (await attendanceCounts(db, [r.user_id], now)).get(r.user_id) ?? { attended: 0, noShows: 0 }
  return {
    ...(await toRegistration(db, r, event, now)),
    person: {
      userId: person.id,
      nickname: person.nickname,
      realName: person.real_name && !showPrivate ? `${person.real_name.slice(0, 1)}**` : person.real_name,
      phone: person.phone && !showPrivate ? maskPhone(person.phone) : person.phone,
      gender: person.gender,
      age: person.birth_date ? ageOn(person.birth_date, event.startAt) : null,
      attendanceRate: attendanceRate(counts.attended, counts.noShows),
    },
  }
}

/**
 * An event's capacity changed (organiser edit): without balanced quotas the single quota follows it,
 * and the new seats go to whoever is waiting. The caller holds the event's row lock.
 */
export async function resizeCapacity(db: Db, activityId: string, capacity: number, now: Date): Promise<Notice[]> {
  const event = (await loadSignupEvent(db, activityId))!
  if (event.settings.quotaQuestionId) {
    throw new AppError('CONFLICT', '该活动按配额报名，请在报名设置中调整各配额名额', { capacity: '请调整配额' })
  }
  await lockQuota(db, activityId, '')
  await db.query("update signup_quota set capacity = $2 where activity_id = $1 and key = ''", [activityId, capacity])
  return promoteWaiting(db, { ...event, capacity }, '', now)
}

/** Messages for everyone holding or waiting for a place when an event is cancelled. */
export async function cancellationNotices(
  db: Db,
  activityId: string,
  title: string,
  reason: string,
): Promise<Notice[]> {
  const { rows } = await db.query<{ user_id: string }>(
    "select user_id from registration where activity_id = $1 and state in ('applied', 'pending', 'offered', 'confirmed', 'waitlisted')",
    [activityId],
  )
  const notices: Notice[] = []
  for (const r of rows) notices.push(await noticeFor(db, r.user_id, { id: activityId, title }, '活动已取消', reason))
  return notices
}

export interface SignupWrite {
  activityId: string
  userId: string
  quotaKey: string
  idempotencyKey: string
  answers: Record<string, string | string[]>
  remind: boolean
  now: Date
  /**
   * seat: first come, first served — confirmed if a seat is free and no one waits in the quota,
   * else waitlisted (or nothing, when the waitlist is off). Otherwise the fixed state to record
   * without a seat (pending for approval, applied for apply-then-select).
   */
  mode: { kind: 'seat'; waitlist: boolean } | { kind: 'fixed'; state: 'pending' | 'applied' }
}

/**
 * The sign-up write: ONE statement (atomic on its own, no transaction around it) and no lock taken
 * up front, so sign-ups for one event run side by side. The conditional UPDATE takes a seat only
 * while one is free and nobody waits in the quota; it waits for the quota row only while seats are
 * still free (once the quota is full it fails on its snapshot and locks nothing), so a burst queues
 * only for the seats themselves. The same statement records the registration and the idempotency
 * key and counts the seat on the activity; a duplicate (registration_one_active,
 * signup_request_pkey) fails the whole statement, seat included. Returns null when full with no
 * waitlist.
 *
 * A waitlisted sign-up decided "full" on the snapshot its statement started with, while a release
 * (cancel, decline, expiry, more capacity) frees a seat and looks for the next in line with the
 * quota row held FOR UPDATE. So the statement ends by taking FOR KEY SHARE on that row, which
 * conflicts with FOR UPDATE, and reads the row as it is now (READ COMMITTED locking reads return
 * the latest version, after waiting for a release in progress):
 * - the release locked first: this read waits for it and sees the seat it left free
 *   (`seat_free_now`), and the caller runs `settleFreedSeats` once this statement has committed;
 * - this statement locked first: the release waits for it to commit, and then its lookup sees the
 *   newcomer in line.
 *
 * Lock order, as in every release and organiser change: the activity row first (here FOR KEY
 * SHARE, which sign-ups share with each other and with their own seat counting), then the quota
 * row. Taking the quota first and the activity after (as the foreign-key check alone would) lets a
 * sign-up and a release each hold what the other waits for: a deadlock.
 */
export async function writeSignup(db: Db, w: SignupWrite): Promise<WrittenSignup | null> {
  const { rows } = await db.query<WrittenSignup>({
    name: 'signup-write', // prepared once per connection: planning it took 0.4 ms against 0.6 ms to run (EXPLAIN ANALYZE)
    text: SIGNUP_WRITE_SQL,
    values: [...writeValues(w), w.userId],
  })
  return rows[0] ?? null
}

export type WrittenSignup = RegistrationRow & { waiting_ahead: number | null; seat_free_now: boolean | null }

/** What a guarded write did: wrote, found no seat and no line, or why it did not try. */
export type GuardedOutcome = 'written' | 'full' | 'replay' | 'no_user' | 'rejected' | 'stale'

/**
 * The sign-up in ONE round trip, for a caller known by openid and an event from this instance's
 * cache (`cachedSignupEvent`): the same write as `writeSignup`, made only if the person exists, has
 * not used this idempotency key, was not rejected for this event, and the event is still published,
 * open at `now`, with the settings and start time the caller checked against. Otherwise it writes
 * nothing and says why (with the person's id, when known), and the caller takes another path.
 */
export async function writeSignupAs(
  db: Db,
  w: Omit<SignupWrite, 'userId'> & { openid: string; seen: CachedSignupEvent },
): Promise<{ outcome: GuardedOutcome; userId: string | null; reg: WrittenSignup | null }> {
  const { rows } = await db.query<WrittenSignup & { outcome: GuardedOutcome }>({
    name: 'signup-write-as',
    text: SIGNUP_WRITE_AS_SQL,
    values: [...writeValues(w), w.openid, JSON.stringify(w.seen.rawSettings), w.seen.event.startAt],
  })
  const { outcome, ...reg } = rows[0]
  return { outcome, userId: reg.user_id, reg: outcome === 'written' ? reg : null }
}

function writeValues(w: Omit<SignupWrite, 'userId'>): unknown[] {
  const seat = w.mode.kind === 'seat'
  return [
    w.activityId,
    w.quotaKey,
    JSON.stringify(w.answers),
    w.remind,
    seat,
    seat && w.mode.kind === 'seat' ? w.mode.waitlist : false,
    w.mode.kind === 'fixed' ? w.mode.state : null,
    w.now,
    w.idempotencyKey,
  ]
}

const REG_COLUMN_TYPES: Record<string, string> = {
  id: 'uuid',
  activity_id: 'uuid',
  user_id: 'uuid',
  quota_key: 'text',
  state: 'text',
  answers: 'jsonb',
  queue_position: 'bigint',
  offer_expires_at: 'timestamptz',
  reason: 'text',
  created_at: 'timestamptz',
}

/**
 * The write. $1 activity, $2 quota, $3 answers, $4 remind, $5 takes a seat, $6 waitlist, $7 fixed
 * state, $8 now, $9 idempotency key, $10 the person: their id, or (guarded) their openid, with
 * $11 and $12 the settings and the start (to the millisecond, as JavaScript keeps it) the caller
 * checked against.
 */
function signupWriteSql(guarded: boolean): string {
  const person = guarded ? '(select id from caller)' : '$10::uuid'
  const checks = guarded
    ? `caller as (
       select id from app_user where openid = $10
     ), prior as (
       select 1 from signup_request where user_id = ${person} and idempotency_key = $9
     ), refused as (
       select 1 from registration where activity_id = $1 and user_id = ${person} and state = 'rejected'
     ), `
    : ''
  const eventStill = guarded
    ? `and state = 'published' and signup_opens_at <= $8 and signup_closes_at > $8
         and signup_settings = $11::jsonb and date_trunc('milliseconds', start_at) = $12`
    : ''
  const go = guarded
    ? `exists (select 1 from event_lock) and exists (select 1 from caller) and not exists (select 1 from prior) and not exists (select 1 from refused)`
    : 'exists (select 1 from event_lock)'
  return `with ${checks}event_lock as (
       select 1 from activity where id = $1 ${eventStill} for key share
     ), seat as (
       update signup_quota set taken = taken + 1
       where $5::boolean and ${go} and activity_id = $1 and key = $2 and taken < capacity
         and not exists (select 1 from registration where activity_id = $1 and quota_key = $2 and state = 'waitlisted')
       returning activity_id
     ), counted as (
       update activity set seats_taken = seats_taken + 1 where id in (select activity_id from seat)
     ), reg as (
       insert into registration (activity_id, user_id, quota_key, state, answers, remind, created_at, updated_at)
       select $1, ${person}, $2,
              case when not $5::boolean then $7 when exists (select 1 from seat) then 'confirmed' else 'waitlisted' end,
              $3, $4, $8, $8
       where ${go} and (not $5::boolean or exists (select 1 from seat) or $6::boolean)
       returning ${REG_COLUMNS}
     ), req as (
       insert into signup_request (user_id, idempotency_key, activity_id, registration_id)
       select user_id, $9, $1, id from reg
     ), quota_now as (
       select taken < capacity as free from signup_quota where activity_id = $1 and key = $2 for key share
     )
     -- Place in line among those committed when the statement began (the "mine" view recounts).
     select ${guarded ? "'written' as outcome, " : ''}reg.*, ${WAITING_AHEAD('reg')} as waiting_ahead,
       case when reg.state = 'waitlisted' then (select free from quota_now) end as seat_free_now
     from reg${
       guarded
         ? `
     union all
     select case when not exists (select 1 from caller) then 'no_user' when exists (select 1 from prior) then 'replay'
                 when exists (select 1 from refused) then 'rejected' when not exists (select 1 from event_lock) then 'stale'
                 else 'full' end,
            ${REG_COLUMNS.split(', ')
              .map((c) => (c === 'user_id' ? '(select id from caller)' : `null::${REG_COLUMN_TYPES[c]}`))
              .join(', ')},
            null::int, null::boolean
     where not exists (select 1 from reg)`
         : ''
     }`
}

const SIGNUP_WRITE_SQL = signupWriteSql(false)
const SIGNUP_WRITE_AS_SQL = signupWriteSql(true)

/**
 * Run after a waitlisted sign-up whose statement saw a free seat at its end (`seat_free_now`, see
 * `writeSignup`) has committed: gives free seats to the first in line, under the quota lock.
 * One read when nothing is free (someone else got there first).
 */
export async function settleFreedSeats(db: Db, event: SignupEvent, key: string, now: Date): Promise<Notice[]> {
  if (!promotionOpen(event, event.settings, now)) return []
  const free = await db.query({
    name: 'signup-free-seat-check',
    text: `select 1 from signup_quota where activity_id = $1 and key = $2 and taken < capacity
       and exists (select 1 from registration where activity_id = $1 and quota_key = $2 and state = 'waitlisted')`,
    values: [event.id, key],
  })
  if (!free.rowCount) return []
  return inTransaction(db, async (tx) => {
    await lockQuota(tx, event.id, key)
    return promoteWaiting(tx, event, key, now)
  })
}

/**
 * Waiting lines of events that have started are closed: those still waiting become `expired`
 * (候补未成功) instead of waiting forever. Keeps the waiting index to live lines only.
 */
export async function closeStartedLines(db: Db, now: Date, limit = 1000): Promise<number> {
  const r = await db.query(
    `update registration set state = 'expired', reason = '活动已开始，候补未成功', updated_at = $1
     where id in (
       select w.id from registration w join activity a on a.id = w.activity_id
       where w.state = 'waitlisted' and a.start_at <= $1
       limit $2)`,
    [now, limit],
  )
  return r.rowCount ?? 0
}

/** Quotas with a free seat and someone waiting: the sweep's safety net for a check that never ran (a crash between commit and check). */
export async function quotasToSettle(db: Db, now: Date, limit = 200): Promise<{ activityId: string; key: string }[]> {
  const { rows } = await db.query<{ activity_id: string; key: string }>(
    `select q.activity_id, q.key
     from (select distinct activity_id, quota_key from registration where state = 'waitlisted') w
     join signup_quota q on q.activity_id = w.activity_id and q.key = w.quota_key
     join activity a on a.id = q.activity_id
     where q.taken < q.capacity and a.state = 'published' and a.start_at > $1
     limit $2`,
    [now, limit],
  )
  return rows.map((r) => ({ activityId: r.activity_id, key: r.key }))
}

/** The registration an earlier call with this idempotency key made, with its place in line: one read. */
export async function findReplay(
  db: Db,
  userId: string,
  idempotencyKey: string,
): Promise<(RegistrationRow & { waiting_ahead: number | null }) | null> {
  const { rows } = await db.query<RegistrationRow & { waiting_ahead: number | null }>({
    name: 'signup-replay',
    text: REPLAY_SQL,
    values: [userId, idempotencyKey],
  })
  return rows[0] ?? null
}

const REPLAY_SQL = `select ${REG_COLUMNS.split(', ')
  .map((c) => `r.${c}`)
  .join(', ')}, ${WAITING_AHEAD('r')} as waiting_ahead
  from signup_request s join registration r on r.id = s.registration_id
  where s.user_id = $1 and s.idempotency_key = $2`

/**
 * What the full sign-up path reads first, in one round trip: the caller's id, whether this
 * idempotency key was used before, an earlier rejection for this event, and the event. Null for an
 * unknown openid (first contact: the caller creates the person and asks again).
 */
export async function loadSignupContext(
  db: Db,
  openid: string,
  activityId: string,
  idempotencyKey: string,
): Promise<{
  userId: string
  replayed: boolean
  rejected: boolean
  event: SignupEvent | null
} | null> {
  const { rows } = await db.query<EventRow & { user_id: string; replayed: boolean; rejected: boolean }>({
    name: 'signup-context',
    text: CONTEXT_SQL,
    values: [openid, activityId, idempotencyKey],
  })
  const r = rows[0]
  if (!r) return null
  return { userId: r.user_id, replayed: r.replayed, rejected: r.rejected, event: r.id ? toSignupEvent(r) : null }
}

const CONTEXT_SQL = `select u.id as user_id,
    exists (select 1 from signup_request where user_id = u.id and idempotency_key = $3) as replayed,
    exists (select 1 from registration where activity_id = $2 and user_id = u.id and state = 'rejected') as rejected,
    ${EVENT_COLUMNS.split(', ')
      .map((c) => `a.${c}`)
      .join(', ')}
  from app_user u left join activity a on a.id = $2
  where u.openid = $1`
