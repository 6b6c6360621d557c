/**
 * Rate limits (issue 11) through the real functions: wrong typed check-in codes per person per
 * event (5 in 10 minutes, then every typed code is refused, even the right one, until the window
 * ends), and sign-up calls per person (30 a minute). The counters are in PostgreSQL; that they
 * hold across two host processes is tests/host/rate-limit-instances.test.ts.
 */
import type { CheckinActions, ScanResult, SiteCode } from '@api/checkin'
import type { Registration, SignupActions } from '@api/signup'
import { actions } from '../../cloudfunctions/checkin/src'
import { actions as signupActions } from '../../cloudfunctions/signup/src'
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
