/** Check-in in PostgreSQL, shared by the `checkin` and `hours` functions: events' check-in fields, scans, and the scan write. */
import type { Pool } from 'pg'
import type { Direction } from '../domain/checkin/token'
import { AppError } from '../runtime/errors'
import { PG, inTransaction, pgCode, type Db } from './tx'

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
     from activity a join activity_category c on c.code = a.category where a.id = $1`, [id])
  return rows[0] ?? null
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
    `select ${SCAN_COLUMNS} from checkin_scan s join app_user u on u.id = s.user_id where s.activity_id = $1 and s.nonce = $2`, [activityId, nonce])
  return rows[0] ?? null
}

export async function recentScans(db: Db, activityId: string, limit: number): Promise<ScanRow[]> {
  const { rows } = await db.query<ScanRow>(
    `select ${SCAN_COLUMNS} from checkin_scan s join app_user u on u.id = s.user_id
     where s.activity_id = $1 and s.superseded_by is null order by s.scanned_at desc, s.id desc limit $2`, [activityId, limit])
  return rows
}

/** Every standing scan of an event (superseded ones are left out), by registration and time. */
export async function eventScans(db: Db, activityId: string): Promise<(ScanRow & { user_id: string })[]> {
  const { rows } = await db.query<ScanRow & { user_id: string }>(
    `select ${SCAN_COLUMNS}, s.user_id from checkin_scan s join app_user u on u.id = s.user_id
     where s.activity_id = $1 and s.superseded_by is null order by s.registration_id, s.scanned_at, s.id`, [activityId])
  return rows
}
/** Great-circle distance in metres (haversine): enough precision for a venue radius. */
function distanceMetres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * rad
  const dLon = (b.longitude - a.longitude) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)))
}

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
 * Records one scan for a registration, after the checks that need it: a confirmed registration,
 * and for a check-out an earlier check-in. Serialised per registration (row lock) so a check-in
 * and a check-out racing each other see each other; the nonce is checked under that lock, in a
 * statement of its own (a fresh snapshot), so a twin that committed while we waited is seen.
 * Five round trips: begin, lock, checks, insert (returning the answer), commit.
 */
export async function recordScan(pool: Pool, e: CheckinEvent, scan: ScanToRecord): Promise<{ row: ScanRow; repeated: boolean }> {
  try {
    const row = await inTransaction(pool, async (tx) => {
      const reg = await tx.query<{ id: string; state: string; user_id: string }>(
        'registrationId' in scan.who
          ? 'select id, state, user_id from registration where id = $1 and activity_id = $2 for update'
          : `select r.id, r.state, r.user_id from registration r join app_user u on u.id = r.user_id
             where r.activity_id = $2 and u.openid = $1
             order by (r.state in ('confirmed', 'attended')) desc, r.created_at desc limit 1 for update of r`,
        ['registrationId' in scan.who ? scan.who.registrationId : scan.who.openid, e.id])
      const r = reg.rows[0]
      if (!r) throw new AppError('NOT_REGISTERED', '你没有报名本活动，请联系现场组织者')
      const checks = await tx.query<{ seen: boolean; last: Direction | null }>(
        `select exists (select 1 from checkin_scan where activity_id = $1 and nonce = $2) as seen,
                (select direction from checkin_scan where registration_id = $3 and superseded_by is null
                 order by scanned_at desc, id desc limit 1) as last`, [e.id, scan.nonce, r.id])
      // The same scan sent twice at once: the copy waited on the lock above; the first has landed.
      if (checks.rows[0].seen) return null
      if (!['confirmed', 'attended'].includes(r.state)) {
        throw new AppError('REGISTRATION_CANCELLED', r.state === 'waitlisted' ? '你仍在候补中，尚未获得名额' : '该报名已取消或未通过，不能签到')
      }
      if (scan.direction === 'out' && checks.rows[0].last !== 'in') throw new AppError('NOT_CHECKED_IN', '请先签到再签退')
      let distance: number | null = null
      let needsReview = false
      if (scan.location && e.latitude !== null && e.longitude !== null) {
        distance = distanceMetres(scan.location, { latitude: e.latitude, longitude: e.longitude })
        needsReview = distance > e.checkin_radius_m
      }
      const inserted = await tx.query<ScanRow>(
        `with s as (
           insert into checkin_scan (activity_id, registration_id, user_id, direction, method, scanned_at, nonce, scanned_by, latitude, longitude, distance_m, needs_review)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           on conflict (activity_id, nonce) do nothing
           returning *
         )
         select ${SCAN_COLUMNS} from s join app_user u on u.id = s.user_id`,
        [e.id, r.id, r.user_id, scan.direction, scan.method, scan.now, scan.nonce, scan.scannedBy,
          scan.location?.latitude ?? null, scan.location?.longitude ?? null, distance, needsReview])
      return inserted.rows[0] ?? null
    })
    if (row) return { row, repeated: false }
    return { row: (await findScan(pool, e.id, scan.nonce))!, repeated: true }
  } catch (err) {
    // The same nonce raced in twice: the other one landed; answer with its record.
    if (pgCode(err) === PG.uniqueViolation) {
      const first = await findScan(pool, e.id, scan.nonce)
      if (first) return { row: first, repeated: true }
    }
    throw err
  }
}
