/** Honours for the function tests: kinds and attendance written straight into the tables, and the role-matrix rows. */
import type { HonourNomination } from '@api/honour'
import { main as honour } from '../../cloudfunctions/honour/src'
import { call, expectOk } from '../support/call'
import { PEOPLE, type World } from '../support/world'
import { finishedEvent } from './rating-fixtures'

export { honour }

let n = 0
export const unique = (prefix: string) => `${prefix}${++n}`

const DAY = 86400_000

/** A kind of the world's year, open for nominations now (unless told otherwise). */
export async function freshKind(
  w: World,
  opts: { quota?: number | null; opensInDays?: number; closesInDays?: number; name?: string } = {},
): Promise<string> {
  const now = Date.now()
  const { rows } = await w.db.query<{ id: string }>(
    `insert into honour_kind (district_id, year, name, quota_per_unit, opens_at, closes_at, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [
      w.districtId,
      w.year,
      opts.name ?? unique('优秀青年志愿者'),
      opts.quota === undefined ? null : opts.quota,
      new Date(now + (opts.opensInDays ?? -1) * DAY),
      new Date(now + (opts.closesInDays ?? 30) * DAY),
      w.userIds.admin,
      new Date(now),
    ],
  )
  return rows[0].id
}

/** Fresh people who attended a finished event of `unitId` (unit A by default); their user ids. */
export async function attendees(w: World, count: number, unitId: string = w.unitA): Promise<string[]> {
  const openids = Array.from({ length: count }, () => unique('h:person-'))
  await finishedEvent(w, { attended: openids, unitId })
  const { rows } = await w.db.query<{ id: string }>(
    'select id from app_user where openid = any($1::text[]) order by openid',
    [openids],
  )
  return rows.map((r) => r.id)
}

/** A nomination by unit A's organiser through the function. */
export async function nominated(
  w: World,
  kindId: string,
  userId: string,
  reason = '常年参加社区志愿服务',
): Promise<HonourNomination> {
  return expectOk(
    await call<HonourNomination>(honour, 'nominate', { kindId, unitId: w.unitA, userId, reason }, PEOPLE.orgA),
  )
}

type Who = 'EVERYONE' | 'SIGNED_IN' | 'UNIT_A' | 'ADMIN'

/** One row per honour action for tests/functions/role-matrix.test.ts. */
export function honourMatrixCases(world: () => World): { name: string; who: Who; data: () => Promise<unknown> }[] {
  const w = world
  return [
    {
      name: 'honour.define',
      who: 'ADMIN',
      data: async () => ({
        year: w().year,
        name: unique('青年岗位能手'),
        quotaPerUnit: 2,
        opensAt: '2026-11-01T00:00:00+08:00',
        closesAt: '2026-12-31T00:00:00+08:00',
      }),
    },
    { name: 'honour.kinds', who: 'EVERYONE', data: async () => ({ year: w().year }) },
    {
      name: 'honour.candidates',
      who: 'UNIT_A',
      data: async () => ({ kindId: await freshKind(w()), unitId: w().unitA }),
    },
    {
      name: 'honour.nominate',
      who: 'UNIT_A',
      data: async () => ({
        kindId: await freshKind(w()),
        unitId: w().unitA,
        userId: (await attendees(w(), 1))[0],
        reason: '服务时长全区前列',
      }),
    },
    { name: 'honour.nominations', who: 'ADMIN', data: async () => ({ year: w().year }) },
    {
      name: 'honour.nominations (one unit)',
      who: 'UNIT_A',
      data: async () => ({ year: w().year, unitId: w().unitA }),
    },
    {
      name: 'honour.decide',
      who: 'ADMIN',
      data: async () => {
        const n = await nominated(w(), await freshKind(w()), (await attendees(w(), 1))[0])
        return { nominationId: n.id, approve: true }
      },
    },
    { name: 'honour.roll', who: 'EVERYONE', data: async () => ({ year: w().year }) },
    { name: 'honour.mine', who: 'SIGNED_IN', data: async () => undefined },
  ]
}
