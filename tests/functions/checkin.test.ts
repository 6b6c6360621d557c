/** Check-in through the real `checkin` function: rotating codes, tickets, windows, nonces. */
import type { CheckinActions, ScanResult, SiteCode, Ticket } from '@api/checkin'
import type { HoursActions } from '@api/hours'
import type { Registration } from '@api/signup'
import { actions, main as checkin } from '../../cloudfunctions/checkin/src'
import { actions as hoursActions } from '../../cloudfunctions/hours/src'
import { main as signup } from '../../cloudfunctions/signup/src'
import { createFunction } from '../../server/runtime/function'
import { call, expectOk } from '../support/call'
import { withPhones } from '../support/people'
import { PEOPLE, useWorld, publishedEvent } from '../support/world'

jest.setTimeout(120_000)

const HOUR = 3600_000
let eventId: string
let start: number
let n = 0
const nonce = () => `nonce-${++n}-abcdefgh`
/** The checkin function with its clock at `start + offset`. */
const at = (offsetMs: number) =>
  createFunction<CheckinActions>('checkin', actions, { clock: () => new Date(start + offsetMs) })

async function signedUp(who: string, id = eventId): Promise<Registration> {
  await withPhones(w.db, [who], { realNames: true }) // events that record hours need real names
  return expectOk(
    await call<Registration>(
      signup,
      'signup',
      { activityId: id, idempotencyKey: `k-${who.replace(':', '_')}-${id.slice(0, 8)}` },
      who,
    ),
  )
}

const w = useWorld()
beforeAll(async () => {
  const e = await publishedEvent(w, { capacity: 2 })
  eventId = e.id
  start = Date.parse(e.startAt) // 10 days ahead, 2 hours long, venue at 32.2, 119.43
  await signedUp('v:1')
  await signedUp('v:2')
  await signedUp('v:3') // waitlisted
})

async function code(direction: 'in' | 'out', fn = at(0)): Promise<string> {
  return expectOk(await call<SiteCode>(fn, 'siteCode', { activityId: eventId, direction }, PEOPLE.orgA)).token
}

describe('self-scan of the rotating code', () => {
  test('a registered volunteer checks in and out; a repeated scan returns the first record', async () => {
    const fn = at(5 * 60_000)
    const token = await code('in', fn)
    const k = nonce()
    const first = expectOk(
      await call<ScanResult>(
        fn,
        'scan',
        { token, nonce: k, location: { latitude: 32.2001, longitude: 119.4301 } },
        'v:1',
      ),
    )
    expect(first).toMatchObject({ direction: 'in', method: 'site_code', needsReview: false, repeated: false })
    const again = expectOk(await call<ScanResult>(fn, 'scan', { token, nonce: k }, 'v:1'))
    expect(again).toMatchObject({ scanId: first.scanId, repeated: true })
    const later = at(HOUR)
    const out = expectOk(
      await call<ScanResult>(later, 'scan', { token: await code('out', later), nonce: nonce() }, 'v:1'),
    )
    expect(out.direction).toBe('out')
    const rows = await w.db.query(
      "select direction from checkin_scan where user_id = (select id from app_user where openid = 'v:1') order by id",
    )
    expect(rows.rows.map((r) => r.direction)).toEqual(['in', 'out'])
  })

  test('the code rotates every 30 s: the previous one still works, older ones are expired', async () => {
    // Offsets from the first slot boundary after the start, so "next slot" is exact.
    const boundary = Math.ceil(start / 30_000) * 30_000 - start
    const token = await code('in', at(boundary + 1_000))
    expect((await call(at(boundary + 59_000), 'scan', { token, nonce: nonce() }, 'v:2')).ok).toBe(true)
    expect(await call(at(boundary + 60_000), 'scan', { token, nonce: nonce() }, 'v:2')).toMatchObject({
      ok: false,
      code: 'CODE_EXPIRED',
    })
  })

  test('check-out before check-in is refused', async () => {
    await w.db.query("insert into app_user (openid) values ('v:4')")
    const e = await publishedEvent(w, { capacity: 5 })
    await signedUp('v:4', e.id)
    const fn = createFunction<CheckinActions>('checkin', actions, { clock: () => new Date(Date.parse(e.startAt)) })
    const out = expectOk(
      await call<SiteCode>(fn, 'siteCode', { activityId: e.id, direction: 'out' }, PEOPLE.orgA),
    ).token
    expect(await call(fn, 'scan', { token: out, nonce: nonce() }, 'v:4')).toMatchObject({
      ok: false,
      code: 'NOT_CHECKED_IN',
    })
  })

  test.each([
    ['someone not registered', 'v:stranger', 'NOT_REGISTERED'],
    ['someone still waitlisted', 'v:3', 'REGISTRATION_CANCELLED'],
  ])('%s gets %s', async (_label, who, codeName) => {
    const fn = at(10 * 60_000)
    expect(await call(fn, 'scan', { token: await code('in', fn), nonce: nonce() }, who)).toMatchObject({
      ok: false,
      code: codeName,
    })
  })

  test('outside the window: too early, and after the end', async () => {
    expect(await call(at(-2 * HOUR), 'siteCode', { activityId: eventId, direction: 'in' }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'CHECKIN_CLOSED',
    })
    const token = await code('in', at(2 * HOUR - 10_000))
    expect(await call(at(2 * HOUR + 5_000), 'scan', { token, nonce: nonce() }, 'v:2')).toMatchObject({
      ok: false,
      code: 'CHECKIN_CLOSED',
    })
  })

  test('a code of another event, a forged code, and garbage get distinct codes', async () => {
    const other = await publishedEvent(w, { capacity: 5 })
    const otherFn = createFunction<CheckinActions>('checkin', actions, {
      clock: () => new Date(Date.parse(other.startAt)),
    })
    const otherCode = expectOk(
      await call<SiteCode>(otherFn, 'siteCode', { activityId: other.id, direction: 'in' }, PEOPLE.orgA),
    ).token
    expect(await call(otherFn, 'scan', { token: otherCode, nonce: nonce() }, 'v:1')).toMatchObject({
      ok: false,
      code: 'NOT_REGISTERED',
    })
    const token = await code('in', at(0))
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
    expect(await call(at(0), 'scan', { token: forged, nonce: nonce() }, 'v:1')).toMatchObject({
      ok: false,
      code: 'CODE_INVALID',
    })
    expect(await call(at(0), 'scan', { token: 'hello', nonce: nonce() }, 'v:1')).toMatchObject({
      ok: false,
      code: 'CODE_INVALID',
    })
    expect(await call(at(0), 'scan', { token: 'x'.repeat(129), nonce: nonce() }, 'v:1')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })

  test('far from the venue is kept but flagged for review', async () => {
    await w.db.query("insert into app_user (openid) values ('v:far')")
    const e = await publishedEvent(w, { capacity: 5 })
    await signedUp('v:far', e.id)
    const fn = createFunction<CheckinActions>('checkin', actions, { clock: () => new Date(Date.parse(e.startAt)) })
    const token = expectOk(
      await call<SiteCode>(fn, 'siteCode', { activityId: e.id, direction: 'in' }, PEOPLE.orgA),
    ).token
    const r = expectOk(
      await call<ScanResult>(
        fn,
        'scan',
        { token, nonce: nonce(), location: { latitude: 31.23, longitude: 121.47 } },
        'v:far',
      ),
    )
    expect(r.needsReview).toBe(true)
  })

  test('only the event’s organisers can show its code', async () => {
    expect(await call(at(0), 'siteCode', { activityId: eventId, direction: 'in' }, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await call(at(0), 'siteCode', { activityId: eventId, direction: 'in' }, PEOPLE.youth)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })
})

describe('tickets', () => {
  test('a confirmed person gets a ticket the organiser scans; re-issued tickets and other events are refused', async () => {
    await w.db.query("insert into app_user (openid) values ('v:t')")
    const e = await publishedEvent(w, { capacity: 5 })
    await signedUp('v:t', e.id)
    const fn = createFunction<CheckinActions>('checkin', actions, {
      clock: () => new Date(Date.parse(e.startAt) - 30 * 60_000),
    })
    const ticket = expectOk(await call<Ticket>(fn, 'ticket', { activityId: e.id }, 'v:t'))
    expect(await call(fn, 'ticket', { activityId: e.id }, 'v:stranger')).toMatchObject({
      ok: false,
      code: 'NOT_REGISTERED',
    })
    const k = nonce()
    const scanned = expectOk(
      await call<ScanResult>(
        fn,
        'scanTicket',
        { activityId: e.id, token: ticket.token, direction: 'in', nonce: k },
        PEOPLE.orgA,
      ),
    )
    expect(scanned).toMatchObject({ method: 'ticket', direction: 'in', repeated: false })
    expect(
      expectOk(
        await call<ScanResult>(
          fn,
          'scanTicket',
          { activityId: e.id, token: ticket.token, direction: 'in', nonce: k },
          PEOPLE.orgA,
        ),
      ).repeated,
    ).toBe(true)
    expect(
      await call(
        fn,
        'scanTicket',
        { activityId: eventId, token: ticket.token, direction: 'in', nonce: nonce() },
        PEOPLE.orgA,
      ),
    ).toMatchObject({ ok: false, code: 'WRONG_EVENT' })
    expect(
      await call(
        fn,
        'scanTicket',
        { activityId: e.id, token: ticket.token, direction: 'in', nonce: nonce() },
        PEOPLE.orgB,
      ),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await w.db.query('update registration set ticket_version = ticket_version + 1 where id = $1', [
      ticket.registrationId,
    ])
    expect(
      await call(
        fn,
        'scanTicket',
        { activityId: e.id, token: ticket.token, direction: 'out', nonce: nonce() },
        PEOPLE.orgA,
      ),
    ).toMatchObject({ ok: false, code: 'CODE_EXPIRED' })
  })
})

test('500 volunteers scanning in and out at once, each scan sent twice, leave exactly one record per scan and one hours entry each', async () => {
  const e = await publishedEvent(w, { capacity: 500, category: 'tree_planting', recordsServiceHours: true })
  await w.db.query("insert into app_user (openid) select 'crowd:' || g from generate_series(1, 500) g")
  for (let i = 1; i <= 500; i++) await signedUp(`crowd:${i}`, e.id)
  const startAt = Date.parse(e.startAt)
  const inFn = createFunction<CheckinActions>('checkin', actions, { clock: () => new Date(startAt) })
  const inCode = expectOk(
    await call<SiteCode>(inFn, 'siteCode', { activityId: e.id, direction: 'in' }, PEOPLE.orgA),
  ).token
  const ins = Array.from({ length: 500 }, (_, i) => ({ who: `crowd:${i + 1}`, k: `in-${i}-abcdefgh` }))
  const results = await Promise.all(
    [...ins, ...ins].map(({ who, k }) => call<ScanResult>(inFn, 'scan', { token: inCode, nonce: k }, who)),
  )
  expect(results.filter((r) => !r.ok)).toEqual([])
  const outFn = createFunction<CheckinActions>('checkin', actions, { clock: () => new Date(startAt + HOUR) })
  const outCode = expectOk(
    await call<SiteCode>(outFn, 'siteCode', { activityId: e.id, direction: 'out' }, PEOPLE.orgA),
  ).token
  const outs = Array.from({ length: 500 }, (_, i) => ({ who: `crowd:${i + 1}`, k: `out-${i}-abcdefgh` }))
  const outResults = await Promise.all(
    [...outs, ...outs].map(({ who, k }) => call<ScanResult>(outFn, 'scan', { token: outCode, nonce: k }, who)),
  )
  expect(outResults.filter((r) => !r.ok)).toEqual([])
  const counts = await w.db.query<{ direction: string; n: number; people: number }>(
    'select direction, count(*)::int as n, count(distinct user_id)::int as people from checkin_scan where activity_id = $1 group by direction order by direction',
    [e.id],
  )
  expect(counts.rows).toEqual([
    { direction: 'in', n: 500, people: 500 },
    { direction: 'out', n: 500, people: 500 },
  ])
  // Closing the event's hours: one entry per volunteer, none counted twice (in for 1 of 2 hours: below 60%, so 0 h each).
  const hoursFn = createFunction<HoursActions>('hours', hoursActions, { clock: () => new Date(startAt + 4 * HOUR) })
  expect(expectOk(await call(hoursFn, 'close', { activityId: e.id }, PEOPLE.orgA))).toEqual({
    pending: 500,
    needsReview: 0,
  })
  const entries = await w.db.query<{ n: number; people: number; minutes: number }>(
    'select count(*)::int as n, count(distinct user_id)::int as people, sum(minutes)::int as minutes from service_hours where activity_id = $1',
    [e.id],
  )
  expect(entries.rows[0]).toEqual({ n: 500, people: 500, minutes: 500 * 60 })
})

test('every check-in action needs a signed-in caller', async () => {
  for (const [name, data] of [
    ['siteCode', { activityId: eventId, direction: 'in' }],
    ['scan', { token: 'x', nonce: nonce() }],
    ['ticket', { activityId: eventId }],
  ] as const) {
    expect(await call(checkin, name, data)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  }
})
