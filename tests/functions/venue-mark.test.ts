/**
 * Used / no-show: once an approved booking has started, the owner records what happened. Both keep
 * the slot held; nothing else can be marked, nobody else may mark, and not before the start.
 */
import type { Booking, WeekGrid } from '@api/venue'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'
import { ALWAYS, createFacility, createVenue, shanghai, venue } from './venue-fixtures'

const w = useWorld()
let facilityId: string

beforeAll(async () => {
  facilityId = (await createFacility((await createVenue(w, { hours: ALWAYS })).id)).id
})

const insert = async (from: string, to: string, state: string, kind = 'booking') =>
  (
    await w.db.query<{ id: string }>(
      `insert into booking (district_id, facility_id, kind, unit_id, booked_by, during, purpose, state, decided_by)
       values ('runzhou', $1, $2, $3, $4, tstzrange($5, $6, '[)'), '团日活动', $7, $4) returning id`,
      [facilityId, kind, kind === 'block' ? w.unitB : w.unitA, w.userIds.orgB, from, to, state],
    )
  ).rows[0].id

const mark = (bookingId: string, outcome: string, as: string = PEOPLE.orgB) =>
  call<Booking>(venue, 'mark', { bookingId, outcome }, as)

const row = async (id: string) =>
  (
    await w.db.query<{ state: string; marked_by: string | null; decided_by: string | null }>(
      'select state, marked_by, decided_by from booking where id = $1',
      [id],
    )
  ).rows[0]

test('the owner marks a past approved booking used, and can correct it to no-show; the approval is kept', async () => {
  const id = await insert(shanghai(-1, '09:00'), shanghai(-1, '11:00'), 'approved')
  expect(await mark(id, 'used')).toMatchObject({ ok: true, data: { id, state: 'used' } })
  expect(await row(id)).toEqual({ state: 'used', marked_by: w.userIds.orgB, decided_by: w.userIds.orgB })
  expect(await mark(id, 'no_show', PEOPLE.admin)).toMatchObject({ ok: true, data: { state: 'no_show' } })
  expect(await row(id)).toMatchObject({ state: 'no_show', marked_by: w.userIds.admin })
})

test('a booking under way can be marked; the slot stays taken', async () => {
  const id = await insert(shanghai(0, '09:30'), shanghai(0, '11:30'), 'approved') // now is 10:00
  expect(await mark(id, 'used')).toMatchObject({ ok: true, data: { state: 'used' } })
  const grid = expectOk(await call<WeekGrid>(venue, 'grid', { facilityId, weekOf: '2026-11-25' }))
  const wednesday = grid.days.find((d) => d.day === '2026-11-25')!
  const at = (clock: string) => wednesday.slots.find((s) => s.startAt === shanghai(0, clock))!.state
  expect([at('09:30'), at('11:00'), at('11:30')]).toEqual(['taken', 'taken', 'free'])
  await expect(insert(shanghai(0, '10:30'), shanghai(0, '11:00'), 'approved')).rejects.toMatchObject({
    code: '23P01',
  })
})

test('not before the start', async () => {
  const id = await insert(shanghai(1, '09:00'), shanghai(1, '10:00'), 'approved')
  expect(await mark(id, 'used')).toEqual({ ok: false, code: 'CONFLICT', message: '预订开始后才能登记使用情况' })
  expect((await row(id)).state).toBe('approved')
})

test.each(['pending', 'declined', 'cancelled'])('a %s booking cannot be marked', async (state) => {
  const id = await insert(shanghai(-2, '09:00'), shanghai(-2, '10:00'), state)
  expect(await mark(id, 'used')).toEqual({ ok: false, code: 'CONFLICT', message: '只有已通过的预订可以登记使用情况' })
  expect((await row(id)).state).toBe(state)
})

test('a block cannot be marked', async () => {
  const id = await insert(shanghai(-3, '09:00'), shanghai(-3, '10:00'), 'approved', 'block')
  expect(await mark(id, 'no_show')).toMatchObject({ ok: false, code: 'CONFLICT' })
})

test('only the owner unit or the district admin marks; the booker may not', async () => {
  const id = await insert(shanghai(-4, '09:00'), shanghai(-4, '10:00'), 'approved')
  for (const as of [PEOPLE.orgA, PEOPLE.youth]) {
    expect(await mark(id, 'used', as)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有场地所属单位或团区委可以处理预订',
    })
  }
  expect(await call(venue, 'mark', { bookingId: id, outcome: 'used' })).toMatchObject({ code: 'UNAUTHENTICATED' })
  expect((await row(id)).state).toBe('approved')
})

test.each([
  [{ bookingId: 'x', outcome: 'used' }],
  [{ bookingId: '00000000-0000-4000-8000-000000000000', outcome: 'cancelled' }],
  [{ bookingId: '00000000-0000-4000-8000-000000000000' }],
])('bad payload %j is INVALID_INPUT', async (data) => {
  expect(await call(venue, 'mark', data, PEOPLE.orgB)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

test('an unknown booking is NOT_FOUND', async () => {
  expect(await mark('00000000-0000-4000-8000-000000000000', 'used')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})
