/** Check-in in PostgreSQL, shared by the `checkin` and `hours` functions: events' check-in fields, scans, and the scan write. */
import type { Pool } from 'pg'
import type { Direction } from '../domain/checkin/token'
import { AppError } from '../runtime/errors'
import type { Db } from './tx'

export interface CheckinEvent {
  id: string
  unit_id: string
  district_id: string
  title: string
  state: string
  start_at: Date
  end_at: Date
  latitude: number | null
  longitude: number | null
  checkin_secret: Buffer | null
  checkin_opens_minutes: number
  checkin_radius_m: number
  awards_hours: boolean
  hours_min_share: number
  hours_step: number
  hours_notice_days: number
  hours_closed_at: Date | null
}

export async function loadCheckinEvent(db: Db, id: string): Promise<CheckinEvent | null> {
  const { rows } = await db.query<CheckinEvent>(
    `select a.id, a.unit_id, a.district_id, a.title, a.state, a.start_at, a.end_at, a.latitude, a.longitude, a.checkin_secret,
            a.checkin_opens_minutes, a.checkin_radius_m, (a.records_service_hours and c.awards_service_hours) as awards_hours,
            a.hours_min_share::float8 as hours_min_share, a.hours_step::float8 as hours_step, a.hours_notice_days, a.hours_closed_at
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
  if (event?.checkin_secret) {
    if (scanCache.size >= SCAN_CACHE_MAX) scanCache.delete(scanCache.keys().next().value!)
    scanCache.delete(id)
    scanCache.set(id, { at: Date.now(), event })
  }
  return event
}

export interface ScanRow {
  id: string
  activity_id: string
  registration_id: string
  direction: Direction
  method: 'site_code' | 'ticket' | 'walk_in'
  scanned_at: Date
  needs_review: boolean
  nickname: string
  real_name: string | null
}

const SCAN_COLUMNS = `s.id, s.activity_id, s.registration_id, s.direction, s.method, s.scanned_at, s.needs_review, u.nickname, u.real_name`

export async function findScan(db: Db, activityId: string, nonce: string): Promise<ScanRow | null> {
  const { rows } = await db.query<ScanRow>(
    `select ${SCAN_COLUMNS} from checkin_scan s join app_user u on u.id = s.user_id where s.activity_id = $1 and s.nonce = $2`,
    [activityId, nonce],
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
export async function eventScans(db: Db, activityId: string): Promise<(ScanRow & { user_id: string })[]> {
  const { rows } = await db.query<ScanRow & { user_id: string }>(
    `select ${SCAN_COLUMNS}, s.user_id from checkin_scan s join app_user u on u.id = s.user_id
     where s.activity_id = $1 and s.superseded_by is null order by s.registration_id, s.scanned_at, s.id`,
    [activityId],
  )
  return rows
}
/** Great-circle distance in metres (haversine): enough precision for a venue radius. */
function distanceMetres(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * rad
  const dLon = (b.longitude - a.longitude) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)))
}

/** Why a registration that holds no place cannot scan (REGISTRATION_CANCELLED). */
export const notSeatedMessage = (state: string) =>
  state === 'waitlisted' ? '你仍在候补中，尚未获得名额' : '该报名已取消或未通过，不能签到'

export interface ScanToRecord {
  /** Whose scan: a known registration (ticket, walk-in), or the caller's own (self-scan by openid). */
  who: { registrationId: string } | { openid: string }
  direction: Direction
  method: ScanRow['method']
  nonce: string
  now: Date
  scannedBy: string | null
  location?: { latitude: number; longitude: number }
}

/**
 * Records one scan in ONE statement (autocommit: one round trip and one commit), after the checks
 * that need the database: a confirmed registration, an unseen nonce, and for a check-out an
 * earlier check-in. A check-in also marks the registration attended. No lock beyond that row
 * update is needed for what matters:
 * - the same scan twice (double tap, retry): the unique (activity, nonce) index lets one insert
 *   land; the twin waits on it, does nothing, and answers the first one's record;
 * - two different scans of one person at the same instant (their ticket scanned while they
 *   self-scan) at worst record a repeated check-in, which the hour rules already ignore.
 */
export async function recordScan(
  pool: Pool,
  e: CheckinEvent,
  scan: ScanToRecord,
): Promise<{ row: ScanRow; repeated: boolean }> {
  let distance: number | null = null
  let needsReview = false
  if (scan.location && e.latitude !== null && e.longitude !== null) {
    distance = distanceMetres(scan.location, { latitude: e.latitude, longitude: e.longitude })
    needsReview = distance > e.checkin_radius_m
  }
  const byRegistration = 'registrationId' in scan.who
  const { rows } = await pool.query<ScanRow & { reg_state: string | null; seen: boolean; last: Direction | null }>(
    `with reg as (
       select r.id, r.state, r.user_id from registration r
       where r.activity_id = $1 and ${byRegistration ? 'r.id = $2::uuid' : 'r.user_id = (select id from app_user where openid = $2)'}
       order by (r.state in ('confirmed', 'attended')) desc, r.created_at desc limit 1
     ), seen as (
       select 1 from checkin_scan where activity_id = $1 and nonce = $4
     ), last as (
       select s.direction from checkin_scan s join reg on s.registration_id = reg.id
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
     select (select state from reg) as reg_state, exists (select 1 from seen) as seen, (select direction from last) as last,
            ins.id, ins.activity_id, ins.registration_id, ins.direction, ins.method, ins.scanned_at, ins.needs_review, u.nickname, u.real_name
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
      distance,
      needsReview,
    ],
  )
  const r = rows[0]
  if (r.id !== null) return { row: r, repeated: false }
  if (!r.seen) {
    if (r.reg_state === null) throw new AppError('NOT_REGISTERED', '你没有报名本活动，请联系现场组织者')
    if (!['confirmed', 'attended'].includes(r.reg_state)) {
      throw new AppError('REGISTRATION_CANCELLED', notSeatedMessage(r.reg_state))
    }
    if (scan.direction === 'out' && r.last !== 'in') throw new AppError('NOT_CHECKED_IN', '请先签到再签退')
  }
  // Seen before, or its twin landed while this statement ran: answer the first record.
  const first = await findScan(pool, e.id, scan.nonce)
  if (!first) throw new Error('scan neither recorded nor found')
  return { row: first, repeated: true }
}
