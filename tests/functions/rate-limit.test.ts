/**
 * Rate limits (issue 11) through the real functions: wrong typed check-in codes per person per
 * event (5 in 10 minutes, then every typed code is refused, even the right one, until the window
 * ends), sign-up calls per person (30 a minute), unit applications (5 a day), wrong invite codes
 * (10 an hour, guessing-proof), exports (20 an hour) and every signed-in call (300 a minute,
 * counted per instance and sent in batches). The counters are in PostgreSQL; that they hold across
 * two host processes is tests/host/rate-limit-instances.test.ts.
 */
import { mkdtempSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { CheckinActions, ScanResult, SiteCode } from '@api/checkin'
import type { HoursActions } from '@api/hours'
import type { Invite, OrgActions } from '@api/org'
import type { PlanActions } from '@api/plan'
import type { SessionActions } from '@api/session'
import type { Registration, SignupActions } from '@api/signup'
import { actions } from '../../cloudfunctions/checkin/src'
import { actions as hoursActions } from '../../cloudfunctions/hours/src'
import { actions as orgActions } from '../../cloudfunctions/org/src'
import { actions as planActions } from '../../cloudfunctions/plan/src'
import { actions as sessionActions } from '../../cloudfunctions/session/src'
import { actions as signupActions } from '../../cloudfunctions/signup/src'
import { callLimiter } from '../../server/app/rate-limit'
import { CALL_BATCH } from '../../server/domain/rate-limit'
import { createFunction } from '../../server/runtime/function'
import { countHit } from '../../server/store/rate-limits'
import { call, callAsScheduler, expectOk } from '../support/call'
import { withPhones } from '../support/people'
import { PEOPLE, useWorld, publishedEvent } from '../support/world'

jest.setTimeout(120_000)

const MIN = 60_000
let n = 0
const nonce = () => `rate-nonce-${++n}`

const w = useWorld()

const checkinAt = (t: number) => createFunction<CheckinActions>('checkin', actions, { clock: () => new Date(t) })
const signupAt = (t: number) => createFunction<SignupActions>('signup', signupActions, { clock: () => new Date(t) })
const hoursAt = (t: number) => createFunction<HoursActions>('hours', hoursActions, { clock: () => new Date(t) })
const planAt = (t: number) => createFunction<PlanActions>('plan', planActions, { clock: () => new Date(t) })

async function person(openid: string) {
  await w.db.query('insert into app_user (openid, nickname) values ($1, $1) on conflict do nothing', [openid])
  await withPhones(w.db, [openid])
}

describe('wrong check-in codes', () => {
  test('5 wrong codes, then the 6th (even the right one) is RATE_LIMITED with the wait; after the window it works', async () => {
    const e = await publishedEvent(w, { capacity: 5 })
    const s0 = Date.parse(e.startAt)
    // 90 s into a 10-minute window that lies inside the check-in window: 8.5 minutes left, "9 分钟".
    const t = Math.floor((s0 + MIN) / (10 * MIN)) * 10 * MIN + 10 * MIN + 90_000
    for (const who of ['rl:guesser', 'rl:other']) {
      await person(who)
      expectOk(
        await call<Registration>(
          signupAt(Date.now()),
          'signup',
          { activityId: e.id, idempotencyKey: `k-${who.replace(':', '_')}-ratelimit` },
          who,
        ),
      )
    }
    const code = async (at: number) =>
      expectOk(await call<SiteCode>(checkinAt(at), 'siteCode', { activityId: e.id, direction: 'in' }, PEOPLE.orgA))
        .shortCode
    const right = await code(t)
    const wrong = right === '000000' ? '000001' : '000000'
    const scan = (at: number, shortCode: string, who = 'rl:guesser') =>
      call<ScanResult>(checkinAt(at), 'scan', { activityId: e.id, shortCode, nonce: nonce() }, who)

    for (let i = 1; i <= 5; i++)
      expect(await scan(t + i * 1000, wrong)).toMatchObject({ ok: false, code: 'CODE_INVALID' })
    const limited = { ok: false, code: 'RATE_LIMITED', message: '尝试次数过多，请 9 分钟后再试' }
    // The right code now answers the same as a wrong one: a guess learns nothing.
    expect(await scan(t + 6000, right)).toMatchObject(limited)
    expect(await scan(t + 7000, wrong)).toMatchObject(limited)
    expect(await w.db.query('select 1 from checkin_scan where activity_id = $1', [e.id])).toMatchObject({ rowCount: 0 })
    // The wait counts down to the window's end.
    expect(await scan(t + 7.5 * MIN, right)).toMatchObject({ ...limited, message: '尝试次数过多，请 1 分钟后再试' })
    // Another person at the same event is not held back.
    expect(expectOk(await scan(t + 8000, right, 'rl:other'))).toMatchObject({ direction: 'in' })
    // After the window the guesser's right code checks in.
    const later = t + 9 * MIN
    expect(expectOk(await scan(later, await code(later)))).toMatchObject({ direction: 'in', method: 'site_code' })
  })

  test('the limit is per event: 5 wrong codes at one event leave another event open', async () => {
    const [a, b] = [await publishedEvent(w), await publishedEvent(w)]
    const t = Date.parse(a.startAt) + 20_000
    await person('rl:two-events')
    const scan = (activityId: string, shortCode: string) =>
      call(checkinAt(t), 'scan', { activityId, shortCode, nonce: nonce() }, 'rl:two-events')
    for (const id of [a.id, b.id])
      expectOk(await call(checkinAt(t), 'siteCode', { activityId: id, direction: 'in' }, PEOPLE.orgA))
    for (let i = 0; i < 6; i++) await scan(a.id, '000000')
    expect(await scan(a.id, '000000')).toMatchObject({ code: 'RATE_LIMITED' })
    expect(await scan(b.id, '000000')).toMatchObject({ code: 'CODE_INVALID' })
  })
})

describe('sign-ups', () => {
  test('past 30 counted sign-up calls a minute a person is RATE_LIMITED until the minute ends', async () => {
    const e = await publishedEvent(w, { capacity: 5 })
    await person('rl:spammer')
    await person('rl:calm')
    // 10 s into a minute: "1 分钟".
    const t = Math.floor(Date.now() / MIN) * MIN + 10_000
    const signUp = (at: number, i: number, who = 'rl:spammer') =>
      call<Registration>(
        signupAt(at),
        'signup',
        { activityId: e.id, idempotencyKey: `spam-${who.replace(':', '_')}-${i}-xxxxxxxx` },
        who,
      )
    // The sign-up that takes a place in one statement is not counted; every call after it is.
    expectOk(await signUp(t, 0))
    for (let i = 1; i <= 30; i++)
      expect(await signUp(t + i, i)).toMatchObject({ ok: false, code: 'ALREADY_REGISTERED' })
    expect(await signUp(t + 31, 31)).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
      message: '操作过于频繁，请 1 分钟后再试',
    })
    // A retry of the first call still answers what it got: it writes nothing and is not counted.
    expect(expectOk(await signUp(t + 32, 0)).activityId).toBe(e.id)
    expect(await signUp(t + 32, 32)).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    // Someone else signs up as usual.
    expectOk(await signUp(t + 33, 0, 'rl:calm'))
    // The next minute the person is answered again.
    expect(await signUp(t + MIN, 32)).toMatchObject({ ok: false, code: 'ALREADY_REGISTERED' })
    expect(expectOk(await signUp(t + MIN + 1, 0)).activityId).toBe(e.id)
  })

  test('a FULL answer is counted: the 31st in a minute is RATE_LIMITED', async () => {
    const e = await publishedEvent(w, { capacity: 1 })
    await w.db.query(
      `update activity set signup_settings = jsonb_set(coalesce(signup_settings, '{}'), '{waitlist}', 'false') where id = $1`,
      [e.id],
    )
    await person('rl:first')
    await person('rl:late')
    const t = Math.floor(Date.now() / MIN) * MIN + 10_000
    const signUp = (i: number, who = 'rl:late') =>
      call<Registration>(
        signupAt(t + i),
        'signup',
        { activityId: e.id, idempotencyKey: `full-${who.replace(':', '_')}-${i}-xxxxxxxx` },
        who,
      )
    expectOk(await signUp(0, 'rl:first'))
    for (let i = 1; i <= 30; i++) expect(await signUp(i)).toMatchObject({ ok: false, code: 'FULL' })
    expect(await signUp(31)).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })
})

describe('the counters', () => {
  test('the signup sweep deletes the counters of windows that have ended, and only those', async () => {
    const t = Date.now()
    const row = (subject: string, end: number) => ({
      districtId: w.districtId,
      bucket: 'signup',
      subject,
      windowStart: new Date(end - MIN),
      expiresAt: new Date(end),
    })
    await countHit(w.db, row('sweep:ended', t - 1000))
    await countHit(w.db, row('sweep:open', t + 10 * MIN))
    expectOk(await callAsScheduler(signupAt(t), 'sweep'))
    const left = await w.db.query<{ subject: string }>("select subject from rate_limit where subject like 'sweep:%'")
    expect(left.rows).toEqual([{ subject: 'sweep:open' }])
  })

  test('a counter commits without waiting for the WAL flush, and leaves the session as it was', async () => {
    const client = await w.db.connect()
    try {
      await client.query('set synchronous_commit = on')
      const window = { districtId: w.districtId, bucket: 'signup', subject: 'session:check' }
      const at = { windowStart: new Date(0), expiresAt: new Date(MIN) }
      expect(await countHit(client, { ...window, ...at })).toBe(1)
      expect(await countHit(client, { ...window, ...at })).toBe(2)
      expect((await client.query('show synchronous_commit')).rows).toEqual([{ synchronous_commit: 'on' }])
    } finally {
      await client.query('reset synchronous_commit')
      client.release()
    }
  })
})

const orgAt = (t: number) => createFunction<OrgActions>('org', orgActions, { clock: () => new Date(t) })
const DAY = 24 * 60 * MIN
const HOUR = 60 * MIN

describe('unit applications', () => {
  test('5 a day a person, then RATE_LIMITED with the wait in hours; others unaffected; the next day resets', async () => {
    await person('rl:applicant')
    await person('rl:other-applicant')
    // 2 hours into a (UTC) day: 22 hours left.
    const t = Math.floor(Date.now() / DAY) * DAY + DAY + 2 * HOUR
    let k = 0
    const apply = (at: number, who = 'rl:applicant') =>
      call(
        orgAt(at),
        'apply',
        { name: `限流测试单位${++k}团委`, kind: 'other', contactName: '王老师', contactPhone: '13905110001' },
        who,
      )
    for (let i = 0; i < 5; i++) expectOk(await apply(t + i))
    expect(await apply(t + 10)).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
      message: '操作过于频繁，请 22 小时后再试',
    })
    expect(await w.db.query('select 1 from org_unit where name = $1', [`限流测试单位${k}团委`])).toMatchObject({
      rowCount: 0,
    })
    expectOk(await apply(t + 20, 'rl:other-applicant'))
    expectOk(await apply(t + DAY))
  })
})

describe('invite codes', () => {
  test('10 wrong codes an hour, then even the right code is RATE_LIMITED; others unaffected; the next hour works', async () => {
    await person('rl:inviter-guess')
    await person('rl:invited')
    const t = Math.floor(Date.now() / HOUR) * HOUR + HOUR + 30 * MIN // 30 minutes left in the hour
    const { code } = expectOk(await call<Invite>(orgAt(t), 'createInvite', { unitId: w.unitA }, PEOPLE.orgA))
    const wrong = code.startsWith('2') ? `3${code.slice(1)}` : `2${code.slice(1)}`
    const accept = (at: number, c: string, who = 'rl:inviter-guess') =>
      call(orgAt(at), 'acceptInvite', { code: c }, who)
    for (let i = 1; i <= 10; i++)
      expect(await accept(t + i, wrong)).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '邀请码无效或已过期' })
    const limited = { ok: false, code: 'RATE_LIMITED', message: '操作过于频繁，请 30 分钟后再试' }
    expect(await accept(t + 20, code)).toMatchObject(limited)
    expect(await accept(t + 21, wrong)).toMatchObject(limited)
    const members = () =>
      w.db.query("select 1 from unit_member m join app_user u on u.id = m.user_id where u.openid = 'rl:inviter-guess'")
    expect(await members()).toMatchObject({ rowCount: 0 })
    expect(expectOk(await accept(t + 22, code, 'rl:invited'))).toMatchObject({ id: w.unitA })
    expect(expectOk(await accept(t + HOUR, code))).toMatchObject({ id: w.unitA })
    expect(await members()).toMatchObject({ rowCount: 1 })
  })
})

describe('exports', () => {
  test('20 an hour a person across every export (rosters, sheets, lists, my data), then RATE_LIMITED; others unaffected; the next hour resets', async () => {
    process.env.QINGJU_FILES_DIR = mkdtempSync(join(tmpdir(), 'qingju-rate-limit-files-'))
    const e = await publishedEvent(w)
    const t = Math.floor(Date.now() / HOUR) * HOUR + 2 * HOUR + 50 * MIN // 10 minutes left
    const roster = (at: number, who: string = PEOPLE.orgA) =>
      call(signupAt(at), 'exportRoster', { activityId: e.id }, who)
    const sheet = (at: number) => call(hoursAt(at), 'exportSheet', { year: w.year }, PEOPLE.admin)
    const list = (at: number) => call(planAt(at), 'exportXlsx', { year: w.year }, PEOPLE.admin)
    for (let i = 0; i < 20; i++) expectOk(await roster(t + i))
    const limited = { ok: false, code: 'RATE_LIMITED', message: '操作过于频繁，请 10 分钟后再试' }
    expect(await roster(t + 30)).toMatchObject(limited)
    // The district admin's own exports count on their own counter, all kinds together.
    for (let i = 0; i < 10; i++) expectOk(await sheet(t + i))
    for (let i = 0; i < 10; i++) expectOk(await list(t + i))
    expect(await sheet(t + 40)).toMatchObject(limited)
    expect(await list(t + 41)).toMatchObject(limited)
    expect(await roster(t + 42, PEOPLE.admin)).toMatchObject(limited)
    // A person's own data export (我的数据) is an export too.
    const mine = (at: number) =>
      call(
        createFunction<SessionActions>('session', sessionActions, { clock: () => new Date(at) }),
        'exportMyData',
        {},
        PEOPLE.youth,
      )
    for (let i = 0; i < 20; i++) expectOk(await mine(t + i))
    expect(await mine(t + 43)).toMatchObject(limited)
    expectOk(await roster(t + HOUR))
  })
})

describe('calls per person a minute, every signed-in action', () => {
  test('300 a minute, then RATE_LIMITED in every function; others unaffected; the next minute resets', async () => {
    const limitCalls = callLimiter()
    const session = (at: number) =>
      createFunction<SessionActions>('session', sessionActions, { clock: () => new Date(at), limitCalls })
    const orgFn = (at: number) =>
      createFunction<OrgActions>('org', orgActions, { clock: () => new Date(at), limitCalls })
    await person('rl:busy')
    await person('rl:quiet')
    const t = Math.floor(Date.now() / MIN) * MIN + 5 * MIN + 10_000 // 50 s left
    const counted = () =>
      w.db.query<{ hits: number }>("select hits from rate_limit where bucket = 'calls' and subject = 'rl:busy'")
    for (let i = 1; i <= 15; i++) expectOk(await call(session(t + i), 'me', undefined, 'rl:busy'))
    // Counted in memory and added to the shared counter 10 at a time.
    expect((await counted()).rows).toEqual([{ hits: 10 }])
    for (let i = 16; i <= 300; i++)
      expectOk(await call(i % 2 ? session(t + i) : orgFn(t + i), i % 2 ? 'me' : 'myApplications', undefined, 'rl:busy'))
    // Near the limit every call is sent: the shared counter is exact.
    expect((await counted()).rows).toEqual([{ hits: 300 }])
    const limited = { ok: false, code: 'RATE_LIMITED', message: '操作过于频繁，请 1 分钟后再试' }
    expect(await call(session(t + 400), 'me', undefined, 'rl:busy')).toMatchObject(limited)
    expect(await call(orgFn(t + 401), 'myApplications', undefined, 'rl:busy')).toMatchObject(limited)
    // Public actions are not counted; someone else is answered as usual.
    expectOk(await call(orgFn(t + 402), 'units', {}, 'rl:busy'))
    expectOk(await call(session(t + 403), 'me', undefined, 'rl:quiet'))
    expectOk(await call(session(t + MIN), 'me', undefined, 'rl:busy'))
  })

  test('two instances on one database: refused within the written slack, 300 + 2 × 9', async () => {
    const [a, b] = [callLimiter(), callLimiter()]
    const at = Math.floor(Date.now() / MIN) * MIN + 9 * MIN
    const fn = (limitCalls: typeof a) =>
      createFunction<SessionActions>('session', sessionActions, { clock: () => new Date(at), limitCalls })
    const [fa, fb] = [fn(a), fn(b)]
    await person('rl:two-instances')
    let admitted = 0
    let refusedFrom = 0
    for (let i = 1; i <= 400; i++) {
      const r = await call(i % 2 ? fa : fb, 'me', undefined, 'rl:two-instances')
      if (r.ok) {
        expect(refusedFrom).toBe(0) // once refused, refused for the rest of the window
        admitted++
      } else {
        expect(r).toMatchObject({ code: 'RATE_LIMITED' })
        refusedFrom ||= i
      }
    }
    expect(admitted).toBeGreaterThanOrEqual(300)
    expect(admitted).toBeLessThanOrEqual(300 + 2 * (CALL_BATCH - 1))
  })
})
