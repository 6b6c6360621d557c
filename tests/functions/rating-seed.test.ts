/** The demo's ratings: a finished event with enough ratings shows its summary; counters match the rows. */
import type { DistrictRatings, EventRatingSummary, MyRatings } from '@api/rating'
import { main as rating } from '../../cloudfunctions/rating/src'
import { DEMO_PEOPLE, seedIfEmpty } from '../../host/seed'
import { call, expectOk } from '../support/call'
import { closePool, useFreshDatabase } from '../support/db'

afterAll(closePool)

test('the demo has rated finished events, one with at least 5 ratings whose summary shows', async () => {
  const db = await useFreshDatabase()
  expect(await seedIfEmpty(db, new Date('2026-11-25T02:00:00Z'))).toBe(true)
  const best = await db.query<{ activity_id: string; ratings: number }>(
    'select activity_id, ratings from activity_rating_total order by ratings desc limit 1',
  )
  expect(best.rows[0].ratings).toBeGreaterThanOrEqual(5)
  // The counters agree with the rows, event by event.
  const mismatched = await db.query(
    `select t.activity_id from activity_rating_total t
     left join (select activity_id, count(*)::int as n, sum(stars)::int as s from activity_rating group by activity_id) r
       on r.activity_id = t.activity_id
     where t.ratings <> coalesce(r.n, 0) or t.stars_sum <> coalesce(r.s, 0)`,
  )
  expect(mismatched.rowCount).toBe(0)
  const summary = expectOk(
    await call<EventRatingSummary>(
      rating,
      'eventSummary',
      { activityId: best.rows[0].activity_id },
      DEMO_PEOPLE.district_admin.openid,
    ),
  )
  expect(summary.average).not.toBeNull()
  expect(summary.comments?.length).toBeGreaterThan(0)
  const view = expectOk(
    await call<DistrictRatings>(rating, 'district', { year: 2026 }, DEMO_PEOPLE.district_admin.openid),
  )
  expect(view.byUnit.some((u) => u.average !== null)).toBe(true)
  // The demo young person rated nothing: whatever they attended lately awaits their rating.
  const mine = expectOk(await call<MyRatings>(rating, 'mine', undefined, DEMO_PEOPLE.youth.openid))
  expect(mine.ratings).toEqual([])
})
