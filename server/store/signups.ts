/**
 * The sign-up engine's storage: seat counters per quota (signup_quota), registrations, the waiting
 * line, draws. SQL and row mapping only: who is promoted, what a person is told and what they may
 * see are decided in server/app/signup and server/domain/signup.
 * Seats are taken by a conditional UPDATE (and the CHECK behind it), so a quota never overbooks.
 * Releasing a seat and promoting from the line happen with the quota's row locked (`lockQuota`),
 * so the line is served in order; a plain sign-up takes no lock up front (see `writeSignup`).
 */
import {
  signupSettingsSchema,
  type DrawResult,
  type IdType,
  type RegistrationState,
  type SignupSettings,
} from '@api/signup'
import type { Event } from '../domain/event'
import type { IdentityGuard } from '../domain/signup/identity'
import type { SubscribeMessage } from '../platform/platform'
import type { Db } from './tx'

/** The event as sign-up uses it: part of the one event shape, and its sign-up settings. */
export interface SignupEvent extends Pick<
  Event,
  | 'id'
  | 'unitId'
  | 'districtId'
  | 'title'
  | 'state'
  | 'capacity'
  | 'startAt'
  | 'endAt'
  | 'signupOpensAt'
  | 'signupClosesAt'
  | 'category'
  | 'recordsServiceHours'
  | 'awardsServiceHours'
> {
  settings: SignupSettings
}

export function parseSettings(raw: unknown): SignupSettings {
  return signupSettingsSchema.parse(raw ?? {})
}

const EVENT_COLUMNS =
  'id, unit_id, district_id, title, state, capacity, start_at, end_at, signup_opens_at, signup_closes_at, signup_settings, category, records_service_hours'

/** Whether the category of the event (alias `a`) awards hours at all. */
const AWARDS_COLUMN = (a: string) =>
  `(select c.awards_service_hours from activity_category c where c.code = ${a}.category) as awards_service_hours`

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
  category: string
  records_service_hours: boolean
  awards_service_hours: boolean | null
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
    category: r.category,
    recordsServiceHours: r.records_service_hours,
    awardsServiceHours: r.awards_service_hours ?? false,
    settings: parseSettings(r.signup_settings),
  }
}

const EVENT_SQL = `select ${EVENT_COLUMNS}, ${AWARDS_COLUMN('activity')} from activity where id = $1`

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

/** Locks all of an event's quota rows and reads what each has taken. */
export async function lockQuotas(db: Db, activityId: string): Promise<{ key: string; taken: number }[]> {
  const { rows } = await db.query<{ key: string; taken: number }>(
    'select key, taken from signup_quota where activity_id = $1 for update',
    [activityId],
  )
  return rows
}

/** Whether anyone ever registered in the quota (in any state). */
export async function quotaHasRegistrations(db: Db, activityId: string, key: string): Promise<boolean> {
  const used = await db.query('select 1 from registration where activity_id = $1 and quota_key = $2 limit 1', [
    activityId,
    key,
  ])
  return !!used.rowCount
}

export async function deleteQuota(db: Db, activityId: string, key: string): Promise<void> {
  await db.query('delete from signup_quota where activity_id = $1 and key = $2', [activityId, key])
}

/** Creates the quota, or sets its capacity. */
export async function upsertQuota(db: Db, activityId: string, key: string, capacity: number): Promise<void> {
  await db.query(
    `insert into signup_quota (activity_id, key, capacity) values ($1, $2, $3)
     on conflict (activity_id, key) do update set capacity = excluded.capacity`,
    [activityId, key, capacity],
  )
}

/** Sets an existing quota's capacity (the caller holds its lock). */
export async function setQuotaCapacity(db: Db, activityId: string, key: string, capacity: number): Promise<void> {
  await db.query('update signup_quota set capacity = $2 where activity_id = $1 and key = $3', [
    activityId,
    capacity,
    key,
  ])
}

export async function saveSignupSettings(db: Db, activityId: string, settings: SignupSettings): Promise<void> {
  await db.query('update activity set signup_settings = $2 where id = $1', [activityId, JSON.stringify(settings)])
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

/** The first in a quota's line, locked; null when nobody waits. The caller holds the quota lock. */
export async function nextInLine(
  db: Db,
  activityId: string,
  key: string,
): Promise<{ id: string; userId: string } | null> {
  const { rows } = await db.query<{ id: string; user_id: string }>(
    `select id, user_id from registration where activity_id = $1 and quota_key = $2 and state = 'waitlisted'
     order by queue_position limit 1 for update`,
    [activityId, key],
  )
  return rows[0] ? { id: rows[0].id, userId: rows[0].user_id } : null
}

/** Whether a quota has a free seat while someone waits in its line (one read, no lock). */
export async function seatFreeWithLine(db: Db, activityId: string, key: string): Promise<boolean> {
  const free = await db.query({
    name: 'signup-free-seat-check',
    text: `select 1 from signup_quota where activity_id = $1 and key = $2 and taken < capacity
       and exists (select 1 from registration where activity_id = $1 and quota_key = $2 and state = 'waitlisted')`,
    values: [activityId, key],
  })
  return !!free.rowCount
}

/** A registration as stored. */
export interface StoredRegistration {
  id: string
  activityId: string
  userId: string
  quotaKey: string
  state: RegistrationState
  answers: Record<string, string | string[]>
  queuePosition: string
  offerExpiresAt: Date | null
  reason: string | null
  createdAt: Date
}

interface RegistrationRow {
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

function toStored(r: RegistrationRow): StoredRegistration {
  return {
    id: r.id,
    activityId: r.activity_id,
    userId: r.user_id,
    quotaKey: r.quota_key,
    state: r.state,
    answers: r.answers,
    queuePosition: r.queue_position,
    offerExpiresAt: r.offer_expires_at,
    reason: r.reason,
    createdAt: r.created_at,
  }
}

/**
 * How many wait ahead of registration `r` (an SQL alias) in its quota, counted only up to
 * PLACES_COUNTED: counting is a walk over everyone ahead, which at the back of a 1,400-person line
 * was a sixth of a sign-up's database time. Null when the person does not wait, or waits further
 * back than that (the answer then says "已加入候补" and the activity page counts the exact place).
 */
export const PLACES_COUNTED = 100
const WAITING_AHEAD = (r: string) => `case when ${r}.state = 'waitlisted' then nullif((
  select count(*)::int from (
    select 1 from registration w
    where w.activity_id = ${r}.activity_id and w.quota_key = ${r}.quota_key and w.state = 'waitlisted' and w.queue_position < ${r}.queue_position
    limit ${PLACES_COUNTED}) ahead), ${PLACES_COUNTED})
  end`

/** A registration with how many waited ahead of it when read (null: not waiting, or further back than counted). */
export type CountedRegistration = StoredRegistration & { waitingAhead: number | null }

const REG_COLUMNS =
  'id, activity_id, user_id, quota_key, state, answers, queue_position, offer_expires_at, reason, created_at'

export async function findRegistration(db: Db, id: string, lock = false): Promise<StoredRegistration | null> {
  const { rows } = await db.query<RegistrationRow>(
    `select ${REG_COLUMNS} from registration where id = $1${lock ? ' for update' : ''}`,
    [id],
  )
  return rows[0] ? toStored(rows[0]) : null
}

/** How many wait ahead of a waiting registration in its quota (exact). */
export async function countWaitingAhead(db: Db, r: StoredRegistration): Promise<number> {
  const ahead = await db.query<{ n: number }>(
    `select count(*)::int as n from registration where activity_id = $1 and quota_key = $2 and state = 'waitlisted' and queue_position < $3`,
    [r.activityId, r.quotaKey, r.queuePosition],
  )
  return ahead.rows[0].n
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

/** A person's latest registration for an event, an active one first. */
export async function latestRegistration(
  db: Db,
  activityId: string,
  userId: string,
): Promise<StoredRegistration | null> {
  const { rows } = await db.query<RegistrationRow>(
    `select ${REG_COLUMNS} from registration where activity_id = $1 and user_id = $2
     order by (state in ('applied', 'pending', 'offered', 'confirmed', 'waitlisted')) desc, created_at desc limit 1`,
    [activityId, userId],
  )
  return rows[0] ? toStored(rows[0]) : null
}

export type MyListTab = 'upcoming' | 'waitlist' | 'past'

/** The ids of a person's registrations on one tab of "my activities" (up to 100). */
export async function myRegistrationIds(db: Db, userId: string, tab: MyListTab, now: Date): Promise<string[]> {
  const where = {
    // Checked in (attended) but not over yet: still current, with the ticket for checking out.
    upcoming:
      "r.state in ('applied', 'pending', 'offered', 'confirmed', 'attended') and a.end_at > $2 and a.state = 'published'",
    waitlist: "r.state = 'waitlisted' and a.end_at > $2",
    past: "(a.end_at <= $2 or a.state in ('cancelled', 'finished') or r.state not in ('applied', 'pending', 'offered', 'confirmed', 'waitlisted', 'attended'))",
  }[tab]
  const order = tab === 'past' ? 'a.start_at desc' : 'a.start_at'
  const { rows } = await db.query<{ id: string }>(
    `select r.id from registration r join activity a on a.id = r.activity_id where r.user_id = $1 and ${where} order by ${order} limit 100`,
    [userId, now],
  )
  return rows.map((r) => r.id)
}

/** Where an event takes place and which unit leads it. */
export async function placeAndUnit(db: Db, activityId: string): Promise<{ placeName: string; unitName: string }> {
  const { rows } = await db.query<{ place_name: string; unit_name: string }>(
    'select a.place_name, u.name as unit_name from activity a join org_unit u on u.id = a.unit_id where a.id = $1',
    [activityId],
  )
  return { placeName: rows[0].place_name, unitName: rows[0].unit_name }
}

/** Who a roster search looks for: the end of a phone number, or part of a name (real name or nickname). */
export type RosterSearch = { phoneTail: string } | { name: string }

/** The roster's filters; each narrows the event's registrations. */
export interface RosterFilter {
  activityId: string
  state?: RegistrationState
  quotaKey?: string
  search?: RosterSearch
  /** true: checked in (a scan in, or marked attended); false: not. */
  checkedIn?: boolean
}

/** `%`, `_` and `\` matched as themselves in an ILIKE pattern. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The where clause of a roster query over `registration r` joined to `app_user u`. Always within one
 * event: the scan is bounded by the event's registrations (capacity ≤ 100,000, usually hundreds).
 */
function rosterWhere(q: RosterFilter, params: unknown[]): string {
  params.push(q.activityId)
  const where = [`r.activity_id = $${params.length}`]
  if (q.state) {
    params.push(q.state)
    where.push(`r.state = $${params.length}`)
  }
  if (q.quotaKey !== undefined) {
    params.push(q.quotaKey)
    where.push(`r.quota_key = $${params.length}`)
  }
  if (q.search && 'phoneTail' in q.search) {
    params.push(q.search.phoneTail)
    where.push(`right(u.phone, char_length($${params.length})) = $${params.length}`)
  } else if (q.search) {
    params.push(`%${likeLiteral(q.search.name)}%`)
    where.push(`(u.real_name ilike $${params.length} or u.nickname ilike $${params.length})`)
  }
  if (q.checkedIn !== undefined) {
    const checkedIn = `(r.state = 'attended' or exists (select 1 from checkin_scan s
      where s.activity_id = r.activity_id and s.user_id = r.user_id and s.registration_id = r.id and s.direction = 'in'))`
    where.push(q.checkedIn ? checkedIn : `not ${checkedIn}`)
  }
  return where.join(' and ')
}

/** A page of an event's roster in sign-up order, after `after` (keyset on (created_at, id)). */
export async function rosterRows(
  db: Db,
  q: RosterFilter & { after?: { createdAt: Date; id: string }; take: number },
): Promise<StoredRegistration[]> {
  const params: unknown[] = []
  let where = rosterWhere(q, params)
  if (q.after) {
    params.push(q.after.createdAt, q.after.id)
    where += ` and (r.created_at, r.id) > ($${params.length - 1}, $${params.length})`
  }
  params.push(q.take)
  const { rows } = await db.query<RegistrationRow>(
    `select ${REG_COLUMNS.split(', ')
      .map((c) => `r.${c}`)
      .join(', ')} from registration r join app_user u on u.id = r.user_id
     where ${where} order by r.created_at, r.id limit $${params.length}`,
    params,
  )
  return rows.map(toStored)
}

/** How many registrations match the filter in each state (the filter's own state left out): one query. */
export async function rosterStateCounts(
  db: Db,
  q: Omit<RosterFilter, 'state'>,
): Promise<Partial<Record<RegistrationState, number>>> {
  const params: unknown[] = []
  const { rows } = await db.query<{ state: RegistrationState; n: number }>(
    `select r.state, count(*)::int as n from registration r join app_user u on u.id = r.user_id
     where ${rosterWhere(q, params)} group by r.state`,
    params,
  )
  return Object.fromEntries(rows.map((r) => [r.state, r.n]))
}

/** How many minutes before the start an event's check-in opens. */
export async function checkinOpensMinutes(db: Db, activityId: string): Promise<number> {
  const { rows } = await db.query<{ m: number }>('select checkin_opens_minutes as m from activity where id = $1', [
    activityId,
  ])
  return rows[0].m
}

/** Every registration of an event, in sign-up order. */
export async function registrationsOf(db: Db, activityId: string): Promise<StoredRegistration[]> {
  const { rows } = await db.query<RegistrationRow>(
    `select ${REG_COLUMNS} from registration where activity_id = $1 order by created_at, id`,
    [activityId],
  )
  return rows.map(toStored)
}

/** The people holding or waiting for a place in an event. */
export async function activeRegistrants(db: Db, activityId: string): Promise<string[]> {
  const { rows } = await db.query<{ user_id: string }>(
    "select user_id from registration where activity_id = $1 and state in ('applied', 'pending', 'offered', 'confirmed', 'waitlisted')",
    [activityId],
  )
  return rows.map((r) => r.user_id)
}

/** The openid a person is messaged at. */
export async function openidOf(db: Db, userId: string): Promise<string> {
  const { rows } = await db.query<{ openid: string }>('select openid from app_user where id = $1', [userId])
  return rows[0].openid
}

/** An event's quotas with their counters and how many wait in each (in no particular order). */
export async function quotaCounters(
  db: Db,
  activityId: string,
): Promise<{ key: string; capacity: number; taken: number; waiting: number }[]> {
  const { rows } = await db.query<{ key: string; capacity: number; taken: number; waiting: number }>(
    `select q.key, q.capacity, q.taken,
         (select count(*)::int from registration r where r.activity_id = q.activity_id and r.quota_key = q.key and r.state = 'waitlisted') as waiting
       from signup_quota q where q.activity_id = $1`,
    [activityId],
  )
  return rows
}

/** How many registrations of an event are in each state. */
export async function stateCounts(db: Db, activityId: string): Promise<Partial<Record<RegistrationState, number>>> {
  const { rows } = await db.query<{ state: RegistrationState; n: number }>(
    'select state, count(*)::int as n from registration where activity_id = $1 group by state',
    [activityId],
  )
  return Object.fromEntries(rows.map((r) => [r.state, r.n]))
}

/** The latest draw of an event, as recorded. */
export async function lastDraw(db: Db, activityId: string): Promise<DrawResult | null> {
  const { rows } = await db.query<{ result: DrawResult }>(
    'select result from signup_draw where activity_id = $1 order by id desc limit 1',
    [activityId],
  )
  return rows[0]?.result ?? null
}

/** The applications awaiting a draw, locked. */
export async function lockApplied(
  db: Db,
  activityId: string,
): Promise<{ id: string; quotaKey: string; userId: string }[]> {
  const { rows } = await db.query<{ id: string; quota_key: string; user_id: string }>(
    "select id, quota_key, user_id from registration where activity_id = $1 and state = 'applied' for update",
    [activityId],
  )
  return rows.map((r) => ({ id: r.id, quotaKey: r.quota_key, userId: r.user_id }))
}

/** Puts a registration at the back of the line (a new queue position). */
export async function renumberInLine(db: Db, registrationId: string): Promise<void> {
  await db.query("update registration set queue_position = nextval('registration_queue') where id = $1", [
    registrationId,
  ])
}

export async function recordDraw(
  db: Db,
  d: { activityId: string; seed: string; drawnBy: string; drawnAt: Date; result: DrawResult },
): Promise<void> {
  await db.query(
    'insert into signup_draw (activity_id, seed, drawn_by, drawn_at, result) values ($1, $2, $3, $4, $5)',
    [d.activityId, d.seed, d.drawnBy, d.drawnAt, JSON.stringify(d.result)],
  )
}

/** Offers whose time ran out, oldest first. */
export async function offersDue(db: Db, now: Date, limit = 500): Promise<{ id: string; activityId: string }[]> {
  const { rows } = await db.query<{ id: string; activity_id: string }>(
    "select id, activity_id from registration where state = 'offered' and offer_expires_at <= $1 order by offer_expires_at limit $2",
    [now, limit],
  )
  return rows.map((r) => ({ id: r.id, activityId: r.activity_id }))
}

/** Confirmed people who asked for a reminder, of published events starting within `hours`. */
export async function remindersDue(
  db: Db,
  now: Date,
  hours: number,
  limit = 500,
): Promise<{ id: string; userId: string; activityId: string }[]> {
  const { rows } = await db.query<{ id: string; user_id: string; activity_id: string }>(
    `select r.id, r.user_id, r.activity_id from registration r join activity a on a.id = r.activity_id
     where r.remind and r.reminded_at is null and r.state = 'confirmed' and a.state = 'published'
       and a.start_at > $1 and a.start_at <= $1::timestamptz + make_interval(hours => $2) limit $3`,
    [now, hours, limit],
  )
  return rows.map((r) => ({ id: r.id, userId: r.user_id, activityId: r.activity_id }))
}

/** Marks a reminder as sent; false when another sweep claimed it first. */
export async function claimReminder(db: Db, registrationId: string, now: Date): Promise<boolean> {
  const claimed = await db.query('update registration set reminded_at = $2 where id = $1 and reminded_at is null', [
    registrationId,
    now,
  ])
  return !!claimed.rowCount
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

export interface Person {
  id: string
  nickname: string
  realName: string | null
  phone: string | null
  birthDate: string | null
  gender: '男' | '女' | null
  idType: IdType | null
  leagueMember: boolean
  /** When the phone was bound from WeChat's phone button; null for a phone that was typed (before issue 11). */
  phoneVerifiedAt: Date | null
  guardianName: string | null
  guardianPhone: string | null
  guardianConsentAt: Date | null
}

export async function loadPerson(db: Db, userId: string): Promise<Person> {
  const { rows } = await db.query<{
    id: string
    nickname: string
    real_name: string | null
    phone: string | null
    birth_date: string | null
    gender: '男' | '女' | null
    id_type: IdType | null
    league_member: boolean
    phone_verified_at: Date | null
    guardian_name: string | null
    guardian_phone: string | null
    guardian_consent_at: Date | null
  }>(
    `select id, nickname, real_name, phone, to_char(birth_date, 'YYYY-MM-DD') as birth_date, gender, league_member, id_type,
       phone_verified_at, guardian_name, guardian_phone, guardian_consent_at
     from app_user where id = $1`,
    [userId],
  )
  const p = rows[0]
  return {
    id: p.id,
    nickname: p.nickname,
    realName: p.real_name,
    phone: p.phone,
    birthDate: p.birth_date,
    gender: p.gender,
    idType: p.id_type,
    leagueMember: p.league_member,
    phoneVerifiedAt: p.phone_verified_at,
    guardianName: p.guardian_name,
    guardianPhone: p.guardian_phone,
    guardianConsentAt: p.guardian_consent_at,
  }
}

/** The profile fields a person writes themselves (their phone is bound apart: users.ts `savePhone`). */
export type PersonUpdate = Partial<
  Pick<
    Person,
    | 'realName'
    | 'birthDate'
    | 'gender'
    | 'leagueMember'
    | 'idType'
    | 'guardianName'
    | 'guardianPhone'
    | 'guardianConsentAt'
  >
>

/** Updates the given fields of a person's record (undefined or null leaves a field as it is). */
export async function updatePerson(db: Db, userId: string, p: PersonUpdate): Promise<void> {
  await db.query(
    `update app_user set real_name = coalesce($2, real_name), birth_date = coalesce($3::date, birth_date),
       gender = coalesce($4, gender), league_member = coalesce($5, league_member), id_type = coalesce($6, id_type),
       guardian_name = coalesce($7, guardian_name), guardian_phone = coalesce($8, guardian_phone),
       guardian_consent_at = coalesce($9, guardian_consent_at)
     where id = $1`,
    [
      userId,
      p.realName ?? null,
      p.birthDate ?? null,
      p.gender ?? null,
      p.leagueMember ?? null,
      p.idType ?? null,
      p.guardianName ?? null,
      p.guardianPhone ?? null,
      p.guardianConsentAt ?? null,
    ],
  )
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
  const { rows } = await db.query<WrittenRow>({
    name: 'signup-write', // prepared once per connection: planning it took 0.4 ms against 0.6 ms to run (EXPLAIN ANALYZE)
    text: SIGNUP_WRITE_SQL,
    values: [...writeValues(w), w.userId],
  })
  return rows[0] ? toWritten(rows[0]) : null
}

/**
 * A written registration, with how many waited ahead of it and, when it waits, whether its quota
 * had a free seat as the statement ended (then the caller settles freed seats after commit).
 */
export type WrittenSignup = CountedRegistration & { seatFreeNow: boolean | null }

type WrittenRow = RegistrationRow & { waiting_ahead: number | null; seat_free_now: boolean | null }

function toWritten(r: WrittenRow): WrittenSignup {
  return { ...toStored(r), waitingAhead: r.waiting_ahead, seatFreeNow: r.seat_free_now }
}

/** What a guarded write did: wrote, found no seat and no line, or why it did not try. */
export type GuardedOutcome = 'written' | 'full' | 'replay' | 'no_user' | 'rejected' | 'incomplete' | 'stale'

/**
 * The sign-up in ONE round trip, for a caller known by openid and an event from this instance's
 * cache (`cachedSignupEvent`): the same write as `writeSignup`, made only if the person exists, has
 * not used this idempotency key, was not rejected for this event, has on record what `identity` asks,
 * and the event is still published, open at `now`, with the settings, start time, category and
 * hours flag the caller checked against. Otherwise it writes
 * nothing and says why (with the person's id, when known), and the caller takes another path.
 */
export async function writeSignupAs(
  db: Db,
  w: Omit<SignupWrite, 'userId'> & { openid: string; seen: CachedSignupEvent; identity: IdentityGuard },
): Promise<{ outcome: GuardedOutcome; userId: string | null; reg: WrittenSignup | null }> {
  const { rows } = await db.query<WrittenRow & { outcome: GuardedOutcome }>({
    name: 'signup-write-as',
    text: SIGNUP_WRITE_AS_SQL,
    values: [
      ...writeValues(w),
      w.openid,
      JSON.stringify(w.seen.rawSettings),
      w.seen.event.startAt,
      w.identity.realName,
      w.identity.adultBornBy,
      w.identity.childBornAfter,
      w.seen.event.category,
      w.seen.event.recordsServiceHours,
    ],
  })
  const { outcome, ...reg } = rows[0]
  return { outcome, userId: reg.user_id, reg: outcome === 'written' ? toWritten(reg) : null }
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
 * checked against, $13–$15 the identity guard (real name needed, adult born by, child born after:
 * days as text, compared as text since a 29 February may not exist that year), $16 and $17 the
 * category and hours flag the caller checked against.
 */
function signupWriteSql(guarded: boolean): string {
  const person = guarded ? '(select id from caller)' : '$10::uuid'
  const checks = guarded
    ? `caller as (
       select id, coalesce(phone ~ '^1[3-9][0-9]{9}$'
           and (not $13::boolean or btrim(real_name) <> '')
           and ($14::text is null or to_char(birth_date, 'YYYY-MM-DD') <= $14::text)
           and (birth_date is null or to_char(birth_date, 'YYYY-MM-DD') <= $15::text or guardian_consent_at is not null),
         false) as complete
       from app_user where openid = $10
     ), prior as (
       select 1 from signup_request where user_id = ${person} and idempotency_key = $9
     ), refused as (
       select 1 from registration where activity_id = $1 and user_id = ${person} and state = 'rejected'
     ), `
    : ''
  const eventStill = guarded
    ? `and state = 'published' and signup_opens_at <= $8 and signup_closes_at > $8
         and signup_settings = $11::jsonb and date_trunc('milliseconds', start_at) = $12
         and category = $16 and records_service_hours = $17::boolean`
    : ''
  const go = guarded
    ? `exists (select 1 from event_lock) and exists (select 1 from caller where complete) and not exists (select 1 from prior) and not exists (select 1 from refused)`
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
                 when exists (select 1 from refused) then 'rejected' when not exists (select 1 from caller where complete) then 'incomplete'
                 when not exists (select 1 from event_lock) then 'stale'
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
 * Waiting lines of events that have started are closed: those still waiting become `expired`
 * with `reason` instead of waiting forever. Keeps the waiting index to live lines only.
 */
export async function closeStartedLines(db: Db, now: Date, reason: string, limit = 1000): Promise<number> {
  const r = await db.query(
    `update registration set state = 'expired', reason = $3, updated_at = $1
     where id in (
       select w.id from registration w join activity a on a.id = w.activity_id
       where w.state = 'waitlisted' and a.start_at <= $1
       limit $2)`,
    [now, limit, reason],
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
export async function findReplay(db: Db, userId: string, idempotencyKey: string): Promise<CountedRegistration | null> {
  const { rows } = await db.query<RegistrationRow & { waiting_ahead: number | null }>({
    name: 'signup-replay',
    text: REPLAY_SQL,
    values: [userId, idempotencyKey],
  })
  return rows[0] ? { ...toStored(rows[0]), waitingAhead: rows[0].waiting_ahead } : null
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
  identity: IdentityRecord
  event: SignupEvent | null
} | null> {
  const { rows } = await db.query<
    EventRow & {
      user_id: string
      replayed: boolean
      rejected: boolean
      phone: string | null
      real_name: string | null
      birth_date: string | null
      guardian_consent: boolean
    }
  >({
    name: 'signup-context',
    text: CONTEXT_SQL,
    values: [openid, activityId, idempotencyKey],
  })
  const r = rows[0]
  if (!r) return null
  return {
    userId: r.user_id,
    replayed: r.replayed,
    rejected: r.rejected,
    identity: {
      phone: r.phone,
      realName: r.real_name,
      birthDate: r.birth_date,
      guardianConsent: r.guardian_consent,
    },
    event: r.id ? toSignupEvent(r) : null,
  }
}

/** The facts of a person's record that tiered identity reads. */
export interface IdentityRecord {
  phone: string | null
  realName: string | null
  birthDate: string | null
  guardianConsent: boolean
}

const CONTEXT_SQL = `select u.id as user_id,
    exists (select 1 from signup_request where user_id = u.id and idempotency_key = $3) as replayed,
    exists (select 1 from registration where activity_id = $2 and user_id = u.id and state = 'rejected') as rejected,
    u.phone, u.real_name, to_char(u.birth_date, 'YYYY-MM-DD') as birth_date,
    u.guardian_consent_at is not null as guardian_consent,
    ${EVENT_COLUMNS.split(', ')
      .map((c) => `a.${c}`)
      .join(', ')}, ${AWARDS_COLUMN('a')}
  from app_user u left join activity a on a.id = $2
  where u.openid = $1`

/** A subscribe message to send after commit. */
export type Notice = SubscribeMessage
