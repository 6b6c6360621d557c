/** The demo seed's youth group: approved, booking a court open to groups; the week's past bookings marked. */
import type { VenueUsage } from '@api/venue'
import { DEMO_PEOPLE, seedIfEmpty } from '../../host/seed'
import { DEMO_GROUP_NAME } from '../../host/seed-youth-groups'
import { main as venue } from '../../cloudfunctions/venue/src'
import { call, expectOk } from '../support/call'
import { closePool, useFreshDatabase } from '../support/db'

afterAll(closePool)

test.each([
  ['a Wednesday morning', '2026-11-25T02:00:00Z'],
  ['late on Sunday in Shanghai', '2026-11-29T15:30:00Z'],
])('seeded on %s', async (_name, iso) => {
  const db = await useFreshDatabase()
  expect(await seedIfEmpty(db, new Date(iso))).toBe(true)
  const group = await db.query<{ id: string; state: string; real_name: string | null }>(
    `select g.id, g.state, u.real_name from youth_group g join app_user u on u.id = g.leader_id where g.name = $1`,
    [DEMO_GROUP_NAME],
  )
  expect(group.rows).toEqual([{ id: expect.any(String), state: 'approved', real_name: expect.any(String) }])
  const courts = await db.query<{ bookers: string }>("select bookers from facility where kind = 'badminton_court'")
  expect(courts.rows.map((c) => c.bookers)).toEqual(['units_and_groups', 'units_and_groups', 'units_and_groups'])
  const marks = await db.query<{ state: string; n: number; unmarked: number }>(
    `select state, count(*)::int as n, count(*) filter (where marked_at is null)::int as unmarked from booking
     where state in ('used', 'no_show') group by state order by state`,
  )
  expect(marks.rows.find((r) => r.state === 'no_show')).toEqual({ state: 'no_show', n: 2, unmarked: 0 })
  expect(marks.rows.every((r) => r.unmarked === 0)).toBe(true)
  // The group's Saturday booking counts it as a borrower in November.
  const usage = expectOk(
    await call<VenueUsage>(venue, 'usage', { year: 2026, month: 11 }, DEMO_PEOPLE.district_admin.openid),
  )
  expect(usage.borrowers).toContainEqual(
    expect.objectContaining({ groupId: group.rows[0].id, unitName: DEMO_GROUP_NAME, bookings: 1, hours: 2 }),
  )
  expect(usage.venues.reduce((s, v) => s + v.noShows, 0)).toBe(2)
})
