/**
 * `venue.venues` with `freeAt` (空闲时段): only venues with a facility (of the asked kind) open and
 * unbooked for the whole range, each saying which facilities are free; bad ranges answer INVALID_INPUT.
 */
import type { Booking, VenueSummary } from '@api/venue'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'
import { createFacility, createVenue, shanghai, venue } from './venue-fixtures'

const w = useWorld()

const freeAt = async (startAt: string, endAt: string, extra: Record<string, unknown> = {}) =>
  expectOk(await call<{ items: VenueSummary[] }>(venue, 'venues', { freeAt: { startAt, endAt }, ...extra })).items

const book = (facilityId: string, from: string, to: string) =>
  call<Booking>(
    venue,
    'book',
    { facilityId, unitId: w.unitA, startAt: from, endAt: to, purpose: '职工羽毛球比赛' },
    PEOPLE.orgA,
  )

describe('venues free at a time range', () => {
  test('a taken facility drops out, another free one keeps the venue; a block takes it too', async () => {
    const two = await createVenue(w)
    const court1 = await createFacility(two.id, { name: '一号场' })
    const court2 = await createFacility(two.id, { name: '二号场' })
    const gym = await createFacility(two.id, { kind: 'gym', name: '健身房' })
    const one = await createVenue(w)
    const only = await createFacility(one.id)
    const blocked = await createVenue(w)
    const blockedCourt = await createFacility(blocked.id)
    expectOk(await book(court1.id, shanghai(1, '19:00'), shanghai(1, '21:00')))
    expectOk(await book(only.id, shanghai(1, '20:00'), shanghai(1, '20:30')))
    expectOk(
      await call(
        venue,
        'block',
        { facilityId: blockedCourt.id, startAt: shanghai(1, '18:00'), endAt: shanghai(1, '22:00'), reason: '内部培训' },
        PEOPLE.orgB,
      ),
    )

    const courts = await freeAt(shanghai(1, '19:30'), shanghai(1, '21:00'), { facilityKind: 'badminton_court' })
    const ids = courts.map((v) => v.id)
    expect(ids).toContain(two.id)
    expect(ids).not.toContain(one.id)
    expect(ids).not.toContain(blocked.id)
    expect(courts.find((v) => v.id === two.id)?.freeFacilities).toEqual([
      { id: court2.id, kind: 'badminton_court', name: '二号场' },
    ])

    // Any kind: the gym is free too; a range touching the booking's end leaves the taken court free.
    const any = await freeAt(shanghai(1, '19:30'), shanghai(1, '21:00'))
    expect(
      any
        .find((v) => v.id === two.id)
        ?.freeFacilities?.map((f) => f.id)
        .sort(),
    ).toEqual([court2.id, gym.id].sort())
    const after = await freeAt(shanghai(1, '21:00'), shanghai(1, '22:00'), { facilityKind: 'badminton_court' })
    expect(after.map((v) => v.id)).toEqual(expect.arrayContaining([two.id, one.id]))
    expect(
      after
        .find((v) => v.id === two.id)
        ?.freeFacilities?.map((f) => f.id)
        .sort(),
    ).toEqual([court1.id, court2.id].sort())
    expect(after.map((v) => v.id)).not.toContain(blocked.id)

    // With a position: nearest first, with distances, as without freeAt.
    const near = await freeAt(shanghai(1, '21:00'), shanghai(1, '22:00'), {
      near: { latitude: 32.2049, longitude: 119.4278 },
    })
    expect(near.find((v) => v.id === two.id)?.distanceMeters).toBeLessThan(1)
    const distances = near.map((v) => v.distanceMeters ?? Infinity)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))

    // Without freeAt the list is unchanged and says nothing of free facilities.
    const all = expectOk(await call<{ items: VenueSummary[] }>(venue, 'venues', {})).items
    expect(all.map((v) => v.id)).toEqual(expect.arrayContaining([two.id, one.id, blocked.id]))
    expect(all.every((v) => v.freeFacilities === undefined)).toBe(true)
  })

  test('a pending request does not take the time', async () => {
    const v = await createVenue(w)
    const f = await createFacility(v.id, { needsApproval: true })
    expect(await book(f.id, shanghai(2, '10:00'), shanghai(2, '11:00'))).toMatchObject({
      ok: true,
      data: { state: 'pending' },
    })
    const list = await freeAt(shanghai(2, '10:00'), shanghai(2, '11:00'))
    expect(list.find((x) => x.id === v.id)?.freeFacilities?.map((x) => x.id)).toEqual([f.id])
  })

  test('a closure or a range outside opening hours drops the venue; an evening across midnight keeps it', async () => {
    const closed = await createVenue(w, { exceptions: [{ day: '2026-11-27', ranges: [], note: '设备检修' }] })
    await createFacility(closed.id)
    const daytime = await createVenue(w)
    await createFacility(daytime.id)
    const late = await createVenue(w, {
      hours: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
        { weekday, opens: '00:00', closes: '02:00' },
        { weekday, opens: '18:00', closes: '24:00' },
      ]),
    })
    await createFacility(late.id)

    const friday = (await freeAt(shanghai(2, '10:00'), shanghai(2, '11:00'))).map((v) => v.id)
    expect(friday).toContain(daytime.id)
    expect(friday).not.toContain(closed.id)
    const thursday = (await freeAt(shanghai(1, '10:00'), shanghai(1, '11:00'))).map((v) => v.id)
    expect(thursday).toEqual(expect.arrayContaining([daytime.id, closed.id]))

    // 21:30–22:30 runs past the daytime venue's 22:00; 23:00–01:00 is one evening for the late one.
    const pastClosing = (await freeAt(shanghai(1, '21:30'), shanghai(1, '22:30'))).map((v) => v.id)
    expect(pastClosing).not.toContain(daytime.id)
    expect(pastClosing).toContain(late.id)
    const acrossMidnight = (await freeAt(shanghai(1, '23:00'), shanghai(2, '01:00'))).map((v) => v.id)
    expect(acrossMidnight).toContain(late.id)
    expect(acrossMidnight).not.toContain(daytime.id)
    const untilThree = (await freeAt(shanghai(1, '23:00'), shanghai(2, '03:00'))).map((v) => v.id)
    expect(untilThree).not.toContain(late.id)
  })
})

describe('bad ranges answer INVALID_INPUT', () => {
  test.each([
    ['end before start', { startAt: shanghai(1, '11:00'), endAt: shanghai(1, '10:00') }],
    ['empty', { startAt: shanghai(1, '10:00'), endAt: shanghai(1, '10:00') }],
    ['longer than 12 hours', { startAt: shanghai(1, '08:00'), endAt: shanghai(1, '20:30') }],
    ['not an instant', { startAt: '明天上午', endAt: shanghai(1, '10:00') }],
    ['no offset', { startAt: '2026-11-26T10:00:00', endAt: '2026-11-26T11:00:00' }],
    ['missing end', { startAt: shanghai(1, '10:00') }],
    ['extra field', { startAt: shanghai(1, '10:00'), endAt: shanghai(1, '11:00'), day: '2026-11-26' }],
  ])('%s', async (_name, range) => {
    expect(await call(venue, 'venues', { freeAt: range })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  test('exactly 12 hours is fine', async () => {
    expect(
      await call(venue, 'venues', { freeAt: { startAt: shanghai(1, '08:00'), endAt: shanghai(1, '20:00') } }),
    ).toMatchObject({ ok: true })
  })
})
