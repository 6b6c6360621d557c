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
