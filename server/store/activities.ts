/**
 * Activities: the browse queries (keyset pagination on (start_at, id)) and the organiser's writes.
 * Browsers see published and finished events; drafts only reach the organiser's view.
 */
import type { ActivityChange, ActivityStatusFilter, Category } from '@api/activity'
import type { DistanceCursor, StartCursor } from '../domain/cursor'
import type { Event, EventState } from '../domain/event'
import type { Db } from './tx'

/** The whole event (the one server shape) with what the activity pages show beside it. */
export interface ActivityRecord extends Event, EventFields {
  categoryName: string
  unitName: string
  planLine: { id: string; title: string; plannedMonth: number; year: number } | null
  cancelReason: string | null
  publishedAt: Date | null
  updatedAt: Date
  /** Stored avatar references of the first seat holders who set one (browse reads only; else empty). */
  avatars: string[]
  /** Meters from the asker of a 附近 list; null otherwise or without a location. */
  distanceMeters: number | null
}

interface ActivityRow {
  id: string
  district_id: string
  title: string
  category: string
  category_name: string
  awards_service_hours: boolean
  unit_id: string
  unit_name: string
  start_at: Date
  end_at: Date
  signup_opens_at: Date
  signup_closes_at: Date
  place_name: string
  place_address: string | null
  latitude: number | null
  longitude: number | null
  capacity: number
  seats_taken: number
  cover_url: string | null
  description: string
  contact: string | null
  state: EventState
  records_service_hours: boolean
  plan_line_id: string | null
  plan_line_title: string | null
  plan_line_month: number | null
  plan_line_year: number | null
  cancel_reason: string | null
  published_at: Date | null
  updated_at: Date
  avatars?: string[] | null
  distance_m?: number | null
}

function toRecord(row: ActivityRow): ActivityRecord {
  return {
    id: row.id,
    districtId: row.district_id,
    title: row.title,
    category: row.category,
    categoryName: row.category_name,
    awardsServiceHours: row.awards_service_hours,
    unitId: row.unit_id,
    unitName: row.unit_name,
    coverUrl: row.cover_url,
    description: row.description,
    placeName: row.place_name,
    placeAddress: row.place_address,
    location:
      row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : null,
    startAt: row.start_at,
    endAt: row.end_at,
    signupOpensAt: row.signup_opens_at,
    signupClosesAt: row.signup_closes_at,
    capacity: row.capacity,
    seatsTaken: row.seats_taken,
    recordsServiceHours: row.records_service_hours,
    contact: row.contact,
    planLineId: row.plan_line_id,
    planLine: row.plan_line_id
      ? {
          id: row.plan_line_id,
          title: row.plan_line_title ?? '',
          plannedMonth: row.plan_line_month ?? 0,
          year: row.plan_line_year ?? 0,
        }
      : null,
    state: row.state,
    cancelReason: row.cancel_reason,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    avatars: row.avatars ?? [],
    distanceMeters: row.distance_m ?? null,
  }
}

/** The event's columns (plus `extra` ones) from activity `a` with its unit, category and line. */
const selectActivity = (extra = '') => `
  select a.id, a.district_id, a.title, a.category, c.name as category_name, c.awards_service_hours,
         a.unit_id, u.name as unit_name, a.start_at, a.end_at, a.signup_opens_at, a.signup_closes_at,
         a.place_name, a.place_address, a.latitude, a.longitude, a.capacity, a.seats_taken, a.cover_url,
         a.description, a.contact, a.state, a.records_service_hours, a.plan_line_id,
         l.title as plan_line_title, l.planned_month as plan_line_month, l.year as plan_line_year,
         a.cancel_reason, a.published_at, a.updated_at${extra ? `, ${extra}` : ''}
  from activity a
  join org_unit u on u.id = a.unit_id
  join activity_category c on c.code = a.category
  left join plan_line l on l.id = a.plan_line_id`

const SELECT_ACTIVITY = selectActivity()

const VISIBLE = "a.state in ('published', 'finished')"

/** How many avatars a card shows, and how many of the event's first seat holders are looked at to find them. */
export const SHOWN_AVATARS = 3
const AVATAR_LOOKAHEAD = 20

/**
 * The avatars of `alias`'s event: among its first seat holders (confirmed or attended, in order of
 * arrival; the partial index registration_seat_holders), those who set one. Bounded, so a card costs
 * at most a few index reads whatever the event's size; evaluated only for the rows a page returns.
 */
const avatarsOf = (alias: string) => `array(
    select p.avatar from (
      select r.user_id, r.queue_position from registration r
      where r.activity_id = ${alias}.id and r.state in ('confirmed', 'attended')
      order by r.queue_position limit ${AVATAR_LOOKAHEAD}
    ) h join app_user p on p.id = h.user_id
    where p.avatar is not null order by h.queue_position limit ${SHOWN_AVATARS}) as avatars`

/** Great-circle meters from ($lat, $lng) to the event (haversine, mean Earth radius); null without a location. */
const distanceFrom = (lat: string, lng: string) => `case when a.latitude is null or a.longitude is null then null
    else round(12742000 * asin(least(1, sqrt(
      power(sin(radians(a.latitude - ${lat}) / 2), 2) +
      cos(radians(${lat})) * cos(radians(a.latitude)) * power(sin(radians(a.longitude - ${lng}) / 2), 2)))))::integer end`

// Mirrors domain/activity-phase.ts; $2 is "now". end_at > start_at always holds (CHECK), and so does
// end_at - start_at <= 31 days, which gives "not yet ended" a lower bound on start_at the index can use.
// An event its organiser marked finished is finished whatever the clock says; finishing needs a start
// in the past, so every finished event starts at or before now.
const STILL_RUNNING_FROM = "a.start_at > $2::timestamptz - interval '31 days'"
const STATUS_CONDITION: Record<ActivityStatusFilter, string> = {
  active: `a.state = 'published' and a.end_at > $2 and ${STILL_RUNNING_FROM}`,
  open: "a.state = 'published' and a.start_at > $2 and a.signup_opens_at <= $2 and a.signup_closes_at > $2",
  upcoming: "a.state = 'published' and a.start_at > $2 and not (a.signup_opens_at <= $2 and a.signup_closes_at > $2)",
  ongoing: `a.state = 'published' and a.start_at <= $2 and a.end_at > $2 and ${STILL_RUNNING_FROM}`,
  finished: "(a.state = 'finished' or a.end_at <= $2) and a.start_at <= $2",
}

export interface ListQuery {
  districtId: string
  status: ActivityStatusFilter
  category?: string
  unitId?: string
  /** [from, to) on start_at. */
  startsWithin?: { from: Date; to: Date }
  keyword?: string
  after?: StartCursor
  limit: number
  now: Date
}

/** 附近: the same filters, ordered by distance from `near` (events without a location last), then id. */
export interface NearQuery extends Omit<ListQuery, 'after'> {
  near: { latitude: number; longitude: number }
  after?: DistanceCursor
}

/** Finished activities read newest first; everything else soonest first. */
export const isDescending = (status: ActivityStatusFilter) => status === 'finished'

const likePattern = (keyword: string) => `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

function filtersOf(q: Omit<ListQuery, 'after'>) {
  const params: unknown[] = [q.districtId, q.now]
  const where = ['a.district_id = $1', VISIBLE, STATUS_CONDITION[q.status]]
  const add = (sql: (n: number) => string, ...values: unknown[]) => {
    params.push(...values)
    where.push(sql(params.length - values.length + 1))
  }
  if (q.category) add((n) => `a.category = $${n}`, q.category)
  if (q.unitId) add((n) => `a.unit_id = $${n}`, q.unitId)
  if (q.startsWithin)
    add((n) => `a.start_at >= $${n} and a.start_at < $${n + 1}`, q.startsWithin.from, q.startsWithin.to)
  if (q.keyword) add((n) => `a.search_text ilike $${n}`, likePattern(q.keyword))
  return { params, where, add }
}

/** One page of the browse list, each card with its first avatars: one statement. */
export async function listActivities(
  db: Db,
  q: ListQuery,
): Promise<{ rows: ActivityRecord[]; last: StartCursor | null }> {
  const { params, where, add } = filtersOf(q)
  const desc = isDescending(q.status)
  if (q.after) add((n) => `(a.start_at, a.id) ${desc ? '<' : '>'} ($${n}, $${n + 1})`, q.after.startAt, q.after.id)
  params.push(q.limit + 1)
  const order = desc ? 'a.start_at desc, a.id desc' : 'a.start_at, a.id'
  const { rows } = await db.query<ActivityRow>(
    `${selectActivity(avatarsOf('a'))}
     where ${where.join(' and ')} order by ${order} limit $${params.length}`,
    params,
  )
  const page = rows.slice(0, q.limit)
  const lastRow = rows.length > q.limit ? page[page.length - 1] : undefined
  return { rows: page.map(toRecord), last: lastRow ? { startAt: lastRow.start_at, id: lastRow.id } : null }
}

/**
 * One page of the 附近 list: the filtered set ordered by distance from `near` (computed here, over the
 * filtered rows), events without a location after all others, ties by id; each card with its avatars.
 * One statement.
 */
export async function listActivitiesNear(
  db: Db,
  q: NearQuery,
): Promise<{ rows: ActivityRecord[]; last: DistanceCursor | null }> {
  const { params, where } = filtersOf(q)
  params.push(q.near.latitude, q.near.longitude)
  const lat = `$${params.length - 1}::float8`
  const lng = `$${params.length}::float8`
  const outer: string[] = []
  if (q.after) {
    params.push(q.after.id)
    const id = `$${params.length}::uuid`
    if (q.after.distanceMeters === null) outer.push(`(t.distance_m is null and t.id > ${id})`)
    else {
      params.push(q.after.distanceMeters)
      const d = `$${params.length}::integer`
      outer.push(`(t.distance_m > ${d} or (t.distance_m = ${d} and t.id > ${id}) or t.distance_m is null)`)
    }
  }
  params.push(q.limit + 1)
  // The distance order runs over the filtered ids alone (narrow rows, no joins); only the page's rows
  // are then joined to their unit, category and line and read their avatars.
  const { rows } = await db.query<ActivityRow>(
    `${selectActivity(`p.distance_m, ${avatarsOf('a')}`)}
     join (
       select t.id, t.distance_m from (
         select a.id, ${distanceFrom(lat, lng)} as distance_m from activity a where ${where.join(' and ')}
       ) t
       ${outer.length ? `where ${outer.join(' and ')}` : ''}
       order by t.distance_m asc nulls last, t.id limit $${params.length}
     ) p on p.id = a.id
     order by p.distance_m asc nulls last, a.id`,
    params,
  )
  const page = rows.slice(0, q.limit)
  const lastRow = rows.length > q.limit ? page[page.length - 1] : undefined
  return {
    rows: page.map(toRecord),
    last: lastRow ? { distanceMeters: lastRow.distance_m ?? null, id: lastRow.id } : null,
  }
}

/** One event as a browser sees it: with its first avatars. */
export async function findShownActivity(db: Db, id: string): Promise<ActivityRecord | null> {
  const { rows } = await db.query<ActivityRow>(`${selectActivity(avatarsOf('a'))} where a.id = $1`, [id])
  return rows[0] ? toRecord(rows[0]) : null
}

export async function findActivity(db: Db, id: string, forUpdate = false): Promise<ActivityRecord | null> {
  const { rows } = await db.query<ActivityRow>(
    `${SELECT_ACTIVITY} where a.id = $1${forUpdate ? ' for update of a' : ''}`,
    [id],
  )
  return rows[0] ? toRecord(rows[0]) : null
}

/** A unit's activities in every state, newest start first. */
export async function listUnitActivities(
  db: Db,
  unitId: string,
  state: EventState | undefined,
  after: StartCursor | undefined,
  limit: number,
): Promise<{ rows: ActivityRecord[]; last: StartCursor | null }> {
  const params: unknown[] = [unitId]
  const where = ['a.unit_id = $1']
  if (state) {
    params.push(state)
    where.push(`a.state = $${params.length}`)
  }
  if (after) {
    params.push(after.startAt, after.id)
    where.push(`(a.start_at, a.id) < ($${params.length - 1}, $${params.length})`)
  }
  params.push(limit + 1)
  const { rows } = await db.query<ActivityRow>(
    `${SELECT_ACTIVITY} where ${where.join(' and ')} order by a.start_at desc, a.id desc limit $${params.length}`,
    params,
  )
  const page = rows.slice(0, limit)
  const lastRow = rows.length > limit ? page[page.length - 1] : undefined
  return { rows: page.map(toRecord), last: lastRow ? { startAt: lastRow.start_at, id: lastRow.id } : null }
}

export async function listCategories(db: Db): Promise<Category[]> {
  const { rows } = await db.query<{ code: string; name: string; awards_service_hours: boolean }>(
    'select code, name, awards_service_hours from activity_category order by sort_order, code',
  )
  return rows.map((r) => ({ code: r.code, name: r.name, awardsServiceHours: r.awards_service_hours }))
}

/** Column values an organiser writes; keys are the API's field names. */
export interface EventFields {
  title: string
  category: string
  coverUrl: string | null
  description: string
  placeName: string
  placeAddress: string | null
  location: { latitude: number; longitude: number } | null
  startAt: Date
  endAt: Date
  signupOpensAt: Date
  signupClosesAt: Date
  capacity: number
  recordsServiceHours: boolean
  contact: string | null
  planLineId: string | null
}

/** The organiser's fields of an event, and nothing else (what an edit compares). */
export function fieldsOf(a: ActivityRecord): EventFields {
  return {
    title: a.title,
    category: a.category,
    coverUrl: a.coverUrl,
    description: a.description,
    placeName: a.placeName,
    placeAddress: a.placeAddress,
    location: a.location,
    startAt: a.startAt,
    endAt: a.endAt,
    signupOpensAt: a.signupOpensAt,
    signupClosesAt: a.signupClosesAt,
    capacity: a.capacity,
    recordsServiceHours: a.recordsServiceHours,
    contact: a.contact,
    planLineId: a.planLineId,
  }
}

const WRITE_COLUMNS = `title, category, cover_url, description, place_name, place_address, latitude, longitude,
  start_at, end_at, signup_opens_at, signup_closes_at, capacity, records_service_hours, contact, plan_line_id`

const writeValues = (f: EventFields) => [
  f.title,
  f.category,
  f.coverUrl,
  f.description,
  f.placeName,
  f.placeAddress,
  f.location?.latitude ?? null,
  f.location?.longitude ?? null,
  f.startAt,
  f.endAt,
  f.signupOpensAt,
  f.signupClosesAt,
  f.capacity,
  f.recordsServiceHours,
  f.contact,
  f.planLineId,
]

export async function insertActivity(
  db: Db,
  districtId: string,
  unitId: string,
  createdBy: string,
  f: EventFields,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into activity (district_id, unit_id, created_by, state, search_text, ${WRITE_COLUMNS})
     select $1, $2, $3, 'draft', $4::text || ' ' || $8::text || ' ' || u.name, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19
     from org_unit u where u.id = $2
     returning id`,
    [districtId, unitId, createdBy, ...writeValues(f)],
  )
  // Every event starts with one sign-up quota holding its whole capacity (see signup settings for splits).
  await db.query("insert into signup_quota (activity_id, key, capacity) values ($1, '', $2)", [rows[0].id, f.capacity])
  return rows[0].id
}

export async function updateActivityFields(db: Db, id: string, f: EventFields, now: Date): Promise<void> {
  await db.query(
    `update activity a set (${WRITE_COLUMNS}) = ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17),
       search_text = $2::text || ' ' || $6::text || ' ' || u.name, updated_at = $18
     from org_unit u where a.id = $1 and u.id = a.unit_id`,
    [id, ...writeValues(f), now],
  )
}

export async function setActivityState(
  db: Db,
  id: string,
  state: EventState,
  now: Date,
  cancelReason: string | null = null,
): Promise<void> {
  await db.query(
    `update activity set state = $2, updated_at = $3,
       published_at = case when $2 = 'published' then $3 else published_at end,
       cancel_reason = coalesce($4, cancel_reason)
     where id = $1`,
    [id, state, now, cancelReason],
  )
}

export async function logChange(
  db: Db,
  activityId: string,
  userId: string,
  kind: ActivityChange['kind'],
  fields: Record<string, [unknown, unknown]>,
  reason: string | null,
  at: Date,
) {
  await db.query(
    'insert into activity_change (activity_id, changed_by, changed_at, kind, fields, reason) values ($1, $2, $3, $4, $5, $6)',
    [activityId, userId, at, kind, JSON.stringify(fields), reason],
  )
}

export async function listChanges(db: Db, activityId: string): Promise<ActivityChange[]> {
  const { rows } = await db.query<{
    changed_at: Date
    user_id: string
    nickname: string
    kind: ActivityChange['kind']
    fields: Record<string, [unknown, unknown]>
    reason: string | null
  }>(
    `select c.changed_at, u.id as user_id, u.nickname, c.kind, c.fields, c.reason
     from activity_change c join app_user u on u.id = c.changed_by where c.activity_id = $1 order by c.id desc`,
    [activityId],
  )
  return rows.map((r) => ({
    at: r.changed_at.toISOString(),
    by: { userId: r.user_id, nickname: r.nickname },
    kind: r.kind,
    fields: r.fields,
    reason: r.reason,
  }))
}
