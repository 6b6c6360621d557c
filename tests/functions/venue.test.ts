/**
 * The venue function end to end on a real PostgreSQL: venues and facilities, the contact phone,
 * the list by distance, booking under the rules, approvals, recurring series (all or nothing),
 * cancellations, blocks, the grid and the lists; and every bad payload answers INVALID_INPUT.
 */
import type { Booking, VenueDetail, VenueSummary, WeekGrid } from '@api/venue'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'
import { ALWAYS, createFacility, createVenue, shanghai, unique, venue, venueRequest } from './venue-fixtures'

const w = useWorld()

const bookAs = (
  facilityId: string,
  from: string,
  to: string,
  extra: Record<string, unknown> = {},
  as: string = PEOPLE.orgA,
) =>
  call<Booking>(
    venue,
    'book',
    { facilityId, unitId: w.unitA, startAt: from, endAt: to, purpose: '职工羽毛球比赛', ...extra },
    as,
  )

const count = async (facilityId: string) =>
  (await w.db.query<{ n: number }>('select count(*)::int as n from booking where facility_id = $1', [facilityId]))
    .rows[0].n

describe('venues', () => {
  test('the owner unit creates a venue with hours and facilities; the detail shows them', async () => {
    const v = await createVenue(w, { exceptions: [{ day: '2026-12-25', ranges: [], note: '设备检修' }] })
    expect(v).toMatchObject({ ownerUnitId: w.unitB, ownerName: '乙单位团委', tier: 'unit', canEdit: true })
    expect(v.hours).toHaveLength(7)
    expect(v.exceptions).toEqual([{ day: '2026-12-25', ranges: [], note: '设备检修' }])
    const f = await createFacility(v.id, { seats: 4 })
    const detail = expectOk(await call<VenueDetail>(venue, 'venue', { venueId: v.id }))
    expect(detail.facilities).toEqual([expect.objectContaining({ id: f.id, kind: 'badminton_court', seats: 4 })])
    expect(detail.facilityKinds).toEqual(['badminton_court'])
  })

  test('editing the closures replaces those from today on; past ones stay for the usage of past months', async () => {
    const v = await createVenue(w, { exceptions: [{ day: '2026-12-25', ranges: [], note: '设备检修' }] })
    // A closure last month, as it was saved then.
    await w.db.query(
      `insert into venue_exception (district_id, venue_id, day, opens_min, closes_min, note)
       values ($1, $2, '2026-10-01', '{}', '{}', '国庆闭馆')`,
      [w.districtId, v.id],
    )
    const edited = expectOk(
      await call<VenueDetail>(
        venue,
        'updateVenue',
        { venueId: v.id, exceptions: [{ day: '2026-12-31', ranges: [], note: '跨年检修' }] },
        PEOPLE.orgB,
      ),
    )
    expect(edited.exceptions).toEqual([{ day: '2026-12-31', ranges: [], note: '跨年检修' }])
    const kept = await w.db.query<{ day: string; note: string }>(
      "select to_char(day, 'YYYY-MM-DD') as day, note from venue_exception where venue_id = $1 order by day",
      [v.id],
    )
    expect(kept.rows).toEqual([
      { day: '2026-10-01', note: '国庆闭馆' },
      { day: '2026-12-31', note: '跨年检修' },
    ])
  })

  test('the contact phone is whole to members of the district and the district admin, masked to others', async () => {
    const v = await createVenue(w)
    const phoneFor = async (as?: string) =>
      expectOk(await call<VenueDetail>(venue, 'venue', { venueId: v.id }, as)).contactPhone
    expect(await phoneFor(PEOPLE.orgA)).toBe('13912345678') // another unit of the district
    expect(await phoneFor(PEOPLE.admin)).toBe('13912345678')
    expect(await phoneFor(PEOPLE.youth)).toBe('139****5678')
    expect(await phoneFor(undefined)).toBe('139****5678')
  })

  test('only the owner unit admin or the district admin creates and edits', async () => {
    const r = await call(venue, 'createVenue', venueRequest(w), PEOPLE.orgA)
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有场地所属单位的管理员或团区委可以修改场地' })
    const district = await call(venue, 'createVenue', venueRequest(w, { ownerUnitId: null }), PEOPLE.orgB)
    expect(district).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const own = expectOk(
      await call<VenueDetail>(
        venue,
        'createVenue',
        venueRequest(w, { ownerUnitId: null, tier: 'flagship' }),
        PEOPLE.admin,
      ),
    )
    expect(own.ownerName).toBe('润州区青年工作委员会')
    const renamed = await call<VenueDetail>(
      venue,
      'updateVenue',
      { venueId: own.id, intro: '青年之家旗舰店' },
      PEOPLE.admin,
    )
    expect(renamed).toMatchObject({ ok: true, data: { intro: '青年之家旗舰店' } })
    const same = await createVenue(w)
    expect(await call(venue, 'createVenue', venueRequest(w, { name: same.name }))).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    })
    expect(await call(venue, 'createVenue', venueRequest(w, { name: same.name }), PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
  })

  test('overlapping hours are refused with the weekday', async () => {
    const r = await call(
      venue,
      'createVenue',
      venueRequest(w, {
        hours: [
          { weekday: 2, opens: '08:00', closes: '12:00' },
          { weekday: 2, opens: '11:00', closes: '13:00' },
        ],
      }),
      PEOPLE.orgB,
    )
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '周二的开放时段有重叠' })
  })

  test('the list sorts by distance from a point and filters by facility kind and tier', async () => {
    const far = await createVenue(w, {
      name: unique('远处阵地'),
      location: { latitude: 32.3, longitude: 119.6 },
      tier: 'partner',
    })
    const near = await createVenue(w, {
      name: unique('近处阵地'),
      location: { latitude: 32.1001, longitude: 119.4001 },
    })
    await createFacility(far.id, { kind: 'cafe_space', name: '咖啡空间' })
    await createFacility(near.id, { kind: 'gym', name: '健身房' })
    const list = expectOk(
      await call<{ items: VenueSummary[] }>(venue, 'venues', { near: { latitude: 32.1, longitude: 119.4 } }),
    ).items
    expect(list[0].id).toBe(near.id)
    expect(list[0].distanceMeters).toBeLessThan(50)
    const distances = list.map((v) => v.distanceMeters ?? Infinity)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    const gyms = expectOk(await call<{ items: VenueSummary[] }>(venue, 'venues', { facilityKind: 'gym' })).items
    expect(gyms.map((v) => v.id)).toEqual([near.id])
    const partners = expectOk(await call<{ items: VenueSummary[] }>(venue, 'venues', { tier: 'partner' })).items
    expect(partners.map((v) => v.id)).toEqual([far.id])
  })
})

describe('booking', () => {
  test('an automatic booking holds the slot; an overlapping one is refused with its time; a touching one is fine', async () => {
    const f = await createFacility((await createVenue(w)).id)
    const first = expectOk(await bookAs(f.id, shanghai(1, '19:00'), shanghai(1, '21:00')))
    expect(first).toMatchObject({ state: 'approved', unitId: w.unitA, unitName: '甲单位团委' })
    const clash = await bookAs(f.id, shanghai(1, '20:00'), shanghai(1, '21:30'))
    expect(clash).toEqual({
      ok: false,
      code: 'BOOKING_CONFLICT',
      message: '该时段已被预订（11月26日 19:00–21:00），请选择其他时段',
    })
    expect(await bookAs(f.id, shanghai(1, '21:00'), shanghai(1, '22:00'))).toMatchObject({ ok: true })
    expect(await count(f.id)).toBe(2)
  })

  test('the database itself refuses two holding bookings over the same time', async () => {
    const f = await createFacility((await createVenue(w)).id)
    const insert = (state: string) =>
      w.db.query(
        `insert into booking (district_id, facility_id, unit_id, booked_by, during, state)
         values ('runzhou', $1, $2, $3, tstzrange($4, $5, '[)'), $6)`,
        [f.id, w.unitA, w.userIds.orgA, shanghai(2, '10:00'), shanghai(2, '12:00'), state],
      )
    await insert('approved')
    await insert('pending') // requests may wait side by side
    await expect(insert('approved')).rejects.toMatchObject({ code: '23P01' })
    await expect(insert('used')).rejects.toMatchObject({ code: '23P01' })
  })

  test.each([
    [
      'outside opening hours',
      shanghai(1, '21:30'),
      shanghai(1, '22:30'),
      'VENUE_CLOSED',
      '该时段场地不开放，请选择开放时间内的时段',
    ],
    [
      'off the slot grid',
      shanghai(1, '10:15'),
      shanghai(1, '11:15'),
      'BOOKING_RULE',
      '请按 30 分钟一个时段预订，从整时段开始',
    ],
    ['too far ahead', shanghai(40, '10:00'), shanghai(40, '11:00'), 'BOOKING_RULE', '最多只能预订 30 天内的时段'],
    ['too long', shanghai(1, '09:00'), shanghai(1, '14:00'), 'BOOKING_RULE', '每次最多预订 4 小时'],
    ['within the lead time', shanghai(0, '10:30'), shanghai(0, '11:30'), 'BOOKING_RULE', '请至少提前 1 小时预订'],
    ['end before start', shanghai(1, '11:00'), shanghai(1, '10:00'), 'INVALID_INPUT', '结束时间须晚于开始时间'],
  ])('%s is refused', async (_name, from, to, code, message) => {
    const f = await createFacility((await createVenue(w)).id)
    expect(await bookAs(f.id, from, to)).toMatchObject({ ok: false, code, message })
    expect(await count(f.id)).toBe(0)
  })

  test('only organisers of the booking unit book for it, and only for their own events', async () => {
    const f = await createFacility((await createVenue(w)).id)
    expect(await bookAs(f.id, shanghai(1, '10:00'), shanghai(1, '11:00'), {}, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有本单位的组织者可以办理预订',
    })
    const eventOfB = await w.db.query<{ id: string }>(
      `insert into activity (district_id, unit_id, category, title, place_name, start_at, end_at, signup_opens_at, signup_closes_at, capacity)
       values ('runzhou', $1, 'reading_club', '乙单位读书会', '青年之家', $2, $3, $4, $2, 10) returning id`,
      [w.unitB, shanghai(1, '10:00'), shanghai(1, '11:00'), shanghai(-1, '10:00')],
    )
    expect(
      await bookAs(f.id, shanghai(1, '10:00'), shanghai(1, '11:00'), { activityId: eventOfB.rows[0].id }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '只能关联本单位的活动',
    })
  })

  test('a facility that needs approval: pending, then the owner approves (the booker is told) or declines with a reason', async () => {
    const f = await createFacility((await createVenue(w)).id, {
      kind: 'meeting_room',
      name: '会议室',
      seats: 20,
      needsApproval: true,
    })
    const a = expectOk(await bookAs(f.id, shanghai(2, '14:00'), shanghai(2, '16:00')))
    const b = expectOk(await bookAs(f.id, shanghai(2, '15:00'), shanghai(2, '17:00'))) // pending requests may overlap
    expect([a.state, b.state]).toEqual(['pending', 'pending'])
    const pending = expectOk(
      await call<{ items: Booking[] }>(venue, 'ownerPending', { ownerUnitId: w.unitB }, PEOPLE.orgB),
    )
    expect(pending.items.map((x) => x.id)).toEqual(expect.arrayContaining([a.id, b.id]))
    expect(await call(venue, 'approve', { bookingId: a.id }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    const outboxBefore = (await w.db.query('select count(*)::int as n from local_outbox')).rows[0].n
    expect(await call(venue, 'approve', { bookingId: a.id }, PEOPLE.orgB)).toMatchObject({
      ok: true,
      data: { state: 'approved' },
    })
    expect((await w.db.query('select count(*)::int as n from local_outbox')).rows[0].n).toBe(outboxBefore + 1)
    expect(await call(venue, 'approve', { bookingId: a.id }, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '该预订已处理过',
    })
    expect(await call(venue, 'approve', { bookingId: b.id }, PEOPLE.orgB)).toEqual({
      ok: false,
      code: 'BOOKING_CONFLICT',
      message: '该时段已被预订（11月27日 14:00–16:00），请选择其他时段',
    })
    expect(await call(venue, 'decline', { bookingId: b.id }, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '拒绝时请填写原因',
    })
    expect(await call(venue, 'decline', { bookingId: b.id, reason: '时段已满' }, PEOPLE.orgB)).toMatchObject({
      ok: true,
      data: { state: 'declined', reason: '时段已满' },
    })
    // A new request over a held time is refused at once.
    expect(await bookAs(f.id, shanghai(2, '15:00'), shanghai(2, '15:30'))).toMatchObject({
      ok: false,
      code: 'BOOKING_CONFLICT',
    })
  })

  test('a recurring booking with one clash writes nothing and lists the clashing dates', async () => {
    const f = await createFacility((await createVenue(w, { hours: ALWAYS })).id, { maxDaysAhead: 90 })
    // Tuesday 1 Dec 19:00–21:00 every week for 8 weeks; the 4th (22 Dec) and 6th (5 Jan) are taken.
    expectOk(await bookAs(f.id, shanghai(27, '20:00'), shanghai(27, '21:30')))
    expectOk(await bookAs(f.id, shanghai(41, '18:00'), shanghai(41, '19:30')))
    const before = await count(f.id)
    const series = {
      facilityId: f.id,
      unitId: w.unitA,
      startAt: shanghai(6, '19:00'),
      endAt: shanghai(6, '21:00'),
      purpose: '每周羽毛球',
      weeks: 8,
    }
    expect(await call(venue, 'bookRecurring', series, PEOPLE.orgA)).toEqual({
      ok: false,
      code: 'BOOKING_CONFLICT',
      message: '以下日期的时段已被占用，全部未预订：12月22日、1月5日',
    })
    expect(await count(f.id)).toBe(before)
    const ok = expectOk(
      await call<{ items: Booking[] }>(
        venue,
        'bookRecurring',
        { ...series, startAt: shanghai(7, '19:00'), endAt: shanghai(7, '21:00') },
        PEOPLE.orgA,
      ),
    )
    expect(ok.items).toHaveLength(8)
    expect(new Set(ok.items.map((b) => b.recurrenceId)).size).toBe(1)
    expect(ok.items[7].startAt).toBe(shanghai(56, '19:00'))
  })

  test('cancelling: the booker before the deadline, the owner any time; a block holds the time', async () => {
    const f = await createFacility((await createVenue(w)).id, { cancelHours: 24 })
    const soon = expectOk(await bookAs(f.id, shanghai(0, '15:00'), shanghai(0, '16:00')))
    expect(await call(venue, 'cancel', { bookingId: soon.id }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'CANCEL_TOO_LATE',
      message: '开始前 24 小时内不能取消，请联系场地方',
    })
    expect(await call(venue, 'cancel', { bookingId: soon.id }, PEOPLE.youth)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await call(venue, 'cancel', { bookingId: soon.id, reason: '场地维修' }, PEOPLE.orgB)).toMatchObject({
      ok: true,
      data: { state: 'cancelled' },
    })
    const later = expectOk(await bookAs(f.id, shanghai(3, '10:00'), shanghai(3, '11:00')))
    expect(await call(venue, 'cancel', { bookingId: later.id }, PEOPLE.orgA)).toMatchObject({
      ok: true,
      data: { state: 'cancelled' },
    })
    expect(await call(venue, 'cancel', { bookingId: later.id }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
    // The slot is free again; the owner blocks an afternoon; bookings into it are refused.
    const blocked = await call<Booking>(
      venue,
      'block',
      { facilityId: f.id, startAt: shanghai(3, '09:00'), endAt: shanghai(3, '12:00'), reason: '内部培训' },
      PEOPLE.orgB,
    )
    expect(blocked).toMatchObject({ ok: true, data: { kind: 'block', state: 'approved' } })
    expect(await bookAs(f.id, shanghai(3, '10:00'), shanghai(3, '11:00'))).toEqual({
      ok: false,
      code: 'BOOKING_CONFLICT',
      message: '该时段场地暂停开放（11月28日 09:00–12:00），请选择其他时段',
    })
    expect(
      await call(
        venue,
        'block',
        { facilityId: f.id, startAt: shanghai(3, '11:00'), endAt: shanghai(3, '13:00'), reason: '再次培训' },
        PEOPLE.orgA,
      ),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })

  test('the week grid shows taken, pending, closed and past slots; the unit sees its bookings', async () => {
    const v = await createVenue(w, { exceptions: [{ day: '2026-11-28', ranges: [], note: '闭馆' }] })
    const f = await createFacility(v.id, { slotMinutes: 60, minMinutes: 60, maxMinutes: 120 })
    const held = expectOk(await bookAs(f.id, shanghai(1, '19:00'), shanghai(1, '21:00')))
    const grid = expectOk(await call<WeekGrid>(venue, 'grid', { facilityId: f.id, weekOf: '2026-11-26' }))
    expect(grid.weekOf).toBe('2026-11-23')
    expect(grid.days.map((d) => d.day)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ])
    const thursday = grid.days[3].slots
    expect(thursday).toHaveLength(24)
    const stateAt = (day: number, hour: number) => grid.days[day].slots[hour].state
    expect([stateAt(3, 7), stateAt(3, 8), stateAt(3, 19), stateAt(3, 20), stateAt(3, 21), stateAt(3, 22)]).toEqual([
      'closed',
      'free',
      'taken',
      'taken',
      'free',
      'closed',
    ])
    expect(stateAt(5, 10)).toBe('closed') // Saturday closed
    expect(stateAt(2, 8)).toBe('past') // today 08:00 (now is 10:00)
    expect(stateAt(2, 12)).toBe('free')
    const mine = expectOk(await call<{ items: Booking[] }>(venue, 'unitBookings', { unitId: w.unitA }, PEOPLE.orgA))
    expect(mine.items.map((b) => b.id)).toContain(held.id)
    expect(await call(venue, 'unitBookings', { unitId: w.unitA }, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })
})

describe('bad payloads answer INVALID_INPUT', () => {
  const id = '00000000-0000-4000-8000-000000000000'
  test.each([
    ['createVenue', { ownerUnitId: null, name: 'x', tier: 'unit' }],
    ['createVenue', { ownerUnitId: null, name: '好名字阵地', tier: 'castle' }],
    [
      'createVenue',
      { ownerUnitId: null, name: '好名字阵地', tier: 'unit', hours: [{ weekday: 8, opens: '08:00', closes: '09:00' }] },
    ],
    [
      'createVenue',
      { ownerUnitId: null, name: '好名字阵地', tier: 'unit', hours: [{ weekday: 1, opens: '8:00', closes: '25:00' }] },
    ],
    ['createVenue', { ownerUnitId: null, name: '好名字阵地', tier: 'unit', contactPhone: '12345' }],
    ['updateVenue', { venueId: 'nope' }],
    ['createFacility', { venueId: id, kind: 'swimming_pool', name: '泳池' }],
    ['createFacility', { venueId: id, kind: 'gym', name: '健身房', slotMinutes: 1 }],
    ['updateFacility', { facilityId: id, extra: true }],
    ['venues', { near: { latitude: 100, longitude: 0 } }],
    ['venue', {}],
    ['grid', { facilityId: id, weekOf: '26-11-2026' }],
    ['book', { facilityId: id, unitId: id, startAt: '明天', endAt: '后天', purpose: '打球' }],
    ['book', { facilityId: id, unitId: id, startAt: shanghai(1, '10:00'), endAt: shanghai(1, '11:00'), purpose: '' }],
    [
      'bookRecurring',
      {
        facilityId: id,
        unitId: id,
        startAt: shanghai(1, '10:00'),
        endAt: shanghai(1, '11:00'),
        purpose: '打球',
        weeks: 52,
      },
    ],
    ['approve', { bookingId: 1 }],
    ['decline', {}],
    ['cancel', { bookingId: id, reason: 'x'.repeat(101) }],
    ['block', { facilityId: id, startAt: shanghai(1, '10:00'), endAt: shanghai(1, '11:00') }],
    ['unitBookings', { unitId: id, past: 'yes' }],
    ['ownerPending', {}],
  ])('%s %j', async (action, data) => {
    const r = await call(venue, action, data, PEOPLE.admin)
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})
