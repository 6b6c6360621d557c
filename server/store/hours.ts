/** The service-hours ledger in PostgreSQL: entries, the audit log, certificates and the district's sums. SQL and row mapping only. */
import type { AuditRecord, LedgerEntry } from '@api/hours'
import type { HoursFlag } from '../domain/checkin/hours'
import type { LedgerLine } from '../domain/hours/ledger'
import type { Db } from './tx'

export interface EntryRow {
  id: string
  activityId: string
  registrationId: string
  userId: string
  day: string
  kind: LedgerEntry['kind']
  hours: number
  minutes: number
  status: LedgerEntry['status']
  needsReview: boolean
  flags: HoursFlag[]
  reason: string | null
  evidence: { note: string; fileIds: string[] } | null
  replacesId: string | null
  noticeUntil: Date | null
  createdAt: Date
  nickname: string
  realName: string | null
  corrected: boolean
}

const ENTRY_SELECT = `select h.id::text, h.activity_id as "activityId", h.registration_id as "registrationId", h.user_id as "userId",
    to_char(h.day, 'YYYY-MM-DD') as day, h.kind, h.hours::float8 as hours, h.minutes, h.status, h.needs_review as "needsReview",
    h.flags, h.reason, h.evidence, h.replaces_id::text as "replacesId", h.notice_until as "noticeUntil",
    h.created_at as "createdAt", u.nickname, u.real_name as "realName",
    exists (select 1 from service_hours r where r.replaces_id = h.id and r.kind = 'reversal') as corrected
  from service_hours h join app_user u on u.id = h.user_id`

export async function eventEntries(db: Db, activityId: string): Promise<EntryRow[]> {
  const { rows } = await db.query<EntryRow>(
    `${ENTRY_SELECT} where h.activity_id = $1 order by u.nickname, h.registration_id, h.day, h.id`,
    [activityId],
  )
  return rows
}

export async function findEntry(db: Db, id: string, lock = false): Promise<EntryRow | null> {
  if (lock) await db.query('select 1 from service_hours where id = $1 for update', [id])
  const { rows } = await db.query<EntryRow>(`${ENTRY_SELECT} where h.id = $1`, [id])
  return rows[0] ?? null
}

/** A person's lines for one event, for the ledger rules. */
export async function registrationLines(db: Db, registrationId: string): Promise<LedgerLine[]> {
  const { rows } = await db.query<LedgerLine>(
    `select id::text, kind, status, hours::float8 as hours, replaces_id::text as "replacesId"
     from service_hours where registration_id = $1`,
    [registrationId],
  )
  return rows
}

export type AuditAction = 'close' | 'adjust' | 'decline' | 'makeup' | 'confirm' | 'approve' | 'correct'

export interface AuditEntry {
  entryId: string
  activityId: string
  at: Date
  by: string | null
  action: AuditAction
  before: { hours: number; status: string } | null
  after: { hours: number; status: string } | null
  reason?: string | null
}

export async function audit(db: Db, a: AuditEntry): Promise<void> {
  await db.query(
    'insert into hours_audit (entry_id, activity_id, at, by_user, action, before, after, reason) values ($1, $2, $3, $4, $5, $6, $7, $8)',
    [
      a.entryId,
      a.activityId,
      a.at,
      a.by,
      a.action,
      a.before && JSON.stringify(a.before),
      a.after && JSON.stringify(a.after),
      a.reason ?? null,
    ],
  )
}

/** Locks the event's row: closing its hours is serialised per event. */
export async function lockActivity(db: Db, activityId: string): Promise<void> {
  await db.query('select 1 from activity where id = $1 for update', [activityId])
}

/**
 * Writes a person's scan entry for one day as pending, or refreshes a pending one (entries
 * decided, on notice or adjusted by hand are left as they are: then null).
 */
export async function upsertScanEntry(
  db: Db,
  w: {
    activityId: string
    registrationId: string
    day: string
    minutes: number
    hours: number
    needsReview: boolean
    flags: HoursFlag[]
  },
): Promise<{ id: string; inserted: boolean } | null> {
  const written = await db.query<{ id: string; inserted: boolean }>(
    `insert into service_hours (activity_id, registration_id, user_id, day, minutes, hours, needs_review, flags)
     select $1, $2, user_id, $3, $4, $5, $6, $7 from registration where id = $2
     on conflict (registration_id, day) where kind = 'scan'
     do update set minutes = excluded.minutes, hours = excluded.hours, needs_review = excluded.needs_review, flags = excluded.flags
     where service_hours.status = 'pending' and service_hours.notice_until is null and not ('adjusted' = any(service_hours.flags))
     returning id::text, (xmax = 0) as inserted`,
    [w.activityId, w.registrationId, w.day, w.minutes, w.hours, w.needsReview, w.flags],
  )
  return written.rows[0] ?? null
}

/** Confirmed seats nobody checked in for become no-shows, where check-in was used at all. */
export async function markNoShows(db: Db, activityId: string, now: Date): Promise<void> {
  await db.query(
    `update registration r set state = 'no_show', updated_at = $2
     where r.activity_id = $1 and r.state = 'confirmed'
       and exists (select 1 from checkin_scan s where s.activity_id = $1 and s.direction = 'in')
       and not exists (select 1 from checkin_scan s where s.registration_id = r.id)`,
    [activityId, now],
  )
}

export async function markHoursClosed(db: Db, activityId: string, now: Date): Promise<void> {
  await db.query('update activity set hours_closed_at = coalesce(hours_closed_at, $2) where id = $1', [activityId, now])
}

/** Events whose hours are not closed yet and that ended before `endedBefore`, oldest first. */
export async function eventsDueForClosing(db: Db, endedBefore: Date, limit: number): Promise<string[]> {
  const due = await db.query<{ id: string }>(
    `select id from activity where hours_closed_at is null and state in ('published', 'finished') and end_at <= $1
     order by end_at limit $2`,
    [endedBefore, limit],
  )
  return due.rows.map((r) => r.id)
}

/**
 * Approves pending entries whose public notice has ended (all, or one event's, or one person's),
 * with their audit records (`reason` on each), in one statement.
 */
export async function approveNoticedEntries(
  db: Db,
  now: Date,
  reason: string,
  scope: { activityId?: string; userId?: string } = {},
): Promise<number> {
  const { rowCount } = await db.query(
    `with done as (
       update service_hours set status = 'approved', decided_at = $1
       where status = 'pending' and notice_until <= $1 and ($2::uuid is null or activity_id = $2) and ($3::uuid is null or user_id = $3)
       returning id, activity_id, hours::float8 as hours
     )
     insert into hours_audit (entry_id, activity_id, at, by_user, action, before, after, reason)
     select id, activity_id, $1, null, 'approve', jsonb_build_object('hours', hours, 'status', 'pending'),
            jsonb_build_object('hours', hours, 'status', 'approved'), $4
     from done`,
    [now, scope.activityId ?? null, scope.userId ?? null, reason],
  )
  return rowCount ?? 0
}

/** People with a seat (or a no-show) on the event, for the review screen. */
export async function reviewPeople(
  db: Db,
  activityId: string,
): Promise<{ id: string; nickname: string; realName: string | null }[]> {
  const people = await db.query<{ id: string; nickname: string; realName: string | null }>(
    `select r.id, u.nickname, u.real_name as "realName" from registration r join app_user u on u.id = r.user_id
     where r.activity_id = $1 and r.state in ('confirmed', 'attended', 'no_show') order by u.nickname, r.id`,
    [activityId],
  )
  return people.rows
}

export interface HoursSettingsChange {
  minShare?: number
  stepHours?: number
  noticeDays?: number
  checkinOpensMinutes?: number
  checkinRadiusMeters?: number
}

export async function updateHoursSettings(db: Db, activityId: string, c: HoursSettingsChange): Promise<void> {
  await db.query(
    `update activity set hours_min_share = coalesce($2, hours_min_share), hours_step = coalesce($3, hours_step),
       hours_notice_days = coalesce($4, hours_notice_days), checkin_opens_minutes = coalesce($5, checkin_opens_minutes),
       checkin_radius_m = coalesce($6, checkin_radius_m)
     where id = $1`,
    [
      activityId,
      c.minShare ?? null,
      c.stepHours ?? null,
      c.noticeDays ?? null,
      c.checkinOpensMinutes ?? null,
      c.checkinRadiusMeters ?? null,
    ],
  )
}

/** A pending entry takes new hours by hand (flagged adjusted, back out of any notice). */
export async function setPendingHours(db: Db, entryId: string, hours: number, reason: string): Promise<void> {
  await db.query(
    `update service_hours set hours = $2, needs_review = false, reason = $3,
       flags = array_append(array_remove(flags, 'adjusted'), 'adjusted'), notice_until = null where id = $1`,
    [entryId, hours, reason],
  )
}

/** Writes an approved reversal or correction of an approved entry; returns its id. */
export async function insertCorrectionLine(
  db: Db,
  w: {
    kind: 'reversal' | 'correction'
    replaces: Pick<EntryRow, 'id' | 'activityId' | 'registrationId' | 'userId' | 'day'>
    hours: number
    reason: string
    by: string
    at: Date
  },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `insert into service_hours (activity_id, registration_id, user_id, day, kind, minutes, hours, status, reason, replaces_id, decided_by, decided_at, flags)
     values ($1, $2, $3, $4, $5, 0, $6, 'approved', $7, $8, $9, $10, '{adjusted}') returning id::text`,
    [
      w.replaces.activityId,
      w.replaces.registrationId,
      w.replaces.userId,
      w.replaces.day,
      w.kind,
      w.hours,
      w.reason,
      w.replaces.id,
      w.by,
      w.at,
    ],
  )
  return r.rows[0].id
}

export async function declineEntry(db: Db, entryId: string, reason: string, by: string, at: Date): Promise<void> {
  await db.query(
    "update service_hours set status = 'declined', reason = $2, decided_by = $3, decided_at = $4, notice_until = null where id = $1",
    [entryId, reason, by, at],
  )
}

/** The registration a make-up is for. */
export async function registrationRef(
  db: Db,
  registrationId: string,
): Promise<{ activityId: string; userId: string; state: string } | null> {
  const reg = await db.query<{ activityId: string; userId: string; state: string }>(
    'select activity_id as "activityId", user_id as "userId", state from registration where id = $1',
    [registrationId],
  )
  return reg.rows[0] ?? null
}

/** Locks a registration: make-ups and adjustments of one person queue on it. */
export async function lockRegistration(db: Db, registrationId: string): Promise<void> {
  await db.query('select 1 from registration where id = $1 for update', [registrationId])
}

export async function insertMakeup(
  db: Db,
  w: {
    activityId: string
    registrationId: string
    userId: string
    day: string
    hours: number
    reason: string
    evidence: unknown
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into service_hours (activity_id, registration_id, user_id, day, kind, minutes, hours, reason, evidence)
     values ($1, $2, $3, $4, 'makeup', 0, $5, $6, $7) returning id::text`,
    [w.activityId, w.registrationId, w.userId, w.day, w.hours, w.reason, JSON.stringify(w.evidence)],
  )
  return rows[0].id
}

/** A confirmed registration or a no-show becomes attended (evidence says they were there). */
export async function markAttendedFromMakeup(db: Db, registrationId: string, now: Date): Promise<void> {
  await db.query(
    "update registration set state = 'attended', updated_at = $2 where id = $1 and state in ('confirmed', 'no_show')",
    [registrationId, now],
  )
}

/**
 * Confirms the event's pending entries that need no review (all, or those in `entryIds`):
 * approved at once, or on notice until `until`. Returns what it confirmed.
 */
export async function confirmPending(
  db: Db,
  c: { activityId: string; entryIds: string[] | null; until: Date | null; by: string; at: Date },
): Promise<{ id: string; hours: number }[]> {
  const { rows } = await db.query<{ id: string; hours: number }>(
    `update service_hours set status = case when $3::timestamptz is null then 'approved' else 'pending' end,
       notice_until = $3, decided_by = $4, decided_at = $5
     where activity_id = $1 and status = 'pending' and notice_until is null and not needs_review
       and ($2::bigint[] is null or id = any($2::bigint[]))
     returning id::text, hours::float8 as hours`,
    [c.activityId, c.entryIds, c.until, c.by, c.at],
  )
  return rows
}

/** Pending entries not on notice: what still waits for review. */
export async function countLeftForReview(db: Db, activityId: string): Promise<number> {
  const left = await db.query<{ n: number }>(
    "select count(*)::int as n from service_hours where activity_id = $1 and status = 'pending' and notice_until is null",
    [activityId],
  )
  return left.rows[0].n
}

export interface AuditRow {
  at: Date
  nickname: string | null
  realName: string | null
  action: AuditRecord['action']
  before: AuditRecord['before']
  after: AuditRecord['after']
  reason: string | null
}

export async function auditOf(db: Db, entryIds: string[]): Promise<AuditRow[]> {
  const { rows } = await db.query<AuditRow>(
    `select a.at, u.nickname, u.real_name as "realName", a.action, a.before, a.after, a.reason
     from hours_audit a left join app_user u on u.id = a.by_user where a.entry_id = any($1::bigint[]) order by a.at, a.id`,
    [entryIds],
  )
  return rows
}

/** Entries on public notice at `now`, with the person's display name (unmasked). */
export async function noticeRows(
  db: Db,
  activityId: string,
  now: Date,
): Promise<{ name: string; day: string; hours: number; noticeUntil: Date }[]> {
  const { rows } = await db.query<{ name: string; day: string; hours: number; noticeUntil: Date }>(
    `select coalesce(u.real_name, u.nickname) as name, to_char(h.day, 'YYYY-MM-DD') as day, h.hours::float8 as hours,
            h.notice_until as "noticeUntil"
     from service_hours h join app_user u on u.id = h.user_id
     where h.activity_id = $1 and h.status = 'pending' and h.notice_until > $2 order by h.day, u.nickname`,
    [activityId, now],
  )
  return rows
}

export interface MyHoursRow {
  activityId: string
  title: string
  unitName: string
  day: string
  hours: number
  status: LedgerEntry['status']
  kind: LedgerEntry['kind']
  noticeUntil: Date | null
  startAt: Date
}

export async function myHoursRows(db: Db, userId: string): Promise<MyHoursRow[]> {
  const { rows } = await db.query<MyHoursRow>(
    `select h.activity_id as "activityId", a.title, u.name as "unitName", to_char(h.day, 'YYYY-MM-DD') as day,
            h.hours::float8 as hours, h.status, h.kind, h.notice_until as "noticeUntil", a.start_at as "startAt"
     from service_hours h join activity a on a.id = h.activity_id join org_unit u on u.id = a.unit_id
     where h.user_id = $1 order by a.start_at desc, h.day, h.id limit 2000`,
    [userId],
  )
  return rows
}

export async function realNameOf(db: Db, userId: string): Promise<string | null> {
  const person = await db.query<{ real_name: string | null }>('select real_name from app_user where id = $1', [userId])
  return person.rows[0]?.real_name ?? null
}

/** A person's approved hours per event in a period (events with a positive sum), by start. */
export async function approvedByActivity(
  db: Db,
  userId: string,
  from: string,
  to: string,
): Promise<{ title: string; unitName: string; days: number; hours: number }[]> {
  const { rows } = await db.query<{ title: string; unitName: string; days: number; hours: number }>(
    `select a.title, u.name as "unitName", count(distinct h.day)::int as days, sum(h.hours)::float8 as hours
     from service_hours h join activity a on a.id = h.activity_id join org_unit u on u.id = a.unit_id
     where h.user_id = $1 and h.status = 'approved' and h.day between $2 and $3
     group by h.activity_id, a.title, u.name, a.start_at having sum(h.hours) > 0 order by a.start_at`,
    [userId, from, to],
  )
  return rows
}

export async function districtName(db: Db, districtId: string): Promise<string | null> {
  const district = await db.query<{ name: string }>('select name from district where id = $1', [districtId])
  return district.rows[0]?.name ?? null
}

export interface CertificateContent {
  userId: string
  holderName: string
  from: string
  to: string
  totalHours: number
  activities: { title: string; unitName: string; days: number; hours: number }[]
}

/** The latest certificate with exactly this content, if one was issued. */
export async function sameCertificate(db: Db, c: CertificateContent): Promise<{ code: string; issuedAt: Date } | null> {
  const same = await db.query<{ code: string; issuedAt: Date }>(
    `select code, issued_at as "issuedAt" from hours_certificate
     where user_id = $1 and period_from = $2 and period_to = $3 and holder_name = $4 and total_hours = $5 and activities = $6::jsonb
     order by issued_at desc limit 1`,
    [c.userId, c.from, c.to, c.holderName, c.totalHours, JSON.stringify(c.activities)],
  )
  return same.rows[0] ?? null
}

export async function insertCertificate(
  db: Db,
  c: CertificateContent & { code: string; issuer: string; issuedAt: Date },
): Promise<void> {
  await db.query(
    `insert into hours_certificate (code, user_id, holder_name, period_from, period_to, total_hours, activities, issuer, issued_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [c.code, c.userId, c.holderName, c.from, c.to, c.totalHours, JSON.stringify(c.activities), c.issuer, c.issuedAt],
  )
}

export interface CertificateRow {
  code: string
  holderName: string
  from: string
  to: string
  totalHours: number
  activities: { title: string; unitName: string; hours: number }[]
  issuedAt: Date
  issuer: string
}

export async function certificateByCode(db: Db, code: string): Promise<CertificateRow | null> {
  const { rows } = await db.query<CertificateRow>(
    `select code, holder_name as "holderName", to_char(period_from, 'YYYY-MM-DD') as from, to_char(period_to, 'YYYY-MM-DD') as to,
            total_hours::float8 as "totalHours", activities, issued_at as "issuedAt", issuer
     from hours_certificate where code = $1`,
    [code],
  )
  return rows[0] ?? null
}

/** Approved hours of the district's events on days in [from, to): the total, by unit and by month. */
export async function districtSums(db: Db, districtId: string, from: string, to: string) {
  const args = [districtId, from, to]
  const scope = `from service_hours h join activity a on a.id = h.activity_id
    where a.district_id = $1 and h.status = 'approved' and h.day >= $2 and h.day < $3`
  const [total, byUnit, byMonth] = await Promise.all([
    db.query<{ hours: number | null; people: number }>(
      `select sum(h.hours)::float8 as hours, count(distinct h.user_id)::int as people ${scope}`,
      args,
    ),
    db.query<{ unitId: string; unitName: string; hours: number; people: number; activities: number }>(
      `select a.unit_id as "unitId", u.name as "unitName", sum(h.hours)::float8 as hours,
              count(distinct h.user_id)::int as people, count(distinct h.activity_id)::int as activities
       from service_hours h join activity a on a.id = h.activity_id join org_unit u on u.id = a.unit_id
       where a.district_id = $1 and h.status = 'approved' and h.day >= $2 and h.day < $3
       group by a.unit_id, u.name order by hours desc, u.name`,
      args,
    ),
    db.query<{ month: string; hours: number; people: number }>(
      `select to_char(h.day, 'YYYY-MM') as month, sum(h.hours)::float8 as hours, count(distinct h.user_id)::int as people ${scope}
       group by 1 order by 1`,
      args,
    ),
  ])
  return { total: total.rows[0], byUnit: byUnit.rows, byMonth: byMonth.rows }
}

export interface ExportRow {
  realName: string | null
  nickname: string
  idType: string | null
  phone: string | null
  title: string
  day: string
  hours: number
  unitName: string
}

/** One row per person, event and day: net approved hours (corrections folded in), zero rows left out. */
export async function exportRows(db: Db, districtId: string, from: string, to: string): Promise<ExportRow[]> {
  const { rows } = await db.query<ExportRow>(
    `select p.real_name as "realName", p.nickname, p.id_type as "idType", p.phone, a.title, to_char(h.day, 'YYYY-MM-DD') as day,
            sum(h.hours)::float8 as hours, u.name as "unitName"
     from service_hours h join activity a on a.id = h.activity_id join org_unit u on u.id = a.unit_id join app_user p on p.id = h.user_id
     where a.district_id = $1 and h.status = 'approved' and h.day >= $2 and h.day < $3
     group by h.user_id, p.real_name, p.nickname, p.id_type, p.phone, h.activity_id, a.title, h.day, u.name
     having sum(h.hours) > 0 order by h.day, u.name, a.title, p.real_name`,
    [districtId, from, to],
  )
  return rows
}
