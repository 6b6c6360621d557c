/** Check-in reads shared by the `checkin` and `hours` functions: the event's check-in fields and its scans. */
import type { Direction } from '../domain/checkin/token'
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
