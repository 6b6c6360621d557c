/** Wishes (活动点单) and their 想参加: SQL and row mapping only. */
import type { WishOrder, WishStage, WishState } from '@contract/wish'
import type { Db } from './tx'

export interface WishWrite {
  category: string
  title: string
  body: string
  months: number[]
}

/** An event on a wish's claimed line: the last one held, or the next one published. */
export interface WishLineEvent {
  id: string
  title: string
  startAt: Date
  endAt: Date
}

export interface WishRecord {
  districtId: string
  id: string
  proposerId: string
  category: string
  categoryName: string
  title: string
  body: string
  months: number[]
  state: WishState
  hiddenReason: string | null
  supporters: number
  createdAt: Date
  planLineId: string | null
  claimedUnitId: string | null
  claimedUnitName: string | null
  claimedAt: Date | null
  line: { id: string; title: string; year: number; plannedMonth: number } | null
  /** The latest event on the line that was finished or has ended while published. */
  heldEvent: WishLineEvent | null
  /** The earliest published event on the line that has not ended. */
  nextEvent: WishLineEvent | null
}

interface WishRow {
  district_id: string
  id: string
  proposer_id: string
  category: string
  category_name: string
  title: string
  body: string
  months: number[]
  state: WishState
  hidden_reason: string | null
  supporters: number
  created_at: Date
  plan_line_id: string | null
  claimed_unit_id: string | null
  unit_name: string | null
  claimed_at: Date | null
  line_title: string | null
  line_year: number | null
  line_month: number | null
  he_id: string | null
  he_title: string | null
  he_start: Date | null
  he_end: Date | null
  ne_id: string | null
  ne_title: string | null
  ne_start: Date | null
  ne_end: Date | null
}

/** `$1` is the district, `$2` the instant the events are judged at. */
const SELECT_WISH = `
  select w.district_id, w.id, w.proposer_id, w.category, c.name as category_name, w.title, w.body, w.months,
         w.state, w.hidden_reason, w.supporters, w.created_at, w.plan_line_id, w.claimed_unit_id,
         u.name as unit_name, w.claimed_at, l.title as line_title, l.year as line_year, l.planned_month as line_month,
         he.id as he_id, he.title as he_title, he.start_at as he_start, he.end_at as he_end,
         ne.id as ne_id, ne.title as ne_title, ne.start_at as ne_start, ne.end_at as ne_end
    from wish w
    join activity_category c on c.code = w.category
    left join org_unit u on u.id = w.claimed_unit_id
    left join plan_line l on l.id = w.plan_line_id
    left join lateral (
      select a.id, a.title, a.start_at, a.end_at from activity a
       where w.plan_line_id is not null and a.plan_line_id = w.plan_line_id
         and (a.state = 'finished' or (a.state = 'published' and a.end_at <= $2))
       order by a.end_at desc, a.id limit 1) he on true
    left join lateral (
      select a.id, a.title, a.start_at, a.end_at from activity a
       where w.plan_line_id is not null and a.plan_line_id = w.plan_line_id
         and a.state = 'published' and a.end_at > $2
       order by a.start_at, a.id limit 1) ne on true
   where w.district_id = $1`

const event = (id: string | null, title: string | null, start: Date | null, end: Date | null) =>
  id ? { id, title: title!, startAt: start!, endAt: end! } : null

function toRecord(r: WishRow): WishRecord {
  return {
    districtId: r.district_id,
    id: r.id,
    proposerId: r.proposer_id,
    category: r.category,
    categoryName: r.category_name,
    title: r.title,
    body: r.body,
    months: r.months.map(Number),
    state: r.state,
    hiddenReason: r.hidden_reason,
    supporters: r.supporters,
    createdAt: r.created_at,
    planLineId: r.plan_line_id,
    claimedUnitId: r.claimed_unit_id,
    claimedUnitName: r.unit_name,
    claimedAt: r.claimed_at,
    line: r.plan_line_id
      ? { id: r.plan_line_id, title: r.line_title!, year: r.line_year!, plannedMonth: r.line_month! }
      : null,
    heldEvent: event(r.he_id, r.he_title, r.he_start, r.he_end),
    nextEvent: event(r.ne_id, r.ne_title, r.ne_start, r.ne_end),
  }
}

export async function insertWish(
  db: Db,
  districtId: string,
  proposerId: string,
  w: WishWrite,
  now: Date,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into wish (district_id, proposer_id, category, title, body, months, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [districtId, proposerId, w.category, w.title, w.body, w.months, now],
  )
  return rows[0].id
}

/** The person's wishes still collecting (open, nobody claimed them). */
export async function countCollecting(db: Db, districtId: string, userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from wish
      where district_id = $1 and proposer_id = $2 and state = 'open' and plan_line_id is null`,
    [districtId, userId],
  )
  return rows[0].n
}

export async function findWish(db: Db, districtId: string, id: string, now: Date): Promise<WishRecord | null> {
  const { rows } = await db.query<WishRow>(`${SELECT_WISH} and w.id = $3`, [districtId, now, id])
  return rows[0] ? toRecord(rows[0]) : null
}

export interface WishListQuery {
  order: WishOrder
  category?: string
  stage?: WishStage
  /** The last row served: its sort key (created_at ISO or supporters) and id. */
  after?: { key: string | number; id: string }
  limit: number
}

/** The stage filters over the lateral events (the same reading as domain/wish.ts wishStage). */
const STAGE_FILTER: Record<WishStage, string> = {
  collecting: 'w.plan_line_id is null',
  claimed: 'w.plan_line_id is not null and he.id is null and ne.id is null',
  scheduled: 'he.id is null and ne.id is not null',
  held: 'he.id is not null',
}

/** Open wishes on the wall, newest or most wanted first, `limit + 1` rows (the extra one says more follow). */
export async function listWishes(db: Db, districtId: string, q: WishListQuery, now: Date): Promise<WishRecord[]> {
  const params: unknown[] = [districtId, now]
  const where = [`w.state = 'open'`]
  if (q.category) {
    params.push(q.category)
    where.push(`w.category = $${params.length}`)
  }
  if (q.stage) where.push(STAGE_FILTER[q.stage])
  const key = q.order === 'newest' ? 'w.created_at' : 'w.supporters'
  if (q.after) {
    params.push(q.order === 'newest' ? new Date(q.after.key) : q.after.key, q.after.id)
    where.push(`(${key}, w.id) < ($${params.length - 1}, $${params.length}::uuid)`)
  }
  params.push(q.limit + 1)
  const { rows } = await db.query<WishRow>(
    `${SELECT_WISH} and ${where.join(' and ')} order by ${key} desc, w.id desc limit $${params.length}`,
    params,
  )
  return rows.map(toRecord)
}

export async function districtThreshold(db: Db, districtId: string): Promise<number> {
  const { rows } = await db.query<{ t: number }>('select wish_threshold as t from district where id = $1', [districtId])
  return rows[0]?.t ?? 20
}

export async function setDistrictThreshold(db: Db, districtId: string, threshold: number): Promise<void> {
  await db.query('update district set wish_threshold = $2 where id = $1', [districtId, threshold])
}

export async function wantsWish(db: Db, districtId: string, wishId: string, userId: string): Promise<boolean> {
  const { rows } = await db.query(
    'select 1 from wish_support where district_id = $1 and wish_id = $2 and user_id = $3',
    [districtId, wishId, userId],
  )
  return rows.length > 0
}

/** Adds the person's 想参加; false when it was already there (the unique key decides). */
export async function addSupport(db: Db, districtId: string, wishId: string, userId: string, now: Date) {
  const { rowCount } = await db.query(
    `insert into wish_support (district_id, wish_id, user_id, created_at) values ($1, $2, $3, $4)
     on conflict do nothing`,
    [districtId, wishId, userId, now],
  )
  return rowCount === 1
}

/** Takes the person's 想参加 back; false when there was none. */
export async function removeSupport(db: Db, districtId: string, wishId: string, userId: string) {
  const { rowCount } = await db.query(
    'delete from wish_support where district_id = $1 and wish_id = $2 and user_id = $3',
    [districtId, wishId, userId],
  )
  return rowCount === 1
}

/** Moves the count by `delta` (the row stays locked until commit); the count, whether the district was told, the threshold. */
export async function bumpSupporters(
  db: Db,
  districtId: string,
  wishId: string,
  delta: number,
): Promise<{ supporters: number; thresholdTold: boolean; threshold: number }> {
  const { rows } = await db.query<{ supporters: number; told: boolean; threshold: number }>(
    `update wish w set supporters = w.supporters + $3 from district d
      where d.id = w.district_id and w.district_id = $1 and w.id = $2
      returning w.supporters, w.threshold_told_at is not null as told, d.wish_threshold as threshold`,
    [districtId, wishId, delta],
  )
  return { supporters: rows[0].supporters, thresholdTold: rows[0].told, threshold: rows[0].threshold }
}

export async function currentSupporters(db: Db, districtId: string, wishId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'select supporters as n from wish where district_id = $1 and id = $2',
    [districtId, wishId],
  )
  return rows[0]?.n ?? 0
}

/** Marks the threshold told; true only for the call that marked it. */
export async function markThresholdTold(db: Db, districtId: string, wishId: string, now: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    'update wish set threshold_told_at = $3 where district_id = $1 and id = $2 and threshold_told_at is null',
    [districtId, wishId, now],
  )
  return rowCount === 1
}

export async function districtAdminOpenids(db: Db, districtId: string): Promise<string[]> {
  const { rows } = await db.query<{ openid: string }>(
    `select u.openid from district_admin da join app_user u on u.id = da.user_id
      where da.district_id = $1 and u.deleted_at is null order by u.openid`,
    [districtId],
  )
  return rows.map((r) => r.openid)
}

export async function supporterOpenids(db: Db, districtId: string, wishId: string): Promise<string[]> {
  const { rows } = await db.query<{ openid: string }>(
    `select u.openid from wish_support s join app_user u on u.id = s.user_id
      where s.district_id = $1 and s.wish_id = $2 and u.deleted_at is null order by s.created_at, u.openid`,
    [districtId, wishId],
  )
  return rows.map((r) => r.openid)
}

/** Claims the wish into the line; false when it was claimed already or is no longer open. */
export async function writeClaim(
  db: Db,
  districtId: string,
  wishId: string,
  claim: { planLineId: string; unitId: string; userId: string },
  now: Date,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update wish set plan_line_id = $3, claimed_unit_id = $4, claimed_by = $5, claimed_at = $6
      where district_id = $1 and id = $2 and state = 'open' and plan_line_id is null`,
    [districtId, wishId, claim.planLineId, claim.unitId, claim.userId, now],
  )
  return rowCount === 1
}

/** Withdraws (only while open and unclaimed) or hides (while open); false when the wish was not in that state. */
export async function closeWish(
  db: Db,
  districtId: string,
  wishId: string,
  to: 'withdrawn' | 'hidden',
  reason: string | null,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update wish set state = $3, hidden_reason = $4
      where district_id = $1 and id = $2 and state = 'open' and ($3 = 'hidden' or plan_line_id is null)`,
    [districtId, wishId, to, reason],
  )
  return rowCount === 1
}

/**
 * The open wishes claimed into `planLineId` whose supporters have not been told, once an event on
 * the line is published: marked told in the same statement, so each wish is told once.
 */
export async function takeWishesToTell(
  db: Db,
  planLineId: string,
  now: Date,
): Promise<{ districtId: string; id: string; title: string }[]> {
  const { rows } = await db.query<{ district_id: string; id: string; title: string }>(
    `update wish w set supporters_told_at = $2
      where w.plan_line_id = $1 and w.state = 'open' and w.supporters_told_at is null
        and exists (select 1 from activity a where a.plan_line_id = $1 and a.state = 'published' and a.end_at > $2)
      returning w.district_id, w.id, w.title`,
    [planLineId, now],
  )
  return rows.map((r) => ({ districtId: r.district_id, id: r.id, title: r.title }))
}

/** The next published event on the line (what supporters are told about). */
export async function nextEventOnLine(db: Db, planLineId: string, now: Date): Promise<WishLineEvent | null> {
  const { rows } = await db.query<{ id: string; title: string; start_at: Date; end_at: Date }>(
    `select id, title, start_at, end_at from activity
      where plan_line_id = $1 and state = 'published' and end_at > $2 order by start_at, id limit 1`,
    [planLineId, now],
  )
  const r = rows[0]
  return r ? { id: r.id, title: r.title, startAt: r.start_at, endAt: r.end_at } : null
}

export interface ClaimLineRecord {
  id: string
  title: string
  year: number
  plannedMonth: number
  categoryName: string
  planStatus: 'draft' | 'published'
  wishes: number
}

/** A unit's lines of the year's annual list, with how many wishes each already carries. */
export async function linesOfUnit(
  db: Db,
  districtId: string,
  unitId: string,
  year: number,
): Promise<ClaimLineRecord[]> {
  const { rows } = await db.query<{
    id: string
    title: string
    year: number
    planned_month: number
    category_name: string
    plan_status: 'draft' | 'published'
    wishes: number
  }>(
    `select l.id, l.title, l.year, l.planned_month, c.name as category_name, p.status as plan_status,
            (select count(*)::int from wish w where w.plan_line_id = l.id) as wishes
       from plan_line l
       join annual_plan p on p.district_id = l.district_id and p.year = l.year
       join activity_category c on c.code = l.category
      where l.district_id = $1 and l.unit_id = $2 and l.year = $3
      order by l.planned_month, l.title, l.id`,
    [districtId, unitId, year],
  )
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    year: r.year,
    plannedMonth: r.planned_month,
    categoryName: r.category_name,
    planStatus: r.plan_status,
    wishes: r.wishes,
  }))
}

/** The admitted units of the district among `unitIds`, by name. */
export async function admittedUnits(
  db: Db,
  districtId: string,
  unitIds: string[],
): Promise<{ id: string; name: string }[]> {
  if (unitIds.length === 0) return []
  const { rows } = await db.query<{ id: string; name: string }>(
    `select id, name from org_unit where district_id = $1 and id = any($2::uuid[]) and status = 'admitted' order by name`,
    [districtId, unitIds],
  )
  return rows
}

/** Locks the person's row: one proposal of theirs at a time is counted against their limit. */
export async function lockProposer(db: Db, userId: string): Promise<void> {
  await db.query('select 1 from app_user where id = $1 for update', [userId])
}
