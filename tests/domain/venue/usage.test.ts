/**
 * Venue usage, pure: Shanghai months whatever the process zone, opening hours across midnight and a
 * month's end with closures applied, the share, and 串门 (a unit using its own venue is not lending).
 */
import { openMinutes, usageMonths, usageReport, type UsageVenue } from '../../../server/domain/venue/usage'

// Every evening 18:00–24:00 and the night after 00:00–02:00; closed on 1 December.
const weekly = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
  { weekday, opens: 0, closes: 120 },
  { weekday, opens: 1080, closes: 1440 },
])
const exceptions = [{ day: '2026-12-01', ranges: [], note: '闭馆' }]

describe.each(['UTC', 'America/Los_Angeles', 'Asia/Shanghai'])('in TZ=%s', (zone) => {
  const saved = process.env.TZ
  beforeAll(() => {
    process.env.TZ = zone
  })
  afterAll(() => {
    process.env.TZ = saved
  })

  test('months are Shanghai calendar months', () => {
    const [nov] = usageMonths(2026, 11)
    expect(nov).toEqual({
      label: '2026-11',
      start: new Date('2026-10-31T16:00:00Z'),
      end: new Date('2026-11-30T16:00:00Z'),
    })
    expect(usageMonths(2026).map((m) => m.label)).toHaveLength(12)
  })

  test('opening hours split at the month’s end and skip the closed day', () => {
    const [nov] = usageMonths(2026, 11)
    const [dec] = usageMonths(2026, 12)
    // November: 30 evenings of 6 h and 30 nights of 2 h (the night of 31 October opens 1 November).
    expect(openMinutes(weekly, exceptions, nov.start, nov.end)).toBe(30 * 8 * 60)
    // December: the 1st is closed (neither its night nor its evening); 30 days of 8 h remain.
    expect(openMinutes(weekly, exceptions, dec.start, dec.end)).toBe(30 * 8 * 60)
  })

  test('the share is booked hours over opening hours × facilities; only other units’ bookings are 串门', () => {
    const months = usageMonths(2026, 11)
    const venue: UsageVenue = {
      venueId: 'v',
      venueName: '青年之家',
      ownerUnitId: 'owner',
      ownerName: '甲单位',
      facilities: 2,
      weekly,
      exceptions,
    }
    const cell = (unitId: string, unitName: string, minutes: number, bookings: number) => ({
      venueId: 'v',
      unitId,
      unitName,
      month: '2026-11',
      bookings,
      noShows: 0,
      bookedMinutes: minutes,
    })
    const r = usageReport(months, [venue], [cell('owner', '甲单位', 240, 2), cell('guest', '乙单位', 120, 1)])
    expect(r.venues[0]).toMatchObject({ openHours: 240, capacityHours: 480, bookedHours: 6, bookings: 3 })
    expect(r.venues[0].share).toBeCloseTo(6 / 480, 3)
    expect(r.lenders).toEqual([{ unitId: 'owner', unitName: '甲单位', bookings: 1, hours: 2 }])
    expect(r.borrowers).toEqual([{ unitId: 'guest', unitName: '乙单位', bookings: 1, hours: 2 }])
  })

  test('a venue that never opened has a share of 0, not NaN', () => {
    const r = usageReport(
      usageMonths(2026, 11),
      [
        {
          venueId: 'v',
          venueName: '空',
          ownerUnitId: null,
          ownerName: '团区委',
          facilities: 1,
          weekly: [],
          exceptions: [],
        },
      ],
      [],
    )
    expect(r.venues[0]).toMatchObject({ openHours: 0, share: 0 })
    expect(r.totals.share).toBe(0)
  })
})
