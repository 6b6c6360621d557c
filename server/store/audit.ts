/** The audit log of reads of whole phone numbers (table audit_log). SQL and row mapping only. */
import type { AuditKind } from '@api/org'
import type { Db } from './tx'

export interface AuditRecord {
  districtId: string
  at: Date
  actorId: string
  kind: AuditKind
  activityId?: string | null
  year?: number | null
  month?: number | null
  people: number
}

/** Writes one entry: one statement. */
export async function insertAudit(db: Db, e: AuditRecord): Promise<void> {
  await db.query(
    `insert into audit_log (district_id, at, actor_id, kind, activity_id, year, month, people)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [e.districtId, e.at, e.actorId, e.kind, e.activityId ?? null, e.year ?? null, e.month ?? null, e.people],
  )
}

export interface AuditRow {
  id: string
  at: Date
  kind: AuditKind
  actorId: string
  actorName: string
  activityId: string | null
  activityTitle: string | null
  unitName: string | null
  year: number | null
  month: number | null
  people: number
}

/** A page of the district's entries, newest first, after `after` (keyset on (at, id)); `kind` filters. */
export async function auditPage(
  db: Db,
  q: { districtId: string; kind?: AuditKind; after?: { at: Date; id: string }; take: number },
): Promise<AuditRow[]> {
  const { rows } = await db.query<{
    id: string
    at: Date
    kind: AuditKind
    actor_id: string
    actor_name: string
    activity_id: string | null
    activity_title: string | null
    unit_name: string | null
    year: number | null
    month: number | null
    people: number
  }>(
    `select l.id, l.at, l.kind, l.actor_id, coalesce(nullif(u.real_name, ''), u.nickname) as actor_name,
            l.activity_id, a.title as activity_title, o.name as unit_name, l.year, l.month, l.people
       from audit_log l
       join app_user u on u.id = l.actor_id
       left join activity a on a.id = l.activity_id
       left join org_unit o on o.id = a.unit_id
      where l.district_id = $1
        and ($2::text is null or l.kind = $2)
        and ($3::timestamptz is null or (l.at, l.id) < ($3, $4::uuid))
      order by l.at desc, l.id desc
      limit $5`,
    [q.districtId, q.kind ?? null, q.after?.at ?? null, q.after?.id ?? null, q.take],
  )
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    activityId: r.activity_id,
    activityTitle: r.activity_title,
    unitName: r.unit_name,
    year: r.year,
    month: r.month,
    people: r.people,
  }))
}
