/**
 * The bar of issue 13: 2,000 concurrent 想参加 on one wish from 1,000 people (each person twice,
 * at once) leave the count at exactly 1,000, with one row per person; and the district admins
 * hear once that the wish reached the threshold.
 */
import type { WishWantResponse } from '@api/wish'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'
import { outbox, propose, wish } from './wish-fixtures'

jest.setTimeout(180_000)

const w = useWorld()
beforeAll(async () => {
  process.env.PG_POOL_MAX = '20'
  await w.db.query('insert into app_user (openid) select $1 || g from generate_series(1, 1000) g', ['fan:'])
})

test('2,000 concurrent 想参加 from 1,000 people: exactly 1,000, and the threshold told once', async () => {
  const d = await propose({ title: '千人想参加的音乐节' })
  const calls: Promise<unknown>[] = []
  for (let round = 0; round < 2; round++)
    for (let i = 1; i <= 1000; i++)
      calls.push(call<WishWantResponse>(wish, 'want', { wishId: d.id, want: true }, `fan:${i}`).then(expectOk))
  await Promise.all(calls)
  const row = await w.db.query<{ supporters: number; rows: number }>(
    'select supporters, (select count(*)::int from wish_support where wish_id = $1) as rows from wish where id = $1',
    [d.id],
  )
  expect(row.rows[0]).toEqual({ supporters: 1000, rows: 1000 })
  const told = (await outbox(w.db, PEOPLE.admin)).filter((m) => m.page.endsWith(d.id))
  expect(told).toHaveLength(1)

  // 1,000 take it back while 1,000 say it again: the count still equals the rows.
  const mixed: Promise<unknown>[] = []
  for (let i = 1; i <= 1000; i++) {
    mixed.push(call(wish, 'want', { wishId: d.id, want: false }, `fan:${i}`).then(expectOk))
    mixed.push(call(wish, 'want', { wishId: d.id, want: i % 2 === 0 }, `fan:${i}`).then(expectOk))
  }
  await Promise.all(mixed)
  const after = await w.db.query<{ supporters: number; rows: number }>(
    'select supporters, (select count(*)::int from wish_support where wish_id = $1) as rows from wish where id = $1',
    [d.id],
  )
  expect(after.rows[0].supporters).toBe(after.rows[0].rows)
  expect((await outbox(w.db, PEOPLE.admin)).filter((m) => m.page.endsWith(d.id))).toHaveLength(1)
})
