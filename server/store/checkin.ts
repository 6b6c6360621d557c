/** Check-in in PostgreSQL, shared by the `checkin` and `hours` services: events' check-in fields, scans, and the scan write. SQL and row mapping only. */
import type { Event } from '../domain/event'
import type { Direction } from '../domain/checkin/token'
import type { Db } from './tx'

/** The event as check-in and hours use it: part of the one event shape, and its check-in settings. */
export interface CheckinEvent extends Pick<
  Event,
  | 'id'
  | 'unitId'
  | 'districtId'
  | 'title'
  | 'state'
  | 'startAt'
  | 'endAt'
  | 'location'
  | 'recordsServiceHours'
  | 'awardsServiceHours'
> {
  checkinSecret: Buffer | null
  checkinOpensMinutes: number
  checkinRadiusM: number
  hoursMinShare: number
  hoursStep: number
  hoursNoticeDays: number
  hoursClosedAt: Date | null
}

export async function loadCheckinEvent(db: Db, id: string): Promise<CheckinEvent | null> {
  const { rows } = await db.query<CheckinEvent>(
    `select a.id, a.unit_id as "unitId", a.district_id as "districtId", a.title, a.state, a.start_at as "startAt",
            a.end_at as "endAt", case when a.latitude is not null and a.longitude is not null
              then json_build_object('latitude', a.latitude, 'longitude', a.longitude) end as "location",
            a.checkin_secret as "checkinSecret",
            a.checkin_opens_minutes as "checkinOpensMinutes", a.checkin_radius_m as "checkinRadiusM",
            a.records_service_hours as "recordsServiceHours", c.awards_service_hours as "awardsServiceHours",
            a.hours_min_share::float8 as "hoursMinShare", a.hours_step::float8 as "hoursStep",
            a.hours_notice_days as "hoursNoticeDays", a.hours_closed_at as "hoursClosedAt"
     from activity a join activity_category c on c.code = a.category where a.id = $1`,
    [id],
  )
  return rows[0] ?? null
}

/**
 * A few seconds' read cache of events for self-scans: at the start of a big event hundreds of
 * people scan the same code within seconds, and each would otherwise read the same row. Only
 * events whose code key exists are cached (the key never changes once set); an edit or a
 * cancellation reaches scans within SCAN_CACHE_MS. Per function instance, never shared state.
 */
const SCAN_CACHE_MS = 5_000
const SCAN_CACHE_MAX = 500
const scanCache = new Map<string, { at: number; event: CheckinEvent }>()

export async function loadCheckinEventForScan(db: Db, id: string): Promise<CheckinEvent | null> {
  const hit = scanCache.get(id)
  if (hit && Date.now() - hit.at < SCAN_CACHE_MS) return hit.event
  const event = await loadCheckinEvent(db, id)
  if (event?.checkinSecret) {
    if (scanCache.size >= SCAN_CACHE_MAX) scanCache.delete(scanCache.keys().next().value!)
    scanCache.delete(id)
    scanCache.set(id, { at: Date.now(), event })
  }
  return event
}

/** The event's site-code key: the stored one, or `candidate` stored now (a concurrent first use keeps whichever landed first). */
export async function ensureSiteSecret(db: Db, eventId: string, candidate: Buffer): Promise<Buffer> {
  const r = await db.query<{ checkin_secret: Buffer }>(
    'update activity set checkin_secret = coalesce(checkin_secret, $2) where id = $1 returning checkin_secret',
    [eventId, candidate],
  )
  return r.rows[0].checkin_secret
}

export type ScanMethod = 'site_code' | 'ticket' | 'walk_in'

export interface ScanRow {
  id: string
  activityId: string
  registrationId: string
  userId: string
  openid: string | null
  direction: Direction
  method: ScanMethod
  scannedAt: Date
  needsReview: boolean
  nickname: string
  realName: string | null
}

const SCAN_COLUMNS = `s.id::text, s.activity_id as "activityId", s.registration_id as "registrationId", s.user_id as "userId",
  u.openid, s.direction, s.method, s.scanned_at as "scannedAt", s.needs_review as "needsReview", u.nickname, u.real_name as "realName"`

export async function findScan(db: Db, activityId: string, nonce: string): Promise<ScanRow | null> {
  const { rows } = await db.query<ScanRow>(
    `select ${SCAN_COLUMNS} from checkin_scan s join app_user u on u.id = s.user_id where s.activity_id = $1 and s.nonce = $2`,
    [activityId, nonce],
  )
  return rows[0] ?? null
}

export async function findScanById(db: Db, id: string): Promise<ScanRow | null> {
  const { rows } = await db.query<ScanRow>(
    `select ${SCAN_COLUMNS} from checkin_scan s join app_user u on u.id = s.user_id where s.id = $1`,
    [id],
  )
  return rows[0] ?? null
}

export async function recentScans(db: Db, activityId: string, limit: number): Promise<ScanRow[]> {
  const { rows } = await db.query<ScanRow>(
    `select ${SCAN_COLUMNS} from checkin_scan s join app_user u on u.id = s.user_id
     where s.activity_id = $1 and s.superseded_by is null order by s.scanned_at desc, s.id desc limit $2`,
    [activityId, limit],
  )
  return rows
}

/** Every standing scan of an event (superseded ones are left out), by registration and time. */
export async function eventScans(db: Db, activityId: string): Promise<ScanRow[]> {
  const { rows } = await db.query<ScanRow>(
    `select ${SCAN_COLUMNS} from checkin_scan s join app_user u on u.id = s.user_id
     where s.activity_id = $1 and s.superseded_by is null order by s.registration_id, s.scanned_at, s.id`,
    [activityId],
  )
  return rows
}

export interface ScanToRecord {
  /** Whose scan: a known registration (ticket, walk-in), or the caller's own (self-scan by openid). */
  who: { registrationId: string } | { openid: string }
  direction: Direction
  method: ScanMethod
  nonce: string
  now: Date
  scannedBy: string | null
  location?: { latitude: number; longitude: number }
  /** Distance from the venue and whether it is beyond the radius (decided by the caller). */
  distance?: number | null
  needsReview?: boolean
}

/** What the one-statement write saw: the scan it recorded, or why it recorded nothing. */
export type ScanWrite =
  | { recorded: true; row: ScanRow }
  | {
      recorded: false
      /** The registration the scan is for (null: none in this event) and its state. */
      registrationId: string | null
      registrationState: string | null
      /** The registration an earlier scan with this nonce belongs to, if the nonce was seen. */
      seenRegistrationId: string | null
      /** The person's last standing scan. */
      last: { id: string; direction: Direction } | null
    }

/**
 * Records one scan in ONE statement (autocommit: one round trip and one commit) when the
 * registration holds a seat, the nonce is unseen and, for a check-out, the last standing scan is
 * a check-in. A check-in also marks the registration attended. Otherwise nothing is written and
 * the facts the caller decides on are returned. A twin with the same nonce that lands while
 * this statement runs makes it write nothing (`on conflict do nothing`), with `seen` false.
 */
export async function recordScan(db: Db, e: Pick<CheckinEvent, 'id'>, scan: ScanToRecord): Promise<ScanWrite> {
  const byRegistration = 'registrationId' in scan.who
  const { rows } = await db.query<
    ScanRow & {
      reg_id: string | null
      reg_state: string | null
      seen_reg: string | null
      last_id: string | null
      last_direction: Direction | null
    }
  >(
    `with reg as (
       select r.id, r.state, r.user_id from registration r
       where r.activity_id = $1 and ${byRegistration ? 'r.id = $2::uuid' : 'r.user_id = (select id from app_user where openid = $2)'}
       order by (r.state in ('confirmed', 'attended')) desc, r.created_at desc limit 1
     ), seen as (
       select registration_id from checkin_scan where activity_id = $1 and nonce = $4
     ), last as (
       select s.id, s.direction from checkin_scan s join reg on s.registration_id = reg.id
       where s.superseded_by is null order by s.scanned_at desc, s.id desc limit 1
     ), ins as (
       insert into checkin_scan (activity_id, registration_id, user_id, direction, method, scanned_at, nonce, scanned_by, latitude, longitude, distance_m, needs_review)
       select $1, reg.id, reg.user_id, $3, $5, $6, $4, $7, $8, $9, $10, $11 from reg
       where not exists (select 1 from seen) and reg.state in ('confirmed', 'attended')
         and ($3 = 'in' or (select direction from last) = 'in')
       on conflict (activity_id, nonce) do nothing
       returning *
     ), attended as (
       -- Checking in is turning up: the attendance record (to-date rates, no-shows) follows it.
       update registration set state = 'attended', updated_at = $6
       where id in (select registration_id from ins where direction = 'in') and state = 'confirmed'
     )
     select (select id from reg) as reg_id, (select state from reg) as reg_state,
            (select registration_id from seen) as seen_reg, (select id::text from last) as last_id,
            (select direction from last) as last_direction,
            ins.id::text, ins.activity_id as "activityId", ins.registration_id as "registrationId", ins.user_id as "userId",
            u.openid, ins.direction, ins.method, ins.scanned_at as "scannedAt", ins.needs_review as "needsReview",
            u.nickname, u.real_name as "realName"
     from (select 1) one left join ins on true left join app_user u on u.id = ins.user_id`,
    [
      e.id,
      'registrationId' in scan.who ? scan.who.registrationId : scan.who.openid,
      scan.direction,
      scan.nonce,
      scan.method,
      scan.now,
      scan.scannedBy,
      scan.location?.latitude ?? null,
      scan.location?.longitude ?? null,
      scan.distance ?? null,
      scan.needsReview ?? false,
    ],
  )
  const { reg_id, reg_state, seen_reg, last_id, last_direction, ...row } = rows[0]
  if (row.id !== null) return { recorded: true, row }
  return {
    recorded: false,
    registrationId: reg_id,
    registrationState: reg_state,
    seenRegistrationId: seen_reg,
    last: last_id ? { id: last_id, direction: last_direction! } : null,
  }
}

/** Locks the registration a scan is for (the caller's by openid, or by id), serialising one person's scans. */
export async function lockScanRegistration(db: Db, activityId: string, who: ScanToRecord['who']): Promise<void> {
  if ('registrationId' in who) {
    await db.query('select 1 from registration where id = $1 and activity_id = $2 for update', [
      who.registrationId,
      activityId,
    ])
  } else {
    await db.query(
      'select 1 from registration where activity_id = $1 and user_id = (select id from app_user where openid = $2) for update',
      [activityId, who.openid],
    )
  }
}

/** The registration's state, locked (null when it is not in this event). */
export async function lockRegistrationState(
  db: Db,
  registrationId: string,
  activityId: string,
): Promise<string | null> {
  const reg = await db.query<{ state: string }>(
    'select state from registration where id = $1 and activity_id = $2 for update',
    [registrationId, activityId],
  )
  return reg.rows[0]?.state ?? null
}

/** The registration an earlier scan with this nonce belongs to, if any. */
export async function nonceOwner(db: Db, activityId: string, nonce: string): Promise<string | null> {
  const r = await db.query<{ registration_id: string }>(
    'select registration_id from checkin_scan where activity_id = $1 and nonce = $2',
    [activityId, nonce],
  )
  return r.rows[0]?.registration_id ?? null
}

/** The registration's standing (not superseded) scans. */
export async function standingScans(
  db: Db,
  registrationId: string,
): Promise<{ id: string; direction: Direction; at: Date }[]> {
  const standing = await db.query<{ id: string; direction: Direction; at: Date }>(
    'select id::text, direction, scanned_at as at from checkin_scan where registration_id = $1 and superseded_by is null',
    [registrationId],
  )
  return standing.rows
}

/** Writes a scan synced from an offline device at its original time; returns its id. */
export async function insertSyncedScan(
  db: Db,
  scan: {
    activityId: string
    registrationId: string
    direction: Direction
    at: Date
    nonce: string
    scannedBy: string | null
  },
): Promise<string> {
  const inserted = await db.query<{ id: string }>(
    `insert into checkin_scan (activity_id, registration_id, user_id, direction, method, scanned_at, nonce, scanned_by, synced)
     select $1, $2, user_id, $3, 'ticket', $4, $5, $6, true from registration where id = $2 returning id::text`,
    [scan.activityId, scan.registrationId, scan.direction, scan.at, scan.nonce, scan.scannedBy],
  )
  return inserted.rows[0].id
}

export async function supersedeScan(db: Db, id: string, by: string): Promise<void> {
  await db.query('update checkin_scan set superseded_by = $2 where id = $1', [id, by])
}

/** A confirmed registration becomes attended (a check-in at `at`). */
export async function markAttended(db: Db, registrationId: string, at: Date): Promise<void> {
  await db.query("update registration set state = 'attended', updated_at = $2 where id = $1 and state = 'confirmed'", [
    registrationId,
    at,
  ])
}

/** The ticket version of a registration (null when there is no such registration). */
export async function ticketVersionOf(db: Db, registrationId: string): Promise<number | null> {
  const reg = await db.query<{ ticket_version: number }>('select ticket_version from registration where id = $1', [
    registrationId,
  ])
  return reg.rows[0]?.ticket_version ?? null
}

/** The person's seated (confirmed or attended) registration for the event. */
export async function seatedRegistration(
  db: Db,
  activityId: string,
  by: { userId: string } | { openid: string },
): Promise<{ id: string; ticketVersion: number } | null> {
  const { rows } = await db.query<{ id: string; ticketVersion: number }>(
    `select id, ticket_version as "ticketVersion" from registration
     where activity_id = $1 and user_id = ${'userId' in by ? '$2' : '(select id from app_user where openid = $2)'}
       and state in ('confirmed', 'attended')`,
    [activityId, 'userId' in by ? by.userId : by.openid],
  )
  return rows[0] ?? null
}

/** Whether the person holds a seat, and their last standing scan. */
export async function myCheckinState(
  db: Db,
  activityId: string,
  userId: string,
): Promise<{ registered: boolean; direction: Direction | null; scannedAt: Date | null }> {
  const { rows } = await db.query<{ registered: boolean; direction: Direction | null; scannedAt: Date | null }>(
    `select r.id is not null as registered, s.direction, s.scanned_at as "scannedAt"
     from (select 1) one
     left join registration r on r.activity_id = $1 and r.user_id = $2 and r.state in ('confirmed', 'attended')
     left join lateral (select direction, scanned_at from checkin_scan where registration_id = r.id and superseded_by is null
                        order by scanned_at desc, id desc limit 1) s on true`,
    [activityId, userId],
  )
  return rows[0]
}

export async function boardCounts(
  db: Db,
  activityId: string,
): Promise<{ confirmed: number; checkedIn: number; checkedOut: number; needsReview: number }> {
  const { rows } = await db.query<{ confirmed: number; checkedIn: number; checkedOut: number; needsReview: number }>(
    `select (select count(*)::int from registration where activity_id = $1 and state in ('confirmed', 'attended')) as confirmed,
            count(*) filter (where last.direction is not null)::int as "checkedIn",
            count(*) filter (where last.direction = 'out')::int as "checkedOut",
            (select count(*)::int from checkin_scan where activity_id = $1 and needs_review and superseded_by is null) as "needsReview"
     from (select distinct on (registration_id) direction from checkin_scan
           where activity_id = $1 and superseded_by is null order by registration_id, scanned_at desc, id desc) last`,
    [activityId],
  )
  return rows[0]
}

export interface RosterRow {
  id: string
  ticketVersion: number
  name: string
  state: 'confirmed' | 'attended'
  direction: Direction | null
}

/** Seated registrations with their ticket version and last standing scan, in sign-up order. */
export async function offlineRosterRows(db: Db, activityId: string): Promise<RosterRow[]> {
  const { rows } = await db.query<RosterRow>(
    `select r.id, r.ticket_version as "ticketVersion", coalesce(u.real_name, u.nickname) as name, r.state, s.direction
     from registration r join app_user u on u.id = r.user_id
     left join lateral (select direction from checkin_scan where registration_id = r.id and superseded_by is null
                        order by scanned_at desc, id desc limit 1) s on true
     where r.activity_id = $1 and r.state in ('confirmed', 'attended') order by r.created_at, r.id`,
    [activityId],
  )
  return rows
}

/**
 * Spends an identity code on an event (expired codes of the district are cleared first). Answers the
 * event the code is spent on: this one when it was unspent, else the one that spent it first.
 */
export async function spendIdentityCode(
  db: Db,
  code: { districtId: string; codeId: Buffer; activityId: string; expiresAt: Date },
  now: Date,
): Promise<string> {
  await db.query('delete from identity_code_spent where district_id = $1 and expires_at < $2', [code.districtId, now])
  const spent = await db.query<{ activityId: string }>(
    `insert into identity_code_spent (district_id, code_id, activity_id, expires_at) values ($1, $2, $3, $4)
     on conflict (district_id, code_id) do nothing returning activity_id as "activityId"`,
    [code.districtId, code.codeId, code.activityId, code.expiresAt],
  )
  if (spent.rows[0]) return spent.rows[0].activityId
  const first = await db.query<{ activityId: string }>(
    'select activity_id as "activityId" from identity_code_spent where district_id = $1 and code_id = $2',
    [code.districtId, code.codeId],
  )
  return first.rows[0]?.activityId ?? code.activityId
}
