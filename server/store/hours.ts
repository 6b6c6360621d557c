/** The service-hours ledger in PostgreSQL: computing hours from scans, entries, and the audit log. */
import type { DayHours, HoursPreview, LedgerEntry } from '@api/hours'
import { dailySpans, scheduledDays, serviceHours } from '../domain/checkin/hours'
import { shanghaiDay } from '../domain/shanghai-time'
import type { LedgerLine } from '../domain/hours/ledger'
import type { CheckinEvent } from './checkin'
import { eventScans } from './checkin'
import type { Db } from './tx'

/** What each person's standing scans earn, per Shanghai day, by the hour rules and the event's settings. */
export async function computeHours(db: Db, e: CheckinEvent): Promise<HoursPreview> {
  const rows = await eventScans(db, e.id)
  const schedule = dailySpans(e.start_at, e.end_at)
  const byRegistration = new Map<string, typeof rows>()
  for (const r of rows) byRegistration.set(r.registration_id, [...(byRegistration.get(r.registration_id) ?? []), r])
  return {
    awardsHours: e.awards_hours,
    items: [...byRegistration.entries()].map(([registrationId, scans]) => {
      const days: DayHours[] = serviceHours({
        schedule,
        awardsHours: e.awards_hours,
        minShare: e.hours_min_share,
        stepHours: e.hours_step,
        scans: scans.map((x) => ({ kind: x.direction, at: x.scanned_at })),
      })
      // A scan far from the venue is a signal, not proof: that day's hours wait for a person to look.
      const farDays = new Set(scans.filter((x) => x.needs_review).map((x) => shanghaiDay(x.scanned_at)))
      for (const d of days) if (farDays.has(d.day)) d.flags = [...d.flags, 'far_from_venue']
      return {
        registrationId,
        person: { nickname: scans[0].nickname, realName: scans[0].real_name },
        days,
        totalHours: days.reduce((sum, d) => sum + d.hours, 0),
      }
    }),
  }
}

/** A day a person must look at before it counts: no check-out (0 h until confirmed), or a scan far from the venue. */
const needsReview = (d: DayHours) => d.status === 'needs_review' || d.flags.includes('far_from_venue')

/** The event's scheduled hours over all its days: the cap of any one person's hours. */
export function scheduledHours(e: Pick<CheckinEvent, 'start_at' | 'end_at'>): number {
  return scheduledDays(e.start_at, e.end_at).reduce((sum, d) => sum + d.minutes, 0) / 60
}

export interface EntryRow {
  id: string
  activity_id: string
  registration_id: string
  user_id: string
  day: string
  kind: LedgerEntry['kind']
  hours: number
  minutes: number
  status: LedgerEntry['status']
  needs_review: boolean
  flags: string[]
  reason: string | null
  evidence: { note: string; fileIds: string[] } | null
  replaces_id: string | null
  notice_until: Date | null
  created_at: Date
  nickname: string
  real_name: string | null
  corrected: boolean
}

const ENTRY_SELECT = `select h.id::text, h.activity_id, h.registration_id, h.user_id, to_char(h.day, 'YYYY-MM-DD') as day, h.kind,
    h.hours::float8 as hours, h.minutes, h.status, h.needs_review, h.flags, h.reason, h.evidence, h.replaces_id::text, h.notice_until,
    h.created_at, u.nickname, u.real_name,
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
  const { rows } = await db.query<{
    id: string
    kind: LedgerLine['kind']
    status: LedgerLine['status']
    hours: number
    replaces_id: string | null
  }>(
    'select id::text, kind, status, hours::float8 as hours, replaces_id::text from service_hours where registration_id = $1',
    [registrationId],
  )
  return rows.map((r) => ({ id: r.id, kind: r.kind, status: r.status, hours: r.hours, replacesId: r.replaces_id }))
}

export const toLedgerEntry = (r: EntryRow): LedgerEntry => ({
  id: r.id,
  activityId: r.activity_id,
  registrationId: r.registration_id,
  person: { nickname: r.nickname, realName: r.real_name },
  day: r.day,
  kind: r.kind,
  hours: r.hours,
  minutes: r.minutes,
  status: r.status,
  needsReview: r.needs_review,
  flags: r.flags,
  reason: r.reason,
  evidence: r.evidence,
  replacesId: r.replaces_id,
  noticeUntil: r.notice_until?.toISOString() ?? null,
  corrected: r.corrected,
  createdAt: r.created_at.toISOString(),
})

export type AuditAction = 'close' | 'adjust' | 'decline' | 'makeup' | 'confirm' | 'approve' | 'correct'

export async function audit(
  db: Db,
  a: {
    entryId: string
    activityId: string
    at: Date
    by: string | null
    action: AuditAction
    before: { hours: number; status: string } | null
    after: { hours: number; status: string } | null
    reason?: string | null
  },
): Promise<void> {
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

/**
 * Writes each person's scan day entries as pending (re-closing refreshes pending ones; approved
 * and declined ones are final), and records no-shows where check-in was used. Serialised per
 * event by locking the activity row.
 */
export async function closeEventHours(
  tx: Db,
  e: CheckinEvent,
  now: Date,
  by: string | null,
): Promise<{ pending: number; needsReview: number }> {
  await tx.query('select 1 from activity where id = $1 for update', [e.id])
  const preview = await computeHours(tx, e)
  let pending = 0
  let reviews = 0
  for (const item of preview.items) {
    for (const d of item.days) {
      const written = await tx.query<{ id: string; inserted: boolean }>(
        `insert into service_hours (activity_id, registration_id, user_id, day, minutes, hours, needs_review, flags)
         select $1, $2, user_id, $3, $4, $5, $6, $7 from registration where id = $2
         on conflict (registration_id, day) where kind = 'scan'
         do update set minutes = excluded.minutes, hours = excluded.hours, needs_review = excluded.needs_review, flags = excluded.flags
         where service_hours.status = 'pending' and service_hours.notice_until is null and not ('adjusted' = any(service_hours.flags))
         returning id::text, (xmax = 0) as inserted`,
        [e.id, item.registrationId, d.day, d.presentMinutes, d.hours, needsReview(d), d.flags],
      )
      // Counted only when written: entries decided, on notice or adjusted by hand are left as they are.
      if (!written.rowCount) continue
      pending++
      if (needsReview(d)) reviews++
      if (written.rows[0].inserted) {
        await audit(tx, {
          entryId: written.rows[0].id,
          activityId: e.id,
          at: now,
          by,
          action: 'close',
          before: null,
          after: { hours: d.hours, status: 'pending' },
        })
      }
    }
  }
  // Where check-in was used, a confirmed place nobody checked in for is a no-show (the attendance
  // record sign-up rules read); organisers can still correct it on the roster.
  await tx.query(
    `update registration r set state = 'no_show', updated_at = $2
     where r.activity_id = $1 and r.state = 'confirmed'
       and exists (select 1 from checkin_scan s where s.activity_id = $1 and s.direction = 'in')
       and not exists (select 1 from checkin_scan s where s.registration_id = r.id)`,
    [e.id, now],
  )
  await tx.query('update activity set hours_closed_at = coalesce(hours_closed_at, $2) where id = $1', [e.id, now])
  return { pending, needsReview: reviews }
}
