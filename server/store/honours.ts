/** Honours (荣誉): kinds, nominations with their record snapshot, the roll. SQL and row mapping only. */
import type { Db } from './tx'

export interface HonourKindRow {
  districtId: string
  id: string
  year: number
  name: string
  quotaPerUnit: number | null
  opensAt: Date
  closesAt: Date
}

export interface RecordSnapshot {
  year: number
  approvedHours: number
  activitiesAttended: number
  certificates: { code: string; totalHours: number; issuedAt: string }[]
}

export interface NominationRow {
  districtId: string
  id: string
  kindId: string
  kindName: string
  year: number
  unitId: string
  unitName: string
  userId: string
  realName: string | null
  nickname: string
  openid: string
  reason: string
  record: RecordSnapshot
  state: 'pending' | 'approved' | 'declined'
  declineReason: string | null
  createdAt: Date
  decidedAt: Date | null
}

const KIND_COLUMNS = `district_id as "districtId", id, year, name, quota_per_unit as "quotaPerUnit",
  opens_at as "opensAt", closes_at as "closesAt"`

export async function insertKind(
  db: Db,
  districtId: string,
  k: { year: number; name: string; quotaPerUnit: number | null; opensAt: Date; closesAt: Date },
  by: string,
  at: Date,
): Promise<HonourKindRow> {
  const { rows } = await db.query<HonourKindRow>(
    `insert into honour_kind (district_id, year, name, quota_per_unit, opens_at, closes_at, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${KIND_COLUMNS}`,
    [districtId, k.year, k.name, k.quotaPerUnit, k.opensAt, k.closesAt, by, at],
  )
  return rows[0]
}

export async function kindsOfYear(db: Db, districtId: string, year: number): Promise<HonourKindRow[]> {
  const { rows } = await db.query<HonourKindRow>(
    `select ${KIND_COLUMNS} from honour_kind where district_id = $1 and year = $2 order by created_at, name`,
    [districtId, year],
  )
  return rows
}

/** The kind, its row locked when `forUpdate` (nominations for one kind are counted under it). */
export async function findKind(
  db: Db,
  districtId: string,
  id: string,
  forUpdate = false,
): Promise<HonourKindRow | null> {
  const { rows } = await db.query<HonourKindRow>(
    `select ${KIND_COLUMNS} from honour_kind where district_id = $1 and id = $2${forUpdate ? ' for update' : ''}`,
    [districtId, id],
  )
  return rows[0] ?? null
}

/** A unit's nominations for a kind that count against its quota (all but declined). */
export async function countUnitNominations(
  db: Db,
  districtId: string,
  kindId: string,
  unitId: string,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from honour_nomination
     where district_id = $1 and kind_id = $2 and unit_id = $3 and state <> 'declined'`,
    [districtId, kindId, unitId],
  )
  return rows[0].n
}

/** Whether the person attended an event of the unit in the year, or is one of its members. */
export async function tookPartIn(db: Db, unitId: string, userId: string, year: number): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>(
    `select exists (select 1 from unit_member where unit_id = $1 and user_id = $2)
         or exists (select 1 from registration r join activity a on a.id = r.activity_id
                    where a.unit_id = $1 and r.user_id = $2 and r.state = 'attended'
                      and extract(year from a.start_at at time zone 'Asia/Shanghai') = $3) as ok`,
    [unitId, userId, year],
  )
  return rows[0].ok
}

export interface CandidateRow {
  userId: string
  realName: string | null
  nickname: string
  attended: number
  member: boolean
  nominated: boolean
}

/** People who attended the unit's events in the year or are its members, with whether already nominated. */
export async function candidatesOf(
  db: Db,
  districtId: string,
  kindId: string,
  unitId: string,
  year: number,
): Promise<CandidateRow[]> {
  const { rows } = await db.query<CandidateRow>(
    `with took as (
       select r.user_id, count(distinct a.id)::int as attended
       from registration r join activity a on a.id = r.activity_id
       where a.unit_id = $3 and r.state = 'attended'
         and extract(year from a.start_at at time zone 'Asia/Shanghai') = $4
       group by r.user_id
     ), people as (
       select user_id from took union select user_id from unit_member where unit_id = $3
     )
     select u.id as "userId", u.real_name as "realName", u.nickname,
            coalesce(t.attended, 0) as attended,
            exists (select 1 from unit_member m where m.unit_id = $3 and m.user_id = u.id) as member,
            exists (select 1 from honour_nomination n
                    where n.district_id = $1 and n.kind_id = $2 and n.user_id = u.id) as nominated
     from people p join app_user u on u.id = p.user_id left join took t on t.user_id = p.user_id
     order by coalesce(t.attended, 0) desc, u.created_at, u.id
     limit 500`,
    [districtId, kindId, unitId, year],
  )
  return rows
}

/** The person's record in a year: approved hours, events attended, certificates issued that year. */
export async function recordOf(db: Db, userId: string, year: number): Promise<RecordSnapshot> {
  const { rows } = await db.query<{
    hours: string
    attended: number
    certificates: { code: string; totalHours: number; issuedAt: string }[]
  }>(
    `select
       (select coalesce(sum(hours), 0) from service_hours
         where user_id = $1 and status = 'approved' and extract(year from day) = $2)::text as hours,
       (select count(distinct r.activity_id)::int from registration r join activity a on a.id = r.activity_id
         where r.user_id = $1 and r.state = 'attended'
           and extract(year from a.start_at at time zone 'Asia/Shanghai') = $2) as attended,
       coalesce((select json_agg(json_build_object('code', code, 'totalHours', total_hours::float8,
                  'issuedAt', to_char(issued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) order by issued_at)
         from hours_certificate
         where user_id = $1 and extract(year from issued_at at time zone 'Asia/Shanghai') = $2), '[]'::json) as certificates`,
    [userId, year],
  )
  const r = rows[0]
  return { year, approvedHours: Number(r.hours), activitiesAttended: r.attended, certificates: r.certificates }
}

/** Inserts a nomination; null when the person was already nominated for the kind. */
export async function insertNomination(
  db: Db,
  districtId: string,
  n: { kindId: string; unitId: string; userId: string; by: string; reason: string; record: RecordSnapshot },
  at: Date,
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `insert into honour_nomination (district_id, kind_id, unit_id, user_id, nominated_by, reason, record, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (district_id, kind_id, user_id) do nothing returning id`,
    [districtId, n.kindId, n.unitId, n.userId, n.by, n.reason, JSON.stringify(n.record), at],
  )
  return rows[0]?.id ?? null
}

const NOMINATION_SELECT = `
  select n.district_id as "districtId", n.id, n.kind_id as "kindId", k.name as "kindName", k.year::int as year,
         n.unit_id as "unitId", o.name as "unitName", n.user_id as "userId", u.real_name as "realName",
         u.nickname, u.openid, n.reason, n.record, n.state, n.decline_reason as "declineReason",
         n.created_at as "createdAt", n.decided_at as "decidedAt"
  from honour_nomination n
  join honour_kind k on k.district_id = n.district_id and k.id = n.kind_id
  join org_unit o on o.id = n.unit_id
  join app_user u on u.id = n.user_id`

export async function findNomination(db: Db, districtId: string, id: string): Promise<NominationRow | null> {
  const { rows } = await db.query<NominationRow>(`${NOMINATION_SELECT} where n.district_id = $1 and n.id = $2`, [
    districtId,
    id,
  ])
  return rows[0] ?? null
}

export async function listNominations(
  db: Db,
  districtId: string,
  f: { year: number; kindId?: string; unitId?: string; state?: string },
): Promise<NominationRow[]> {
  const { rows } = await db.query<NominationRow>(
    `${NOMINATION_SELECT}
     where n.district_id = $1 and k.year = $2 and ($3::uuid is null or n.kind_id = $3)
       and ($4::uuid is null or n.unit_id = $4) and ($5::text is null or n.state = $5)
     order by n.created_at, n.id
     limit 1000`,
    [districtId, f.year, f.kindId ?? null, f.unitId ?? null, f.state ?? null],
  )
  return rows
}

/** Decides a pending nomination; false when it was already decided. */
export async function decideNomination(
  db: Db,
  districtId: string,
  id: string,
  d: { state: 'approved' | 'declined'; reason: string | null; by: string },
  at: Date,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update honour_nomination set state = $3, decline_reason = $4, decided_by = $5, decided_at = $6
     where district_id = $1 and id = $2 and state = 'pending'`,
    [districtId, id, d.state, d.reason, d.by, at],
  )
  return rowCount === 1
}

export interface RollRow {
  kindName: string
  realName: string | null
  nickname: string
  unitName: string
}

export async function approvedOfYear(db: Db, districtId: string, year: number): Promise<RollRow[]> {
  const { rows } = await db.query<RollRow>(
    `select k.name as "kindName", u.real_name as "realName", u.nickname, o.name as "unitName"
     from honour_nomination n
     join honour_kind k on k.district_id = n.district_id and k.id = n.kind_id
     join org_unit o on o.id = n.unit_id
     join app_user u on u.id = n.user_id
     where n.district_id = $1 and k.year = $2 and n.state = 'approved'
     order by k.created_at, k.name, o.name, n.decided_at, n.id`,
    [districtId, year],
  )
  return rows
}

export async function approvedOfUser(
  db: Db,
  districtId: string,
  userId: string,
): Promise<{ id: string; year: number; kindName: string; unitName: string; decidedAt: Date }[]> {
  const { rows } = await db.query<{ id: string; year: number; kindName: string; unitName: string; decidedAt: Date }>(
    `select n.id, k.year::int as year, k.name as "kindName", o.name as "unitName", n.decided_at as "decidedAt"
     from honour_nomination n
     join honour_kind k on k.district_id = n.district_id and k.id = n.kind_id
     join org_unit o on o.id = n.unit_id
     where n.district_id = $1 and n.user_id = $2 and n.state = 'approved'
     order by k.year desc, n.decided_at desc`,
    [districtId, userId],
  )
  return rows
}
