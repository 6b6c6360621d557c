/**
 * No double booking, ever, under load: the database's exclusion constraint decides, not a read
 * before the write. 500 concurrent automatic bookings of overlapping times on one facility leave
 * exactly one holding the slot and 499 answers naming its time (three rounds); two owners
 * approving overlapping requests at the same moment leave one approved.
 */
import type { ApiResult } from '@api/result'
import type { Booking } from '@api/venue'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'
import { ALWAYS, createFacility, createVenue, shanghai, venue } from './venue-fixtures'

jest.setTimeout(180_000)

const w = useWorld()
beforeAll(() => {
  process.env.PG_POOL_MAX = '20'
})

/** Every request contains 20:00–20:30, so any two overlap; starts and lengths vary. */
function overlappingRequest(i: number, day: number) {
  const starts = ['18:00', '18:30', '19:00', '19:30', '20:00']
  const ends = ['20:30', '21:00', '21:30', '22:00']
  return { from: shanghai(day, starts[i % starts.length]), to: shanghai(day, ends[Math.floor(i / 5) % ends.length]) }
}

const wall = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(11, 16)

test.each([1, 2, 3])('round %i: 500 concurrent overlapping bookings, exactly one holds', async (round) => {
  const f = await createFacility((await createVenue(w, { hours: ALWAYS })).id)
  const day = round + 1
  const answers = await Promise.all(
    Array.from({ length: 500 }, (_, i) => {
      const { from, to } = overlappingRequest(i, day)
      // Both units' organisers book, for their own units.
      const [unitId, as] = i % 2 ? [w.unitA, PEOPLE.orgA] : [w.unitB, PEOPLE.orgB]
      return call<Booking>(venue, 'book', { facilityId: f.id, unitId, startAt: from, endAt: to, purpose: '抢场地' }, as)
    }),
  )
  const won = answers.filter((a): a is Extract<ApiResult<Booking>, { ok: true }> => a.ok)
  expect(won).toHaveLength(1)
  const winner = won[0].data
  expect(winner.state).toBe('approved')
  const lost = answers.filter((a) => !a.ok)
  expect(lost).toHaveLength(499)
  const expected = `该时段已被预订（11月${25 + day}日 ${wall(winner.startAt)}–${wall(winner.endAt)}），请选择其他时段`
  for (const a of lost) expect(a).toEqual({ ok: false, code: 'BOOKING_CONFLICT', message: expected })
  const rows = await w.db.query<{ state: string; n: number }>(
    'select state, count(*)::int as n from booking where facility_id = $1 group by state',
    [f.id],
  )
  expect(rows.rows).toEqual([{ state: 'approved', n: 1 }])
})

test('two owners approving overlapping requests at once: one is approved, the other answers the conflict', async () => {
  // Unit B owns the room; its admin and the district admin both run its bookings.
  const f = await createFacility((await createVenue(w, { hours: ALWAYS })).id, {
    kind: 'meeting_room',
    name: '会议室',
    needsApproval: true,
  })
  for (let i = 0; i < 20; i++) {
    const day = 5 + (i % 20)
    const book = (from: string, to: string) =>
      call<Booking>(
        venue,
        'book',
        { facilityId: f.id, unitId: w.unitA, startAt: shanghai(day, from), endAt: shanghai(day, to), purpose: '团课' },
        PEOPLE.orgA,
      )
    const first = expectOk(await book('14:00', '16:00'))
    const second = expectOk(await book('15:00', '17:00'))
    expect([first.state, second.state]).toEqual(['pending', 'pending'])
    const [a, b] = await Promise.all([
      call<Booking>(venue, 'approve', { bookingId: first.id }, PEOPLE.orgB),
      call<Booking>(venue, 'approve', { bookingId: second.id }, PEOPLE.admin),
    ])
    const oks = [a, b].filter((x) => x.ok)
    expect(oks).toHaveLength(1)
    const refused = [a, b].find((x) => !x.ok)
    expect(refused).toMatchObject({ ok: false, code: 'BOOKING_CONFLICT' })
    const approved = await w.db.query<{ n: number }>(
      "select count(*)::int as n from booking where facility_id = $1 and state = 'approved' and during && tstzrange($2, $3)",
      [f.id, shanghai(day, '00:00'), shanghai(day + 1, '00:00')],
    )
    expect(approved.rows[0].n).toBe(1)
  }
})
