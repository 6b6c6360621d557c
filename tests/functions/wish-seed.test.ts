/** The demo wishes: on the wall with supporters, one 已排期 on 中国邮政's line, and a free line to claim into. */
import type { ClaimLine, WishDetail, WishPage } from '@api/wish'
import { main as wish } from '../../cloudfunctions/wish/src'
import { DEMO_PEOPLE, seedIfEmpty } from '../../host/seed'
import { FREE_WISH_LINE } from '../../host/seed-wishes'
import { call, expectOk } from '../support/call'
import { closePool, useFreshDatabase } from '../support/db'

afterAll(closePool)

test('the demo wall, the scheduled wish and the free line', async () => {
  const db = await useFreshDatabase()
  expect(await seedIfEmpty(db, new Date('2026-11-25T02:00:00Z'))).toBe(true)
  const wall = expectOk(await call<WishPage>(wish, 'list', { order: 'wanted' }))
  expect(wall.items.map((w) => [w.title, w.supporters, w.stage])).toEqual([
    ['周末城市飞盘体验', 23, 'collecting'],
    ['职场新人读书会：《非暴力沟通》', 15, 'scheduled'],
    ['青年夜校：咖啡拉花入门', 8, 'collecting'],
    ['金山湖城市定向赛', 4, 'collecting'],
  ])
  const scheduled = expectOk(await call<WishDetail>(wish, 'get', { wishId: wall.items[1].id }))
  expect(scheduled).toMatchObject({
    claimedBy: { unitName: '中国邮政镇江分公司团委' },
    event: { title: '邮政青年共读《非暴力沟通》' },
  })
  const counted = await db.query<{ id: string; supporters: number; rows: number }>(
    'select id, supporters, (select count(*)::int from wish_support s where s.wish_id = w.id) as rows from wish w',
  )
  for (const r of counted.rows) expect(r.rows).toBe(r.supporters)
  const mine = expectOk(await call<WishDetail>(wish, 'get', { wishId: wall.items[2].id }, DEMO_PEOPLE.youth.openid))
  expect(mine.mine).toMatchObject({ proposer: true, canWithdraw: true })
  const organiser = DEMO_PEOPLE.organiser.openid
  const collecting = expectOk(await call<WishDetail>(wish, 'get', { wishId: wall.items[0].id }, organiser))
  const unitId = collecting.mine.claimUnits[0].id
  const lines = expectOk(await call<{ items: ClaimLine[] }>(wish, 'claimLines', { unitId, year: 2026 }, organiser))
  expect(lines.items.find((l) => l.title === FREE_WISH_LINE)).toMatchObject({ wishes: 0, planStatus: 'published' })
})
