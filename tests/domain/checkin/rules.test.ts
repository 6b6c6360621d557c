import {
  SYNC_FUTURE_SKEW_MS,
  distanceMetres,
  seatRefusal,
  venueCheck,
  windowRefusal,
} from '../../../server/domain/checkin/rules'

const MINUTE = 60_000
const start = new Date('2026-06-06T01:00:00Z')
const e = {
  state: 'published',
  startAt: start,
  endAt: new Date(start.getTime() + 120 * MINUTE),
  checkinOpensMinutes: 60,
}
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE)
const online = (now: Date) => ({ synced: false, now })

describe('windowRefusal', () => {
  test('check-in from the opening to the end; check-out an hour longer', () => {
    expect(windowRefusal(e, 'in', at(-61), online(at(-61)))).toEqual({
      kind: 'notOpenYet',
      opensMinutes: 60,
      synced: false,
    })
    expect(windowRefusal(e, 'in', at(-60), online(at(-60)))).toBeNull()
    expect(windowRefusal(e, 'in', at(119), online(at(119)))).toBeNull()
    expect(windowRefusal(e, 'in', at(120), online(at(120)))).toEqual({
      kind: 'windowClosed',
      direction: 'in',
      synced: false,
    })
    expect(windowRefusal(e, 'out', at(179), online(at(179)))).toBeNull()
    expect(windowRefusal(e, 'out', at(180), online(at(180)))).toEqual({
      kind: 'windowClosed',
      direction: 'out',
      synced: false,
    })
  })

  test('a cancelled event refuses before any edge is looked at', () => {
    expect(windowRefusal({ ...e, state: 'cancelled' }, 'in', at(10), online(at(10)))).toEqual({
      kind: 'eventCancelled',
      synced: false,
    })
  })

  test('a synced scan is judged at its own time, and may not be dated after the clock plus the skew', () => {
    const now = at(600)
    expect(windowRefusal(e, 'in', at(10), { synced: true, now })).toBeNull()
    expect(windowRefusal(e, 'in', at(130), { synced: true, now })).toEqual({
      kind: 'windowClosed',
      direction: 'in',
      synced: true,
    })
    const early = at(10)
    expect(windowRefusal(e, 'in', new Date(early.getTime() + SYNC_FUTURE_SKEW_MS), { synced: true, now: early })).toBe(
      null,
    )
    expect(
      windowRefusal(e, 'in', new Date(early.getTime() + SYNC_FUTURE_SKEW_MS + 1), { synced: true, now: early }),
    ).toEqual({ kind: 'scanInFuture' })
  })
})

describe('seatRefusal', () => {
  test.each([
    [null, { kind: 'notRegistered' }],
    ['waitlisted', { kind: 'notSeated', state: 'waitlisted' }],
    ['cancelled', { kind: 'notSeated', state: 'cancelled' }],
    ['confirmed', null],
    ['attended', null],
  ])('%s → %j', (state, failure) => expect(seatRefusal(state)).toEqual(failure))
})

describe('venueCheck', () => {
  const venue = { location: { latitude: 32.2, longitude: 119.43 }, checkinRadiusM: 500 }
  test('within the radius passes, beyond it is kept but flagged; no location or no venue: nothing to say', () => {
    expect(venueCheck(venue, { latitude: 32.2001, longitude: 119.4301 })).toEqual({
      distance: 15,
      needsReview: false,
    })
    const far = venueCheck(venue, { latitude: 32.21, longitude: 119.43 })
    expect(far.needsReview).toBe(true)
    expect(far.distance).toBeGreaterThan(1000)
    expect(venueCheck(venue, undefined)).toEqual({ distance: null, needsReview: false })
    expect(venueCheck({ ...venue, location: null }, { latitude: 32.2, longitude: 119.43 })).toEqual({
      distance: null,
      needsReview: false,
    })
  })

  test('distance is symmetric and zero at the same point', () => {
    const a = { latitude: 32.2, longitude: 119.43 }
    const b = { latitude: 31.23, longitude: 121.47 }
    expect(distanceMetres(a, a)).toBe(0)
    expect(distanceMetres(a, b)).toBe(distanceMetres(b, a))
  })
})
