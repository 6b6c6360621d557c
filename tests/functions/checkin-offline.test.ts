/**
 * Check-in beyond the QR happy path, through the real `checkin` function: 6-digit manual codes,
 * my state and the organiser's board, the offline roster and batch sync (earliest wins, replays
 * change nothing), and the check-out grace hour. Walk-ins: checkin-walkin.test.ts.
 */
import { createHash } from 'crypto'
import type {
  CheckinActions,
  CheckinBoard,
  MyCheckin,
  OfflineRoster,
  ScanResult,
  SiteCode,
  SyncResult,
  Ticket,
} from '@api/checkin'
import type { EventHours, HoursActions } from '@api/hours'
import type { Registration, SignupActions } from '@api/signup'
import { actions } from '../../cloudfunctions/checkin/src'
import { actions as hoursActions } from '../../cloudfunctions/hours/src'
import { actions as signupActions, main as signup } from '../../cloudfunctions/signup/src'
import { issueTicket } from '../../server/domain/checkin/token'
import { createFunction } from '../../server/runtime/function'
import { call, expectOk } from '../support/call'
import { withPhones } from '../support/people'
import { PEOPLE, useWorld, publishedEvent } from '../support/world'

jest.setTimeout(120_000)

const HOUR = 3600_000
const MIN = 60_000
let n = 0
const nonce = () => `offline-nonce-${++n}`

const w = useWorld()

async function eventWith(people: string[], overrides = {}) {
  const e = await publishedEvent(w, {
    capacity: people.length + 1,
    category: 'tree_planting',
    recordsServiceHours: true,
    ...overrides,
  })
  const s0 = Date.parse(e.startAt)
  const at = (offset: number) =>
    createFunction<CheckinActions>('checkin', actions, { clock: () => new Date(s0 + offset) })
  const regs: Record<string, string> = {}
  for (const who of people) {
    // Events that record hours need a real name (here the same as the nickname) and a phone.
    await w.db.query('insert into app_user (openid, nickname, real_name) values ($1, $1, $1) on conflict do nothing', [
      who,
    ])
    await withPhones(w.db, [who])
    regs[who] = expectOk(
      await call<Registration>(
        signup,
        'signup',
        { activityId: e.id, idempotencyKey: `k-${who.replace(/\W/g, '_')}-${e.id.slice(0, 6)}` },
        who,
      ),
    ).id
  }
  return { e, s0, at, regs }
}

describe('6-digit codes for typing in (H5 has no camera)', () => {
  test('the short code checks in like the QR; a wrong or old one is CODE_INVALID', async () => {
    const { e, at } = await eventWith(['s:1', 's:2'])
    const code = expectOk(await call<SiteCode>(at(0), 'siteCode', { activityId: e.id, direction: 'in' }, PEOPLE.orgA))
    expect(code.shortCode).toMatch(/^[0-9]{6}$/)
    expect(code.qrDataUrl.startsWith('data:image/png;base64,')).toBe(true)
    const ok = expectOk(
      await call<ScanResult>(
        at(20_000),
        'scan',
        { activityId: e.id, shortCode: code.shortCode, nonce: nonce() },
        's:1',
      ),
    )
    expect(ok).toMatchObject({ direction: 'in', method: 'site_code' })
    // Two slots later the code is gone; a made-up one never worked.
    expect(
      await call(at(65_000), 'scan', { activityId: e.id, shortCode: code.shortCode, nonce: nonce() }, 's:2'),
    ).toMatchObject({ ok: false, code: 'CODE_INVALID' })
    const wrong = code.shortCode === '000000' ? '000001' : '000000'
    expect(await call(at(20_000), 'scan', { activityId: e.id, shortCode: wrong, nonce: nonce() }, 's:2')).toMatchObject(
      { ok: false, code: 'CODE_INVALID' },
    )
    // Either a token or an event + short code, not both or neither.
    expect(await call(at(20_000), 'scan', { nonce: nonce() }, 's:2')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    expect(
      await call(at(20_000), 'scan', { activityId: e.id, shortCode: '12345', nonce: nonce() }, 's:2'),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    // The check-out code differs from the check-in code and checks out.
    const out = expectOk(
      await call<SiteCode>(at(HOUR), 'siteCode', { activityId: e.id, direction: 'out' }, PEOPLE.orgA),
    )
    expect(
      expectOk(
        await call<ScanResult>(at(HOUR), 'scan', { activityId: e.id, shortCode: out.shortCode, nonce: nonce() }, 's:1'),
      ).direction,
    ).toBe('out')
  })
})

describe('my state, the board, and the check-out grace hour', () => {
  test('mine follows my scans; the board counts people; check-out stays open an hour after the end', async () => {
    const { e, at } = await eventWith(['b:1', 'b:2'])
    await w.db.query("insert into app_user (openid, nickname) values ('b:none', 'b:none') on conflict do nothing")
    expect(expectOk(await call<MyCheckin>(at(-2 * HOUR), 'mine', { activityId: e.id }, 'b:1'))).toMatchObject({
      registered: true,
      lastDirection: null,
      open: false,
    })
    expect(expectOk(await call<MyCheckin>(at(0), 'mine', { activityId: e.id }, 'b:none'))).toMatchObject({
      registered: false,
    })
    const inCode = expectOk(
      await call<SiteCode>(at(0), 'siteCode', { activityId: e.id, direction: 'in' }, PEOPLE.orgA),
    ).token
    expectOk(await call(at(0), 'scan', { token: inCode, nonce: nonce() }, 'b:1'))
    expectOk(await call(at(0), 'scan', { token: inCode, nonce: nonce() }, 'b:2'))
    const mine = expectOk(await call<MyCheckin>(at(MIN), 'mine', { activityId: e.id }, 'b:1'))
    expect(mine).toMatchObject({ lastDirection: 'in', open: true })
    expect(Date.parse(mine.closesAt)).toBe(Date.parse(e.endAt) + HOUR) // check-out window
    // After the end: checking in is closed, checking out still open for an hour.
    const afterEnd = Date.parse(e.endAt) - Date.parse(e.startAt) + 30 * MIN
    expect(await call(at(afterEnd), 'siteCode', { activityId: e.id, direction: 'in' }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'CHECKIN_CLOSED',
    })
    const outCode = expectOk(
      await call<SiteCode>(at(afterEnd), 'siteCode', { activityId: e.id, direction: 'out' }, PEOPLE.orgA),
    ).token
    expectOk(await call(at(afterEnd), 'scan', { token: outCode, nonce: nonce() }, 'b:1'))
    expect(
      await call(at(afterEnd + 31 * MIN), 'siteCode', { activityId: e.id, direction: 'out' }, PEOPLE.orgA),
    ).toMatchObject({ ok: false, code: 'CHECKIN_CLOSED' })
    const ticket = expectOk(await call<Ticket>(at(0), 'ticket', { activityId: e.id }, 'b:2')).token
    expect(
      await call(
        at(afterEnd + 31 * MIN),
        'scanTicket',
        { activityId: e.id, token: ticket, direction: 'out', nonce: nonce() },
        PEOPLE.orgA,
      ),
    ).toMatchObject({ ok: false, code: 'CHECKIN_CLOSED' })
    const board = expectOk(await call<CheckinBoard>(at(afterEnd), 'board', { activityId: e.id }, PEOPLE.orgA))
    expect(board).toMatchObject({ confirmed: 2, checkedIn: 2, checkedOut: 1, needsReview: 0 })
    expect(board.recent.map((r) => r.direction)).toEqual(['out', 'in', 'in'])
    expect(await call(at(0), 'board', { activityId: e.id }, PEOPLE.youth)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })
})

describe('offline ticket scanning', () => {
  test('the roster carries a digest of each valid ticket, never the ticket or a key', async () => {
    const { e, at, regs } = await eventWith(['o:1', 'o:2'])
    const roster = expectOk(await call<OfflineRoster>(at(-HOUR), 'offlineRoster', { activityId: e.id }, PEOPLE.orgA))
    expect(roster.entries).toHaveLength(2)
    const ticket = expectOk(await call<Ticket>(at(-HOUR), 'ticket', { activityId: e.id }, 'o:1'))
    const digest = createHash('sha256').update(ticket.token).digest('hex')
    expect(roster.entries.find((x) => x.registrationId === regs['o:1'])).toMatchObject({
      ticketDigest: digest,
      name: 'o:1',
      state: 'confirmed',
      lastDirection: null,
    })
    expect(JSON.stringify(roster)).not.toContain(ticket.token)
    expect(await call(at(-HOUR), 'offlineRoster', { activityId: e.id }, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })

  test('a batch applies in time order; replaying it three times changes nothing; bad scans are reported, not fatal', async () => {
    const people = Array.from({ length: 20 }, (_, i) => `ob:${i}`)
    const { e, s0, at, regs } = await eventWith(people)
    const ticketOf = async (who: string) =>
      expectOk(await call<Ticket>(at(0), 'ticket', { activityId: e.id }, who)).token
    const scans: { token: string; direction: 'in' | 'out'; nonce: string; scannedAt: string }[] = []
    for (const [i, who] of people.entries()) {
      const token = await ticketOf(who)
      scans.push({
        token,
        direction: 'out' as const,
        nonce: `ob-scan-out-${i}`,
        scannedAt: new Date(s0 + HOUR + i * 1000).toISOString(),
      })
      scans.push({
        token,
        direction: 'in' as const,
        nonce: `ob-scan-in-${i}`,
        scannedAt: new Date(s0 + i * 1000).toISOString(),
      })
    }
    const forged = {
      token: 'A'.repeat(64),
      direction: 'in' as const,
      nonce: 'ob-forged',
      scannedAt: new Date(s0).toISOString(),
    }
    const early = {
      token: await ticketOf(people[0]),
      direction: 'in' as const,
      nonce: 'ob-early',
      scannedAt: new Date(s0 - 3 * HOUR).toISOString(),
    }
    const future = {
      token: await ticketOf(people[1]),
      direction: 'in' as const,
      nonce: 'ob-future',
      scannedAt: new Date(s0 + 2 * HOUR).toISOString(),
    }
    const batch = [...scans, forged, early, future]
    const syncAt = at(90 * MIN) // the network came back during the event
    const first = expectOk(
      await call<SyncResult>(syncAt, 'syncTicketScans', { activityId: e.id, scans: batch }, PEOPLE.orgA),
    )
    expect(first).toMatchObject({ recorded: 40, repeated: 0, conflicts: 0, rejected: 3 })
    const outcome = (nonce: string) => first.outcomes.find((o) => o.nonce === nonce)!
    expect(outcome('ob-forged')).toMatchObject({ status: 'rejected', code: 'CODE_INVALID' })
    expect(outcome('ob-early')).toMatchObject({ status: 'rejected', code: 'CHECKIN_CLOSED' })
    expect(outcome('ob-future')).toMatchObject({ status: 'rejected', code: 'INVALID_INPUT' })
    // The out scans were listed before the in scans, yet applied after them: in time order.
    expect(outcome('ob-scan-out-3')).toMatchObject({ status: 'recorded', scan: { direction: 'out', method: 'ticket' } })
    const snapshot = async () =>
      (
        await w.db.query(
          'select registration_id, direction, scanned_at, nonce, superseded_by from checkin_scan where activity_id = $1 order by id',
          [e.id],
        )
      ).rows
    const after = await snapshot()
    expect(after).toHaveLength(40)
    for (let replay = 0; replay < 3; replay++) {
      const again = expectOk(
        await call<SyncResult>(
          syncAt,
          'syncTicketScans',
          { activityId: e.id, scans: [...batch].reverse() },
          PEOPLE.orgA,
        ),
      )
      expect(again).toMatchObject({ recorded: 0, repeated: 40, conflicts: 0, rejected: 3 })
      expect(await snapshot()).toEqual(after)
    }
    const hoursAt = createFunction<HoursActions>('hours', hoursActions, { clock: () => new Date(s0 + 3 * HOUR) })
    const preview = expectOk(
      await call<{ items: { registrationId: string; days: { presentMinutes: number }[] }[] }>(
        hoursAt,
        'preview',
        { activityId: e.id },
        PEOPLE.orgA,
      ),
    )
    expect(preview.items).toHaveLength(20)
    expect(preview.items.find((i) => i.registrationId === regs[people[5]])!.days[0].presentMinutes).toBe(60)
    // Sender checks: only the event's organisers, at most 200 scans a call.
    expect(
      await call(syncAt, 'syncTicketScans', { activityId: e.id, scans: batch.slice(0, 2) }, PEOPLE.orgB),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const tooMany = Array.from({ length: 201 }, (_, i) => ({ ...scans[0], nonce: `too-many-${i}` }))
    expect(await call(syncAt, 'syncTicketScans', { activityId: e.id, scans: tooMany }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })

  test('the same ticket scanned on two devices: the earliest stands, the rest are reported', async () => {
    const { e, s0, at, regs } = await eventWith(['d:1', 'd:2'])
    const t1 = expectOk(await call<Ticket>(at(0), 'ticket', { activityId: e.id }, 'd:1')).token
    const t2 = expectOk(await call<Ticket>(at(0), 'ticket', { activityId: e.id }, 'd:2')).token
    // Device A is online and scans d:1 at 09:05; device B scanned d:1 offline at 09:00 and d:2 twice.
    expectOk(
      await call(
        at(5 * MIN),
        'scanTicket',
        { activityId: e.id, token: t1, direction: 'in', nonce: 'device-a-1' },
        PEOPLE.orgA,
      ),
    )
    const deviceB = [
      { token: t1, direction: 'in' as const, nonce: 'device-b-1', scannedAt: new Date(s0).toISOString() },
      { token: t2, direction: 'in' as const, nonce: 'device-b-2', scannedAt: new Date(s0 + 2 * MIN).toISOString() },
    ]
    const deviceC = [
      { token: t2, direction: 'in' as const, nonce: 'device-c-1', scannedAt: new Date(s0 + 3 * MIN).toISOString() },
    ]
    const b = expectOk(
      await call<SyncResult>(at(30 * MIN), 'syncTicketScans', { activityId: e.id, scans: deviceB }, PEOPLE.orgA),
    )
    expect(b).toMatchObject({ recorded: 2, conflicts: 0 })
    const c = expectOk(
      await call<SyncResult>(at(31 * MIN), 'syncTicketScans', { activityId: e.id, scans: deviceC }, PEOPLE.orgA),
    )
    expect(c).toMatchObject({
      recorded: 0,
      conflicts: 1,
      outcomes: [{ status: 'conflict', message: expect.stringContaining('以最早一次为准') }],
    })
    // d:1's 09:05 scan is superseded by the earlier 09:00 one: one standing check-in each.
    const standing = (
      await w.db.query<{ registration_id: string; scanned_at: Date }>(
        'select registration_id, scanned_at from checkin_scan where activity_id = $1 and superseded_by is null order by scanned_at',
        [e.id],
      )
    ).rows
    expect(standing.map((r) => [r.registration_id, r.scanned_at.getTime() - s0])).toEqual([
      [regs['d:1'], 0],
      [regs['d:2'], 2 * MIN],
    ])
    const board = expectOk(await call<CheckinBoard>(at(31 * MIN), 'board', { activityId: e.id }, PEOPLE.orgA))
    expect(board.checkedIn).toBe(2)
  })

  test('scans synced after hours were closed refresh the pending entries', async () => {
    const { e, s0, at } = await eventWith(['late:1'])
    const token = expectOk(await call<Ticket>(at(0), 'ticket', { activityId: e.id }, 'late:1')).token
    expectOk(
      await call(at(0), 'scanTicket', { activityId: e.id, token, direction: 'in', nonce: 'late-in-1' }, PEOPLE.orgA),
    )
    const hoursAt = createFunction<HoursActions>('hours', hoursActions, { clock: () => new Date(s0 + 4 * HOUR) })
    expect(expectOk(await call(hoursAt, 'close', { activityId: e.id }, PEOPLE.orgA))).toEqual({
      pending: 1,
      needsReview: 1,
    })
    const scan = {
      token,
      direction: 'out' as const,
      nonce: 'late-out-1',
      scannedAt: new Date(s0 + 2 * HOUR - MIN).toISOString(),
    }
    expectOk(await call(at(2 * HOUR + 30 * MIN), 'syncTicketScans', { activityId: e.id, scans: [scan] }, PEOPLE.orgA))
    const review = expectOk(await call<EventHours>(hoursAt, 'review', { activityId: e.id }, PEOPLE.orgA))
    expect(review.entries).toEqual([expect.objectContaining({ needsReview: false, hours: 1.5, minutes: 119 })])
  })
})

test('a ticket token issued for another event never syncs into this one', async () => {
  const { e, s0, regs } = await eventWith(['x:1'])
  const other = await eventWith(['x:2'])
  const foreign = issueTicket({
    secret: process.env.QINGJU_TICKET_SECRET!,
    registrationId: regs['x:1'],
    eventId: e.id,
    ticketVersion: 1,
  })
  const r = expectOk(
    await call<SyncResult>(
      other.at(10 * MIN),
      'syncTicketScans',
      {
        activityId: other.e.id,
        scans: [
          {
            token: foreign,
            direction: 'in',
            nonce: 'foreign-1',
            scannedAt: new Date(Date.parse(other.e.startAt)).toISOString(),
          },
        ],
      },
      PEOPLE.orgA,
    ),
  )
  expect(r.outcomes[0]).toMatchObject({ status: 'rejected', code: 'WRONG_EVENT' })
  expect(s0).toBeGreaterThan(0)
})

test('checking in marks the registration attended (self-scan, ticket, offline sync); checking out leaves it', async () => {
  const { e, s0, at, regs } = await eventWith(['att:self', 'att:ticket', 'att:sync', 'att:absent'])
  const state = async (who: string) =>
    (await w.db.query<{ state: string }>('select state from registration where id = $1', [regs[who]])).rows[0].state
  const code = expectOk(await call<SiteCode>(at(0), 'siteCode', { activityId: e.id, direction: 'in' }, PEOPLE.orgA))
  expectOk(await call(at(0), 'scan', { activityId: e.id, shortCode: code.shortCode, nonce: nonce() }, 'att:self'))
  const t1 = expectOk(await call<Ticket>(at(0), 'ticket', { activityId: e.id }, 'att:ticket')).token
  expectOk(
    await call(at(0), 'scanTicket', { activityId: e.id, token: t1, direction: 'in', nonce: nonce() }, PEOPLE.orgA),
  )
  const t2 = expectOk(await call<Ticket>(at(0), 'ticket', { activityId: e.id }, 'att:sync')).token
  expectOk(
    await call(
      at(HOUR),
      'syncTicketScans',
      {
        activityId: e.id,
        scans: [{ token: t2, direction: 'in', nonce: nonce(), scannedAt: new Date(s0 + 60_000).toISOString() }],
      },
      PEOPLE.orgA,
    ),
  )
  expect([
    await state('att:self'),
    await state('att:ticket'),
    await state('att:sync'),
    await state('att:absent'),
  ]).toEqual(['attended', 'attended', 'attended', 'confirmed'])
  // An attended person checks out as before.
  const out = expectOk(await call<SiteCode>(at(HOUR), 'siteCode', { activityId: e.id, direction: 'out' }, PEOPLE.orgA))
  expect(
    expectOk(
      await call<ScanResult>(
        at(HOUR),
        'scan',
        { activityId: e.id, shortCode: out.shortCode, nonce: nonce() },
        'att:self',
      ),
    ).direction,
  ).toBe('out')
  expect(await state('att:self')).toBe('attended')
  // In 我的活动 a checked-in event stays under upcoming until it ends, then moves to past.
  const myList = (offset: number, tab: string) =>
    call<{ items: { activity: { id: string }; state: string }[] }>(
      createFunction<SignupActions>('signup', signupActions, { clock: () => new Date(s0 + offset) }),
      'myList',
      { tab },
      'att:self',
    )
  expect(expectOk(await myList(HOUR, 'upcoming')).items.map((i) => [i.activity.id, i.state])).toEqual([
    [e.id, 'attended'],
  ])
  expect(expectOk(await myList(HOUR, 'past')).items.map((i) => i.activity.id)).not.toContain(e.id)
  expect(expectOk(await myList(3 * HOUR, 'past')).items.map((i) => i.activity.id)).toContain(e.id)
})
