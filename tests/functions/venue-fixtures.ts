/** Venues and facilities for the venue function tests (on top of useWorld's district). */
import type { Facility, FacilityCreateRequest, VenueCreateRequest, VenueDetail } from '@api/venue'
import { main as venue } from '../../cloudfunctions/venue/src'
import { call, expectOk } from '../support/call'
import { PEOPLE, type World } from '../support/world'

export { venue }

let n = 0
export const unique = (prefix: string) => `${prefix}${++n}`

/** Open every day 08:00–22:00 (Shanghai). */
export const DAYTIME = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '22:00' }))
/** Open round the clock. */
export const ALWAYS = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' }))

export function venueRequest(w: World, overrides: Partial<VenueCreateRequest> = {}): VenueCreateRequest {
  return {
    ownerUnitId: w.unitB,
    name: unique('移动公司职工活动中心'),
    tier: 'unit',
    address: '润州区长江路 1 号',
    location: { latitude: 32.2049, longitude: 119.4278 },
    intro: '3 个羽毛球场地、2 个乒乓球台，还有健身房、瑜伽室。',
    contactName: '刘老师',
    contactPhone: '13912345678',
    hours: DAYTIME,
    ...overrides,
  }
}

export async function createVenue(
  w: World,
  overrides: Partial<VenueCreateRequest> = {},
  as: string = PEOPLE.orgB,
): Promise<VenueDetail> {
  return expectOk(await call<VenueDetail>(venue, 'createVenue', venueRequest(w, overrides), as))
}

export async function createFacility(
  venueId: string,
  overrides: Partial<FacilityCreateRequest> = {},
  as: string = PEOPLE.orgB,
): Promise<Facility> {
  return expectOk(
    await call<Facility>(
      venue,
      'createFacility',
      {
        venueId,
        kind: 'badminton_court',
        name: unique('羽毛球场 '),
        slotMinutes: 30,
        minMinutes: 30,
        maxMinutes: 240,
        maxDaysAhead: 30,
        leadMinutes: 60,
        cancelHours: 24,
        ...overrides,
      },
      as,
    ),
  )
}

/** An ISO instant at a Shanghai wall-clock time `days` days after 2026-11-25 (the fixed test day). */
export function shanghai(days: number, clock: string): string {
  const [h, m] = clock.split(':').map(Number)
  return new Date(Date.UTC(2026, 10, 25 + days, h - 8, m)).toISOString()
}

/**
 * The venue function's rows of the role matrix (tests/functions/role-matrix.test.ts): a venue of
 * unit A, so unit A's side (its organiser and the district admin) may run it; each cell gets a
 * fresh slot so no two cells clash.
 */
export function venueMatrixCases(world: () => World): {
  name: string
  who: 'EVERYONE' | 'UNIT_A'
  data: () => Promise<unknown>
}[] {
  let fixture: Promise<{ venueId: string; auto: string; approval: string; weekly: string }> | null = null
  const setup = () =>
    (fixture ??= (async () => {
      const w = world()
      const v = await createVenue(w, { ownerUnitId: w.unitA, hours: ALWAYS }, PEOPLE.orgA)
      const rules = { maxDaysAhead: 366, leadMinutes: 0, slotMinutes: 60, minMinutes: 60, maxMinutes: 120 }
      const auto = await createFacility(v.id, rules, PEOPLE.orgA)
      const approval = await createFacility(v.id, { ...rules, needsApproval: true }, PEOPLE.orgA)
      const weekly = await createFacility(v.id, rules, PEOPLE.orgA)
      return { venueId: v.id, auto: auto.id, approval: approval.id, weekly: weekly.id }
    })())
  let k = 0
  /** A fresh hour: 20 a day from tomorrow 02:00; recurring slots leave the next week free. */
  const slot = (weekly = false) => {
    const i = k++
    const day = 1 + (weekly ? 14 : 1) * Math.floor(i / 20)
    const hour = String(2 + (i % 20)).padStart(2, '0')
    const startAt = shanghai(day, `${hour}:00`)
    return { startAt, endAt: new Date(new Date(startAt).getTime() + 3600_000).toISOString() }
  }
  const insert = async (facilityId: string, unitId: string, state: 'pending' | 'approved') => {
    const w = world()
    const { startAt, endAt } = slot()
    const r = await w.db.query<{ id: string }>(
      `insert into booking (district_id, facility_id, unit_id, booked_by, during, purpose, state)
       values ('runzhou', $1, $2, $3, tstzrange($4, $5, '[)'), '矩阵测试', $6) returning id`,
      [facilityId, unitId, w.userIds.orgA, startAt, endAt, state],
    )
    return r.rows[0].id
  }
  let past = 0
  /** An approved booking of unit B that started: a fresh past hour each (yesterday and before, 02:00–21:00). */
  const started = async () => {
    const i = past++
    const startAt = shanghai(-1 - Math.floor(i / 20), `${String(2 + (i % 20)).padStart(2, '0')}:00`)
    const endAt = new Date(new Date(startAt).getTime() + 3600_000).toISOString()
    const r = await world().db.query<{ id: string }>(
      `insert into booking (district_id, facility_id, unit_id, booked_by, during, purpose, state)
       values ('runzhou', $1, $2, $3, tstzrange($4, $5, '[)'), '矩阵测试', 'approved') returning id`,
      [(await setup()).auto, world().unitB, world().userIds.orgB, startAt, endAt],
    )
    return r.rows[0].id
  }
  return [
    {
      name: 'venue.createVenue',
      who: 'UNIT_A',
      data: async () => venueRequest(world(), { ownerUnitId: world().unitA }),
    },
    {
      name: 'venue.updateVenue',
      who: 'UNIT_A',
      data: async () => ({ venueId: (await setup()).venueId, intro: unique('简介') }),
    },
    {
      name: 'venue.createFacility',
      who: 'UNIT_A',
      data: async () => ({ venueId: (await setup()).venueId, kind: 'gym', name: unique('健身房') }),
    },
    { name: 'venue.updateFacility', who: 'UNIT_A', data: async () => ({ facilityId: (await setup()).auto, seats: 4 }) },
    { name: 'venue.venues', who: 'EVERYONE', data: async () => ({}) },
    { name: 'venue.venue', who: 'EVERYONE', data: async () => ({ venueId: (await setup()).venueId }) },
    { name: 'venue.grid', who: 'EVERYONE', data: async () => ({ facilityId: (await setup()).auto }) },
    {
      name: 'venue.book',
      who: 'UNIT_A',
      data: async () => ({ facilityId: (await setup()).auto, unitId: world().unitA, ...slot(), purpose: '团日活动' }),
    },
    {
      name: 'venue.bookRecurring',
      who: 'UNIT_A',
      data: async () => ({
        facilityId: (await setup()).weekly,
        unitId: world().unitA,
        ...slot(true),
        purpose: '每周团课',
        weeks: 2,
      }),
    },
    {
      name: 'venue.approve',
      who: 'UNIT_A',
      data: async () => ({ bookingId: await insert((await setup()).approval, world().unitB, 'pending') }),
    },
    {
      name: 'venue.decline',
      who: 'UNIT_A',
      data: async () => ({
        bookingId: await insert((await setup()).approval, world().unitB, 'pending'),
        reason: '时段冲突',
      }),
    },
    {
      name: 'venue.cancel',
      who: 'UNIT_A',
      data: async () => ({ bookingId: await insert((await setup()).auto, world().unitA, 'approved') }),
    },
    { name: 'venue.mark', who: 'UNIT_A', data: async () => ({ bookingId: await started(), outcome: 'used' }) },
    {
      name: 'venue.block',
      who: 'UNIT_A',
      data: async () => ({ facilityId: (await setup()).auto, ...slot(), reason: '设备检修' }),
    },
    { name: 'venue.unitBookings', who: 'UNIT_A', data: async () => ({ unitId: world().unitA }) },
    { name: 'venue.ownerPending', who: 'UNIT_A', data: async () => ({ ownerUnitId: world().unitA }) },
    { name: 'venue.usage', who: 'UNIT_A', data: async () => ({ year: 2026, venueId: (await setup()).venueId }) },
    {
      name: 'venue.exportUsage',
      who: 'UNIT_A',
      data: async () => ({ year: 2026, month: 11, venueId: (await setup()).venueId }),
    },
  ]
}
