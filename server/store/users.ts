/** People, their roles, and the Actor the policy works with. */
import type { IdentityRecord } from './signups'
import type { Actor, UnitRole } from '../domain/policy'
import type { Db } from './tx'

export interface UserRow {
  id: string
  openid: string
  nickname: string
}

/** Finds the person behind an openid, creating them on first contact. */
export async function ensureUser(db: Db, openid: string): Promise<UserRow> {
  // Read first: almost every call is from someone we know, and a read writes no WAL.
  const found = await db.query<UserRow>('select id, openid, nickname from app_user where openid = $1', [openid])
  if (found.rows[0]) return found.rows[0]
  const { rows } = await db.query<UserRow>(
    `insert into app_user (openid) values ($1)
     on conflict (openid) do update set openid = excluded.openid
     returning id, openid, nickname`,
    [openid],
  )
  return rows[0]
}

/** The caller's memberships in one round trip. */
export async function loadActor(db: Db, openid: string): Promise<Actor> {
  const user = await ensureUser(db, openid)
  const { rows } = await db.query<{ kind: 'district' | 'unit'; ref: string; role: UnitRole | null }>(
    `select 'district' as kind, district_id as ref, null as role from district_admin where user_id = $1
     union all
     select 'unit', unit_id::text, role from unit_member where user_id = $1`,
    [user.id],
  )
  return {
    userId: user.id,
    districtAdminOf: new Set(rows.filter((r) => r.kind === 'district').map((r) => r.ref)),
    unitRoles: new Map(rows.filter((r) => r.kind === 'unit').map((r) => [r.ref, r.role as UnitRole])),
  }
}

/** The admitted units a person belongs to, and whether they administer a district. */
export async function loadMemberships(
  db: Db,
  userId: string,
): Promise<{ units: { id: string; name: string; role: UnitRole }[]; districtAdmin: boolean }> {
  const [units, admin] = await Promise.all([
    db.query<{ id: string; name: string; role: UnitRole }>(
      `select u.id, u.name, m.role from unit_member m join org_unit u on u.id = m.unit_id
       where m.user_id = $1 and u.status = 'admitted' order by u.name`,
      [userId],
    ),
    db.query('select 1 from district_admin where user_id = $1 limit 1', [userId]),
  ])
  return { units: units.rows, districtAdmin: admin.rows.length > 0 }
}

export async function findOpenid(db: Db, userId: string): Promise<string | null> {
  const { rows } = await db.query<{ openid: string }>('select openid from app_user where id = $1', [userId])
  return rows[0]?.openid ?? null
}

export async function userExists(db: Db, userId: string): Promise<boolean> {
  const r = await db.query('select 1 from app_user where id = $1', [userId])
  return (r.rowCount ?? 0) > 0
}

/** What tiered identity reads of a person's record (phone, real name, birth date, guardian consent); null when there is no such person. */
export async function identityRecordOf(db: Db, userId: string): Promise<IdentityRecord | null> {
  const { rows } = await db.query<IdentityRecord>(
    `select phone, real_name as "realName", to_char(birth_date, 'YYYY-MM-DD') as "birthDate",
       guardian_consent_at is not null as "guardianConsent"
     from app_user where id = $1`,
    [userId],
  )
  return rows[0] ?? null
}

/** Stores a person's phone as verified at `at` (the person is created on first contact). */
export async function savePhone(db: Db, openid: string, phone: string, at: Date): Promise<void> {
  await db.query(
    `insert into app_user (openid, phone, phone_verified_at) values ($1, $2, $3)
     on conflict (openid) do update set phone = excluded.phone, phone_verified_at = excluded.phone_verified_at`,
    [openid, phone, at],
  )
}

/** The person's stored avatar reference, or null. */
export async function findAvatar(db: Db, userId: string): Promise<string | null> {
  const { rows } = await db.query<{ avatar: string | null }>('select avatar from app_user where id = $1', [userId])
  return rows[0]?.avatar ?? null
}

/** Sets (or, with null, removes) the person's avatar. */
export async function saveAvatar(db: Db, userId: string, avatar: string | null): Promise<void> {
  await db.query('update app_user set avatar = $2 where id = $1', [userId, avatar])
}
