/** The demo venues seed on any day of the week, and the demo organiser finds requests to approve. */
import type { Booking, VenueSummary } from '@api/venue'
import { DEMO_PEOPLE, seedIfEmpty } from '../../host/seed'
import { call, expectOk } from '../support/call'
import { closePool, useFreshDatabase } from '../support/db'
import { main as venue } from '../../cloudfunctions/venue/src'

afterAll(closePool)

test.each([
  ['a Wednesday morning', '2026-11-25T02:00:00Z'],
  ['just after Monday midnight in Shanghai', '2026-11-29T16:30:00Z'],
  ['late on Sunday in Shanghai', '2026-11-29T15:30:00Z'],
])('seeded on %s', async (_name, iso) => {
  const db = await useFreshDatabase()
  expect(await seedIfEmpty(db, new Date(iso))).toBe(true)
  const list = expectOk(
    await call<{ items: VenueSummary[] }>(venue, 'venues', { near: { latitude: 32.2043, longitude: 119.4312 } }),
  ).items
  expect(list.map((v) => v.name)).toEqual(
    expect.arrayContaining([
      '邮政大楼三楼青年之家',
      '移动公司职工活动中心',
      '朝阳社区党群服务中心',
      '南昆仑律所会议室',
    ]),
  )
  expect(list[0].name).toBe('邮政大楼三楼青年之家')
  expect(list.find((v) => v.tier === 'partner')?.ownerName).toBe('润州区青年工作委员会')
  const { rows } = await db.query<{ id: string }>("select id from org_unit where name = '中国邮政镇江分公司团委'")
  const pending = expectOk(
    await call<{ items: Booking[] }>(venue, 'ownerPending', { ownerUnitId: rows[0].id }, DEMO_PEOPLE.organiser.openid),
  )
  expect(pending.items.length).toBeGreaterThanOrEqual(2)
  const week = await db.query<{ n: number }>(
    "select count(*)::int as n from booking where state in ('approved', 'used')",
  )
  expect(week.rows[0].n).toBeGreaterThan(10)
})
