/** Venue page fixtures: a week grid built like the server's (Shanghai days, UTC instants). */
import type { Booking, Facility, SlotState, VenueDetail, VenueSummary, WeekGrid } from '@api/venue'
import type { Me } from '@api/session'

export const UNIT_A = 'aaaaaaaa-0000-4000-8000-000000000001'
export const UNIT_B = 'aaaaaaaa-0000-4000-8000-000000000002'
export const VENUE_ID = 'bbbbbbbb-0000-4000-8000-000000000001'
export const COURT_ID = 'cccccccc-0000-4000-8000-000000000001'
export const YOGA_ID = 'cccccccc-0000-4000-8000-000000000002'

export function me(overrides: Partial<Me> = {}): Me {
  return {
    userId: 'u-1',
    nickname: '陆斌',
    roles: ['youth', 'unit_admin'],
    units: [{ id: UNIT_A, name: '中国邮政镇江分公司团委', role: 'admin' }],
    privacy: { version: '2026-11-25', agreed: true, agreedAt: null },
    application: null,
    ...overrides,
  }
}

export function summary(overrides: Partial<VenueSummary> = {}): VenueSummary {
  return {
    id: VENUE_ID,
    name: '移动公司职工活动中心',
    tier: 'unit',
    address: '镇江市润州区南徐大道',
    location: { latitude: 32.1865, longitude: 119.4129 },
    ownerUnitId: UNIT_B,
    ownerName: '中国移动镇江分公司团委',
    cover: null,
    facilityKinds: ['badminton_court', 'yoga_room'],
    distanceMeters: null,
    ...overrides,
  }
}

export function facility(overrides: Partial<Facility> = {}): Facility {
  return {
    id: COURT_ID,
    venueId: VENUE_ID,
    kind: 'badminton_court',
    name: '羽毛球场 1 号',
    seats: null,
    bookers: 'units',
    needsApproval: false,
    slotMinutes: 60,
    minMinutes: 60,
    maxMinutes: 180,
    maxDaysAhead: 14,
    leadMinutes: 60,
    cancelHours: 24,
    ...overrides,
  }
}

export function venueDetail(overrides: Partial<VenueDetail> = {}): VenueDetail {
  return {
    ...summary(),
    photos: [],
    photoSources: [],
    intro: '3 个羽毛球场地、2 个乒乓球台，还有健身房、瑜伽室。',
    contactName: '刘爱浩',
    contactPhone: '139****1037',
    contactMasked: true,
    hours: [
      ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '18:00', closes: '22:00' })),
      ...[6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '22:00' })),
    ],
    exceptions: [{ day: '2026-12-31', ranges: [], note: '元旦前检修' }],
    facilities: [
      facility(),
      facility({ id: YOGA_ID, kind: 'yoga_room', name: '瑜伽室', seats: 20, needsApproval: true, maxMinutes: 120 }),
    ],
    canEdit: false,
    canRunBookings: false,
    ...overrides,
  }
}

/** "2026-11-23", hour 19 (Shanghai) → "2026-11-23T11:00:00.000Z". */
export function at(day: string, hour: number): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d, hour - 8)).toISOString()
}

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/**
 * A week of hourly slots from `monday`: open 18–22 on weekdays, 09–22 at weekends; `states` overrides
 * single slots by "day-index:hour" (e.g. "0:19" = Monday 19:00).
 */
export function weekGrid(monday: string, states: Record<string, SlotState> = {}, f: Facility = facility()): WeekGrid {
  return {
    facility: f,
    venueId: VENUE_ID,
    venueName: '移动公司职工活动中心',
    weekOf: monday,
    days: Array.from({ length: 7 }, (_, i) => {
      const day = addDays(monday, i)
      const opens = i >= 5 ? 9 : 18
      return {
        day,
        slots: Array.from({ length: 24 }, (_, h) => ({
          startAt: at(day, h),
          endAt: at(day, h + 1),
          state: states[`${i}:${h}`] ?? (h >= opens && h < 22 ? 'free' : 'closed'),
        })),
      }
    }),
  }
}

let n = 0
export function booking(overrides: Partial<Booking> = {}): Booking {
  n += 1
  return {
    id: `dddddddd-0000-4000-8000-${String(n).padStart(12, '0')}`,
    kind: 'booking',
    facilityId: COURT_ID,
    facilityName: '羽毛球场 1 号',
    venueId: VENUE_ID,
    venueName: '移动公司职工活动中心',
    unitId: UNIT_A,
    unitName: '中国邮政镇江分公司团委',
    startAt: at('2026-11-27', 19),
    endAt: at('2026-11-27', 21),
    purpose: '邮政青年羽毛球交流赛',
    activityId: null,
    state: 'approved',
    reason: null,
    recurrenceId: null,
    decidedAt: null,
    createdAt: '2026-11-25T02:00:00.000Z',
    ...overrides,
  }
}
