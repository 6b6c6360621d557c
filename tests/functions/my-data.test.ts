/**
 * Privacy: consent to the 隐私保护指引, 我的数据 (everything held about a person, and nothing about
 * anyone else), its download behind a private short-lived link, and 注销账号 (seats pass to the line,
 * hours and certificates stay pseudonymised, the same openid later is a new person, the last admin of
 * a unit or district is refused with nothing written).
 */
import { mkdirSync, mkdtempSync } from 'fs'
import type { Server } from 'http'
import type { AddressInfo } from 'net'
import { tmpdir } from 'os'
import { join } from 'path'
import type { ManagedActivity } from '@api/activity'
import type { Certificate, DistrictHoursReport, VerifyResult } from '@api/hours'
import { PRIVACY_VERSION, type Me, type MyData, type SessionActions } from '@api/session'
import type { Registration } from '@api/signup'
import type { SurveyQuestion } from '@api/survey'
import { main as activity } from '../../cloudfunctions/activity/src'
import { main as hours } from '../../cloudfunctions/hours/src'
import { main as org } from '../../cloudfunctions/org/src'
import { actions as sessionActions, main as session } from '../../cloudfunctions/session/src'
import { main as signup } from '../../cloudfunctions/signup/src'
import { createHostServer } from '../../host/server'
import { DELETED_WISH_TITLE } from '../../server/app/session/delete-account'
import { tallyOf } from '../../server/domain/survey/answers'
import { MY_DATA_SHEET_NAMES } from '../../server/xlsx/my-data-sheet'
import { createFunction } from '../../server/runtime/function'
import { call, expectOk } from '../support/call'
import { createEvent, eventRequest, PEOPLE, useWorld } from '../support/world'
import {
  AT_THE_VENUE,
  closedAndConfirmed,
  END,
  eventWithScans,
  HOUR,
  MINUTE,
  signedUp,
  type EventWithScans,
} from './hours/support'

const w = useWorld()
const root = mkdtempSync(join(tmpdir(), 'qingju-my-data-'))
const filesDir = join(root, 'files')
let server: Server
let base: string

const A = 'priv:a'
const B = 'priv:b'
const A_PHONE = '13912345678'
const B_PHONE = '13887654321'
const QUESTIONS = [{ id: 'size', label: '衣服尺码', kind: 'single', required: true, options: ['S', 'M', 'L'] }]

/** A's and B's volunteering (scans with location, approved hours, A's certificate) and a reading club later on. */
let ev: EventWithScans
let cert: Certificate
let reading: ManagedActivity
const regs: Record<string, Registration> = {}

async function person(openid: string, realName: string, phone: string): Promise<string> {
  const r = await w.db.query<{ id: string }>(
    `insert into app_user (openid, nickname, real_name, phone, phone_verified_at, birth_date, gender,
       guardian_name, guardian_phone, guardian_consent_at)
     values ($1, $2, $3, $4, $5, '2000-05-04', '女', $6, '13800001111', $5) returning id`,
    [openid, `昵称${realName}`, realName, phone, new Date(), `${realName.slice(0, 1)}监护`],
  )
  return r.rows[0].id
}

const ids: Record<string, string> = {}

beforeAll(async () => {
  mkdirSync(filesDir)
  process.env.QINGJU_FILES_DIR = filesDir
  server = createHostServer({
    functions: {},
    staticDir: null,
    filesDir,
    filesSecret: process.env.QINGJU_FILES_SECRET!,
    devSessionSecret: process.env.QINGJU_DEV_SESSION_SECRET!,
    pool: () => w.db,
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  ids.a = await person(A, '张小青', A_PHONE)
  ids.b = await person(B, '王大明', B_PHONE)
  ev = await eventWithScans(w, {})
  for (const who of [A, B]) {
    ev.regs[who] = (await signedUp(who, ev.e.id)).id
    await ev.scanAt(who, 'in', -5 * MINUTE, AT_THE_VENUE)
    await ev.scanAt(who, 'out', 2 * HOUR - MINUTE, AT_THE_VENUE)
  }
  await closedAndConfirmed(ev)
  const year = ev.day.slice(0, 4)
  cert = expectOk(
    await call<Certificate>(ev.hoursAt(END), 'certificate', { from: `${year}-01-01`, to: `${year}-12-31` }, A),
  )
  // One seat, a waiting line: A holds the seat, B waits behind.
  const draft = await createEvent(w, { ...eventRequest(w, { capacity: 1 }, 20), title: '青年读书会：隐私专场' })
  reading = expectOk(await call<ManagedActivity>(activity, 'publish', { id: draft.id }, PEOPLE.orgA))
  expectOk(
    await call(
      signup,
      'settings',
      { activityId: reading.id, settings: { waitlist: true, questions: QUESTIONS } },
      PEOPLE.orgA,
    ),
  )
  for (const [who, size] of [
    [A, 'M'],
    [B, 'L'],
  ]) {
    regs[who] = expectOk(
      await call<Registration>(
        signup,
        'signup',
        { activityId: reading.id, idempotencyKey: `privacy-${who.replace(':', '_')}-reading`, answers: { size } },
        who,
      ),
    )
  }
})

afterAll(async () => {
  await new Promise<void>((ok) => server.close(() => ok()))
})

/** The session function with its clock after the volunteering ended (the reading club is still ahead). */
const later = createFunction<SessionActions>('session', sessionActions, { clock: () => new Date(ev.s0 + END) })

async function get(link: string) {
  const res = await fetch(`${base}${link}`)
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) }
}

const userRow = async (id: string) =>
  (
    await w.db.query(
      `select openid, nickname, real_name, phone, phone_verified_at, birth_date, gender, guardian_name, guardian_phone,
         guardian_consent_at, privacy_version, deleted_at from app_user where id = $1`,
      [id],
    )
  ).rows[0]

describe('consent to the privacy guide', () => {
  test('nobody has agreed at first; agreeing to the current version is recorded and answered by me', async () => {
    const before = expectOk(await call<Me>(session, 'me', {}, 'priv:consent'))
    expect(before.privacy).toEqual({ version: PRIVACY_VERSION, agreed: false, agreedAt: null })
    const agreed = expectOk(await call(session, 'agreePrivacy', { version: PRIVACY_VERSION }, 'priv:consent'))
    expect(agreed).toMatchObject({ version: PRIVACY_VERSION, agreed: true })
    const after = expectOk(await call<Me>(session, 'me', {}, 'priv:consent'))
    expect(after.privacy).toMatchObject({ version: PRIVACY_VERSION, agreed: true })
    expect(Date.parse(after.privacy.agreedAt!)).not.toBeNaN()
    const row = await w.db.query('select privacy_version, privacy_agreed_at from app_user where openid = $1', [
      'priv:consent',
    ])
    expect(row.rows[0].privacy_version).toBe(PRIVACY_VERSION)
    expect(row.rows[0].privacy_agreed_at).toBeInstanceOf(Date)
  })

  test('agreeing to an older version is refused and records nothing; signing in is needed', async () => {
    expect(await call(session, 'agreePrivacy', { version: '2020-01-01' }, 'priv:old')).toEqual({
      ok: false,
      code: 'PRIVACY_OUTDATED',
      message: '隐私保护指引已更新，请重新阅读后再同意',
    })
    expect(expectOk(await call<Me>(session, 'me', {}, 'priv:old')).privacy.agreed).toBe(false)
    expect(await call(session, 'agreePrivacy', { version: PRIVACY_VERSION })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    })
  })
})

describe('my data', () => {
  test('shows everything held about the person, grouped', async () => {
    const d = expectOk(await call<MyData>(session, 'myData', {}, A))
    expect(d.profile).toMatchObject({
      nickname: '昵称张小青',
      realName: '张小青',
      phone: A_PHONE,
      birthDate: '2000-05-04',
      gender: '女',
      leagueMember: false,
      guardian: { name: '张监护', phone: '13800001111' },
    })
    expect(d.profile.phoneVerifiedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(d.units).toEqual([])
    expect(d.districtAdmin).toBe(false)
    expect(d.signups.map((s) => [s.title, s.state])).toEqual([
      [ev.e.title, 'attended'],
      ['青年读书会：隐私专场', 'confirmed'],
    ])
    expect(d.signups[1].answers).toEqual([{ question: '衣服尺码', answer: 'M' }])
    expect(d.scans.map((s) => [s.direction, s.latitude, s.longitude])).toEqual([
      ['in', AT_THE_VENUE.latitude, AT_THE_VENUE.longitude],
      ['out', AT_THE_VENUE.latitude, AT_THE_VENUE.longitude],
    ])
    expect(d.hours).toEqual([
      { activityTitle: ev.e.title, day: ev.day, kind: 'scan', hours: expect.any(Number), status: 'approved' },
    ])
    expect(d.hours[0].hours).toBeGreaterThan(0)
    expect(d.certificates).toEqual([
      { code: cert.code, from: cert.from, to: cert.to, totalHours: cert.totalHours, issuedAt: cert.issuedAt },
    ])
  })

  test('shows nothing of anyone else on the same events', async () => {
    const d = expectOk(await call<MyData>(session, 'myData', {}, A))
    const all = JSON.stringify(d)
    for (const other of ['王大明', B_PHONE, ids.b, B, '"L"', PEOPLE.orgA, w.userIds.orgA])
      expect(all).not.toContain(other)
    expect(d.signups.flatMap((s) => s.answers.map((x) => x.answer))).toEqual(['M'])
  })

  test('an organiser sees their unit among their data, a district admin their role', async () => {
    const org = expectOk(await call<MyData>(session, 'myData', {}, PEOPLE.orgA))
    expect(org.units).toEqual([{ id: w.unitA, name: '甲单位团委', role: 'admin' }])
    expect(expectOk(await call<MyData>(session, 'myData', {}, PEOPLE.admin)).districtAdmin).toBe(true)
    expect(await call(session, 'myData', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  test('downloads as JSON through a short-lived link; the file has no other way in', async () => {
    const file = expectOk(await call<{ fileName: string; fileId: string; url: string }>(session, 'exportMyData', {}, A))
    expect(file.fileName).toBe('青聚-我的数据.json')
    expect(file.url).toMatch(/^\/files\/exports\/my-data\/[A-Za-z0-9_-]{22}\.json\?exp=\d+&sig=[A-Za-z0-9_-]+$/)
    const res = await get(file.url)
    expect(res.status).toBe(200)
    const downloaded = JSON.parse(res.body.toString('utf8')) as MyData
    const shown = expectOk(await call<MyData>(session, 'myData', {}, A))
    expect({ ...downloaded, generatedAt: '' }).toEqual({ ...shown, generatedAt: '' })
    // Without the signature, or with a signature for another file, nothing comes back.
    const path = file.url.split('?')[0]
    expect((await get(path)).status).toBe(403)
    const other = expectOk(await call<{ url: string }>(session, 'exportMyData', {}, B))
    expect((await get(`${path}?${other.url.split('?')[1]}`)).status).toBe(403)
  })
})

describe('account deletion', () => {
  test('needs the confirmation word; anything else changes nothing', async () => {
    const r = await call(later, 'deleteAccount', { confirm: '删除' }, A)
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!r.ok) expect(r.fields?.confirm).toBe('请输入“注销”确认')
    expect(await userRow(ids.a)).toMatchObject({ openid: A, real_name: '张小青', deleted_at: null })
  })

  test('the last admin of a unit is refused, and nothing is written', async () => {
    await w.db.query("update app_user set real_name = '陆斌', phone = '13900000001' where id = $1", [w.userIds.orgA])
    const waiting = expectOk(
      await call<Registration>(
        signup,
        'signup',
        { activityId: reading.id, idempotencyKey: 'privacy-orga-reading', answers: { size: 'S' } },
        PEOPLE.orgA,
      ),
    )
    expect(waiting.state).toBe('waitlisted')
    expect(await call(later, 'deleteAccount', { confirm: '注销' }, PEOPLE.orgA)).toEqual({
      ok: false,
      code: 'LAST_ADMIN',
      message: '您是“甲单位团委”唯一的管理员，请先指定其他管理员，再注销账号',
    })
    expect(await userRow(w.userIds.orgA)).toMatchObject({ openid: PEOPLE.orgA, real_name: '陆斌', deleted_at: null })
    const member = await w.db.query('select role from unit_member where unit_id = $1 and user_id = $2', [
      w.unitA,
      w.userIds.orgA,
    ])
    expect(member.rows).toEqual([{ role: 'admin' }])
    const reg = await w.db.query('select state, answers from registration where id = $1', [waiting.id])
    expect(reg.rows[0]).toEqual({ state: 'waitlisted', answers: { size: 'S' } })
  })

  test('the only district admin is refused too', async () => {
    expect(await call(later, 'deleteAccount', { confirm: '注销' }, PEOPLE.admin)).toEqual({
      ok: false,
      code: 'LAST_ADMIN',
      message: '您是团区委唯一的管理员，请先指定其他管理员，再注销账号',
    })
    expect(await userRow(w.userIds.admin)).toMatchObject({ openid: PEOPLE.admin, deleted_at: null })
  })

  describe('a young person deletes their account', () => {
    let reportBefore: DistrictHoursReport
    let application: { id: string }
    beforeAll(async () => {
      application = expectOk(
        await call<{ id: string }>(
          org,
          'apply',
          { name: '隐私测试中学团委', kind: 'school', contactName: '张老师', contactPhone: '13912345670' },
          A,
        ),
      )
      reportBefore = expectOk(
        await call<DistrictHoursReport>(hours, 'report', { year: Number(ev.day.slice(0, 4)) }, PEOPLE.admin),
      )
      expectOk(await call(later, 'deleteAccount', { confirm: '注销' }, A))
    })

    test('the seat they held passes to the next in line, as when they cancel themselves', async () => {
      const states = await w.db.query<{ id: string; state: string; reason: string | null }>(
        'select id, state, reason from registration where id = any($1)',
        [[regs[A].id, regs[B].id]],
      )
      const byId = Object.fromEntries(states.rows.map((r) => [r.id, r]))
      expect(byId[regs[A].id]).toMatchObject({ state: 'cancelled', reason: '本人取消' })
      expect(byId[regs[B].id]).toMatchObject({ state: 'confirmed' })
      const seats = await w.db.query('select seats_taken from activity where id = $1', [reading.id])
      expect(seats.rows[0].seats_taken).toBe(1)
      const told = await w.db.query('select 1 from local_outbox where recipient = $1', [B])
      expect(told.rowCount).toBeGreaterThan(0)
    })

    test('personal fields, answers and scan locations are wiped; the row keeps a placeholder name', async () => {
      const row = await userRow(ids.a)
      expect(row).toMatchObject({
        nickname: '已注销用户',
        real_name: null,
        phone: null,
        birth_date: null,
        gender: null,
        privacy_version: null,
        phone_verified_at: null,
        guardian_name: null,
        guardian_phone: null,
        guardian_consent_at: null,
      })
      expect(row.openid).not.toBe(A)
      expect(row.deleted_at).toBeInstanceOf(Date)
      const answers = await w.db.query('select answers from registration where user_id = $1', [ids.a])
      expect(answers.rows.every((r) => Object.keys(r.answers).length === 0)).toBe(true)
      const scans = await w.db.query('select latitude, longitude from checkin_scan where user_id = $1', [ids.a])
      expect(scans.rows.length).toBe(2)
      expect(scans.rows.every((r) => r.latitude === null && r.longitude === null)).toBe(true)
      // Other people's are untouched.
      expect((await userRow(ids.b)).real_name).toBe('王大明')
      const bScans = await w.db.query('select latitude from checkin_scan where user_id = $1', [ids.b])
      expect(bScans.rows.every((r) => r.latitude === AT_THE_VENUE.latitude)).toBe(true)
      const bAnswers = await w.db.query('select answers from registration where id = $1', [regs[B].id])
      expect(bAnswers.rows[0].answers).toEqual({ size: 'L' })
    })

    test('approved hours stay in the ledger and the district report; the certificate still verifies, with no name', async () => {
      const entries = await w.db.query("select status from service_hours where user_id = $1 and kind = 'scan'", [ids.a])
      expect(entries.rows).toEqual([{ status: 'approved' }])
      const reportAfter = expectOk(
        await call<DistrictHoursReport>(hours, 'report', { year: Number(ev.day.slice(0, 4)) }, PEOPLE.admin),
      )
      expect(reportAfter).toEqual(reportBefore)
      const verified = expectOk(await call<VerifyResult>(hours, 'verify', { code: cert.code }))
      expect(verified).toMatchObject({ genuine: true, code: cert.code, holderName: '*', totalHours: cert.totalHours })
      expect(JSON.stringify(verified)).not.toContain('张')
      const held = await w.db.query('select holder_name from hours_certificate where code = $1', [cert.code])
      expect(held.rows[0].holder_name).toBe('')
    })

    test('a unit application still under review is closed, so admitting it can make nobody its admin', async () => {
      const row = await w.db.query(
        'select status, review_reason, contact_name, contact_phone from org_unit where id = $1',
        [application.id],
      )
      expect(row.rows[0]).toEqual({
        status: 'rejected',
        review_reason: '申请人已注销账号',
        contact_name: '',
        contact_phone: '',
      })
      expect(await call(org, 'review', { unitId: application.id, decision: 'admit' }, PEOPLE.admin)).toMatchObject({
        ok: false,
        code: 'CONFLICT',
      })
      expect((await w.db.query('select 1 from unit_member where unit_id = $1', [application.id])).rowCount).toBe(0)
    })

    test('signing in again with the same WeChat identity is a new person with nothing', async () => {
      const fresh = expectOk(await call<Me>(session, 'me', {}, A))
      expect(fresh.userId).not.toBe(ids.a)
      expect(fresh).toMatchObject({ nickname: '青年朋友', roles: ['youth'], units: [] })
      expect(fresh.privacy.agreed).toBe(false)
      const d = expectOk(await call<MyData>(session, 'myData', {}, A))
      expect(d.profile).toMatchObject({ realName: null, phone: null })
      expect([d.signups, d.scans, d.hours, d.certificates]).toEqual([[], [], [], []])
    })
  })

  test('two co-admins deleting at once: one leaves, the other is refused, the unit keeps an admin', async () => {
    const unit = await w.db.query<{ id: string }>(
      "insert into org_unit (district_id, name, kind) values ('runzhou', '双管理员单位团委', 'school') returning id",
    )
    for (const who of ['priv:twin-1', 'priv:twin-2']) {
      const u = await w.db.query<{ id: string }>('insert into app_user (openid) values ($1) returning id', [who])
      await w.db.query("insert into unit_member (unit_id, user_id, role) values ($1, $2, 'admin')", [
        unit.rows[0].id,
        u.rows[0].id,
      ])
    }
    const answers = await Promise.all(
      ['priv:twin-1', 'priv:twin-2'].map((who) => call(later, 'deleteAccount', { confirm: '注销' }, who)),
    )
    expect(answers.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['LAST_ADMIN', 'ok'])
    const left = await w.db.query('select role from unit_member where unit_id = $1', [unit.rows[0].id])
    expect(left.rows).toEqual([{ role: 'admin' }])
  })

  test('a unit admin with a co-admin may leave: the membership goes, the unit keeps its other admin', async () => {
    const co = await w.db.query<{ id: string }>("insert into app_user (openid) values ('priv:co-admin') returning id")
    await w.db.query("insert into unit_member (unit_id, user_id, role) values ($1, $2, 'admin')", [
      w.unitA,
      co.rows[0].id,
    ])
    expectOk(await call(later, 'deleteAccount', { confirm: '注销' }, PEOPLE.orgA))
    const members = await w.db.query('select user_id, role from unit_member where unit_id = $1', [w.unitA])
    expect(members.rows).toEqual([{ user_id: co.rows[0].id, role: 'admin' }])
    const reg = await w.db.query<{ state: string }>(
      'select state from registration where user_id = $1 and activity_id = $2 order by created_at',
      [w.userIds.orgA, reading.id],
    )
    expect(reg.rows.map((r) => r.state)).toEqual(['cancelled'])
  })
})

/**
 * Youth voice in 我的数据 and on deletion: V and X rated the volunteering, answered one survey and
 * proposed or wanted wishes. V sees their own and never X's; deleting V removes V's comment, text
 * answer and the wish nobody else wanted, keeps the rest anonymously, and the survey's counts equal
 * a recount of the stored responses.
 */
describe('youth voice: ratings, survey responses, wishes', () => {
  const V = 'priv:voice'
  const X = 'priv:voice-other'
  const QS: SurveyQuestion[] = [
    {
      id: 'q1',
      kind: 'single',
      title: '活动整体感受',
      required: true,
      options: [
        { id: 'o1', label: '很好' },
        { id: 'o2', label: '一般' },
      ],
      maxPicks: null,
    },
    { id: 'q2', kind: 'scale', title: '推荐给朋友的意愿', required: false, options: [], maxPicks: null },
    { id: 'q3', kind: 'text', title: '还想说的话', required: false, options: [], maxPicks: null },
  ]
  const voice: Record<string, string> = {}

  beforeAll(async () => {
    voice.v = await person(V, '陈声音', '13700001111')
    voice.x = await person(X, '刘旁人', '13700002222')
    const d = w.districtId
    await w.db.query(
      `insert into activity_rating (district_id, activity_id, user_id, stars, tags, comment, created_at, updated_at)
       values ($1, $2, $3, 4, '{well_organised,come_again}', 'V的评价留言', $5, $5),
              ($1, $2, $4, 2, '{}', 'X的评价留言', $5, $5)`,
      [d, ev.e.id, voice.v, voice.x, new Date(ev.s0 + END)],
    )
    const s = await w.db.query<{ id: string }>(
      `insert into survey (district_id, title, questions, audience, status, created_by, opened_at)
       values ($1, '青年活动满意度调研', $2, 'district', 'open', $3, now()) returning id`,
      [d, JSON.stringify(QS), w.userIds.admin],
    )
    voice.survey = s.rows[0].id
    const answers: [string, Record<string, string[] | number | string>][] = [
      [voice.v, { q1: ['o1'], q2: 4, q3: 'V的文字回答' }],
      [voice.x, { q1: ['o2'], q3: 'X的文字回答' }],
    ]
    const counts = new Map<string, number>()
    for (const [user, a] of answers) {
      await w.db.query(
        'insert into survey_response (district_id, survey_id, user_id, answers) values ($1, $2, $3, $4)',
        [d, voice.survey, user, JSON.stringify(a)],
      )
      await w.db.query(
        'insert into survey_text_answer (district_id, survey_id, question_id, user_id, body) values ($1, $2, $3, $4, $5)',
        [d, voice.survey, 'q3', user, a.q3],
      )
      for (const [k, n] of tallyOf(QS, a)) counts.set(k, (counts.get(k) ?? 0) + n)
    }
    for (const [k, n] of counts) {
      const [q, c] = k.split('\u0001')
      await w.db.query(
        'insert into survey_tally (district_id, survey_id, question_id, choice, count) values ($1, $2, $3, $4, $5)',
        [d, voice.survey, q, c, n],
      )
    }
    const cat = (await w.db.query<{ code: string }>('select code from activity_category order by code limit 1')).rows[0]
    const wish = async (proposer: string, title: string, supporters: number) =>
      (
        await w.db.query<{ id: string }>(
          `insert into wish (district_id, proposer_id, category, title, body, months, supporters, created_at)
           values ($1, $2, $3, $4, $5, '{5,6}', $6, now()) returning id`,
          [d, proposer, cat.code, title, `${title}的说明`, supporters],
        )
      ).rows[0].id
    voice.lonely = await wish(voice.v, 'V的无人心愿', 0)
    voice.wanted = await wish(voice.v, 'V的有人心愿', 1)
    voice.xWish = await wish(voice.x, 'X的心愿', 1)
    await w.db.query(
      'insert into wish_support (district_id, wish_id, user_id, created_at) values ($1, $2, $3, now()), ($1, $4, $5, now())',
      [d, voice.wanted, voice.x, voice.xWish, voice.v],
    )
  })

  /** The survey's stored counts and a recount of its stored responses (zeros left out). */
  async function countsAndRecount() {
    const stored = await w.db.query<{ question_id: string; choice: string; count: number }>(
      'select question_id, choice, count from survey_tally where survey_id = $1 and count <> 0 order by 1, 2',
      [voice.survey],
    )
    const responses = await w.db.query<{ answers: Record<string, string[] | number | string> }>(
      'select answers from survey_response where survey_id = $1',
      [voice.survey],
    )
    const recount = new Map<string, number>()
    for (const r of responses.rows)
      for (const [k, n] of tallyOf(QS, r.answers)) recount.set(k, (recount.get(k) ?? 0) + n)
    return {
      stored: Object.fromEntries(stored.rows.map((r) => [`${r.question_id}/${r.choice}`, r.count])),
      recount: Object.fromEntries(
        [...recount].filter(([, n]) => n !== 0).map(([k, n]) => [k.replace('\u0001', '/'), n]),
      ),
    }
  }

  test('我的数据 shows the ratings, survey responses, wishes and 想参加 of the person', async () => {
    const d = expectOk(await call<MyData>(session, 'myData', {}, V))
    expect(d.ratings).toEqual([
      {
        activityId: ev.e.id,
        title: ev.e.title,
        stars: 4,
        tags: ['well_organised', 'come_again'],
        comment: 'V的评价留言',
        ratedAt: new Date(ev.s0 + END).toISOString(),
      },
    ])
    expect(d.surveyResponses).toEqual([
      {
        surveyId: voice.survey,
        title: '青年活动满意度调研',
        ownerUnitName: null,
        status: 'open',
        answeredAt: expect.stringMatching(/^\d{4}-/),
        answers: [
          { question: '活动整体感受', answer: '很好' },
          { question: '推荐给朋友的意愿', answer: '4 分' },
          { question: '还想说的话', answer: 'V的文字回答' },
        ],
      },
    ])
    expect(d.wishes?.map((x) => [x.title, x.body, x.state, x.supporters, x.months])).toEqual([
      ['V的无人心愿', 'V的无人心愿的说明', 'open', 0, [5, 6]],
      ['V的有人心愿', 'V的有人心愿的说明', 'open', 1, [5, 6]],
    ])
    expect(d.wishSupports).toEqual([
      { wishId: voice.xWish, title: 'X的心愿', state: 'open', createdAt: expect.stringMatching(/^\d{4}-/) },
    ])
  })

  test("another person's ratings, answers and wishes never appear", async () => {
    const v = JSON.stringify(expectOk(await call<MyData>(session, 'myData', {}, V)))
    for (const other of ['X的评价留言', 'X的文字回答', '一般', voice.x, '刘旁人']) expect(v).not.toContain(other)
    const x = expectOk(await call<MyData>(session, 'myData', {}, X))
    expect(x.ratings?.map((r) => r.comment)).toEqual(['X的评价留言'])
    expect(x.surveyResponses?.flatMap((r) => r.answers.map((a) => a.answer))).toEqual(['一般', 'X的文字回答'])
    expect(x.wishes?.map((r) => r.title)).toEqual(['X的心愿'])
    expect(x.wishSupports?.map((r) => r.title)).toEqual(['V的有人心愿'])
    for (const mine of ['V的评价留言', 'V的文字回答', 'V的无人心愿']) expect(JSON.stringify(x)).not.toContain(mine)
    // Everyone else sees none of it.
    const a = expectOk(await call<MyData>(session, 'myData', {}, A))
    expect([a.ratings, a.surveyResponses, a.wishes, a.wishSupports]).toEqual([[], [], [], []])
  })

  test('the Excel download has one sheet per group, the youth-voice ones with the person’s own rows only', async () => {
    const file = expectOk(await call<{ fileName: string; url: string }>(session, 'exportMyData', { format: 'xlsx' }, V))
    expect(file.fileName).toBe('青聚-我的数据.xlsx')
    expect(file.url).toMatch(/^\/files\/exports\/my-data\/[A-Za-z0-9_-]{22}\.xlsx\?exp=\d+&sig=/)
    const res = await get(file.url)
    expect(res.status).toBe(200)
    const { default: ExcelJS } = await import('exceljs')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(res.body as unknown as ArrayBuffer)
    expect(book.worksheets.map((ws) => ws.name)).toEqual(Object.values(MY_DATA_SHEET_NAMES))
    const rows = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1))
    expect(rows('我的活动评价')).toEqual([
      [ev.e.title, 4, '组织有序、想再参加', 'V的评价留言', expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d/)],
    ])
    expect(rows('问卷回答').map((r) => [r[0], r[1], r[4], r[5]])).toEqual([
      ['青年活动满意度调研', '团区委', '活动整体感受', '很好'],
      ['青年活动满意度调研', '团区委', '推荐给朋友的意愿', '4 分'],
      ['青年活动满意度调研', '团区委', '还想说的话', 'V的文字回答'],
    ])
    expect(rows('我提出的心愿').map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual([
      ['V的无人心愿', 'V的无人心愿的说明', '5月、6月', '展示中', 0],
      ['V的有人心愿', 'V的有人心愿的说明', '5月、6月', '展示中', 1],
    ])
    expect(rows('我想参加的心愿').map((r) => r.slice(0, 2))).toEqual([['X的心愿', '展示中']])
    expect(rows('个人资料')).toContainEqual(['真实姓名', '陈声音'])
    const all = JSON.stringify(book.worksheets.map((ws) => ws.getSheetValues()))
    for (const other of ['X的评价留言', 'X的文字回答', '刘旁人']) expect(all).not.toContain(other)
    // JSON stays the default.
    expect(expectOk(await call<{ fileName: string }>(session, 'exportMyData', {}, V)).fileName).toBe(
      '青聚-我的数据.json',
    )
  })

  test('deletion does what the notice says, and the survey counts still equal a recount', async () => {
    const before = await countsAndRecount()
    expect(before.stored).toEqual(before.recount)
    expectOk(await call(later, 'deleteAccount', { confirm: '注销' }, V))
    // Rating: the comment goes, stars and tags stay in the counts; X's is untouched.
    const ratings = await w.db.query(
      'select user_id, stars, tags, comment from activity_rating where activity_id = $1',
      [ev.e.id],
    )
    expect(ratings.rows).toEqual(
      expect.arrayContaining([
        { user_id: voice.v, stars: 4, tags: ['well_organised', 'come_again'], comment: null },
        { user_id: voice.x, stars: 2, tags: [], comment: 'X的评价留言' },
      ]),
    )
    // Survey: V's text answer goes from the list and the response; the choices stay, counted anonymously.
    const texts = await w.db.query('select user_id, body from survey_text_answer where survey_id = $1', [voice.survey])
    expect(texts.rows).toEqual([{ user_id: voice.x, body: 'X的文字回答' }])
    const resp = await w.db.query('select user_id, answers from survey_response where survey_id = $1 order by 1', [
      voice.survey,
    ])
    expect(resp.rows).toEqual(
      expect.arrayContaining([
        { user_id: voice.v, answers: { q1: ['o1'], q2: 4 } },
        { user_id: voice.x, answers: { q1: ['o2'], q3: 'X的文字回答' } },
      ]),
    )
    const after = await countsAndRecount()
    expect(after.stored).toEqual(after.recount)
    expect(after.stored).toMatchObject({ '/': 2, 'q1/': 2, 'q1/o1': 1, 'q2/4': 1, 'q3/': 1 })
    // Wishes: the one nobody else wanted leaves the wall with its words; the wanted one stays as it was.
    const wishes = await w.db.query<{ id: string; title: string; body: string; state: string; supporters: number }>(
      'select id, title, body, state, supporters from wish where id = any($1::uuid[])',
      [[voice.lonely, voice.wanted, voice.xWish]],
    )
    const byId = Object.fromEntries(wishes.rows.map((r) => [r.id, r]))
    expect(byId[voice.lonely]).toMatchObject({ title: DELETED_WISH_TITLE, body: '', state: 'withdrawn' })
    expect(byId[voice.wanted]).toMatchObject({ title: 'V的有人心愿', body: 'V的有人心愿的说明', state: 'open' })
    // V's 想参加 stays in X's wish's count, anonymously (the account is pseudonymised).
    expect(byId[voice.xWish]).toMatchObject({ state: 'open', supporters: 1 })
    const support = await w.db.query('select 1 from wish_support where wish_id = $1 and user_id = $2', [
      voice.xWish,
      voice.v,
    ])
    expect(support.rows).toHaveLength(1)
    expect(await userRow(voice.v)).toMatchObject({ nickname: '已注销用户', real_name: null })
    // X's record is what it was.
    const x = expectOk(await call<MyData>(session, 'myData', {}, X))
    expect(x.surveyResponses?.[0].answers.map((a) => a.answer)).toEqual(['一般', 'X的文字回答'])
    expect(x.ratings?.[0].comment).toBe('X的评价留言')
  })
})
