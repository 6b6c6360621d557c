/** People and their roles, looked up by the verified openid. */
import type { Pool } from 'pg'
import type { Me, Role } from '@api/session'

export interface UserRow {
  id: string
  openid: string
  nickname: string
}

/** Finds the person behind an openid, creating them on first contact. */
export async function ensureUser(db: Pool, openid: string): Promise<UserRow> {
  const { rows } = await db.query<UserRow>(
    `insert into app_user (openid) values ($1)
     on conflict (openid) do update set openid = excluded.openid
     returning id, openid, nickname`,
    [openid],
  )
  return rows[0]
}

export async function loadMe(db: Pool, user: UserRow): Promise<Me> {
  const [units, admin] = await Promise.all([
    db.query<{ id: string; name: string; role: 'admin' | 'organiser' }>(
      `select u.id, u.name, m.role from unit_member m join org_unit u on u.id = m.unit_id
       where m.user_id = $1 order by u.name`,
      [user.id],
    ),
    db.query('select 1 from district_admin where user_id = $1 limit 1', [user.id]),
  ])
  const roles: Role[] = ['youth']
  if (units.rows.length) roles.push('unit_admin')
  if (admin.rows.length) roles.push('district_admin')
  return { userId: user.id, nickname: user.nickname, roles, units: units.rows }
}
