/**
 * The demo stars and unit rating: this year's indicators are published; the demo young person's stars,
 * as the star service computes them from their records, are 参与活动 and 学习交流, 1.5 hours short of
 * 志愿服务, and 青年大学习 waits for their evidence; 中国邮政 has one submission to review; 五星评比
 * ranks every member unit by the district's own weights.
 */
import type { Pool } from 'pg'
import type { UnitRanking } from '@api/score'
import type { MyStars, ReviewEvidence } from '@api/star'
import { main as score } from '../../cloudfunctions/score/src'
import { main as star } from '../../cloudfunctions/star/src'
import { DEMO_PEOPLE, DEMO_UNITS, seedIfEmpty } from '../../host/seed'
import { DEMO_WEIGHTS } from '../../host/seed-scores'
import { DEMO_YOUTH_ALSO_AT, EVIDENCE_INDICATOR } from '../../host/seed-stars'
import { call, expectOk } from '../support/call'
import { closePool, useFreshDatabase } from '../support/db'

const NOW = new Date('2026-11-25T02:00:00Z')
const POST = DEMO_UNITS.find((u) => u.key === 'post')!.name

let db: Pool
beforeAll(async () => {
  db = await useFreshDatabase()
  expect(await seedIfEmpty(db, NOW)).toBe(true)
})
afterAll(closePool)

test('the demo young person has earned two of four stars and is close to 志愿服务', async () => {
  const mine = expectOk(await call<MyStars>(star, 'mine', { year: 2026 }, DEMO_PEOPLE.youth.openid))
  expect(mine.published).toBe(true)
  expect(mine.indicators.map((i) => [i.name, i.kind, i.progress, i.threshold, i.met])).toEqual([
    ['志愿服务', 'hours', 8.5, 10, false],
    ['参与活动', 'activities', 5, 4, true],
    ['学习交流', 'category', 2, 2, true],
    [EVIDENCE_INDICATOR, 'evidence', 0, 1, false],
  ])
  expect(mine.stars).toBe(2)
  expect(mine.indicators[3].evidence).toBeNull()
  // 中国邮政 is among the units their evidence may go to (they were at its planting).
  expect(mine.units.map((u) => u.name)).toContain(POST)

  // The seats the demo young person took are counted, as signing up would have counted them.
  const { rows } = await db.query<{ title: string; seats: number; quota: number; held: number }>(
    `select a.title, a.seats_taken as seats, q.taken as quota,
       (select count(*)::int from registration r where r.activity_id = a.id) as held
     from activity a join signup_quota q on q.activity_id = a.id and q.key = ''
     where a.title = any($1::text[])`,
    [DEMO_YOUTH_ALSO_AT],
  )
  expect(rows).toHaveLength(DEMO_YOUTH_ALSO_AT.length)
  for (const r of rows) expect([r.title, r.seats, r.quota]).toEqual([r.title, r.held, r.held])
})

test('one evidence submission waits for 中国邮政’s organiser', async () => {
  const { rows } = await db.query<{ id: string }>('select id from org_unit where name = $1', [POST])
  const pending = expectOk(
    await call<ReviewEvidence[]>(
      star,
      'reviewList',
      { unitId: rows[0].id, state: 'pending' },
      DEMO_PEOPLE.organiser.openid,
    ),
  )
  expect(pending).toHaveLength(1)
  expect(pending[0].indicatorName).toBe(EVIDENCE_INDICATOR)
  expect(pending[0].person.realName).toBeTruthy()
})

test('五星评比 ranks every member unit by the district’s weights', async () => {
  const ranking = expectOk(await call<UnitRanking>(score, 'ranking', { year: 2026 }, DEMO_PEOPLE.district_admin.openid))
  expect(ranking.weights).toEqual({ year: 2026, ...DEMO_WEIGHTS, custom: true })
  expect(ranking.units).toHaveLength(DEMO_UNITS.length)
  expect(ranking.units[0].rank).toBe(1)
  expect(ranking.units[0].score).toBeGreaterThan(ranking.units[ranking.units.length - 1].score)
})

test('seeded early in January (nothing of the year finished yet) the stars are there, none earned', async () => {
  const early = await useFreshDatabase()
  expect(await seedIfEmpty(early, new Date('2026-01-03T02:00:00Z'))).toBe(true)
  const mine = expectOk(await call<MyStars>(star, 'mine', { year: 2026 }, DEMO_PEOPLE.youth.openid))
  expect(mine.published).toBe(true)
  expect(mine.indicators).toHaveLength(4)
  expect(mine.stars).toBe(0)
  const weights = await early.query('select 1 from unit_score_weights where year = 2026')
  expect(weights.rowCount).toBe(1)
})
