/**
 * Tiered identity (issue 11, defect 6: anyone could sign up with no name and no phone): a phone
 * bound from WeChat's phone button (locally, the host's stand-in code), a reachable phone for every
 * sign-up, a real name where the event needs one, no minors at mixers, and a guardian's consent for
 * under-14s. People here are made explicitly with or without each fact; both sign-up paths are
 * checked (the one-statement write is driven directly as well, to show it never writes for someone
 * the rule would refuse).
 */
import type { AddressInfo } from 'net'
import type { Server } from 'http'
import { mkdtempSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { ManagedActivity } from '@api/activity'
import type { BoundPhone } from '@api/session'
import type { Profile, Registration, SignupSettingsInput } from '@api/signup'
import { main as session } from '../../cloudfunctions/session/src'
import { main as signup } from '../../cloudfunctions/signup/src'
import { createHostServer } from '../../host/server'
import { identityGuard, identityNeeds } from '../../server/domain/signup/identity'
import { issueDevSession } from '../../server/platform/dev-session'
import { issuePhoneCode, PHONE_CODE_TTL_SECONDS } from '../../server/platform/phone-code'
import { cachedSignupEvent, forgetSignupEvent, writeSignupAs } from '../../server/store/signups'
import { call, expectOk, tokenFor } from '../support/call'
import { PEOPLE, publishedEvent, useWorld } from '../support/world'

const w = useWorld()
const SECRET = process.env.QINGJU_DEV_SESSION_SECRET!
const DAY = 24 * 3600_000

let n = 0
const key = () => `id-key-${Date.now()}-${++n}-abcdef`
const newPerson = () => `id:${++n}`

/** A person as the database holds them: only what the test gives. */
async function person(
  facts: { phone?: string; realName?: string; birthDate?: string; guardianConsent?: boolean } = {},
): Promise<string> {
  const openid = newPerson()
  await w.db.query(
    `insert into app_user (openid, phone, real_name, birth_date, guardian_name, guardian_phone, guardian_consent_at)
     values ($1, $2, $3, $4::date, $5, $6, $7)`,
    [
      openid,
      facts.phone ?? null,
      facts.realName ?? null,
      facts.birthDate ?? null,
      facts.guardianConsent ? '监护人' : null,
      facts.guardianConsent ? '13905119999' : null,
      facts.guardianConsent ? new Date() : null,
    ],
  )
  return openid
}

const PHONE = '13905110042'

/** A published event starting 10 days from now (2026-12-05, 10:00 in Shanghai on the test clock). */
async function eventOf(
  kind: 'reading' | 'mixer' | 'hours' = 'reading',
  settings: SignupSettingsInput = {},
): Promise<ManagedActivity> {
  const e = await publishedEvent(w, { capacity: 50 })
  if (kind === 'mixer') await w.db.query("update activity set category = 'social_mixer' where id = $1", [e.id])
  if (kind === 'hours') {
    await w.db.query("update activity set category = 'tree_planting', records_service_hours = true where id = $1", [
      e.id,
    ])
  }
  if (Object.keys(settings).length) {
    expectOk(await call(signup, 'settings', { activityId: e.id, settings }, PEOPLE.orgA))
  }
  forgetSignupEvent(e.id)
  return e
}

const signUp = (activityId: string, who: string) =>
  call<Registration>(signup, 'signup', { activityId, idempotencyKey: key() }, who)

async function registrations(activityId: string): Promise<number> {
  const { rows } = await w.db.query('select 1 from registration where activity_id = $1', [activityId])
  return rows.length
}

describe('binding a phone from the phone button', () => {
  test('a good code binds the number it vouches for, marked verified', async () => {
    const who = await person()
    const bound = await call<BoundPhone>(session, 'bindPhone', { code: issuePhoneCode(PHONE, SECRET, new Date()) }, who)
    expect(bound).toEqual({ ok: true, data: { phone: PHONE, phoneVerified: true } })
    expect(expectOk(await call<Profile>(signup, 'profile', undefined, who))).toMatchObject({
      phone: PHONE,
      phoneVerified: true,
    })
    const { rows } = await w.db.query('select phone_verified_at from app_user where openid = $1', [who])
    expect(rows[0].phone_verified_at).toBeInstanceOf(Date)
  })

  test('a newcomer binds a phone on first contact', async () => {
    const who = newPerson()
    expectOk(await call(session, 'bindPhone', { code: issuePhoneCode(PHONE, SECRET, new Date()) }, who))
    expect(expectOk(await call<Profile>(signup, 'profile', undefined, who)).phone).toBe(PHONE)
  })

  test.each([
    ['forged with another key', () => issuePhoneCode(PHONE, 'not-the-secret', new Date())],
    [
      'altered to another number',
      () => {
        const [, mac] = issuePhoneCode(PHONE, SECRET, new Date()).split('.')
        const body = Buffer.from(JSON.stringify({ use: 'phone', phone: '13900000000', exp: 4e9 })).toString('base64url')
        return `${body}.${mac}`
      },
    ],
    ['expired', () => issuePhoneCode(PHONE, SECRET, new Date(Date.now() - PHONE_CODE_TTL_SECONDS * 1000 - 1000))],
    ['a dev session token, not a phone code', () => issueDevSession('someone', SECRET)],
    ['garbage', () => 'abc'],
  ])('a code %s is refused, and nothing is bound', async (_label, code) => {
    const who = await person()
    expect(await call(session, 'bindPhone', { code: code() }, who)).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '手机号授权已失效，请重新点击获取手机号',
      fields: { code: '授权已失效' },
    })
    const { rows } = await w.db.query('select phone, phone_verified_at from app_user where openid = $1', [who])
    expect(rows[0]).toEqual({ phone: null, phone_verified_at: null })
  })

  test.each(['12345', '+1 4155550100', '23905112233'])(
    'a number %s that is not a mainland mobile is refused',
    async (p) => {
      const who = await person()
      expect(await call(session, 'bindPhone', { code: issuePhoneCode(p, SECRET, new Date()) }, who)).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        message: '目前仅支持绑定中国大陆手机号',
      })
      const { rows } = await w.db.query('select phone from app_user where openid = $1', [who])
      expect(rows[0].phone).toBeNull()
    },
  )

  test('anonymous callers cannot bind a phone', async () => {
    expect(await call(session, 'bindPhone', { code: issuePhoneCode(PHONE, SECRET, new Date()) })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    })
  })

  test('a typed phone in the profile is refused as INVALID_INPUT, and the bound one stays', async () => {
    const who = await person({ phone: PHONE })
    expect(await call(signup, 'updateProfile', { phone: '13905110001' }, who)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    expect(expectOk(await call<Profile>(signup, 'profile', undefined, who)).phone).toBe(PHONE)
  })

  describe('the local stand-in at /api/_dev/phone-code', () => {
    let server: Server
    let base: string
    beforeAll(async () => {
      server = createHostServer({
        functions: { session },
        staticDir: null,
        filesDir: mkdtempSync(join(tmpdir(), 'qingju-identity-files-')),
        filesSecret: 'files-secret',
        devSessionSecret: SECRET,
        pool: () => w.db,
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`
    })
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${base}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
      return {
        status: res.status,
        json: (await res.json()) as { ok: boolean; code?: string; data?: { code?: string } },
      }
    }

    test('issues a code for a typed number to a signed-in person; bindPhone exchanges it', async () => {
      const who = await person()
      const issued = await post('_dev/phone-code', { phone: '13905110077' }, tokenFor(who))
      expect(issued.status).toBe(200)
      const bound = await post(
        'session',
        { action: 'bindPhone', data: { code: issued.json.data?.code } },
        tokenFor(who),
      )
      expect(bound.json).toEqual({ ok: true, data: { phone: '13905110077', phoneVerified: true } })
    })

    test('issues nothing without a session', async () => {
      expect(await post('_dev/phone-code', { phone: '13905110077' })).toMatchObject({
        status: 401,
        json: { ok: false, code: 'UNAUTHENTICATED' },
      })
      expect(await post('_dev/phone-code', { phone: '13905110077' }, 'forged.token')).toMatchObject({ status: 401 })
    })
  })
})

describe('a sign-up needs a reachable phone', () => {
  test('someone with no phone (and no name) is refused with IDENTITY_REQUIRED, and nothing is stored', async () => {
    const e = await eventOf()
    const who = await person()
    expect(await signUp(e.id, who)).toEqual({
      ok: false,
      code: 'IDENTITY_REQUIRED',
      message: '报名需要先绑定手机号',
      fields: { phone: '请绑定手机号' },
    })
    expect(await registrations(e.id)).toBe(0)
  })

  test('a first contact (no record at all) is refused too', async () => {
    const e = await eventOf()
    expect(await signUp(e.id, newPerson())).toMatchObject({ ok: false, code: 'IDENTITY_REQUIRED' })
    expect(await registrations(e.id)).toBe(0)
  })

  test('a phone that reaches nobody (typed before issue 11) counts as no phone', async () => {
    const e = await eventOf()
    expect(await signUp(e.id, await person({ phone: '12345' }))).toMatchObject({
      ok: false,
      code: 'IDENTITY_REQUIRED',
      fields: { phone: '请绑定手机号' },
    })
  })

  test('with the event in the cache (the one-statement path), still refused; after binding, signed up', async () => {
    const e = await eventOf()
    expectOk(await signUp(e.id, await person({ phone: PHONE }))) // loads the event into this instance's cache
    const who = await person()
    expect(await signUp(e.id, who)).toMatchObject({ ok: false, code: 'IDENTITY_REQUIRED' })
    expectOk(await call(session, 'bindPhone', { code: issuePhoneCode(PHONE, SECRET, new Date()) }, who))
    expect(expectOk(await signUp(e.id, who)).state).toBe('confirmed')
    expect(await registrations(e.id)).toBe(2)
  })
})

describe('some events need a real name', () => {
  test.each([
    ['a mixer', 'mixer' as const, {}],
    ['an event that earns volunteer hours', 'hours' as const, {}],
    ['an event whose organiser asks for it', 'reading' as const, { realNameRequired: true }],
  ])('%s: a phone alone is not enough', async (_label, kind, settings) => {
    const e = await eventOf(kind, settings)
    const who = await person({ phone: PHONE, birthDate: '1995-01-01' })
    expect(await signUp(e.id, who)).toEqual({
      ok: false,
      code: 'IDENTITY_REQUIRED',
      message: '本活动要求实名报名，请填写真实姓名',
      fields: { realName: '请填写真实姓名' },
    })
    expectOk(await call(signup, 'updateProfile', { realName: '王青' }, who))
    expect(expectOk(await signUp(e.id, who)).state).toBe('confirmed')
  })

  test('an hours event whose organiser waives it needs no real name; a plain event needs none', async () => {
    const waived = await eventOf('hours', { realNameRequired: false })
    expectOk(await signUp(waived.id, await person({ phone: PHONE })))
    const plain = await eventOf()
    expectOk(await signUp(plain.id, await person({ phone: PHONE })))
  })

  test('missing both, the answer names both', async () => {
    const e = await eventOf('hours')
    expect(await signUp(e.id, await person())).toEqual({
      ok: false,
      code: 'IDENTITY_REQUIRED',
      message: '报名前请先绑定手机号、填写真实姓名',
      fields: { phone: '请绑定手机号', realName: '请填写真实姓名' },
    })
  })
})

describe('minors', () => {
  // The event starts on 2026-12-05 (Shanghai): 18 on that day means born on or before 2008-12-05.
  test('a mixer refuses someone under 18 on its start day, and takes someone who turns 18 that day', async () => {
    const e = await eventOf('mixer')
    const minor = await person({ phone: PHONE, realName: '小李', birthDate: '2008-12-06' })
    expect(await signUp(e.id, minor)).toEqual({
      ok: false,
      code: 'NOT_ELIGIBLE',
      message: '交友联谊活动仅限年满 18 周岁的青年报名',
    })
    const adult = await person({ phone: PHONE, realName: '小王', birthDate: '2008-12-05' })
    expect(expectOk(await signUp(e.id, adult)).state).toBe('confirmed')
    expect(await registrations(e.id)).toBe(1)
  })

  test('a mixer asks for a birth date', async () => {
    const e = await eventOf('mixer')
    const who = await person({ phone: PHONE, realName: '小张' })
    expect(await signUp(e.id, who)).toEqual({
      ok: false,
      code: 'IDENTITY_REQUIRED',
      message: '本活动需要核实年龄，请填写出生日期',
      fields: { birthDate: '请填写出生日期' },
    })
    expectOk(await call(signup, 'updateProfile', { birthDate: '2000-03-01' }, who))
    expectOk(await signUp(e.id, who))
  })

  test('under 14 needs a guardian’s consent recorded before any sign-up', async () => {
    const e = await eventOf()
    const child = await person({ phone: PHONE, birthDate: '2012-12-06' }) // 13 on the start day
    expect(await signUp(e.id, child)).toEqual({
      ok: false,
      code: 'GUARDIAN_CONSENT_REQUIRED',
      message: '未满 14 周岁报名需要监护人同意，请先在个人资料中填写监护人信息并确认同意',
    })
    expect(await registrations(e.id)).toBe(0)
    // Consent must be explicit.
    expect(
      await call(signup, 'updateProfile', { guardian: { name: '李母', phone: '13905112233', consent: false } }, child),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const profile = expectOk(
      await call<Profile>(
        signup,
        'updateProfile',
        { guardian: { name: '李母', phone: '13905112233', consent: true } },
        child,
      ),
    )
    expect(profile.guardian).toEqual({ name: '李母', phone: '13905112233', consentAt: expect.any(String) })
    expect(expectOk(await signUp(e.id, child)).state).toBe('confirmed')
  })

  test('14 on the start day needs no guardian', async () => {
    const e = await eventOf()
    expectOk(await signUp(e.id, await person({ phone: PHONE, birthDate: '2012-12-05' })))
  })
})

describe('the one-statement write never writes for someone the rule refuses', () => {
  const cases: [string, 'reading' | 'mixer' | 'hours', Parameters<typeof person>[0]][] = [
    ['no phone', 'reading', {}],
    ['a phone that reaches nobody', 'reading', { phone: '12345' }],
    ['no real name at an hours event', 'hours', { phone: PHONE }],
    ['a blank real name at an hours event', 'hours', { phone: PHONE, realName: '  ' }],
    ['no birth date at a mixer', 'mixer', { phone: PHONE, realName: '小张' }],
    ['17 at a mixer', 'mixer', { phone: PHONE, realName: '小张', birthDate: '2008-12-06' }],
    ['13 without consent', 'reading', { phone: PHONE, birthDate: '2012-12-06' }],
    [
      '14 without consent (conservatively under 15: the full path decides)',
      'reading',
      { phone: PHONE, birthDate: '2011-12-06' },
    ],
  ]
  test.each(cases)('%s: it writes nothing and sends the call to the full path', async (_label, kind, facts) => {
    const e = await eventOf(kind)
    const who = await person(facts)
    const seen = (await cachedSignupEvent(w.db, e.id))!
    const written = await writeSignupAs(w.db, {
      activityId: e.id,
      openid: who,
      seen,
      quotaKey: '',
      idempotencyKey: key(),
      answers: {},
      remind: false,
      now: new Date(),
      mode: { kind: 'seat', waitlist: true },
      identity: identityGuard(identityNeeds(seen.event, seen.event.settings), seen.event.startAt),
    })
    expect(written.outcome).toBe('incomplete')
    expect(await registrations(e.id)).toBe(0)
  })

  test('for someone with all it needs, it writes', async () => {
    const e = await eventOf('mixer')
    const who = await person({ phone: PHONE, realName: '小张', birthDate: '2008-12-05' })
    const seen = (await cachedSignupEvent(w.db, e.id))!
    const written = await writeSignupAs(w.db, {
      activityId: e.id,
      openid: who,
      seen,
      quotaKey: '',
      idempotencyKey: key(),
      answers: {},
      remind: false,
      now: new Date(),
      mode: { kind: 'seat', waitlist: true },
      identity: identityGuard(identityNeeds(seen.event, seen.event.settings), seen.event.startAt),
    })
    expect(written.outcome).toBe('written')
  })

  test('an event that became a mixer after it was cached is not written against the old copy', async () => {
    const e = await eventOf()
    const who = await person({ phone: PHONE, realName: '小张', birthDate: '2009-01-01' })
    const seen = (await cachedSignupEvent(w.db, e.id))!
    await w.db.query("update activity set category = 'social_mixer' where id = $1", [e.id])
    const written = await writeSignupAs(w.db, {
      activityId: e.id,
      openid: who,
      seen,
      quotaKey: '',
      idempotencyKey: key(),
      answers: {},
      remind: false,
      now: new Date(),
      mode: { kind: 'seat', waitlist: true },
      identity: identityGuard(identityNeeds(seen.event, seen.event.settings), seen.event.startAt),
    })
    expect(written.outcome).toBe('stale')
    forgetSignupEvent(e.id)
    expect(await signUp(e.id, who)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' })
  })
})

test('the day used is the event’s start day: a start day 10 days on is what makes 2008-12-05 an adult', () => {
  expect(new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10)).toBe('2026-12-05')
})
