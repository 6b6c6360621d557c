/**
 * Walk-ins with consent (issue 11, defect 2), through the real `checkin` function: the organiser
 * scans the identity code (身份码) on the person's own screen; a typed phone number never names
 * anyone. Forged, malformed, expired and other people's codes, other units' organisers, repeats.
 */
import type { CheckinActions, IdentityCode, ScanResult } from '@api/checkin'
import type { Registration } from '@api/signup'
import { actions } from '../../cloudfunctions/checkin/src'
import { main as signup } from '../../cloudfunctions/signup/src'
import { IDENTITY_SLOT_MS, issueIdentityCode } from '../../server/domain/checkin/identity-code'
import { createFunction } from '../../server/runtime/function'
import { call, expectOk } from '../support/call'
import { withPhones } from '../support/people'
import { PEOPLE, publishedEvent, useWorld } from '../support/world'

jest.setTimeout(120_000)

const MIN = 60_000
let n = 0
const nonce = () => `walk-in-nonce-${++n}`

const w = useWorld()

/** A check-in event of unit A with `seats` seats, `booked` of them taken by people who signed up. */
async function walkInEvent(seats: number, booked: string[] = []) {
  const e = await publishedEvent(w, { capacity: seats, category: 'tree_planting', recordsServiceHours: true })
  const s0 = Date.parse(e.startAt)
  const at = (offset: number) =>
    createFunction<CheckinActions>('checkin', actions, { clock: () => new Date(s0 + offset) })
  for (const who of booked) {
    await person(who)
    await withPhones(w.db, [who], { realNames: true }) // a volunteer event: phone and real name to sign up
    expectOk(
      await call<Registration>(
        signup,
        'signup',
        { activityId: e.id, idempotencyKey: `k-${who.replace(/\W/g, '_')}-${e.id.slice(0, 6)}` },
        who,
      ),
    )
  }
  return { e, s0, at }
}

/**
 * A person who may join a walk-in event (a bound phone and a real name: it records volunteer hours),
 * unless `bare`: then with only what `extra` gives.
 */
async function person(
  openid: string,
  extra: { realName?: string; phone?: string; bare?: boolean } = {},
): Promise<string> {
  const r = await w.db.query<{ id: string }>(
    `insert into app_user (openid, nickname, real_name, phone) values ($1, $1, $2, $3)
     on conflict (openid) do update set openid = excluded.openid returning id`,
    [openid, extra.realName ?? null, extra.phone ?? null],
  )
  if (!extra.bare) await withPhones(w.db, [openid], { realNames: true })
  return r.rows[0].id
}

async function registrations(activityId: string) {
  const r = await w.db.query<{ openid: string; state: string }>(
    'select u.openid, r.state from registration r join app_user u on u.id = r.user_id where r.activity_id = $1 order by u.openid',
    [activityId],
  )
  return r.rows
}

/** The identity code `openid` shows on their screen at the function's clock. */
async function codeOf(fn: ReturnType<typeof createFunction>, openid: string): Promise<IdentityCode> {
  return expectOk(await call<IdentityCode>(fn, 'identityCode', {}, openid))
}

describe('defect 2: a typed phone number never reveals who it belongs to', () => {
  test('walkIn takes no phone: a known and an unknown number answer alike, with no name and no registration', async () => {
    const { e, at } = await walkInEvent(5)
    await person('wk:known', { realName: '王小明', phone: '13905112222', bare: true })
    const known = await call(
      at(10 * MIN),
      'walkIn',
      { activityId: e.id, phone: '13905112222', nonce: nonce() },
      PEOPLE.orgA,
    )
    const unknown = await call(
      at(10 * MIN),
      'walkIn',
      { activityId: e.id, phone: '13800000000', nonce: nonce() },
      PEOPLE.orgA,
    )
    expect(known).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(JSON.stringify(known)).not.toMatch(/王小明|wk:known/)
    // Same answer whether the number is someone's or nobody's: nothing to probe.
    expect(unknown).toEqual(known)
    // Even alongside a genuine identity code, a phone field is refused outright.
    const code = await codeOf(at(10 * MIN), 'wk:known')
    expect(
      await call(
        at(10 * MIN),
        'walkIn',
        { activityId: e.id, identityToken: code.token, phone: '13905112222', nonce: nonce() },
        PEOPLE.orgA,
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await registrations(e.id)).toEqual([])
  })

  test('the index that served the phone lookup is gone', async () => {
    const r = await w.db.query("select 1 from pg_indexes where indexname = 'app_user_phone_digits'")
    expect(r.rows).toEqual([])
  })
})

describe('my identity code', () => {
  test('names me on my screen, rotates each minute and never shows my id', async () => {
    const { at } = await walkInEvent(1)
    const id = await person('wk:me')
    const code = await codeOf(at(10 * MIN), 'wk:me')
    expect(code).toMatchObject({ nickname: 'wk:me' })
    expect(code.token).toMatch(/^[A-Za-z0-9_-]{56}$/)
    expect(code.token).not.toContain(id)
    expect(code.qrDataUrl.startsWith('data:image/png;base64,')).toBe(true)
    const now = Date.parse(code.serverNow)
    expect(Date.parse(code.rotatesAt)).toBeGreaterThan(now)
    expect(Date.parse(code.rotatesAt) - now).toBeLessThanOrEqual(IDENTITY_SLOT_MS)
    expect(Date.parse(code.validUntil) - Date.parse(code.rotatesAt)).toBe(IDENTITY_SLOT_MS)
    expect((await codeOf(at(10 * MIN), 'wk:me')).token).not.toBe(code.token) // salted: unrelated codes
  })

  test('needs a signed-in person', async () => {
    const { at } = await walkInEvent(1)
    expect(await call(at(0), 'identityCode', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })
})

describe('walk-in by identity code', () => {
  test('the person the code names is seated and checked in; a repeat with the same nonce changes nothing', async () => {
    const { e, at } = await walkInEvent(2, ['wk:booked']) // one seat left
    await person('wk:1', { realName: '李四' })
    const code = await codeOf(at(10 * MIN), 'wk:1')
    const req = { activityId: e.id, identityToken: code.token, nonce: 'walk-in-one' }
    const first = expectOk(await call<ScanResult>(at(10 * MIN), 'walkIn', req, PEOPLE.orgA))
    expect(first).toMatchObject({
      direction: 'in',
      method: 'walk_in',
      person: { nickname: 'wk:1', realName: '李四' },
      repeated: false,
    })
    expect(await registrations(e.id)).toEqual([
      { openid: 'wk:1', state: 'attended' },
      { openid: 'wk:booked', state: 'confirmed' },
    ])
    // A retry (network lost the answer), even after the code has expired, answers the first result.
    for (const later of [10 * MIN, 15 * MIN]) {
      const again = expectOk(await call<ScanResult>(at(later), 'walkIn', req, PEOPLE.orgA))
      expect(again).toMatchObject({ scanId: first.scanId, repeated: true, person: { nickname: 'wk:1' } })
    }
    const seats = await w.db.query('select seats_taken, capacity from activity where id = $1', [e.id])
    expect(seats.rows[0]).toEqual({ seats_taken: 2, capacity: 2 })
    expect(
      (await w.db.query('select count(*)::int as n from checkin_scan where activity_id = $1', [e.id])).rows[0].n,
    ).toBe(1)
  })

  test('each code registers the person it names, whoever scans it', async () => {
    const { e, at } = await walkInEvent(5)
    await person('wk:a')
    await person('wk:b')
    const a = await codeOf(at(10 * MIN), 'wk:a')
    const b = await codeOf(at(10 * MIN), 'wk:b')
    const byB = expectOk(
      await call<ScanResult>(
        at(10 * MIN),
        'walkIn',
        { activityId: e.id, identityToken: b.token, nonce: nonce() },
        PEOPLE.orgA,
      ),
    )
    expect(byB.person.nickname).toBe('wk:b')
    // The district admin may organise unit A's events too.
    const byA = expectOk(
      await call<ScanResult>(
        at(10 * MIN),
        'walkIn',
        { activityId: e.id, identityToken: a.token, nonce: nonce() },
        PEOPLE.admin,
      ),
    )
    expect(byA.person.nickname).toBe('wk:a')
    expect(await registrations(e.id)).toEqual([
      { openid: 'wk:a', state: 'attended' },
      { openid: 'wk:b', state: 'attended' },
    ])
  })

  test("a nonce already used for one person is never another person's walk-in", async () => {
    const { e, at } = await walkInEvent(5)
    await person('wk:n1')
    await person('wk:n2')
    const one = await codeOf(at(10 * MIN), 'wk:n1')
    const two = await codeOf(at(10 * MIN), 'wk:n2')
    expectOk(
      await call(
        at(10 * MIN),
        'walkIn',
        { activityId: e.id, identityToken: one.token, nonce: 'shared-nonce' },
        PEOPLE.orgA,
      ),
    )
    expect(
      await call(
        at(10 * MIN),
        'walkIn',
        { activityId: e.id, identityToken: two.token, nonce: 'shared-nonce' },
        PEOPLE.orgA,
      ),
    ).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await registrations(e.id)).toEqual([{ openid: 'wk:n1', state: 'attended' }])
  })

  test('forged, malformed, expired and early codes are refused, leaving nothing behind', async () => {
    const { e, s0, at } = await walkInEvent(5)
    const id = await person('wk:f')
    const forged = issueIdentityCode({
      secret: 'not-the-server-secret-0123456789',
      userId: id,
      now: new Date(s0 + 10 * MIN),
    })
    const genuine = await codeOf(at(10 * MIN), 'wk:f')
    const tampered = genuine.token.slice(0, 30) + (genuine.token[30] === 'A' ? 'B' : 'A') + genuine.token.slice(31)
    const cases: [string, number, string, string][] = [
      [forged, 10 * MIN, 'CODE_INVALID', '身份码无效'],
      [tampered, 10 * MIN, 'CODE_INVALID', '身份码无效'],
      ['13905112222', 10 * MIN, 'CODE_INVALID', '无法识别的身份码，请扫描对方「我的身份码」页面上的二维码'],
      [id, 10 * MIN, 'CODE_INVALID', '无法识别的身份码，请扫描对方「我的身份码」页面上的二维码'],
      // A screenshot from two minutes before, and a code from a clock running far ahead.
      [genuine.token, 12 * MIN, 'CODE_EXPIRED', '身份码已过期，请对方刷新后重新出示'],
      [genuine.token, 7 * MIN, 'CODE_EXPIRED', '身份码时间异常，请稍后重试'],
    ]
    for (const [identityToken, when, code, message] of cases) {
      expect(await call(at(when), 'walkIn', { activityId: e.id, identityToken, nonce: nonce() }, PEOPLE.orgA)).toEqual({
        ok: false,
        code,
        message,
      })
    }
    // Up to its last millisecond the genuine code still works.
    const lastMoment = Date.parse(genuine.validUntil) - 1 - s0
    expectOk(
      await call(
        at(lastMoment),
        'walkIn',
        { activityId: e.id, identityToken: genuine.token, nonce: nonce() },
        PEOPLE.orgA,
      ),
    )
  })

  test('one code, one event: a screenshot passed on cannot check its owner in at a second event', async () => {
    const first = await walkInEvent(5)
    const second = await walkInEvent(5)
    await person('wk:s')
    const code = await codeOf(first.at(10 * MIN), 'wk:s')
    const scan = (ev: typeof first, token: string, when = 10 * MIN) =>
      call<ScanResult>(
        ev.at(when),
        'walkIn',
        { activityId: ev.e.id, identityToken: token, nonce: nonce() },
        PEOPLE.orgA,
      )
    expectOk(await scan(first, code.token))
    expect(await scan(second, code.token)).toEqual({
      ok: false,
      code: 'CODE_EXPIRED',
      message: '该身份码已在其他活动使用，请对方刷新后重新出示',
    })
    expect(await registrations(second.e.id)).toEqual([])
    // At its own event the code may be scanned again (a second organiser's phone).
    expect(expectOk(await scan(first, code.token, 11 * MIN)).person.nickname).toBe('wk:s')
    // A fresh code on the person's own screen works at the second event.
    const fresh = await codeOf(second.at(11 * MIN), 'wk:s')
    expect(expectOk(await scan(second, fresh.token, 11 * MIN)).person.nickname).toBe('wk:s')
    // Spent codes are kept only while they could be accepted: a later walk-in clears them.
    await person('wk:later')
    expectOk(await scan(first, (await codeOf(first.at(20 * MIN), 'wk:later')).token, 20 * MIN))
    const kept = await w.db.query<{ n: number }>('select count(*)::int as n from identity_code_spent')
    expect(kept.rows[0].n).toBe(1)
  })

  test('a genuine code of nobody we know answers like a forged one', async () => {
    const { e, s0, at } = await walkInEvent(5)
    const ghost = issueIdentityCode({
      secret: process.env.QINGJU_TICKET_SECRET!,
      userId: '00000000-0000-4000-8000-000000000000',
      now: new Date(s0 + 10 * MIN),
    })
    expect(
      await call(at(10 * MIN), 'walkIn', { activityId: e.id, identityToken: ghost, nonce: nonce() }, PEOPLE.orgA),
    ).toEqual({
      ok: false,
      code: 'CODE_INVALID',
      message: '身份码无效',
    })
    expect(await registrations(e.id)).toEqual([])
  })

  test("another unit's organiser and a young person are refused before the code is read", async () => {
    const { e, at } = await walkInEvent(5)
    await person('wk:x')
    const code = await codeOf(at(10 * MIN), 'wk:x')
    for (const who of [PEOPLE.orgB, PEOPLE.youth]) {
      expect(
        await call(at(10 * MIN), 'walkIn', { activityId: e.id, identityToken: code.token, nonce: nonce() }, who),
      ).toEqual({ ok: false, code: 'FORBIDDEN', message: '只有本活动的组织者可以登记现场报名' })
      // Not even a bad code tells them anything else.
      expect(
        await call(at(10 * MIN), 'walkIn', { activityId: e.id, identityToken: 'garbage', nonce: nonce() }, who),
      ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
    expect(await registrations(e.id)).toEqual([])
  })

  test('full is refused; someone already seated is checked in without a second seat; a window closed is refused', async () => {
    const { e, at } = await walkInEvent(1, ['wk:seated'])
    await person('wk:late')
    const late = await codeOf(at(10 * MIN), 'wk:late')
    expect(
      await call(at(10 * MIN), 'walkIn', { activityId: e.id, identityToken: late.token, nonce: nonce() }, PEOPLE.orgA),
    ).toMatchObject({ ok: false, code: 'FULL' })
    const seated = await codeOf(at(11 * MIN), 'wk:seated')
    expect(
      expectOk(
        await call<ScanResult>(
          at(11 * MIN),
          'walkIn',
          { activityId: e.id, identityToken: seated.token, nonce: nonce() },
          PEOPLE.orgA,
        ),
      ).method,
    ).toBe('walk_in')
    expect((await w.db.query('select seats_taken from activity where id = $1', [e.id])).rows[0].seats_taken).toBe(1)
    const early = await codeOf(at(-3 * 60 * MIN), 'wk:late')
    expect(
      await call(
        at(-3 * 60 * MIN),
        'walkIn',
        { activityId: e.id, identityToken: early.token, nonce: nonce() },
        PEOPLE.orgA,
      ),
    ).toMatchObject({ ok: false, code: 'CHECKIN_CLOSED' })
    expect(await registrations(e.id)).toEqual([{ openid: 'wk:seated', state: 'attended' }])
  })
})

describe('a walk-in is a sign-up: the event asks the same of the person', () => {
  test('no bound phone, or no real name at a volunteer event: refused, naming what to add, and nothing written', async () => {
    const { e, at } = await walkInEvent(5)
    const noPhone = await person('wk:no-phone', { realName: '赵六', bare: true })
    const noName = await person('wk:no-name', { phone: '13905113333', bare: true })
    const answers = []
    for (const [openid, id] of [
      ['wk:no-phone', noPhone],
      ['wk:no-name', noName],
    ]) {
      const fn = at(10 * MIN)
      const { token } = await codeOf(fn, openid)
      expect(token).toBeTruthy()
      answers.push(await call(fn, 'walkIn', { activityId: e.id, identityToken: token, nonce: nonce() }, PEOPLE.orgA))
      expect(id).toBeTruthy()
    }
    expect(answers).toMatchObject([
      { ok: false, code: 'IDENTITY_REQUIRED', message: '对方需先在青聚「我的」中绑定手机号，才能现场报名' },
      { ok: false, code: 'IDENTITY_REQUIRED', message: '对方需先在青聚「我的」中填写真实姓名，才能现场报名' },
    ])
    expect(await registrations(e.id)).toEqual([])
  })

  test('under 14 without a guardian’s consent: refused; with it recorded: seated and checked in', async () => {
    const { e, s0, at } = await walkInEvent(5)
    await person('wk:child')
    const born = new Date(s0 - 12 * 365.25 * 24 * 3600_000).toISOString().slice(0, 10)
    await w.db.query('update app_user set birth_date = $2 where openid = $1', ['wk:child', born])
    const fn = at(10 * MIN)
    const first = await codeOf(fn, 'wk:child')
    expect(
      await call(fn, 'walkIn', { activityId: e.id, identityToken: first.token, nonce: nonce() }, PEOPLE.orgA),
    ).toMatchObject({ ok: false, code: 'GUARDIAN_CONSENT_REQUIRED' })
    await w.db.query(
      "update app_user set guardian_name = '赵妈妈', guardian_phone = '13905114444', guardian_consent_at = now() where openid = $1",
      ['wk:child'],
    )
    expectOk(await call(fn, 'walkIn', { activityId: e.id, identityToken: first.token, nonce: nonce() }, PEOPLE.orgA))
    expect(await registrations(e.id)).toEqual([{ openid: 'wk:child', state: 'attended' }])
  })
})
