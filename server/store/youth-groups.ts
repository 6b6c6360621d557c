/** Registered youth groups: SQL and row mapping only. */
import type { YouthGroupKind, YouthGroupState } from '@contract/youth-group'
import type { Db } from './tx'

export interface YouthGroupRecord {
  districtId: string
  id: string
  name: string
  kind: YouthGroupKind
  intro: string
  size: number
  leaderId: string
  leaderName: string
  leaderPhone: string
  state: YouthGroupState
  reason: string | null
  decidedAt: Date | null
  createdAt: Date
}

interface Row {
  district_id: string
  id: string
  name: string
  kind: YouthGroupKind
  intro: string
  size: number
  leader_id: string
  leader_name: string | null
  leader_phone: string | null
  state: YouthGroupState
  reason: string | null
  decided_at: Date | null
  created_at: Date
}

const SELECT = `select g.district_id, g.id, g.name, g.kind, g.intro, g.size, g.leader_id, u.real_name as leader_name,
    u.phone as leader_phone, g.state, g.reason, g.decided_at, g.created_at
  from youth_group g join app_user u on u.id = g.leader_id`

const toRecord = (r: Row): YouthGroupRecord => ({
  districtId: r.district_id,
  id: r.id,
  name: r.name,
  kind: r.kind,
  intro: r.intro,
  size: r.size,
  leaderId: r.leader_id,
  leaderName: r.leader_name ?? '',
  leaderPhone: r.leader_phone ?? '',
  state: r.state,
  reason: r.reason,
  decidedAt: r.decided_at,
  createdAt: r.created_at,
})

/** The facts the leader rule reads. */
export async function leaderFacts(
  db: Db,
  userId: string,
): Promise<{ phone: string | null; phoneVerifiedAt: Date | null; realName: string | null }> {
  const { rows } = await db.query<{ phone: string | null; phone_verified_at: Date | null; real_name: string | null }>(
    'select phone, phone_verified_at, real_name from app_user where id = $1',
    [userId],
  )
  const r = rows[0]
  return { phone: r?.phone ?? null, phoneVerifiedAt: r?.phone_verified_at ?? null, realName: r?.real_name ?? null }
}

/** How many groups the person leads in the given states. */
export async function countLedGroups(
  db: Db,
  districtId: string,
  leaderId: string,
  states: readonly YouthGroupState[],
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'select count(*)::int as n from youth_group where district_id = $1 and leader_id = $2 and state = any($3::text[])',
    [districtId, leaderId, states],
  )
  return rows[0].n
}

/** Serialises one leader's applications (the quota is read, then written). */
export async function lockLeader(db: Db, userId: string): Promise<void> {
  await db.query('select 1 from app_user where id = $1 for update', [userId])
}

export async function insertYouthGroup(
  db: Db,
  g: { districtId: string; name: string; kind: YouthGroupKind; intro: string; size: number; leaderId: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into youth_group (district_id, name, kind, intro, size, leader_id)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [g.districtId, g.name, g.kind, g.intro, g.size, g.leaderId],
  )
  return rows[0].id
}

export async function findYouthGroup(
  db: Db,
  districtId: string,
  id: string,
  forUpdate = false,
): Promise<YouthGroupRecord | null> {
  const { rows } = await db.query<Row>(
    `${SELECT} where g.district_id = $1 and g.id = $2${forUpdate ? ' for update of g' : ''}`,
    [districtId, id],
  )
  return rows[0] ? toRecord(rows[0]) : null
}

export async function groupsLedBy(db: Db, districtId: string, leaderId: string): Promise<YouthGroupRecord[]> {
  const { rows } = await db.query<Row>(
    `${SELECT} where g.district_id = $1 and g.leader_id = $2 order by g.created_at desc, g.name`,
    [districtId, leaderId],
  )
  return rows.map(toRecord)
}

export async function groupsInState(
  db: Db,
  districtId: string,
  state: YouthGroupState,
  limit: number,
): Promise<YouthGroupRecord[]> {
  const { rows } = await db.query<Row>(
    `${SELECT} where g.district_id = $1 and g.state = $2 order by g.created_at, g.name limit $3`,
    [districtId, state, limit],
  )
  return rows.map(toRecord)
}

export async function setYouthGroupState(
  db: Db,
  districtId: string,
  id: string,
  change: { state: YouthGroupState; reason: string | null; decidedBy: string; at: Date },
): Promise<void> {
  await db.query(
    'update youth_group set state = $3, reason = $4, decided_by = $5, decided_at = $6 where district_id = $1 and id = $2',
    [districtId, id, change.state, change.reason, change.decidedBy, change.at],
  )
}
