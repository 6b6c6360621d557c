/**
 * The nonce rules of the one check-in service: a nonce belongs to one person's scan; a repeated
 * check-out answers the first check-out; concurrent check-outs of one person record one.
 */
import type { CheckinActions, ScanResult, SiteCode, Ticket } from '@api/checkin'
import type { Registration } from '@api/signup'
import { actions } from '../../cloudfunctions/checkin/src'
import { main as signup } from '../../cloudfunctions/signup/src'
import { createFunction } from '../../server/runtime/function'
import { call, expectOk } from '../support/call'
import { withPhones } from '../support/people'
import { PEOPLE, useWorld, publishedEvent } from '../support/world'

jest.setTimeout(120_000)

const MINUTE = 60_000
let n = 0
const nonce = () => `nonce-${++n}-abcdefgh`

const w = useWorld()

/** A fresh event with these people (openid → real name) seated; the function's clock at start + offset. */
async function eventWith(people: Record<string, string>) {
  const e = await publishedEvent(w, { capacity: 50 })
  for (const [openid, realName] of Object.entries(people)) {
    await w.db.query(
      'insert into app_user (openid, nickname, real_name) values ($1, $2, $3) on conflict (openid) do nothing',
      [openid, `昵称${realName}`, realName],
    )
    await withPhones(w.db, [openid])
    expectOk(
      await call<Registration>(
        signup,
        'signup',
        { activityId: e.id, idempotencyKey: `k-${openid.replace(':', '_')}-${e.id.slice(0, 8)}` },
        openid,
      ),
    )
  }
  const start = Date.parse(e.startAt)
  const at = (offsetMs: number) =>
    createFunction<CheckinActions>('checkin', actions, { clock: () => new Date(start + offsetMs) })
  const code = async (direction: 'in' | 'out', fn: ReturnType<typeof at>) =>
    expectOk(await call<SiteCode>(fn, 'siteCode', { activityId: e.id, direction }, PEOPLE.orgA)).token
  return { id: e.id, start, at, code }
}

const outRows = async (activityId: string, openid: string) =>
  (
    await w.db.query<{ n: number }>(
      `select count(*)::int as n from checkin_scan s join app_user u on u.id = s.user_id
       where s.activity_id = $1 and u.openid = $2 and s.direction = 'out'`,
      [activityId, openid],
    )
  ).rows[0].n

describe('a nonce belongs to one person', () => {
  test('self-scan: another person reusing my nonce gets CONFLICT, never my scan or my name', async () => {
    const e = await eventWith({ 'nb:a': '甲一', 'nb:b': '乙二' })
    const fn = e.at(5 * MINUTE)
    const token = await e.code('in', fn)
    const k = nonce()
    const mine = expectOk(await call<ScanResult>(fn, 'scan', { token, nonce: k }, 'nb:a'))
    expect(mine.person.realName).toBe('甲一')
    const theirs = await call<ScanResult>(fn, 'scan', { token, nonce: k }, 'nb:b')
    expect(theirs).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(JSON.stringify(theirs)).not.toMatch(/甲一|昵称甲一/)
    // Also once the code has rotated away (the replay path after a refused code).
    const later = await call<ScanResult>(e.at(30 * MINUTE), 'scan', { token, nonce: k }, 'nb:b')
    expect(later).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(JSON.stringify(later)).not.toMatch(/甲一/)
    // Mine is still mine, and the stranger's attempt recorded nothing.
    expect(expectOk(await call<ScanResult>(fn, 'scan', { token, nonce: k }, 'nb:a'))).toMatchObject({
      scanId: mine.scanId,
      repeated: true,
    })
    const b = await w.db.query(
      "select count(*)::int as n from checkin_scan s join app_user u on u.id = s.user_id where u.openid = 'nb:b'",
    )
    expect(b.rows[0].n).toBe(0)
  })

  test('ticket: a nonce used for one ticket never answers another ticket with that scan', async () => {
    const e = await eventWith({ 'nt:a': '丙三', 'nt:b': '丁四' })
    const fn = e.at(-10 * MINUTE)
    const ticketA = expectOk(await call<Ticket>(fn, 'ticket', { activityId: e.id }, 'nt:a'))
    const ticketB = expectOk(await call<Ticket>(fn, 'ticket', { activityId: e.id }, 'nt:b'))
    const k = nonce()
    const scan = { activityId: e.id, direction: 'in', nonce: k }
    expectOk(await call<ScanResult>(fn, 'scanTicket', { ...scan, token: ticketA.token }, PEOPLE.orgA))
    const other = await call(fn, 'scanTicket', { ...scan, token: ticketB.token }, PEOPLE.orgA)
    expect(other).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(JSON.stringify(other)).not.toMatch(/丙三/)
    // Offline sync of B's ticket under A's nonce: rejected, not "repeated" with A's scan.
    const synced = expectOk(
      await call<{ outcomes: { status: string; scan?: ScanResult }[] }>(
        fn,
        'syncTicketScans',
        {
          activityId: e.id,
          scans: [
            {
              token: ticketB.token,
              direction: 'in',
              nonce: k,
              scannedAt: new Date(e.start - 11 * MINUTE).toISOString(),
            },
          ],
        },
        PEOPLE.orgA,
      ),
    )
    expect(synced.outcomes[0]).toMatchObject({ status: 'rejected', code: 'CONFLICT' })
    expect(JSON.stringify(synced)).not.toMatch(/丙三/)
  })
})

describe('check-out', () => {
  test('a repeated check-out answers the first check-out (same record, same time), never NOT_CHECKED_IN', async () => {
    const e = await eventWith({ 'no:a': '戊五' })
    const inFn = e.at(0)
    expectOk(await call(inFn, 'scan', { token: await e.code('in', inFn), nonce: nonce() }, 'no:a'))
    const outFn = e.at(90 * MINUTE)
    const first = expectOk(
      await call<ScanResult>(outFn, 'scan', { token: await e.code('out', outFn), nonce: nonce() }, 'no:a'),
    )
    expect(first).toMatchObject({ direction: 'out', repeated: false })
    const laterFn = e.at(100 * MINUTE)
    const again = expectOk(
      await call<ScanResult>(laterFn, 'scan', { token: await e.code('out', laterFn), nonce: nonce() }, 'no:a'),
    )
    expect(again).toMatchObject({ scanId: first.scanId, scannedAt: first.scannedAt, repeated: true })
    // The same through a ticket scanned by the organiser.
    const ticket = expectOk(await call<Ticket>(laterFn, 'ticket', { activityId: e.id }, 'no:a'))
    const byTicket = expectOk(
      await call<ScanResult>(
        laterFn,
        'scanTicket',
        { activityId: e.id, token: ticket.token, direction: 'out', nonce: nonce() },
        PEOPLE.orgA,
      ),
    )
    expect(byTicket).toMatchObject({ scanId: first.scanId, scannedAt: first.scannedAt, repeated: true })
    expect(await outRows(e.id, 'no:a')).toBe(1)
  })

  test('two concurrent check-outs of one person record exactly one', async () => {
    const people = Object.keys(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`nc:${i}`, ''])))
    const e = await eventWith(Object.fromEntries(people.map((p, i) => [p, `人${i}`])))
    // Five rounds: everyone checks in, then every person's two check-outs are sent at once (all people together).
    for (let round = 0; round < 5; round++) {
      const inFn = e.at(round * 10 * MINUTE)
      const inCode = await e.code('in', inFn)
      for (const openid of people) expectOk(await call(inFn, 'scan', { token: inCode, nonce: nonce() }, openid))
      const outFn = e.at(round * 10 * MINUTE + 5 * MINUTE)
      const outCode = await e.code('out', outFn)
      const pairs = await Promise.all(
        people.map((openid) =>
          Promise.all([
            call<ScanResult>(outFn, 'scan', { token: outCode, nonce: nonce() }, openid),
            call<ScanResult>(outFn, 'scan', { token: outCode, nonce: nonce() }, openid),
          ]),
        ),
      )
      for (const [a, b] of pairs) {
        const [x, y] = [expectOk(a), expectOk(b)]
        expect(x.scanId).toBe(y.scanId)
        expect([x.repeated, y.repeated].sort()).toEqual([false, true])
      }
      for (const openid of people) expect(await outRows(e.id, openid)).toBe(round + 1)
    }
  })
})
