/**
 * The audit log of reads of whole phone numbers (issue 11): a roster page that shows phones, an
 * organiser's change to a registration, the roster export, the hours export and the annual list
 * export each write one entry (who, when, what, the object, how many people's phones); a read that
 * fails writes none; only the district admin reads the log (org.auditLog), newest first, with names.
 */
import { mkdtempSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { AuditEntry, AuditLogPage, OrgActions } from '@api/org'
import type { Registration, RosterEntry, SignupActions } from '@api/signup'
import { main as hours } from '../../cloudfunctions/hours/src'
import { main as org, actions as orgActions } from '../../cloudfunctions/org/src'
import { main as plan } from '../../cloudfunctions/plan/src'
import { actions as signupActions, main as signup } from '../../cloudfunctions/signup/src'
import { currentPlatform } from '../../server/platform'
import { createFunction } from '../../server/runtime/function'
import { shanghaiYearMonth } from '../../server/domain/shanghai-time'
import { call, expectOk } from '../support/call'
import { PEOPLE, publishedEvent, useWorld } from '../support/world'

jest.setTimeout(120_000)

const w = useWorld()
beforeAll(() => {
  process.env.QINGJU_FILES_DIR = mkdtempSync(join(tmpdir(), 'qingju-audit-files-'))
})

let n = 0
async function person(phone: string | null, realName: string | null = null) {
  const openid = `audit:p${++n}`
  await w.db.query('insert into app_user (openid, nickname, phone, real_name) values ($1, $2, $3, $4)', [
    openid,
    `昵称${n}`,
    phone,
    realName,
  ])
  return openid
}

/**
 * Signs a person up. A sign-up needs a phone, so a person meant to have none gets one for the
 * sign-up and loses it after: a roster line without a phone is a record older than the phone rule.
 */
async function signUp(activityId: string, openid: string) {
  const { rows } = await w.db.query<{ phone: string | null }>('select phone from app_user where openid = $1', [openid])
  const phoneless = rows[0].phone === null
  if (phoneless) await w.db.query("update app_user set phone = '17000000000' where openid = $1", [openid])
  const reg = expectOk(
    await call<Registration>(
      signup,
      'signup',
      { activityId, idempotencyKey: `audit-${openid.replace(':', '_')}-${activityId.slice(0, 8)}` },
      openid,
    ),
  )
  if (phoneless) await w.db.query('update app_user set phone = null where openid = $1', [openid])
  return reg
}

async function entries(): Promise<AuditEntry[]> {
  return expectOk(await call<AuditLogPage>(org, 'auditLog', {}, PEOPLE.admin)).items
}

const rowCount = async () => Number((await w.db.query('select count(*)::int as n from audit_log')).rows[0].n)

beforeAll(async () => {
  await w.db.query("update app_user set real_name = '陆斌' where openid = $1", [PEOPLE.orgA])
})

test('a roster page with whole phones writes one entry naming who, the event, its unit and how many phones', async () => {
  const e = await publishedEvent(w, { title: '审计读书会' })
  await signUp(e.id, await person('13900000001'))
  await signUp(e.id, await person('13900000002'))
  await signUp(e.id, await person(null))
  const before = await rowCount()
  const page = expectOk(
    await call<{ items: RosterEntry[] }>(signup, 'roster', { activityId: e.id, limit: 50 }, PEOPLE.orgA),
  )
  expect(page.items.map((i) => i.person.phone).sort()).toEqual(['13900000001', '13900000002', null].sort())
  expect(await rowCount()).toBe(before + 1)
  expect((await entries())[0]).toMatchObject({
    kind: 'roster_read',
    actor: { userId: w.userIds.orgA, name: '陆斌' },
    object: { type: 'activity', id: e.id, title: '审计读书会', unitName: '甲单位团委' },
    people: 2,
  })
})

test('a roster page that shows no phone writes nothing', async () => {
  const e = await publishedEvent(w)
  await signUp(e.id, await person(null))
  const before = await rowCount()
  expectOk(await call(signup, 'roster', { activityId: e.id }, PEOPLE.orgA))
  expect(await rowCount()).toBe(before)
})

test('an organiser change answered with the whole phone, and the roster export, are logged', async () => {
  const e = await publishedEvent(w, { title: '审计导出' })
  const reg = await signUp(e.id, await person('13900000003'))
  await signUp(e.id, await person('13900000004'))
  const changed = expectOk(
    await call<RosterEntry>(
      signup,
      'decide',
      { registrationId: reg.id, decision: 'reject', reason: '名额调整' },
      PEOPLE.orgA,
    ),
  )
  expect(changed.person.phone).toBe('13900000003')
  expect((await entries())[0]).toMatchObject({ kind: 'roster_change', object: { id: e.id }, people: 1 })
  expectOk(await call(signup, 'exportRoster', { activityId: e.id }, PEOPLE.orgA))
  expect((await entries())[0]).toMatchObject({
    kind: 'roster_export',
    actor: { userId: w.userIds.orgA },
    object: { type: 'activity', id: e.id, title: '审计导出' },
    people: 2,
  })
})

test('the hours export counts the people whose phones are in the sheet; the plan export is logged too', async () => {
  const e = await publishedEvent(w, { title: '审计时长' })
  const who = [await person('13900000005'), await person('13900000006'), await person(null)]
  const day = new Date(Date.parse(e.startAt) + 8 * 3600_000).toISOString().slice(0, 10)
  for (const openid of who) {
    const reg = await signUp(e.id, openid)
    await w.db.query(
      `insert into service_hours (activity_id, registration_id, user_id, day, minutes, hours, status)
       select $1, $2, id, $3, 120, 2, 'approved' from app_user where openid = $4`,
      [e.id, reg.id, day, openid],
    )
  }
  const { year, month } = shanghaiYearMonth(new Date(e.startAt))
  const sheet = expectOk(await call<{ rows: number }>(hours, 'exportSheet', { year, month }, PEOPLE.admin))
  expect(sheet.rows).toBe(3)
  expect((await entries())[0]).toMatchObject({
    kind: 'hours_export',
    actor: { userId: w.userIds.admin, name: 'admin' },
    object: { type: 'period', year, month },
    people: 2,
  })
  expectOk(await call(plan, 'exportXlsx', { year: w.year }, PEOPLE.admin))
  expect((await entries())[0]).toMatchObject({
    kind: 'plan_export',
    object: { type: 'period', year: w.year, month: null },
    people: 0,
  })
})

test('a read that fails writes no entry: refused, or failed while writing the file', async () => {
  const e = await publishedEvent(w)
  await signUp(e.id, await person('13900000007'))
  const before = await rowCount()
  expect(await call(signup, 'roster', { activityId: e.id }, PEOPLE.orgB)).toMatchObject({ code: 'FORBIDDEN' })
  expect(await call(signup, 'exportRoster', { activityId: e.id }, PEOPLE.orgB)).toMatchObject({ code: 'FORBIDDEN' })
  expect(await call(hours, 'exportSheet', { year: w.year }, PEOPLE.orgA)).toMatchObject({ code: 'FORBIDDEN' })
  const brokenStorage = () =>
    Object.assign(Object.create(currentPlatform()) as ReturnType<typeof currentPlatform>, {
      uploadFile: () => Promise.reject(new Error('storage is down')),
    })
  const broken = createFunction<SignupActions>('signup', signupActions, { platform: brokenStorage })
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    expect(await call(broken, 'exportRoster', { activityId: e.id }, PEOPLE.orgA)).toMatchObject({ code: 'INTERNAL' })
  } finally {
    spy.mockRestore()
  }
  expect(await rowCount()).toBe(before)
})

describe('org.auditLog', () => {
  test('only the district admin reads it', async () => {
    for (const who of [PEOPLE.orgA, PEOPLE.orgB, PEOPLE.youth])
      expect(await call(org, 'auditLog', {}, who)).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
        message: '只有团区委管理员可以查看操作记录',
      })
    expect(await call(org, 'auditLog', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  test('newest first, filtered by kind, 20 a page with a cursor; a forged cursor is INVALID_INPUT', async () => {
    const e = await publishedEvent(w, { title: '翻页活动' })
    await signUp(e.id, await person('13900000008'))
    // 25 roster reads, one second apart, so the order is by time.
    const t0 = Date.now() + 3600_000
    for (let i = 0; i < 25; i++) {
      const at = createFunction<SignupActions>('signup', signupActions, { clock: () => new Date(t0 + i * 1000) })
      expectOk(await call(at, 'roster', { activityId: e.id }, PEOPLE.orgA))
    }
    const admin = createFunction<OrgActions>('org', orgActions)
    const first = expectOk(await call<AuditLogPage>(admin, 'auditLog', { kind: 'roster_read' }, PEOPLE.admin))
    expect(first.items).toHaveLength(20)
    expect(first.items.every((i) => i.kind === 'roster_read')).toBe(true)
    const times = first.items.map((i) => Date.parse(i.at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(times[0]).toBe(t0 + 24_000)
    const second = expectOk(
      await call<AuditLogPage>(admin, 'auditLog', { kind: 'roster_read', cursor: first.nextCursor }, PEOPLE.admin),
    )
    expect(second.items.length).toBeGreaterThanOrEqual(5)
    expect(Date.parse(second.items[0].at)).toBeLessThan(times[19])
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(
      first.items.length + second.items.length,
    )
    const exports = expectOk(await call<AuditLogPage>(admin, 'auditLog', { kind: 'plan_export' }, PEOPLE.admin))
    expect(exports.items.every((i) => i.kind === 'plan_export')).toBe(true)
    expect(await call(admin, 'auditLog', { cursor: 'bm90LWEtY3Vyc29y' }, PEOPLE.admin)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    expect(await call(admin, 'auditLog', { kind: 'phone_lookup' }, PEOPLE.admin)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })
})
