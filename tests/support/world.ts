/**
 * A small district for function tests: two admitted units (A, B), their admins, a district admin,
 * a young person, a published annual list with a line for each unit, and helpers to make events.
 */
import { shanghaiYearMonth } from '../../server/domain/shanghai-time'
import type { Pool } from 'pg'
import type { ActivityCreateRequest, ManagedActivity } from '@api/activity'
import { main as activity } from '../../cloudfunctions/activity/src'
import { call, expectOk } from './call'
import { closePool, useFreshDatabase } from './db'
import { withPhones } from './people'

export const PEOPLE = {
  youth: 'w:youth',
  orgA: 'w:org-a',
  orgB: 'w:org-b',
  admin: 'w:district-admin',
} as const

export interface World {
  db: Pool
  districtId: string
  year: number
  unitA: string
  unitB: string
  lineA: string
  lineB: string
  userIds: Record<keyof typeof PEOPLE, string>
}

const HOUR = 3600_000

/**
 * The setup every function test file shares: a database of its own cloned from the migrated
 * template, the small district built in it, the pool closed after the file. The handle it returns
 * is filled in before the first test runs: `const w = useWorld()`, then `w.db`, `w.unitA`, ...
 */
export function useWorld(): World {
  const world = {} as World
  beforeAll(async () => {
    Object.assign(world, await buildWorld(await useFreshDatabase()))
  })
  afterAll(closePool)
  return world
}

export async function buildWorld(db: Pool, now = new Date()): Promise<World> {
  const districtId = 'runzhou'
  await db.query("insert into district (id, name) values ($1, '润州区青年工作委员会')", [districtId])
  await db.query(`insert into activity_category (code, name, sort_order, awards_service_hours) values
    ('tree_planting', '植树/公益林', 1, true), ('reading_club', '读书会', 2, false), ('social_mixer', '交友联谊', 3, false)`)
  const userIds = {} as World['userIds']
  for (const [key, openid] of Object.entries(PEOPLE)) {
    userIds[key as keyof typeof PEOPLE] = (
      await db.query<{ id: string }>('insert into app_user (openid, nickname) values ($1, $2) returning id', [
        openid,
        key,
      ])
    ).rows[0].id
  }
  // Everyone in the world has bound a phone (sign-ups need one).
  await withPhones(db, Object.values(PEOPLE))
  await db.query('insert into district_admin (district_id, user_id) values ($1, $2)', [districtId, userIds.admin])
  const unit = async (name: string) =>
    (
      await db.query<{ id: string }>(
        "insert into org_unit (district_id, name, kind, contact_name, contact_phone) values ($1, $2, 'state_owned', '联系人', '13905110000') returning id",
        [districtId, name],
      )
    ).rows[0].id
  const unitA = await unit('甲单位团委')
  const unitB = await unit('乙单位团委')
  await db.query("insert into unit_member (unit_id, user_id, role) values ($1, $2, 'admin'), ($3, $4, 'admin')", [
    unitA,
    userIds.orgA,
    unitB,
    userIds.orgB,
  ])
  const { year } = shanghaiYearMonth(now)
  await db.query("insert into annual_plan (district_id, year, status, published_at) values ($1, $2, 'published', $3)", [
    districtId,
    year,
    now,
  ])
  const line = async (unitId: string, title: string) =>
    (
      await db.query<{ id: string }>(
        "insert into plan_line (district_id, year, unit_id, category, title, planned_month) values ($1, $2, $3, 'reading_club', $4, 12) returning id",
        [districtId, year, unitId, title],
      )
    ).rows[0].id
  return {
    db,
    districtId,
    year,
    unitA,
    unitB,
    lineA: await line(unitA, '甲单位读书会'),
    lineB: await line(unitB, '乙单位读书会'),
    userIds,
  }
}

/** A valid create request for unit A starting `inDays` from now. */
export function eventRequest(
  w: World,
  overrides: Partial<ActivityCreateRequest> = {},
  inDays = 10,
): ActivityCreateRequest {
  const start = Date.now() + inDays * 24 * HOUR
  return {
    unitId: w.unitA,
    planLineId: w.lineA,
    title: '青年读书会：《平凡的世界》',
    category: 'reading_club',
    description: '共读一本书。',
    placeName: '青年之家',
    placeAddress: '中山西路 1 号',
    location: { latitude: 32.2, longitude: 119.43 },
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * HOUR).toISOString(),
    signupOpensAt: new Date(Date.now() - HOUR).toISOString(),
    signupClosesAt: new Date(start - 24 * HOUR).toISOString(),
    capacity: 30,
    recordsServiceHours: false,
    contact: '陆老师 0511-80000000',
    ...overrides,
  }
}

export async function createEvent(
  w: World,
  overrides: Partial<ActivityCreateRequest> = {},
  as: string = PEOPLE.orgA,
): Promise<ManagedActivity> {
  return expectOk(await call<ManagedActivity>(activity, 'create', eventRequest(w, overrides), as))
}

export async function publishedEvent(
  w: World,
  overrides: Partial<ActivityCreateRequest> = {},
): Promise<ManagedActivity> {
  const draft = await createEvent(w, overrides)
  return expectOk(await call<ManagedActivity>(activity, 'publish', { id: draft.id }, PEOPLE.orgA))
}
