/**
 * Every action × {anonymous, young person, organiser of unit A, organiser of unit B, district admin}.
 * Each cell runs the real function on fresh state and checks allowed → ok, refused → its code.
 */
import ExcelJS from 'exceljs'
import { mkdtempSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { main as activity } from '../../cloudfunctions/activity/src'
import { main as checkin } from '../../cloudfunctions/checkin/src'
import { main as hours } from '../../cloudfunctions/hours/src'
import { main as org } from '../../cloudfunctions/org/src'
import { main as plan } from '../../cloudfunctions/plan/src'
import { main as rating } from '../../cloudfunctions/rating/src'
import { main as score } from '../../cloudfunctions/score/src'
import { main as session } from '../../cloudfunctions/session/src'
import { main as signup } from '../../cloudfunctions/signup/src'
import { main as venue } from '../../cloudfunctions/venue/src'
import { main as wish } from '../../cloudfunctions/wish/src'
import { main as record } from '../../cloudfunctions/record/src'
import { issueIdentityCode } from '../../server/domain/checkin/identity-code'
import { PRIVACY_VERSION } from '@api/session'
import { issuePhoneCode } from '../../server/platform/phone-code'
import type { FunctionMain } from '../../server/runtime/function'
import { call } from '../support/call'
import { withPhones } from '../support/people'
import { PEOPLE, useWorld, createEvent, eventRequest, publishedEvent } from '../support/world'
import { venueMatrixCases } from './venue-fixtures'
import { finishedEvent } from './rating-fixtures'
import { survey, surveyMatrixCases } from './survey-fixtures'
import { wishMatrixCases } from './wish-fixtures'
import { honour, honourMatrixCases } from './honour-fixtures'
import { star, starMatrixCases } from './star-fixtures'
import { youthGroupMatrixCases } from './youth-group-fixtures'

type Persona = 'anonymous' | 'youth' | 'orgA' | 'orgB' | 'admin'
const PERSONAS: Persona[] = ['anonymous', 'youth', 'orgA', 'orgB', 'admin']
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'LAST_ADMIN'

/** Who may: everyone, signed-in people, unit A's side (A's organiser + district admin), district admin only. */
const EVERYONE: Record<Persona, Outcome> = { anonymous: 'ok', youth: 'ok', orgA: 'ok', orgB: 'ok', admin: 'ok' }
/** Timer actions: the scheduler only, never a client (tested with a forged trigger in runtime.test.ts). */
const NOBODY: Record<Persona, Outcome> = {
  anonymous: 'FORBIDDEN',
  youth: 'FORBIDDEN',
  orgA: 'FORBIDDEN',
  orgB: 'FORBIDDEN',
  admin: 'FORBIDDEN',
}
const SIGNED_IN: Record<Persona, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  youth: 'ok',
  orgA: 'ok',
  orgB: 'ok',
  admin: 'ok',
}
const UNIT_A: Record<Persona, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  youth: 'FORBIDDEN',
  orgA: 'ok',
  orgB: 'FORBIDDEN',
  admin: 'ok',
}
const ADMIN: Record<Persona, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  youth: 'FORBIDDEN',
  orgA: 'FORBIDDEN',
  orgB: 'FORBIDDEN',
  admin: 'ok',
}
const ADMIN_PUBLIC: Record<Persona, Outcome> = { ...ADMIN, anonymous: 'FORBIDDEN' }

/** Youth groups: the world's young person leads them (tests/functions/youth-group-fixtures.ts). */
const YOUTH_GROUP_WHO: Record<'SIGNED_IN' | 'ADMIN' | 'LEADER' | 'LEADER_AND_ADMIN', Record<Persona, Outcome>> = {
  SIGNED_IN,
  ADMIN,
  LEADER: { anonymous: 'UNAUTHENTICATED', youth: 'ok', orgA: 'FORBIDDEN', orgB: 'FORBIDDEN', admin: 'FORBIDDEN' },
  LEADER_AND_ADMIN: { anonymous: 'UNAUTHENTICATED', youth: 'ok', orgA: 'FORBIDDEN', orgB: 'FORBIDDEN', admin: 'ok' },
}

let n = 0
const unique = (prefix: string) => `${prefix}${++n}`

async function emptyPlanSheet(year: number): Promise<string> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('清单')
  sheet.addRow(['牵头单位', '活动类别', '活动名称', '计划月份'])
  sheet.addRow(['甲单位团委', '读书会', `导入的读书会 ${year}`, 11])
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
}

interface Case {
  fn: FunctionMain
  name: string
  who: Record<Persona, Outcome>
  data: () => Promise<unknown>
}

const cases: Case[] = [
  { fn: session, name: 'session.me', who: SIGNED_IN, data: async () => undefined },
  {
    fn: session,
    name: 'session.bindPhone',
    who: SIGNED_IN,
    data: async () => ({ code: issuePhoneCode('13905110088', process.env.QINGJU_DEV_SESSION_SECRET!, new Date()) }),
  },
  { fn: activity, name: 'activity.list', who: EVERYONE, data: async () => ({}) },
  { fn: activity, name: 'activity.get', who: EVERYONE, data: async () => ({ id: (await publishedEvent(w)).id }) },
  { fn: activity, name: 'activity.categories', who: EVERYONE, data: async () => undefined },
  { fn: activity, name: 'activity.create', who: UNIT_A, data: async () => eventRequest(w) },
  {
    fn: activity,
    name: 'activity.update',
    who: UNIT_A,
    data: async () => ({ id: (await createEvent(w)).id, capacity: 40 }),
  },
  { fn: activity, name: 'activity.publish', who: UNIT_A, data: async () => ({ id: (await createEvent(w)).id }) },
  {
    fn: activity,
    name: 'activity.cancel',
    who: UNIT_A,
    data: async () => ({ id: (await publishedEvent(w)).id, reason: '天气原因' }),
  },
  {
    fn: activity,
    name: 'activity.finish',
    who: UNIT_A,
    data: async () => {
      const e = await publishedEvent(w)
      await w.db.query(
        "update activity set start_at = $2::timestamptz - interval '3 hours', end_at = $2::timestamptz - interval '1 hour', signup_opens_at = $2::timestamptz - interval '3 days', signup_closes_at = $2::timestamptz - interval '1 day' where id = $1",
        [e.id, new Date()],
      )
      return { id: e.id }
    },
  },
  { fn: activity, name: 'activity.manageGet', who: UNIT_A, data: async () => ({ id: (await createEvent(w)).id }) },
  { fn: activity, name: 'activity.manageList', who: UNIT_A, data: async () => ({ unitId: w.unitA }) },
  { fn: activity, name: 'activity.changes', who: UNIT_A, data: async () => ({ id: (await createEvent(w)).id }) },
  {
    fn: activity,
    name: 'activity.posterCode',
    who: EVERYONE,
    data: async () => ({ id: (await publishedEvent(w)).id }),
  },
  {
    fn: org,
    name: 'org.apply',
    who: SIGNED_IN,
    data: async () => ({
      name: unique('新申请单位'),
      kind: 'school',
      contactName: '王老师',
      contactPhone: '13905110001',
    }),
  },
  {
    fn: org,
    name: 'org.review',
    who: ADMIN,
    data: async () => {
      const r = await w.db.query<{ id: string }>(
        "insert into org_unit (district_id, name, kind, status, applicant_id) values ('runzhou', $1, 'school', 'pending', $2) returning id",
        [unique('待审单位'), w.userIds.youth],
      )
      return { unitId: r.rows[0].id, decision: 'admit' }
    },
  },
  { fn: org, name: 'org.units (admitted)', who: EVERYONE, data: async () => ({}) },
  { fn: org, name: 'org.units (pending)', who: ADMIN_PUBLIC, data: async () => ({ status: 'pending' }) },
  { fn: org, name: 'org.unit', who: EVERYONE, data: async () => ({ unitId: w.unitA }) },
  { fn: org, name: 'org.updateUnit', who: UNIT_A, data: async () => ({ unitId: w.unitA, intro: unique('简介') }) },
  { fn: org, name: 'org.createInvite', who: UNIT_A, data: async () => ({ unitId: w.unitA }) },
  { fn: org, name: 'org.members', who: UNIT_A, data: async () => ({ unitId: w.unitA }) },
  { fn: org, name: 'org.auditLog', who: ADMIN, data: async () => ({ kind: 'roster_export' }) },
  {
    fn: org,
    name: 'org.setMemberRole',
    who: UNIT_A,
    data: async () => {
      const u = await w.db.query<{ id: string }>('insert into app_user (openid) values ($1) returning id', [
        unique('w:member-'),
      ])
      await w.db.query("insert into unit_member (unit_id, user_id, role) values ($1, $2, 'organiser')", [
        w.unitA,
        u.rows[0].id,
      ])
      return { unitId: w.unitA, userId: u.rows[0].id, role: 'admin' }
    },
  },
  { fn: plan, name: 'plan.get', who: EVERYONE, data: async () => ({ year: w.year }) },
  {
    fn: plan,
    name: 'plan.addLine',
    who: ADMIN,
    data: async () => ({
      year: w.year,
      unitId: w.unitA,
      category: 'reading_club',
      title: unique('新增条目'),
      plannedMonth: 5,
    }),
  },
  { fn: plan, name: 'plan.updateLine', who: ADMIN, data: async () => ({ lineId: w.lineB, title: unique('改名条目') }) },
  {
    fn: plan,
    name: 'plan.removeLine',
    who: ADMIN,
    data: async () => {
      const r = await w.db.query<{ id: string }>(
        "insert into plan_line (district_id, year, unit_id, category, title, planned_month) values ('runzhou', $1, $2, 'reading_club', $3, 3) returning id",
        [w.year, w.unitB, unique('待删条目')],
      )
      return { lineId: r.rows[0].id }
    },
  },
  { fn: plan, name: 'plan.publish', who: ADMIN, data: async () => ({ year: w.year }) },
  {
    fn: plan,
    name: 'plan.importXlsx',
    who: ADMIN,
    data: async () => ({ year: w.year, fileBase64: await emptyPlanSheet(w.year), mode: 'append' }),
  },
  { fn: plan, name: 'plan.exportXlsx', who: ADMIN, data: async () => ({ year: w.year }) },
  { fn: plan, name: 'plan.completion', who: ADMIN, data: async () => ({ year: w.year }) },
  {
    fn: signup,
    name: 'signup.summary',
    who: EVERYONE,
    data: async () => ({ activityId: (await publishedEvent(w)).id }),
  },
  {
    fn: signup,
    name: 'signup.signup',
    who: SIGNED_IN,
    data: async () => ({ activityId: (await publishedEvent(w)).id, idempotencyKey: unique('matrix-key-') }),
  },
  { fn: signup, name: 'signup.myList', who: SIGNED_IN, data: async () => ({}) },
  { fn: signup, name: 'signup.profile', who: SIGNED_IN, data: async () => undefined },
  {
    fn: signup,
    name: 'signup.updateProfile',
    who: SIGNED_IN,
    data: async () => ({ realName: '李青', guardian: { name: '李母', phone: '13905112233', consent: true } }),
  },
  { fn: signup, name: 'signup.avatarUpload', who: SIGNED_IN, data: async () => ({ file: 'jpg' }) },
  { fn: signup, name: 'signup.sweep', who: NOBODY, data: async () => undefined },
  {
    fn: signup,
    name: 'signup.settings',
    who: UNIT_A,
    data: async () => ({ activityId: (await publishedEvent(w)).id, settings: { waitlist: false } }),
  },
  { fn: signup, name: 'signup.roster', who: UNIT_A, data: async () => ({ activityId: (await publishedEvent(w)).id }) },
  {
    fn: signup,
    name: 'signup.sendNotice',
    who: UNIT_A,
    data: async () => ({ activityId: (await publishedEvent(w)).id, kind: 'time', text: '改到下午两点开始' }),
  },
  { fn: signup, name: 'signup.notices', who: UNIT_A, data: async () => ({ activityId: (await publishedEvent(w)).id }) },
  {
    fn: signup,
    name: 'signup.subscribeNotices',
    who: SIGNED_IN,
    data: async () => ({ activityId: (await publishedEvent(w)).id }),
  },
  {
    fn: signup,
    name: 'signup.exportRoster',
    who: UNIT_A,
    data: async () => ({ activityId: (await publishedEvent(w)).id }),
  },
  {
    fn: signup,
    name: 'signup.decide',
    who: UNIT_A,
    data: async () => ({ registrationId: await registrationOnA(), decision: 'reject', reason: '名额调整' }),
  },
  {
    fn: signup,
    name: 'signup.promote',
    who: UNIT_A,
    data: async () => ({ registrationId: await registrationOnA('waitlisted') }),
  },
  {
    fn: checkin,
    name: 'checkin.mine',
    who: SIGNED_IN,
    data: async () => ({ activityId: (await publishedEvent(w)).id }),
  },
  { fn: checkin, name: 'checkin.board', who: UNIT_A, data: async () => ({ activityId: (await publishedEvent(w)).id }) },
  {
    fn: checkin,
    name: 'checkin.offlineRoster',
    who: UNIT_A,
    data: async () => ({ activityId: (await publishedEvent(w)).id }),
  },
  { fn: checkin, name: 'checkin.identityCode', who: SIGNED_IN, data: async () => ({}) },
  {
    fn: checkin,
    name: 'checkin.walkIn',
    who: UNIT_A,
    data: async () => {
      // An event of unit A starting in 10 minutes (check-in open), and a fresh person's identity code.
      const e = await publishedEvent(w)
      await w.db.query(
        "update activity set start_at = $2::timestamptz + interval '10 minutes', end_at = $2::timestamptz + interval '2 hours', signup_closes_at = $2::timestamptz where id = $1",
        [e.id, new Date()],
      )
      const openid = unique('w:walk-in-')
      await withPhones(w.db, [openid], { realNames: true }) // a walk-in is a sign-up: a phone, a real name
      const u = await w.db.query<{ id: string }>('select id from app_user where openid = $1', [openid])
      const secret = process.env.QINGJU_TICKET_SECRET!
      const identityToken = issueIdentityCode({ secret, userId: u.rows[0].id, now: new Date() })
      return { activityId: e.id, identityToken, nonce: unique('matrix-walk-in-') }
    },
  },
  { fn: hours, name: 'hours.preview', who: UNIT_A, data: async () => ({ activityId: (await publishedEvent(w)).id }) },
  { fn: hours, name: 'hours.review', who: UNIT_A, data: async () => ({ activityId: (await publishedEvent(w)).id }) },
  {
    fn: hours,
    name: 'hours.settings',
    who: UNIT_A,
    data: async () => ({ activityId: (await publishedEvent(w)).id, noticeDays: 1 }),
  },
  { fn: org, name: 'org.imageUploads', who: UNIT_A, data: async () => ({ unitId: w.unitA, files: ['jpg'] }) },
  {
    fn: hours,
    name: 'hours.evidenceUploads',
    who: UNIT_A,
    data: async () => ({ activityId: (await publishedEvent(w)).id, files: ['jpg'] }),
  },
  { fn: hours, name: 'hours.notice', who: SIGNED_IN, data: async () => ({ activityId: (await publishedEvent(w)).id }) },
  { fn: hours, name: 'hours.mine', who: SIGNED_IN, data: async () => undefined },
  { fn: hours, name: 'hours.verify', who: EVERYONE, data: async () => ({ code: 'QJ0000-000000' }) },
  { fn: hours, name: 'hours.report', who: ADMIN, data: async () => ({ year: 2026 }) },
  { fn: hours, name: 'hours.exportSheet', who: ADMIN, data: async () => ({ year: 2026, month: 11 }) },
  { fn: hours, name: 'hours.sweep', who: NOBODY, data: async () => undefined },
  { fn: session, name: 'session.agreePrivacy', who: SIGNED_IN, data: async () => ({ version: PRIVACY_VERSION }) },
  { fn: session, name: 'session.myData', who: SIGNED_IN, data: async () => ({}) },
  { fn: session, name: 'session.exportMyData', who: SIGNED_IN, data: async () => ({}) },
  // Any signed-in person may ask; here each is made the only admin of a unit of their own (the district
  // admin is the district's only one), so each is refused and the world stays (deletion: my-data.test.ts).
  {
    fn: session,
    name: 'session.deleteAccount',
    who: { ...ADMIN, youth: 'LAST_ADMIN', orgA: 'LAST_ADMIN', orgB: 'LAST_ADMIN', admin: 'LAST_ADMIN' },
    data: async () => {
      for (const who of ['youth', 'orgA', 'orgB'] as const) {
        const u = await w.db.query<{ id: string }>(
          "insert into org_unit (district_id, name, kind) values ('runzhou', $1, 'school') returning id",
          [unique('独管单位')],
        )
        await w.db.query("insert into unit_member (unit_id, user_id, role) values ($1, $2, 'admin')", [
          u.rows[0].id,
          w.userIds[who],
        ])
      }
      return { confirm: '注销' }
    },
  },
  ...venueMatrixCases(() => w).map((c) => ({ ...c, fn: venue, who: c.who === 'EVERYONE' ? EVERYONE : UNIT_A })),
  // Ratings: each persona attended a fresh finished event of unit A.
  {
    fn: rating,
    name: 'rating.rate',
    who: SIGNED_IN,
    data: async () => ({
      activityId: (await finishedEvent(w, { attended: Object.values(PEOPLE) })).id,
      stars: 4,
      tags: ['come_again'],
      comment: '很有收获',
    }),
  },
  { fn: rating, name: 'rating.mine', who: SIGNED_IN, data: async () => undefined },
  {
    fn: rating,
    name: 'rating.eventSummary',
    who: UNIT_A,
    data: async () => ({ activityId: (await finishedEvent(w)).id }),
  },
  { fn: rating, name: 'rating.district', who: UNIT_A, data: async () => ({ year: 2026, unitId: w.unitA }) },
  { fn: rating, name: 'rating.export', who: UNIT_A, data: async () => ({ year: 2026, unitId: w.unitA }) },
  { fn: rating, name: 'rating.sweep', who: NOBODY, data: async () => undefined },
  // Unit rating (五星): unit A's scorecard for its side; the ranking, export and weights for the district.
  { fn: score, name: 'score.unit', who: UNIT_A, data: async () => ({ unitId: w.unitA, year: w.year }) },
  { fn: score, name: 'score.ranking', who: ADMIN, data: async () => ({ year: w.year }) },
  { fn: score, name: 'score.export', who: ADMIN, data: async () => ({ year: w.year }) },
  {
    fn: score,
    name: 'score.setWeights',
    who: ADMIN,
    data: async () => ({
      year: w.year,
      completion: 20,
      satisfaction: 20,
      response: 20,
      participation: 20,
      hours: 20,
      hoursTarget: 10,
    }),
  },
  { fn: record, name: 'record.mine', who: SIGNED_IN, data: async () => ({ year: 2026 }) },
  {
    fn: record,
    name: 'record.ofMember',
    who: UNIT_A,
    data: async () => ({ unitId: w.unitA, userId: w.userIds.youth, year: 2026 }),
  },
  { fn: record, name: 'record.summary', who: SIGNED_IN, data: async () => ({}) },
  ...surveyMatrixCases(() => w).map((c) => ({ ...c, fn: survey, who: c.who === 'SIGNED_IN' ? SIGNED_IN : UNIT_A })),
  ...wishMatrixCases(() => w).map((c) => ({
    ...c,
    fn: wish,
    who: {
      EVERYONE,
      SIGNED_IN,
      UNIT_A,
      ADMIN,
      // Withdrawing: the proposer (the young person in these rows) only.
      PROPOSER: { ...SIGNED_IN, orgA: 'FORBIDDEN', orgB: 'FORBIDDEN', admin: 'FORBIDDEN' } as Record<Persona, Outcome>,
    }[c.who],
  })),
  ...youthGroupMatrixCases(() => w).map((c) => ({ ...c, who: YOUTH_GROUP_WHO[c.who] })),
  ...honourMatrixCases(() => w).map((c) => ({ ...c, fn: honour, who: { EVERYONE, SIGNED_IN, UNIT_A, ADMIN }[c.who] })),
  ...starMatrixCases(() => w).map((c) => ({
    ...c,
    fn: star,
    who: {
      SIGNED_IN,
      UNIT_A,
      ADMIN,
      // Evidence goes to a unit the person belongs to (unit B's organiser here) or took part in.
      MEMBER_B: { ...UNIT_A, orgA: 'FORBIDDEN', orgB: 'ok', admin: 'FORBIDDEN' } as Record<Persona, Outcome>,
      // The young person whose evidence it is, and unit A's side.
      OWNER_OR_UNIT_A: { ...UNIT_A, youth: 'ok' } as Record<Persona, Outcome>,
    }[c.who],
  })),
]

/** A registration of a fresh person on a fresh published event of unit A. */
async function registrationOnA(state: 'confirmed' | 'waitlisted' = 'confirmed'): Promise<string> {
  const e = await publishedEvent(w)
  const u = await w.db.query<{ id: string }>('insert into app_user (openid) values ($1) returning id', [
    unique('w:reg-'),
  ])
  if (state === 'confirmed')
    await w.db.query("update signup_quota set taken = taken + 1 where activity_id = $1 and key = ''", [e.id])
  if (state === 'confirmed') await w.db.query('update activity set seats_taken = seats_taken + 1 where id = $1', [e.id])
  const r = await w.db.query<{ id: string }>(
    "insert into registration (activity_id, user_id, quota_key, state) values ($1, $2, '', $3) returning id",
    [e.id, u.rows[0].id, state],
  )
  return r.rows[0].id
}

const w = useWorld()
beforeAll(async () => {
  process.env.QINGJU_FILES_DIR = mkdtempSync(join(tmpdir(), 'qingju-files-'))
})

describe.each(cases)('$name', ({ fn, name, who, data }) => {
  test.each(PERSONAS)(`as %s`, async (persona) => {
    const [, actionName] = name.split(' ')[0].split('.')
    const r = await call(fn, actionName, await data(), persona === 'anonymous' ? undefined : PEOPLE[persona])
    const expected = who[persona]
    if (expected === 'ok') {
      expect(r).toMatchObject({ ok: true })
    } else {
      expect(r).toMatchObject({ ok: false, code: expected })
    }
  })
})

/** Every string leaf of a payload, by its path. */
function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) => stringPaths(child, [...path, key]))
}

function withText(value: unknown, path: string[], suffix: string): unknown {
  if (path.length === 0) return `${value as string}${suffix}`
  const [head, ...rest] = path
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>
  copy[head] = withText(copy[head], rest, suffix)
  return copy
}

// Text hygiene, swept: a control character in any text field of any action is INVALID_INPUT naming
// that field, never INTERNAL (PostgreSQL refuses NUL), whoever calls and whatever the field is.
describe.each(cases.filter((c) => c.name !== 'signup.sweep' && c.name !== 'hours.sweep'))(
  'control characters: $name',
  ({ fn, name, who, data }) => {
    test.each(['\u0000', '\u0007', '\u001b', '\u007f'])('%j in every text field is INVALID_INPUT', async (bad) => {
      const [, actionName] = name.split(' ')[0].split('.')
      const persona = PERSONAS.find((p) => who[p] === 'ok') ?? 'admin'
      const payload = await data()
      for (const path of stringPaths(payload)) {
        const r = await call(
          fn,
          actionName,
          withText(payload, path, `x${bad}y`),
          persona === 'anonymous' ? undefined : PEOPLE[persona],
        )
        expect({ path, code: r.ok ? 'ok' : r.code }).toEqual({ path, code: 'INVALID_INPUT' })
        if (!r.ok) expect(Object.keys(r.fields ?? {})).toContain(path.join('.') || '_')
      }
    })
  },
)
