/**
 * The district's venue usage (阵地使用率) end to end: bookings per venue and unit by month, the share
 * of opening hours used (closures applied, Shanghai calendar, a booking across a month's end split),
 * who lends and who borrows (串门), who may see what, and the xlsx export (private file, short link,
 * counted as an export).
 */
import ExcelJS from 'exceljs'
import { mkdtempSync, readFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { Booking, UsageExport, VenueDetail, VenueUsage } from '@api/venue'
import { USAGE_CELL_HEADERS, USAGE_SHEET_NAMES, USAGE_VENUE_HEADERS } from '../../server/xlsx/venue-usage-sheet'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'
import { ALWAYS, createFacility, createVenue, shanghai, venue, venueRequest } from './venue-fixtures'

const w = useWorld()
const filesDir = mkdtempSync(join(tmpdir(), 'qingju-venue-files-'))

let unitVenue: VenueDetail
let districtVenue: VenueDetail

const usage = async (data: Record<string, unknown>, as: string = PEOPLE.admin) =>
  expectOk(await call<VenueUsage>(venue, 'usage', data, as))

beforeAll(async () => {
  process.env.QINGJU_FILES_DIR = filesDir
  // Unit B's venue: 08:00–22:00 daily, closed on Saturday 28 November, two facilities.
  unitVenue = await createVenue(w, { exceptions: [{ day: '2026-11-28', ranges: [], note: '闭馆' }] })
  const court = await createFacility(unitVenue.id)
  const room = await createFacility(unitVenue.id, { kind: 'meeting_room', name: '会议室' })
  // The district's own venue, open round the clock, one facility.
  districtVenue = expectOk(
    await call<VenueDetail>(
      venue,
      'createVenue',
      venueRequest(w, { ownerUnitId: null, tier: 'flagship', hours: ALWAYS }),
      PEOPLE.admin,
    ),
  )
  const cafe = await createFacility(districtVenue.id, { kind: 'cafe_space', name: '咖啡空间' }, PEOPLE.admin)
  const book = async (facilityId: string, unitId: string, from: string, to: string, as: string) =>
    expectOk(
      await call<Booking>(venue, 'book', { facilityId, unitId, startAt: from, endAt: to, purpose: '团日活动' }, as),
    )
  // Unit A borrows B's court (2 h) and B uses its own room (2 h, not 串门).
  await book(court.id, w.unitA, shanghai(1, '19:00'), shanghai(1, '21:00'), PEOPLE.orgA)
  await book(room.id, w.unitB, shanghai(2, '10:00'), shanghai(2, '12:00'), PEOPLE.orgB)
  // Unit B borrows the district's café from 23:00 on 30 November to 01:00 on 1 December: 1 h in each month.
  await book(cafe.id, w.unitB, shanghai(5, '23:00'), shanghai(6, '01:00'), PEOPLE.orgB)
  // Past bookings of unit A on B's court: used (3 h), a no-show (counted, no hours); and ones that never held.
  const insert = (from: string, to: string, state: string) =>
    w.db.query(
      `insert into booking (district_id, facility_id, unit_id, booked_by, during, purpose, state)
       values ('runzhou', $1, $2, $3, tstzrange($4, $5, '[)'), '往期活动', $6)`,
      [court.id, w.unitA, w.userIds.orgA, from, to, state],
    )
  await insert(shanghai(-5, '09:00'), shanghai(-5, '12:00'), 'used')
  await insert(shanghai(-4, '09:00'), shanghai(-4, '10:00'), 'no_show')
  await insert(shanghai(-3, '09:00'), shanghai(-3, '10:00'), 'cancelled')
  await insert(shanghai(-3, '09:00'), shanghai(-3, '10:00'), 'declined')
  await insert(shanghai(3, '09:00'), shanghai(3, '10:00'), 'pending')
  // The owner's block is not a booking.
  expectOk(
    await call(
      venue,
      'block',
      { facilityId: court.id, startAt: shanghai(4, '08:00'), endAt: shanghai(4, '22:00'), reason: '设备检修' },
      PEOPLE.orgB,
    ),
  )
})

describe('the district admin’s report for November', () => {
  let report: VenueUsage
  beforeAll(async () => {
    report = await usage({ year: 2026, month: 11 })
  })

  test('counts the hours the venue was open, without the closed day, times its facilities', () => {
    const line = report.venues.find((v) => v.venueId === unitVenue.id)!
    // 30 days less the closed Saturday, 14 hours a day.
    expect(line).toMatchObject({ facilities: 2, openHours: 29 * 14, capacityHours: 2 * 29 * 14 })
  })

  test('counts approved and used hours and the bookings that held a slot (a no-show without hours)', () => {
    const line = report.venues.find((v) => v.venueId === unitVenue.id)!
    expect(line).toMatchObject({ bookedHours: 7, bookings: 4, noShows: 1 })
    expect(line.share).toBeCloseTo(7 / 812, 3)
    expect(line.byMonth).toEqual([
      { month: '2026-11', openHours: 406, capacityHours: 812, bookedHours: 7, share: line.share, bookings: 4 },
    ])
  })

  test('splits a booking across the month’s end at Shanghai midnight', () => {
    const line = report.venues.find((v) => v.venueId === districtVenue.id)!
    expect(line).toMatchObject({ ownerUnitId: null, openHours: 720, bookedHours: 1, bookings: 1 })
  })

  test('gives bookings per venue and unit by month', () => {
    const cell = (venueId: string, unitId: string) =>
      report.cells.find((c) => c.venueId === venueId && c.unitId === unitId)
    expect(cell(unitVenue.id, w.unitA)).toMatchObject({
      month: '2026-11',
      unitName: '甲单位团委',
      bookings: 3,
      noShows: 1,
      bookedHours: 5,
    })
    expect(cell(unitVenue.id, w.unitB)).toMatchObject({ bookings: 1, bookedHours: 2 })
    expect(cell(districtVenue.id, w.unitB)).toMatchObject({ bookings: 1, bookedHours: 1 })
  })

  test('names the units that lend and the units that borrow (串门), not a unit using its own venue', () => {
    expect(report.lenders).toEqual([
      { unitId: w.unitB, unitName: '乙单位团委', bookings: 3, hours: 5 },
      { unitId: null, unitName: '润州区青年工作委员会', bookings: 1, hours: 1 },
    ])
    expect(report.borrowers).toEqual([
      { unitId: w.unitA, unitName: '甲单位团委', bookings: 3, hours: 5 },
      { unitId: w.unitB, unitName: '乙单位团委', bookings: 1, hours: 1 },
    ])
    expect(report.exchanges).toEqual([
      {
        lenderUnitId: w.unitB,
        lenderName: '乙单位团委',
        borrowerUnitId: w.unitA,
        borrowerName: '甲单位团委',
        bookings: 3,
        hours: 5,
      },
      {
        lenderUnitId: null,
        lenderName: '润州区青年工作委员会',
        borrowerUnitId: w.unitB,
        borrowerName: '乙单位团委',
        bookings: 1,
        hours: 1,
      },
    ])
    expect(report.totals).toMatchObject({ bookings: 5, bookedHours: 8, capacityHours: 812 + 720 })
  })
})

describe('the year', () => {
  test('has twelve months; the café’s December hour is in December', async () => {
    const report = await usage({ year: 2026, venueId: districtVenue.id })
    expect(report.venues).toHaveLength(1)
    const line = report.venues[0]
    expect(line.byMonth.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    )
    expect(line.byMonth[10]).toMatchObject({ bookedHours: 1, bookings: 1 })
    expect(line.byMonth[11]).toMatchObject({ bookedHours: 1, bookings: 0 })
    expect(line).toMatchObject({ openHours: 365 * 24, bookedHours: 2, bookings: 1 })
  })
})

describe('who sees what', () => {
  test('a venue owner unit sees its own venues only', async () => {
    const report = await usage({ year: 2026, month: 11 }, PEOPLE.orgB)
    expect(report.venues.map((v) => v.venueId)).toEqual([unitVenue.id])
    expect(report.lenders).toEqual([{ unitId: w.unitB, unitName: '乙单位团委', bookings: 3, hours: 5 }])
  })

  test.each([
    ['an organiser of a unit without venues', PEOPLE.orgA, {}],
    ['an organiser of another unit, for that venue', PEOPLE.orgA, { venueIdOf: 'unit' }],
    ['the owner unit, for the district’s venue', PEOPLE.orgB, { venueIdOf: 'district' }],
    ['a young person', PEOPLE.youth, {}],
  ])('%s is refused', async (_who, as, extra: { venueIdOf?: string }) => {
    const venueId =
      extra.venueIdOf === 'unit' ? unitVenue.id : extra.venueIdOf === 'district' ? districtVenue.id : undefined
    for (const action of ['usage', 'exportUsage']) {
      expect(await call(venue, action, { year: 2026, month: 11, venueId }, as)).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: '只有团区委或场地所属单位可以查看场地使用情况',
      })
    }
  })

  test('anonymous callers are refused; bad payloads answer INVALID_INPUT', async () => {
    expect(await call(venue, 'usage', { year: 2026 })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    for (const data of [{}, { year: 2026, month: 13 }, { year: '2026' }, { year: 2026, venueId: 'x' }]) {
      expect(await call(venue, 'usage', data, PEOPLE.admin)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      expect(await call(venue, 'exportUsage', data, PEOPLE.admin)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
  })
})

describe('the export', () => {
  test('is a workbook behind a short-lived link with the venues, the monthly bookings and 串门', async () => {
    const file = expectOk(await call<UsageExport>(venue, 'exportUsage', { year: 2026, month: 11 }, PEOPLE.admin))
    expect(file.fileName).toBe('阵地使用情况-2026-11.xlsx')
    expect(file.url).toMatch(/\?exp=\d+&sig=/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(
      readFileSync(join(filesDir, file.url.split('?')[0].slice('/files/'.length))) as unknown as ArrayBuffer,
    )
    const rowsOf = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1))
    const venues = rowsOf(USAGE_SHEET_NAMES.venues)
    expect(venues[0]).toEqual([...USAGE_VENUE_HEADERS])
    expect(venues).toContainEqual([unitVenue.name, '乙单位团委', 2, 406, 812, 7, expect.closeTo(7 / 812, 3), 4, 1])
    const cells = rowsOf(USAGE_SHEET_NAMES.cells)
    expect(cells[0]).toEqual([...USAGE_CELL_HEADERS])
    expect(cells).toContainEqual(['2026-11', unitVenue.name, '甲单位团委', 3, 1, 5])
    expect(rowsOf(USAGE_SHEET_NAMES.exchanges)).toContainEqual(['乙单位团委', '甲单位团委', 3, 5])
  })

  test('counts against the export limit: past 20 an hour it is RATE_LIMITED', async () => {
    const hits = async () =>
      (
        await w.db.query<{ hits: number }>(
          "select coalesce(sum(hits), 0)::int as hits from rate_limit where bucket = 'export' and subject = $1",
          [PEOPLE.orgB],
        )
      ).rows[0].hits
    expectOk(await call(venue, 'exportUsage', { year: 2026, month: 11 }, PEOPLE.orgB))
    expect(await hits()).toBe(1)
    await w.db.query("update rate_limit set hits = 20 where bucket = 'export' and subject = $1", [PEOPLE.orgB])
    expect(await call(venue, 'exportUsage', { year: 2026, month: 11 }, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
    })
    // The report itself is not an export.
    expectOk(await call(venue, 'usage', { year: 2026, month: 11 }, PEOPLE.orgB))
  })
})
