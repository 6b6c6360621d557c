/** Per-test-file databases cloned from the migrated template, and fixtures. */
import { randomBytes } from 'crypto'
import { Client, type Pool } from 'pg'
import { closePool, getPool } from '../../server/store/pool'

const TEMPLATE_DB = 'qingju_template'

/** Creates a fresh migrated database and points the functions' DATABASE_URL at it. */
export async function useFreshDatabase(): Promise<Pool> {
  const base = process.env.QINGJU_TEST_PG_URL
  if (!base) throw new Error('QINGJU_TEST_PG_URL missing: run through jest (global setup starts PostgreSQL)')
  const name = `t_${randomBytes(6).toString('hex')}`
  const admin = new Client({ connectionString: base })
  await admin.connect()
  try {
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`)
  } finally {
    await admin.end()
  }
  await closePool()
  const url = new URL(base)
  url.pathname = `/${name}`
  process.env.DATABASE_URL = url.toString()
  process.env.PG_POOL_MAX = '10'
  return getPool()
}

export { closePool }

export interface Fixture {
  districtId: string
  unitId: string
  otherUnitId: string
}

export async function insertBasics(db: Pool, districtId = 'runzhou'): Promise<Fixture> {
  await db.query('insert into district (id, name) values ($1, $2) on conflict do nothing', [
    districtId,
    `${districtId} 青工委`,
  ])
  await db.query(`insert into activity_category (code, name, sort_order, awards_service_hours) values
    ('tree_planting', '植树/公益林', 1, true), ('reading_club', '读书会', 2, false), ('social_mixer', '交友联谊', 3, false)
    on conflict do nothing`)
  const unit = await db.query<{ id: string }>(
    "insert into org_unit (district_id, name, kind) values ($1, $2, 'state_owned') returning id",
    [districtId, `${districtId} 邮政团委`],
  )
  const other = await db.query<{ id: string }>(
    "insert into org_unit (district_id, name, kind) values ($1, $2, 'community') returning id",
    [districtId, `${districtId} 朝阳社区团支部`],
  )
  return { districtId, unitId: unit.rows[0].id, otherUnitId: other.rows[0].id }
}

export interface ActivityFixture {
  districtId: string
  unitId: string
  title?: string
  category?: string
  startAt: Date
  hours?: number
  signupOpensAt?: Date
  signupClosesAt?: Date
  capacity?: number
  seatsTaken?: number
  state?: 'draft' | 'published' | 'cancelled'
}

const HOUR = 3600_000

export async function insertActivity(db: Pool, a: ActivityFixture): Promise<string> {
  const end = new Date(a.startAt.getTime() + (a.hours ?? 2) * HOUR)
  const opens = a.signupOpensAt ?? new Date(a.startAt.getTime() - 14 * 24 * HOUR)
  const closes = a.signupClosesAt ?? new Date(a.startAt.getTime() - 24 * HOUR)
  const r = await db.query<{ id: string }>(
    `insert into activity (district_id, unit_id, category, title, place_name, start_at, end_at,
       signup_opens_at, signup_closes_at, capacity, seats_taken, state)
     values ($1, $2, $3, $4, '青年之家', $5, $6, $7, $8, $9, $10, $11) returning id`,
    [
      a.districtId,
      a.unitId,
      a.category ?? 'reading_club',
      a.title ?? '读书会活动',
      a.startAt,
      end,
      opens,
      closes,
      a.capacity ?? 30,
      a.seatsTaken ?? 0,
      a.state ?? 'published',
    ],
  )
  return r.rows[0].id
}
