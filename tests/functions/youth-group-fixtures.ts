/** Youth groups for the role matrix (tests/functions/role-matrix.test.ts): the org and venue actions of groups. */
import { main as org } from '../../cloudfunctions/org/src'
import { main as venue } from '../../cloudfunctions/venue/src'
import type { FunctionMain } from '../../server/runtime/function'
import { withPhones } from '../support/people'
import { PEOPLE, type World } from '../support/world'
import { ALWAYS, createFacility, createVenue, shanghai, unique } from './venue-fixtures'

/**
 * Who may: signed-in people (each applies once; the world's people get real names), the district
 * admin, or the group's leader (the world's young person leads these groups; the district admin reads
 * a group's bookings too).
 */
export function youthGroupMatrixCases(world: () => World): {
  fn: FunctionMain
  name: string
  who: 'SIGNED_IN' | 'ADMIN' | 'LEADER' | 'LEADER_AND_ADMIN'
  data: () => Promise<unknown>
}[] {
  const group = async (state: 'pending' | 'approved') => {
    const w = world()
    const r = await w.db.query<{ id: string }>(
      `insert into youth_group (district_id, name, kind, size, leader_id, state, decided_at)
       values ('runzhou', $1, 'interest', 10, $2, $3, case when $3 = 'pending' then null else now() end) returning id`,
      [unique('矩阵青年团体'), w.userIds.youth, state],
    )
    return r.rows[0].id
  }
  let facility: Promise<string> | null = null
  const groupFacility = () =>
    (facility ??= (async () => {
      const w = world()
      const v = await createVenue(w, { ownerUnitId: w.unitA, hours: ALWAYS }, PEOPLE.orgA)
      const f = await createFacility(
        v.id,
        { bookers: 'units_and_groups', maxDaysAhead: 366, leadMinutes: 0, slotMinutes: 60, minMinutes: 60 },
        PEOPLE.orgA,
      )
      return f.id
    })())
  let k = 0
  const slot = () => {
    const i = k++
    const startAt = shanghai(30 + Math.floor(i / 20), `${String(2 + (i % 20)).padStart(2, '0')}:00`)
    return { startAt, endAt: new Date(new Date(startAt).getTime() + 3600_000).toISOString() }
  }
  return [
    {
      fn: org,
      name: 'org.applyYouthGroup',
      who: 'SIGNED_IN',
      data: async () => {
        await withPhones(world().db, Object.values(PEOPLE), { realNames: true })
        return { name: unique('矩阵申请团体'), kind: 'volunteer', intro: '志愿服务', size: 8 }
      },
    },
    { fn: org, name: 'org.myYouthGroups', who: 'SIGNED_IN', data: async () => ({}) },
    { fn: org, name: 'org.youthGroups', who: 'ADMIN', data: async () => ({ state: 'pending' }) },
    {
      fn: org,
      name: 'org.decideYouthGroup',
      who: 'ADMIN',
      data: async () => ({ groupId: await group('pending'), decision: 'decline', reason: '材料不全' }),
    },
    {
      fn: org,
      name: 'org.suspendYouthGroup',
      who: 'ADMIN',
      data: async () => ({ groupId: await group('approved'), reason: '违规使用' }),
    },
    {
      fn: venue,
      name: 'venue.book (as a youth group)',
      who: 'LEADER',
      data: async () => ({
        facilityId: await groupFacility(),
        groupId: await group('approved'),
        ...slot(),
        purpose: '社团训练',
      }),
    },
    {
      fn: venue,
      name: 'venue.groupBookings',
      who: 'LEADER_AND_ADMIN',
      data: async () => ({ groupId: await group('approved') }),
    },
  ]
}
