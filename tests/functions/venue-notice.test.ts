/** The booker hears of the owner's decision through the booking template (not the sign-up one). */
import type { Booking } from '@api/venue'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'
import { createFacility, createVenue, shanghai, venue } from './venue-fixtures'

const w = useWorld()

const outbox = async () =>
  (
    await w.db.query<{ template: string; payload: Record<string, unknown> }>(
      'select template, payload from local_outbox where recipient = $1 order by id',
      [PEOPLE.orgA],
    )
  ).rows

test('approval and decline each send one booking-decision message to the booker, with the page of their bookings', async () => {
  const f = await createFacility((await createVenue(w)).id, {
    name: '会议室',
    kind: 'meeting_room',
    needsApproval: true,
  })
  const ask = async (from: string, to: string) =>
    expectOk(
      await call<Booking>(
        venue,
        'book',
        { facilityId: f.id, unitId: w.unitA, startAt: shanghai(2, from), endAt: shanghai(2, to), purpose: '团课' },
        PEOPLE.orgA,
      ),
    )
  const a = await ask('09:00', '10:00')
  const b = await ask('14:00', '15:00')
  expect(await outbox()).toEqual([])
  expectOk(await call(venue, 'approve', { bookingId: a.id }, PEOPLE.orgB))
  expectOk(await call(venue, 'decline', { bookingId: b.id, reason: '场地另有安排' }, PEOPLE.orgB))
  const sent = await outbox()
  expect(sent.map((m) => m.template)).toEqual(['venue_booking_result', 'venue_booking_result'])
  const text = JSON.stringify(sent.map((m) => m.payload))
  expect(text).toContain(`packages/venues/pages/bookings/index?unitId=${w.unitA}`)
  expect(text).toContain('已通过')
  expect(text).toContain('未通过')
  expect(text).toContain('场地另有安排')
})

test('the template id comes from QINGJU_TEMPLATE_BOOKING_DECISION when set', async () => {
  process.env.QINGJU_TEMPLATE_BOOKING_DECISION = 'tpl-booking-from-console'
  try {
    const f = await createFacility((await createVenue(w)).id, { needsApproval: true })
    const a = expectOk(
      await call<Booking>(
        venue,
        'book',
        {
          facilityId: f.id,
          unitId: w.unitA,
          startAt: shanghai(3, '09:00'),
          endAt: shanghai(3, '10:00'),
          purpose: '团课',
        },
        PEOPLE.orgA,
      ),
    )
    expectOk(await call(venue, 'approve', { bookingId: a.id }, PEOPLE.orgB))
    expect((await outbox()).at(-1)?.template).toBe('tpl-booking-from-console')
  } finally {
    delete process.env.QINGJU_TEMPLATE_BOOKING_DECISION
  }
})
