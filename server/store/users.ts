/** People, their roles, and the Actor the policy works with. */
import type { Me, Role } from '@api/session'
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

export async function loadMe(db: Db, user: UserRow): Promise<Me> {
  const [units, admin] = await Promise.all([
    db.query<{ id: string; name: string; role: 'admin' | 'organiser' }>(
      `select u.id, u.name, m.role from unit_member m join org_unit u on u.id = m.unit_id
       where m.user_id = $1 and u.status = 'admitted' order by u.name`,
      [user.id],
    ),
    db.query('select 1 from district_admin where user_id = $1 limit 1', [user.id]),
  ])
  const roles: Role[] = ['youth']
  if (units.rows.length) roles.push('unit_admin')
  if (admin.rows.length) roles.push('district_admin')
  return { userId: user.id, nickname: user.nickname, roles, units: units.rows }
}
