/** Wishes for the function tests: requests, wishes written straight into the table, and the role-matrix rows. */
import type { WishDetail, WishProposeRequest } from '@api/wish'
import type { Pool } from 'pg'
import { main as wish } from '../../cloudfunctions/wish/src'
import { call, expectOk } from '../support/call'
import { PEOPLE, type World } from '../support/world'

export { wish }

let n = 0
export const unique = (prefix: string) => `${prefix}${++n}`

export const wishRequest = (overrides: Partial<WishProposeRequest> = {}): WishProposeRequest => ({
  title: '周末飞盘体验课',
  category: 'social_mixer',
  body: '想在周末和大家一起学飞盘，认识新朋友。',
  months: [5, 4],
  ...overrides,
})

/** A wish proposed through the function by `as` (a fresh person by default, so no limit is met). */
export async function propose(overrides: Partial<WishProposeRequest> = {}, as = unique('w:wisher-')) {
  return expectOk(await call<WishDetail>(wish, 'propose', wishRequest(overrides), as))
}

/** A wish written straight into the table (no limits, no content check): for fixtures that need many. */
export async function insertWish(w: World, proposer: string = PEOPLE.youth, title = '青年夜校插花课'): Promise<string> {
  const { rows } = await w.db.query<{ id: string }>(
    `insert into wish (district_id, proposer_id, category, title, body, months, created_at)
     values ($1, (select id from app_user where openid = $2), 'reading_club', $3, '', '{}', $4) returning id`,
    [w.districtId, proposer, title, new Date()],
  )
  return rows[0].id
}

/** A fresh line of the year's annual list for `unitId`. */
export async function freshLine(w: World, unitId: string, title = unique('心愿认领读书会')): Promise<string> {
  const { rows } = await w.db.query<{ id: string }>(
    `insert into plan_line (district_id, year, unit_id, category, title, planned_month)
     values ($1, $2, $3, 'reading_club', $4, 12) returning id`,
    [w.districtId, w.year, unitId, title],
  )
  return rows[0].id
}

/** Subscribe messages in the local outbox for one recipient and template. */
export async function outbox(db: Pool, recipient: string, template = 'wish_update') {
  const { rows } = await db.query<{ payload: { page: string; data: Record<string, { value: string }> } }>(
    'select payload from local_outbox where recipient = $1 and template = $2 order by id',
    [recipient, template],
  )
  return rows.map((r) => r.payload)
}

type Who = 'EVERYONE' | 'SIGNED_IN' | 'UNIT_A' | 'ADMIN' | 'PROPOSER'

/** One row per wish action for tests/functions/role-matrix.test.ts. */
export function wishMatrixCases(world: () => World): { name: string; who: Who; data: () => Promise<unknown> }[] {
  return [
    { name: 'wish.propose', who: 'SIGNED_IN', data: async () => wishRequest({ title: unique('矩阵心愿') }) },
    { name: 'wish.list', who: 'EVERYONE', data: async () => ({ order: 'wanted' }) },
    { name: 'wish.get', who: 'EVERYONE', data: async () => ({ wishId: await insertWish(world()) }) },
    { name: 'wish.want', who: 'SIGNED_IN', data: async () => ({ wishId: await insertWish(world()), want: true }) },
    { name: 'wish.withdraw', who: 'PROPOSER', data: async () => ({ wishId: await insertWish(world()) }) },
    {
      name: 'wish.hide',
      who: 'ADMIN',
      data: async () => ({ wishId: await insertWish(world()), reason: '与青年活动无关' }),
    },
    {
      name: 'wish.claim',
      who: 'UNIT_A',
      data: async () => ({ wishId: await insertWish(world()), planLineId: await freshLine(world(), world().unitA) }),
    },
    { name: 'wish.claimLines', who: 'UNIT_A', data: async () => ({ unitId: world().unitA, year: world().year }) },
    { name: 'wish.setThreshold', who: 'ADMIN', data: async () => ({ threshold: 20 }) },
  ]
}
