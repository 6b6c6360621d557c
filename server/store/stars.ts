/** Stars (摘星): the district's indicators, people's evidence, and the counts progress is read from. SQL only. */
import type { Db } from './tx'

export interface IndicatorRow {
  id: string
  year: number
  name: string
  kind: 'hours' | 'activities' | 'category' | 'evidence'
  threshold: number
  categories: string[]
  order: number
  description: string
}

const INDICATOR = `i.id, i.year, i.name, i.kind, i.threshold::float8 as threshold, i.categories,
  i.sort_order as "order", i.description`

export async function findYear(db: Db, districtId: string, year: number): Promise<{ published: boolean } | null> {
  const { rows } = await db.query<{ published: boolean }>(
    'select published from star_year where district_id = $1 and year = $2',
    [districtId, year],
  )
  return rows[0] ?? null
}

export async function upsertYear(db: Db, districtId: string, year: number, published: boolean | null, at: Date) {
  await db.query(
    `insert into star_year (district_id, year, published, updated_at) values ($1, $2, coalesce($3, false), $4)
     on conflict (district_id, year) do update set published = coalesce($3, star_year.published), updated_at = $4`,
    [districtId, year, published, at],
  )
}

export async function listIndicators(db: Db, districtId: string, year: number): Promise<IndicatorRow[]> {
  const { rows } = await db.query<IndicatorRow>(
    `select ${INDICATOR} from star_indicator i
     where i.district_id = $1 and i.year = $2 and i.removed_at is null order by i.sort_order, i.name, i.id`,
    [districtId, year],
  )
  return rows
}

export async function findIndicator(
  db: Db,
  districtId: string,
  id: string,
): Promise<(IndicatorRow & { removed: boolean; published: boolean }) | null> {
  const { rows } = await db.query<IndicatorRow & { removed: boolean; published: boolean }>(
    `select ${INDICATOR}, i.removed_at is not null as removed, y.published from star_indicator i
     join star_year y on y.district_id = i.district_id and y.year = i.year
     where i.district_id = $1 and i.id = $2`,
    [districtId, id],
  )
  return rows[0] ?? null
}

export interface IndicatorWrite {
  name: string
  kind: IndicatorRow['kind']
  threshold: number
  categories: string[]
  order: number
  description: string
}

export async function insertIndicator(db: Db, districtId: string, year: number, w: IndicatorWrite): Promise<void> {
  await db.query(
    `insert into star_indicator (district_id, year, name, kind, threshold, categories, sort_order, description)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [districtId, year, w.name, w.kind, w.threshold, w.categories, w.order, w.description],
  )
}

/** Changes a live indicator of that year; false when there is none. */
export async function updateIndicator(
  db: Db,
  districtId: string,
  year: number,
  id: string,
  w: IndicatorWrite,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update star_indicator set name = $4, kind = $5, threshold = $6, categories = $7, sort_order = $8, description = $9
     where district_id = $1 and year = $2 and id = $3 and removed_at is null`,
    [districtId, year, id, w.name, w.kind, w.threshold, w.categories, w.order, w.description],
  )
  return rowCount === 1
}

export async function removeIndicator(db: Db, districtId: string, id: string, at: Date): Promise<void> {
  await db.query(
    'update star_indicator set removed_at = $3 where district_id = $1 and id = $2 and removed_at is null',
    [districtId, id, at],
  )
}

/** Which of `codes` are not activity categories. */
export async function unknownCategories(db: Db, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return []
  const { rows } = await db.query<{ code: string }>(
    'select c from unnest($1::text[]) as c where c not in (select code from activity_category)',
    [codes],
  )
  return rows.map((r) => r.code)
}

/** A person's records in a year (Shanghai days, [from, to)): approved hours and attended events by category. */
export async function yearRecords(
  db: Db,
  districtId: string,
  userId: string,
  from: Date,
  to: Date,
): Promise<{ hours: number; attended: { category: string; count: number }[] }> {
  const hours = await db.query<{ hours: number }>(
    `select coalesce(sum(h.hours), 0)::float8 as hours from service_hours h join activity a on a.id = h.activity_id
     where h.user_id = $1 and h.status = 'approved' and a.district_id = $2
       and h.day >= ($3::timestamptz at time zone 'Asia/Shanghai')::date and h.day < ($4::timestamptz at time zone 'Asia/Shanghai')::date`,
    [userId, districtId, from, to],
  )
  const attended = await db.query<{ category: string; count: number }>(
    `select a.category, count(*)::int as count from registration r join activity a on a.id = r.activity_id
     where r.user_id = $1 and r.state = 'attended' and a.district_id = $2 and a.start_at >= $3 and a.start_at < $4
     group by a.category`,
    [userId, districtId, from, to],
  )
  return { hours: hours.rows[0].hours, attended: attended.rows }
}

/** Units the person belongs to, or whose events they attended in [from, to). */
export async function unitsOfPerson(
  db: Db,
  districtId: string,
  userId: string,
  from: Date,
  to: Date,
): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `select u.id, u.name from org_unit u where u.district_id = $2 and (
       exists (select 1 from unit_member m where m.unit_id = u.id and m.user_id = $1)
       or exists (select 1 from registration r join activity a on a.id = r.activity_id
                  where a.unit_id = u.id and r.user_id = $1 and r.state = 'attended' and a.start_at >= $3 and a.start_at < $4))
     order by u.name`,
    [userId, districtId, from, to],
  )
  return rows
}

export interface EvidenceRow {
  id: string
  indicatorId: string
  indicatorName: string
  userId: string
  openid: string
  nickname: string
  realName: string | null
  unitId: string
  unitName: string
  note: string
  fileIds: string[]
  state: 'pending' | 'approved' | 'declined'
  reason: string | null
  reviewerName: string | null
  reviewedAt: Date | null
  createdAt: Date
}

const EVIDENCE = `select e.id, e.indicator_id as "indicatorId", i.name as "indicatorName", e.user_id as "userId",
  p.openid, p.nickname, p.real_name as "realName", e.unit_id as "unitId", u.name as "unitName", e.note,
  e.file_ids as "fileIds", e.state, e.reason, coalesce(rv.real_name, rv.nickname) as "reviewerName",
  e.reviewed_at as "reviewedAt", e.created_at as "createdAt"
  from star_evidence e
  join star_indicator i on i.district_id = e.district_id and i.id = e.indicator_id
  join app_user p on p.id = e.user_id
  join org_unit u on u.id = e.unit_id
  left join app_user rv on rv.id = e.reviewed_by`

export async function findEvidence(db: Db, districtId: string, id: string, lock = false): Promise<EvidenceRow | null> {
  const { rows } = await db.query<EvidenceRow>(
    `${EVIDENCE} where e.district_id = $1 and e.id = $2${lock ? ' for update of e' : ''}`,
    [districtId, id],
  )
  return rows[0] ?? null
}

/** The person's latest submission for each indicator of the year. */
export async function latestEvidenceOf(
  db: Db,
  districtId: string,
  userId: string,
  year: number,
): Promise<EvidenceRow[]> {
  const { rows } = await db.query<EvidenceRow>(
    `select distinct on ("indicatorId") * from (${EVIDENCE} where e.district_id = $1 and e.user_id = $2 and i.year = $3) x
     order by "indicatorId", (state = 'approved') desc, "createdAt" desc`,
    [districtId, userId, year],
  )
  return rows
}

export async function evidenceOfUnit(
  db: Db,
  districtId: string,
  unitId: string,
  state: EvidenceRow['state'],
): Promise<EvidenceRow[]> {
  const { rows } = await db.query<EvidenceRow>(
    `${EVIDENCE} where e.district_id = $1 and e.unit_id = $2 and e.state = $3 order by e.created_at, e.id limit 200`,
    [districtId, unitId, state],
  )
  return rows
}

export async function insertEvidence(
  db: Db,
  districtId: string,
  e: { indicatorId: string; userId: string; unitId: string; note: string; fileIds: string[]; at: Date },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into star_evidence (district_id, indicator_id, user_id, unit_id, note, file_ids, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [districtId, e.indicatorId, e.userId, e.unitId, e.note, e.fileIds, e.at],
  )
  return rows[0].id
}

export async function decideEvidence(
  db: Db,
  districtId: string,
  id: string,
  d: { state: 'approved' | 'declined'; reason: string | null; by: string; at: Date },
): Promise<void> {
  await db.query(
    `update star_evidence set state = $3, reason = $4, reviewed_by = $5, reviewed_at = $6
     where district_id = $1 and id = $2 and state = 'pending'`,
    [districtId, id, d.state, d.reason, d.by, d.at],
  )
}
