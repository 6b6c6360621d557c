/**
 * The ratings bar: 300 attendees and 100 people who did not attend rate one event at once, through
 * a connection pool on a real PostgreSQL: exactly 300 ratings are stored, none from the others, and
 * each attendee's second call (also at once) updates their rating instead of adding one.
 */
import type { MyRating } from '@api/rating'
import { main as rating } from '../../cloudfunctions/rating/src'
import { call } from '../support/call'
import { useWorld } from '../support/world'
import { finishedEvent } from './rating-fixtures'

jest.setTimeout(180_000)

const w = useWorld()
const attendees = Array.from({ length: 300 }, (_, i) => `burst:att-${i + 1}`)
const absent = Array.from({ length: 100 }, (_, i) => `burst:abs-${i + 1}`)

beforeAll(() => {
  process.env.PG_POOL_MAX = '20'
})

test('300 attendees and 100 non-attendees at once: exactly 300 stored; second calls update, never add', async () => {
  // The 100 signed up (confirmed) but their attendance was never recorded.
  const e = await finishedEvent(w, { attended: attendees, confirmed: absent })
  // Interleaved: an attendee, then every third call someone who did not attend.
  const everyone = attendees.flatMap((who, i) => (i % 3 === 0 ? [who, absent[i / 3]] : [who]))
  const stars = (who: string) => 1 + (Number(who.split('-')[1]) % 5)
  const first = await Promise.all(
    everyone.map((who) =>
      call<MyRating>(rating, 'rate', { activityId: e.id, stars: stars(who) }, who).then((r) => ({ who, r })),
    ),
  )
  for (const { who, r } of first) {
    if (who.startsWith('burst:att-')) expect({ who, ok: r.ok }).toEqual({ who, ok: true })
    else expect({ who, code: r.ok ? 'ok' : r.code }).toEqual({ who, code: 'NOT_ATTENDED' })
  }
  // Every attendee again, twice at once, with 5 stars: updates only.
  const again = await Promise.all(
    [...attendees, ...attendees].map((who) => call<MyRating>(rating, 'rate', { activityId: e.id, stars: 5 }, who)),
  )
  expect(again.filter((r) => !r.ok)).toEqual([])

  const stored = await w.db.query<{ n: number; from_absent: number; fives: number }>(
    `select count(*)::int as n,
       count(*) filter (where u.openid like 'burst:abs-%')::int as from_absent,
       count(*) filter (where r.stars = 5)::int as fives
     from activity_rating r join app_user u on u.id = r.user_id where r.activity_id = $1`,
    [e.id],
  )
  expect(stored.rows[0]).toEqual({ n: 300, from_absent: 0, fives: 300 })
  // The counters agree with the rows.
  const total = await w.db.query(
    'select ratings, stars_sum, star_counts from activity_rating_total where activity_id = $1',
    [e.id],
  )
  expect(total.rows[0]).toEqual({ ratings: 300, stars_sum: 1500, star_counts: [0, 0, 0, 0, 300] })
})
