/**
 * A booking for an event: the event takes its place from the booking once the booking holds the
 * slot (logged in the event's change log), and cancelling the event releases its bookings that have
 * not started, unless asked not to.
 */
import type { ManagedActivity } from '@api/activity'
import type { Booking, Facility, VenueDetail } from '@api/venue'
import { main as activity } from '../../cloudfunctions/activity/src'
import { call, expectOk } from '../support/call'
import { PEOPLE, publishedEvent, useWorld } from '../support/world'
import { ALWAYS, createFacility, createVenue, shanghai, venue } from './venue-fixtures'

const w = useWorld()
let place: VenueDetail
let court: Facility
let room: Facility

beforeAll(async () => {
  place = await createVenue(w, {
    hours: ALWAYS,
    address: '润州区中山西路 8 号',
    location: { latitude: 32.21, longitude: 119.43 },
  })
  court = await createFacility(place.id, { name: '一号场', maxDaysAhead: 60, cancelHours: 24 })
  room = await createFacility(place.id, { kind: 'meeting_room', name: '会议室', needsApproval: true, maxDaysAhead: 60 })
})

const book = async (facilityId: string, activityId: string | null, day: number, from: string, to: string) =>
  expectOk(
    await call<Booking>(
      venue,
      'book',
      {
        facilityId,
        unitId: w.unitA,
        startAt: shanghai(day, from),
        endAt: shanghai(day, to),
        purpose: '读书会',
        activityId,
      },
      PEOPLE.orgA,
    ),
  )

const event = async (id: string) => {
  const r = await w.db.query<{ place_name: string; place_address: string | null; latitude: number | null }>(
    'select place_name, place_address, latitude from activity where id = $1',
    [id],
  )
  return r.rows[0]
}

const changes = async (id: string) =>
  (
    await w.db.query<{ kind: string; reason: string | null; fields: Record<string, unknown>; changed_by: string }>(
      "select kind, reason, fields, changed_by from activity_change where activity_id = $1 and kind = 'edited' order by id",
      [id],
    )
  ).rows

const stateOf = async (id: string) =>
  (await w.db.query<{ state: string; reason: string | null }>('select state, reason from booking where id = $1', [id]))
    .rows[0]

describe('the event takes its place from the booking', () => {
  test('an approved booking moves the event to the venue, in the change log', async () => {
    const e = await publishedEvent(w)
    expect((await event(e.id)).place_name).toBe('青年之家')
    await book(court.id, e.id, 10, '19:00', '21:00')
    expect(await event(e.id)).toEqual({
      place_name: `${place.name} 一号场`,
      place_address: '润州区中山西路 8 号',
      latitude: 32.21,
    })
    const log = await changes(e.id)
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ reason: '场地预订', changed_by: w.userIds.orgA })
    expect(log[0].fields.placeName).toEqual(['青年之家', `${place.name} 一号场`])
    // The organiser sees it too.
    const managed = expectOk(await call<ManagedActivity>(activity, 'get', { id: e.id }, PEOPLE.orgA))
    expect(managed).toMatchObject({ placeName: `${place.name} 一号场`, placeAddress: '润州区中山西路 8 号' })
  })

  test('a request that waits moves nothing until the owner approves it', async () => {
    const e = await publishedEvent(w)
    const pending = await book(room.id, e.id, 11, '14:00', '16:00')
    expect(pending.state).toBe('pending')
    expect((await event(e.id)).place_name).toBe('青年之家')
    expectOk(await call(venue, 'approve', { bookingId: pending.id }, PEOPLE.orgB))
    expect((await event(e.id)).place_name).toBe(`${place.name} 会议室`)
  })

  test('a booking without an event touches no event', async () => {
    const e = await publishedEvent(w)
    await book(court.id, null, 12, '09:00', '10:00')
    expect((await event(e.id)).place_name).toBe('青年之家')
    expect(await changes(e.id)).toEqual([])
  })
})

describe("the unit's bookings of one event", () => {
  test('unitBookings with an activityId answers that event’s bookings only (what the cancel dialog offers)', async () => {
    const e = await publishedEvent(w)
    const other = await publishedEvent(w)
    const ours = [await book(court.id, e.id, 25, '19:00', '21:00'), await book(room.id, e.id, 25, '09:00', '10:00')]
    await book(court.id, other.id, 26, '19:00', '21:00')
    await book(court.id, null, 27, '19:00', '21:00')
    const list = expectOk(
      await call<{ items: Booking[] }>(venue, 'unitBookings', { unitId: w.unitA, activityId: e.id }, PEOPLE.orgA),
    )
    expect(list.items.map((b) => b.id).sort()).toEqual(ours.map((b) => b.id).sort())
    expect(await call(venue, 'unitBookings', { unitId: w.unitA, activityId: 'x' }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })
})

describe('cancelling the event', () => {
  test('releases its bookings that have not started (requests too), not those past the deadline or of other events', async () => {
    const e = await publishedEvent(w)
    const other = await publishedEvent(w)
    const later = await book(court.id, e.id, 20, '19:00', '21:00')
    const request = await book(room.id, e.id, 20, '09:00', '10:00')
    const tooLate = await book(court.id, e.id, 0, '20:00', '21:00') // within the 24-hour deadline
    const notOurs = await book(court.id, other.id, 21, '19:00', '21:00')
    const r = await call<ManagedActivity>(activity, 'cancel', { id: e.id, reason: '天气原因取消' }, PEOPLE.orgA)
    expect(r).toMatchObject({ ok: true, data: { state: 'cancelled' } })
    expect(await stateOf(later.id)).toEqual({ state: 'cancelled', reason: '活动已取消' })
    expect(await stateOf(request.id)).toEqual({ state: 'cancelled', reason: '活动已取消' })
    expect((await stateOf(tooLate.id)).state).toBe('approved')
    expect((await stateOf(notOurs.id)).state).toBe('approved')
    // The slot is free again for anyone.
    expect((await book(court.id, null, 20, '19:00', '21:00')).state).toBe('approved')
  })

  test('keeps them when asked to (releaseBookings: false)', async () => {
    const e = await publishedEvent(w)
    const kept = await book(court.id, e.id, 22, '19:00', '21:00')
    expectOk(await call(activity, 'cancel', { id: e.id, reason: '改期举办', releaseBookings: false }, PEOPLE.orgA))
    expect((await stateOf(kept.id)).state).toBe('approved')
  })

  test('a bad releaseBookings is INVALID_INPUT', async () => {
    const e = await publishedEvent(w)
    expect(
      await call(activity, 'cancel', { id: e.id, reason: '改期举办', releaseBookings: 'yes' }, PEOPLE.orgA),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})
