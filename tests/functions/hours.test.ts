/**
 * The service-hours ledger through the real `hours` and `checkin` functions on PostgreSQL:
 * closing scans into entries, review (adjust with audit, decline, make-up within the schedule,
 * corrections of approved entries), notice periods, my hours, certificates and `verify`, the
 * district report and export, and the sweep that closes ended events.
 */
import ExcelJS from 'exceljs'
import { mkdtempSync, readFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { CheckinActions, SiteCode } from '@api/checkin'
import type {
  AuditRecord,
  Certificate,
  DistrictHoursReport,
  EventHours,
  HoursActions,
  HoursPreview,
  LedgerEntry,
  MyHours,
  VerifyResult,
} from '@api/hours'
import type { Registration } from '@api/signup'
import { actions as checkinActions } from '../../cloudfunctions/checkin/src'
import { actions as hoursActions, main as hours } from '../../cloudfunctions/hours/src'
import { main as signup } from '../../cloudfunctions/signup/src'
import { hoursFailures } from '../../cloudfunctions/hours/src/failures'
import type { Failure } from '../../server/domain/failure'
import { answerFor, type FailureTable } from '../../server/runtime/failures'
import { HOURS_SHEET_HEADERS } from '../../server/xlsx/hours-sheet'
import { createFunction } from '../../server/runtime/function'
import { callAsScheduler, call, expectOk } from '../support/call'
import { PEOPLE, useWorld, publishedEvent } from '../support/world'

jest.setTimeout(120_000)

const HOUR = 3600_000
let n = 0
const nonce = () => `hours-nonce-${++n}`

const filesDir = mkdtempSync(join(tmpdir(), 'qingju-hours-files-'))

const w = useWorld()
beforeAll(async () => {
  process.env.QINGJU_FILES_DIR = filesDir
})

/** An event's functions with their clock at the event's start + offset. */
function clocks(startMs: number) {
  const checkinAt = (offset: number) =>
    createFunction<CheckinActions>('checkin', checkinActions, { clock: () => new Date(startMs + offset) })
  const hoursAt = (offset: number) =>
    createFunction<HoursActions>('hours', hoursActions, { clock: () => new Date(startMs + offset) })
  return { checkinAt, hoursAt }
}

async function person(openid: string, realName?: string): Promise<void> {
  await w.db.query(
    'insert into app_user (openid, nickname, real_name, phone) values ($1, $1, $2, $3) on conflict do nothing',
    [openid, realName ?? null, realName ? '13900001111' : null],
  )
}

async function signedUp(who: string, activityId: string): Promise<Registration> {
  return expectOk(
    await call<Registration>(
      signup,
      'signup',
      { activityId, idempotencyKey: `k-${who.replace(/\W/g, '_')}-${activityId.slice(0, 8)}` },
      who,
    ),
  )
}

/** A 4-hour tree planting with volunteers who scan in and out at the given offsets (null: never). */
async function plantingWith(scans: Record<string, [number, number | null]>, overrides = {}) {
  const e = await publishedEvent(w, {
    capacity: 20,
    category: 'tree_planting',
    recordsServiceHours: true,
    ...overrides,
  })
  const s0 = Date.parse(e.startAt)
  const { checkinAt, hoursAt } = clocks(s0)
  const regs: Record<string, string> = {}
  for (const who of Object.keys(scans)) {
    await person(who, `志愿者${who.slice(-2)}`)
    regs[who] = (await signedUp(who, e.id)).id
  }
  const scanAt = async (who: string, direction: 'in' | 'out', offset: number) => {
    const fn = checkinAt(offset)
    const token = expectOk(await call<SiteCode>(fn, 'siteCode', { activityId: e.id, direction }, PEOPLE.orgA)).token
    expectOk(await call(fn, 'scan', { token, nonce: nonce() }, who))
  }
  for (const [who, [inAt, outAt]] of Object.entries(scans)) {
    await scanAt(who, 'in', inAt)
    if (outAt !== null) await scanAt(who, 'out', outAt)
  }
  return { e, s0, regs, checkinAt, hoursAt }
}

const entriesOf = async (fn: ReturnType<ReturnType<typeof clocks>['hoursAt']>, activityId: string) =>
  expectOk(await call<EventHours>(fn, 'review', { activityId }, PEOPLE.orgA))

test('scans become hours per Shanghai day; closing, confirming and my hours count only approved entries', async () => {
  const { e, s0, hoursAt } = await plantingWith({
    'h:full': [-10 * 60_000, 2 * HOUR - 60_000], // the events are 2 hours long; early arrival earns nothing extra
    'h:late': [45 * 60_000, 2 * HOUR - 60_000], // 75 of 120 minutes: above 60 %, rounds down to 1 h
    'h:open': [0, null], // never checks out
  })
  const end = 3 * HOUR
  const preview = expectOk(await call<HoursPreview>(hoursAt(end), 'preview', { activityId: e.id }, PEOPLE.orgA))
  const byName = Object.fromEntries(preview.items.map((i) => [i.person.nickname, i]))
  expect(byName['h:full'].totalHours).toBe(1.5) // 119 minutes rounds down to 1.5 h
  expect(byName['h:late'].totalHours).toBe(1)
  expect(byName['h:open']).toMatchObject({ totalHours: 0, days: [{ status: 'needs_review' }] })
  expect(await call(hoursAt(end), 'preview', { activityId: e.id }, PEOPLE.orgB)).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  })
  expect(await call(hoursAt(end), 'preview', { activityId: e.id }, PEOPLE.youth)).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  })

  expect(await call(hoursAt(HOUR), 'close', { activityId: e.id }, PEOPLE.orgA)).toMatchObject({
    ok: false,
    code: 'CONFLICT',
  })
  expect(expectOk(await call(hoursAt(end), 'close', { activityId: e.id }, PEOPLE.orgA))).toEqual({
    pending: 3,
    needsReview: 1,
  })
  expect(expectOk(await call<MyHours>(hoursAt(end), 'mine', undefined, 'h:full')).totalHours).toBe(0)
  expect(expectOk(await call(hoursAt(end), 'confirm', { activityId: e.id }, PEOPLE.orgA))).toEqual({
    approved: 2,
    onNotice: 0,
    leftForReview: 1,
  })
  const mine = expectOk(await call<MyHours>(hoursAt(end), 'mine', undefined, 'h:full'))
  expect(mine.totalHours).toBe(1.5)
  expect(mine.byYear).toEqual([{ year: new Date(s0 + 8 * HOUR).getUTCFullYear(), hours: 1.5 }])
  expect(mine.events).toEqual([
    expect.objectContaining({ activityId: e.id, hours: 1.5, pendingHours: 0, unitName: '甲单位团委' }),
  ])
  const open = expectOk(await call<MyHours>(hoursAt(end), 'mine', undefined, 'h:open'))
  expect(open).toMatchObject({ totalHours: 0, events: [{ hours: 0, days: [{ status: 'pending' }] }] })

  // Re-closing leaves approved entries as they are.
  await w.db.query(
    "update checkin_scan set scanned_at = scanned_at - interval '30 minutes' where user_id = (select id from app_user where openid = 'h:late') and direction = 'in'",
  )
  expect(expectOk(await call(hoursAt(end), 'close', { activityId: e.id }, PEOPLE.orgA))).toEqual({
    pending: 1,
    needsReview: 1,
  })
  expect(expectOk(await call<MyHours>(hoursAt(end), 'mine', undefined, 'h:late')).totalHours).toBe(1)
})

test('review: a missing check-out is confirmed by adjusting it (reason and audit kept); declines need a reason', async () => {
  const { e, hoursAt } = await plantingWith({ 'r:open': [0, null], 'r:fake': [0, 2 * HOUR] })
  const end = 3 * HOUR
  expectOk(await call(hoursAt(end), 'close', { activityId: e.id }, PEOPLE.orgA))
  const review = await entriesOf(hoursAt(end), e.id)
  expect(review.activity).toMatchObject({ awardsHours: true, scheduledHours: 2 })
  expect(review.settings).toEqual({
    minShare: 0.6,
    stepHours: 0.5,
    noticeDays: 0,
    checkinOpensMinutes: 60,
    checkinRadiusMeters: 500,
  })
  const open = review.entries.find((x) => x.person.nickname === 'r:open')!
  const fake = review.entries.find((x) => x.person.nickname === 'r:fake')!
  expect(open).toMatchObject({
    needsReview: true,
    hours: 0,
    kind: 'scan',
    status: 'pending',
    flags: ['missing_check_out'],
  })

  // Confirming skips it while it needs review.
  expect(
    expectOk(await call(hoursAt(end), 'confirm', { activityId: e.id, entryIds: [open.id] }, PEOPLE.orgA)),
  ).toMatchObject({ approved: 0 })
  // Bad adjustments change nothing.
  expect(await call(hoursAt(end), 'adjust', { entryId: open.id, hours: 1.5, reason: '' }, PEOPLE.orgA)).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  })
  expect(
    await call(hoursAt(end), 'adjust', { entryId: open.id, hours: 1.3, reason: '现场确认' }, PEOPLE.orgA),
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(
    await call(hoursAt(end), 'adjust', { entryId: open.id, hours: 3, reason: '现场确认' }, PEOPLE.orgA),
  ).toMatchObject({ ok: false, code: 'HOURS_OVER_LIMIT' })
  expect(
    await call(hoursAt(end), 'adjust', { entryId: open.id, hours: 1.5, reason: '现场确认' }, PEOPLE.orgB),
  ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(
    (await w.db.query('select hours::float8 as h, needs_review from service_hours where id = $1', [open.id])).rows[0],
  ).toEqual({ h: 0, needs_review: true })

  const adjusted = expectOk(
    await call<LedgerEntry>(
      hoursAt(end),
      'adjust',
      { entryId: open.id, hours: 1.5, reason: '组长确认其在场至 11 点' },
      PEOPLE.orgA,
    ),
  )
  expect(adjusted).toMatchObject({
    id: open.id,
    hours: 1.5,
    needsReview: false,
    status: 'pending',
    reason: '组长确认其在场至 11 点',
  })
  // Re-closing does not overwrite a hand-adjusted entry.
  expectOk(await call(hoursAt(end), 'close', { activityId: e.id }, PEOPLE.orgA))
  expect((await w.db.query('select hours::float8 as h from service_hours where id = $1', [open.id])).rows[0].h).toBe(
    1.5,
  )

  const declined = expectOk(
    await call<LedgerEntry>(hoursAt(end), 'decline', { entryId: fake.id, reason: '代签，本人未到场' }, PEOPLE.orgA),
  )
  expect(declined).toMatchObject({ status: 'declined', reason: '代签，本人未到场' })
  expect(await call(hoursAt(end), 'decline', { entryId: fake.id, reason: '再次驳回' }, PEOPLE.orgA)).toMatchObject({
    ok: false,
    code: 'ENTRY_LOCKED',
  })
  expect(await call(hoursAt(end), 'adjust', { entryId: fake.id, hours: 1, reason: '改判' }, PEOPLE.orgA)).toMatchObject(
    { ok: false, code: 'ENTRY_LOCKED' },
  )

  expect(expectOk(await call(hoursAt(end), 'confirm', { activityId: e.id }, PEOPLE.orgA))).toEqual({
    approved: 1,
    onNotice: 0,
    leftForReview: 0,
  })
  const history = expectOk(await call<AuditRecord[]>(hoursAt(end), 'history', { entryId: open.id }, PEOPLE.orgA))
  expect(history.map((h) => [h.action, h.before?.hours ?? null, h.after?.hours ?? null])).toEqual([
    ['close', null, 0],
    ['adjust', 0, 1.5],
    ['confirm', 1.5, 1.5],
  ])
  expect(history[1]).toMatchObject({ by: 'orgA', reason: '组长确认其在场至 11 点' })
  expect(await call(hoursAt(end), 'history', { entryId: open.id }, PEOPLE.youth)).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  })
})

test('an approved entry is never edited: a correction reverses and replaces it, once', async () => {
  const { e, hoursAt } = await plantingWith({ 'c:one': [0, 2 * HOUR] })
  const end = 3 * HOUR
  expectOk(await call(hoursAt(end), 'close', { activityId: e.id }, PEOPLE.orgA))
  expectOk(await call(hoursAt(end), 'confirm', { activityId: e.id }, PEOPLE.orgA))
  const original = (await entriesOf(hoursAt(end), e.id)).entries[0]
  expect(original).toMatchObject({ hours: 2, status: 'approved' })

  const correction = expectOk(
    await call<LedgerEntry>(
      hoursAt(end),
      'adjust',
      { entryId: original.id, hours: 1, reason: '中途离场一小时' },
      PEOPLE.orgA,
    ),
  )
  expect(correction).toMatchObject({ kind: 'correction', hours: 1, status: 'approved', replacesId: original.id })
  const after = await entriesOf(hoursAt(end), e.id)
  expect(after.entries.map((x) => [x.kind, x.hours, x.status, x.corrected])).toEqual([
    ['scan', 2, 'approved', true],
    ['reversal', -2, 'approved', false],
    ['correction', 1, 'approved', false],
  ])
  expect(after.totals).toEqual([{ registrationId: original.registrationId, approvedHours: 1 }])
  expect(expectOk(await call<MyHours>(hoursAt(end), 'mine', undefined, 'c:one')).totalHours).toBe(1)
  // The original row itself is untouched.
  expect(
    (await w.db.query('select hours::float8 as h, status from service_hours where id = $1', [original.id])).rows[0],
  ).toEqual({ h: 2, status: 'approved' })
  // Correcting the same entry again is refused; the correction can be corrected.
  expect(
    await call(hoursAt(end), 'adjust', { entryId: original.id, hours: 1.5, reason: '再改' }, PEOPLE.orgA),
  ).toMatchObject({ ok: false, code: 'ENTRY_LOCKED' })
  expectOk(
    await call(
      hoursAt(end),
      'adjust',
      { entryId: correction.id, hours: 1.5, reason: '核对后为 1.5 小时' },
      PEOPLE.orgA,
    ),
  )
  expect(expectOk(await call<MyHours>(hoursAt(end), 'mine', undefined, 'c:one')).totalHours).toBe(1.5)
  const history = expectOk(await call<AuditRecord[]>(hoursAt(end), 'history', { entryId: correction.id }, PEOPLE.orgA))
  expect(history.some((h) => h.action === 'correct' && h.reason === '中途离场一小时')).toBe(true)
})

test('make-up entries (补录) need a reason and evidence and stay within the scheduled time', async () => {
  const { e, s0, regs, hoursAt } = await plantingWith({ 'm:late': [HOUR + 30 * 60_000, 2 * HOUR] }) // 30 of 120 min: below 60 %
  const end = 3 * HOUR
  const day = new Date(s0 + 8 * HOUR).toISOString().slice(0, 10)
  expectOk(await call(hoursAt(end), 'close', { activityId: e.id }, PEOPLE.orgA))
  const base = {
    registrationId: regs['m:late'],
    day,
    reason: '签到设备故障',
    evidence: { note: '带队老师签字的纸质签到表' },
  }
  expect(await call(hoursAt(end), 'makeup', { ...base, hours: 2.5 }, PEOPLE.orgA)).toMatchObject({
    ok: false,
    code: 'HOURS_OVER_LIMIT',
  })
  expect(await call(hoursAt(end), 'makeup', { ...base, hours: 1, day: '2001-01-01' }, PEOPLE.orgA)).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  })
  expect(await call(hoursAt(end), 'makeup', { ...base, hours: 1, evidence: { note: '' } }, PEOPLE.orgA)).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  })
  expect(await call(hoursAt(end), 'makeup', { ...base, hours: 1 }, PEOPLE.youth)).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  })
  const made = expectOk(await call<LedgerEntry>(hoursAt(end), 'makeup', { ...base, hours: 1.5 }, PEOPLE.orgA))
  expect(made).toMatchObject({
    kind: 'makeup',
    hours: 1.5,
    status: 'pending',
    reason: '签到设备故障',
    evidence: { note: '带队老师签字的纸质签到表', fileIds: [] },
  })
  // 1.5 of 2 scheduled hours is taken (the scan day itself earned 0): 0.5 left, then nothing.
  expect(await call(hoursAt(end), 'makeup', { ...base, hours: 1 }, PEOPLE.orgA)).toMatchObject({
    ok: false,
    code: 'HOURS_OVER_LIMIT',
  })
  expectOk(await call(hoursAt(end), 'makeup', { ...base, hours: 0.5 }, PEOPLE.orgA))
  expect(await call(hoursAt(end), 'makeup', { ...base, hours: 0.5 }, PEOPLE.orgA)).toMatchObject({
    ok: false,
    code: 'HOURS_OVER_LIMIT',
  })
  expect(
    (
      await w.db.query("select count(*)::int as n from service_hours where registration_id = $1 and kind = 'makeup'", [
        regs['m:late'],
      ])
    ).rows[0].n,
  ).toBe(2)

  // Participation-only events award no hours, by make-up or otherwise.
  const club = await publishedEvent(w, { capacity: 5 })
  const reg = (await signedUp('m:late', club.id)).id
  const clubHours = clocks(Date.parse(club.startAt)).hoursAt(3 * HOUR)
  expect(
    await call(
      clubHours,
      'makeup',
      {
        ...base,
        registrationId: reg,
        day: new Date(Date.parse(club.startAt) + 8 * HOUR).toISOString().slice(0, 10),
        hours: 1,
      },
      PEOPLE.orgA,
    ),
  ).toMatchObject({ ok: false, code: 'CONFLICT' })
})

test('a notice period (公示) keeps confirmed hours pending until it ends; the sweep approves them', async () => {
  const { e, hoursAt } = await plantingWith({ 'n:one': [0, 2 * HOUR] })
  const end = 3 * HOUR
  expect(expectOk(await call(hoursAt(end), 'settings', { activityId: e.id, noticeDays: 3 }, PEOPLE.orgA))).toEqual({
    minShare: 0.6,
    stepHours: 0.5,
    noticeDays: 3,
    checkinOpensMinutes: 60,
    checkinRadiusMeters: 500,
  })
  expect(await call(hoursAt(end), 'settings', { activityId: e.id, noticeDays: 31 }, PEOPLE.orgA)).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  })
  expectOk(await call(hoursAt(end), 'close', { activityId: e.id }, PEOPLE.orgA))
  expect(expectOk(await call(hoursAt(end), 'confirm', { activityId: e.id }, PEOPLE.orgA))).toEqual({
    approved: 0,
    onNotice: 1,
    leftForReview: 0,
  })
  const notice = expectOk(
    await call<{ items: { name: string; hours: number }[] }>(
      hoursAt(end),
      'notice',
      { activityId: e.id },
      PEOPLE.youth,
    ),
  )
  expect(notice.items).toEqual([expect.objectContaining({ name: '志***e', hours: 2 })])
  expect(expectOk(await call<MyHours>(hoursAt(end + 2 * 24 * HOUR), 'mine', undefined, 'n:one'))).toMatchObject({
    totalHours: 0,
    events: [{ pendingHours: 2 }],
  })
  // Re-closing during the notice leaves the entry alone.
  expect(expectOk(await call(hoursAt(end + HOUR), 'close', { activityId: e.id }, PEOPLE.orgA))).toEqual({
    pending: 0,
    needsReview: 0,
  })
  expect(expectOk(await callAsScheduler<{ approved: number }>(hoursAt(end + 3 * 24 * HOUR), 'sweep'))).toMatchObject({
    approved: 1,
  })
  expect(expectOk(await call<MyHours>(hoursAt(end + 3 * 24 * HOUR), 'mine', undefined, 'n:one')).totalHours).toBe(2)
  const history = expectOk(
    await call<AuditRecord[]>(
      hoursAt(end + 3 * 24 * HOUR),
      'history',
      { entryId: (await entriesOf(hoursAt(end), e.id)).entries[0].id },
      PEOPLE.orgA,
    ),
  )
  expect(history.map((h) => h.action)).toEqual(['close', 'confirm', 'approve'])
})

test('the sweep closes an ended event once: a missing check-out lands in review with no hours', async () => {
  const { e, hoursAt } = await plantingWith({ 's:open': [0, null], 's:done': [0, 2 * HOUR] })
  // Not before check-out closes, an hour after the end.
  await callAsScheduler(hoursAt(2 * HOUR + 59 * 60_000), 'sweep')
  expect((await entriesOf(hoursAt(3 * HOUR), e.id)).activity.hoursClosedAt).toBeNull()
  const swept = expectOk(await callAsScheduler<{ closed: number }>(hoursAt(3 * HOUR + 60_000), 'sweep'))
  expect(swept.closed).toBeGreaterThanOrEqual(1)
  const review = await entriesOf(hoursAt(3 * HOUR + 60_000), e.id)
  expect(review.activity.hoursClosedAt).not.toBeNull()
  expect(review.entries.map((x) => [x.person.nickname, x.hours, x.needsReview]).sort()).toEqual([
    ['s:done', 2, false],
    ['s:open', 0, true],
  ])
  // Once closed, the sweep leaves the event alone.
  expect(expectOk(await callAsScheduler<{ closed: number }>(hoursAt(4 * HOUR), 'sweep')).closed).toBe(0)
})

test('certificates: approved hours in a period, a code verify accepts, a masked name; forged codes are not genuine', async () => {
  const { e, s0, hoursAt } = await plantingWith({ 'cert:one': [0, 2 * HOUR] })
  const end = 3 * HOUR
  expectOk(await call(hoursAt(end), 'close', { activityId: e.id }, PEOPLE.orgA))
  expectOk(await call(hoursAt(end), 'confirm', { activityId: e.id }, PEOPLE.orgA))
  const day = new Date(s0 + 8 * HOUR).toISOString().slice(0, 10)
  const year = day.slice(0, 4)
  await person('cert:anon')
  expect(
    await call(hoursAt(end), 'certificate', { from: `${year}-01-01`, to: `${year}-12-31` }, 'cert:anon'),
  ).toMatchObject({ ok: false, code: 'PROFILE_INCOMPLETE' })
  expect(
    await call(hoursAt(end), 'certificate', { from: `${year}-12-31`, to: `${year}-01-01` }, 'cert:one'),
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await call(hoursAt(end), 'certificate', { from: '2001-01-01', to: '2001-12-31' }, 'cert:one')).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  })
  const cert = expectOk(
    await call<Certificate>(hoursAt(end), 'certificate', { from: `${year}-01-01`, to: `${year}-12-31` }, 'cert:one'),
  )
  expect(cert).toMatchObject({
    holderName: '志愿者ne',
    totalHours: 2,
    activities: [{ title: e.title, unitName: '甲单位团委', days: 1, hours: 2 }],
  })
  expect(cert.code).toMatch(/^QJ[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{6}$/)
  expect(cert.verifyImage.startsWith('data:image/png;base64,')).toBe(true)
  expect(cert.disclaimer).toContain('官方系统认证为准')
  // Issuing the same period again, nothing changed: the same certificate, not a second one.
  const again = expectOk(
    await call<Certificate>(
      hoursAt(end + HOUR),
      'certificate',
      { from: `${year}-01-01`, to: `${year}-12-31` },
      'cert:one',
    ),
  )
  expect([again.code, again.issuedAt]).toEqual([cert.code, cert.issuedAt])

  // Anyone, without signing in, can verify; typed in lower case without the dash works too.
  const typed = cert.code.toLowerCase().replace('-', '')
  const verified = expectOk(await call<VerifyResult>(hours, 'verify', { code: typed }))
  expect(verified).toMatchObject({
    genuine: true,
    code: cert.code,
    holderName: '志***e',
    totalHours: 2,
    from: `${year}-01-01`,
  })
  // A forged code (one character changed) and garbage.
  const last = cert.code.at(-1) === '0' ? '1' : '0'
  expect(expectOk(await call<VerifyResult>(hours, 'verify', { code: cert.code.slice(0, -1) + last }))).toEqual({
    genuine: false,
  })
  expect(await call(hours, 'verify', { code: 'not a code' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  // Later corrections do not rewrite an issued certificate: it certifies what it said when issued.
  const entry = (await entriesOf(hoursAt(end), e.id)).entries[0]
  expectOk(await call(hoursAt(end), 'adjust', { entryId: entry.id, hours: 1, reason: '更正' }, PEOPLE.orgA))
  expect(expectOk(await call<VerifyResult>(hours, 'verify', { code: cert.code }))).toMatchObject({ totalHours: 2 })
  // A new certificate for the same period now says 1 h, under a new code.
  const corrected = expectOk(
    await call<Certificate>(hoursAt(end), 'certificate', { from: `${year}-01-01`, to: `${year}-12-31` }, 'cert:one'),
  )
  expect(corrected.totalHours).toBe(1)
  expect(corrected.code).not.toBe(cert.code)
})

test('the district sees approved hours by unit and month and exports them for the national systems', async () => {
  const { e, s0, hoursAt } = await plantingWith({ 'd:one': [0, 2 * HOUR], 'd:two': [0, 2 * HOUR] })
  const end = 3 * HOUR
  expectOk(await call(hoursAt(end), 'close', { activityId: e.id }, PEOPLE.orgA))
  expectOk(await call(hoursAt(end), 'confirm', { activityId: e.id }, PEOPLE.orgA))
  expect(
    expectOk(await call<{ idType: string | null }>(signup, 'updateProfile', { idType: '护照' }, 'd:two')).idType,
  ).toBe('护照')
  expect(await call(signup, 'updateProfile', { idType: '驾驶证' }, 'd:two')).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  })
  const day = new Date(s0 + 8 * HOUR).toISOString().slice(0, 10)
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  expect(await call(hoursAt(end), 'report', { year }, PEOPLE.orgA)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await call(hoursAt(end), 'report', { year, month: 13 }, PEOPLE.admin)).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  })
  const report = expectOk(await call<DistrictHoursReport>(hoursAt(end), 'report', { year, month }, PEOPLE.admin))
  const unitRow = report.byUnit.find((u) => u.unitId === w.unitA)!
  // Every approved entry in the month from the whole test file's events counts, corrections netted.
  const expected = (
    await w.db.query<{ h: number }>(
      `select coalesce(sum(hours), 0)::float8 as h from service_hours h join activity a on a.id = h.activity_id
     where a.unit_id = $1 and h.status = 'approved' and to_char(h.day, 'YYYY-MM') = $2`,
      [w.unitA, day.slice(0, 7)],
    )
  ).rows[0].h
  expect(unitRow.hours).toBe(expected)
  expect(report.byMonth).toEqual([expect.objectContaining({ month: day.slice(0, 7), hours: report.totalHours })])

  expect(await call(hoursAt(end), 'exportSheet', { year }, PEOPLE.orgA)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const file = expectOk(
    await call<{ fileName: string; url: string; rows: number }>(
      hoursAt(end),
      'exportSheet',
      { year, month },
      PEOPLE.admin,
    ),
  )
  expect(file.fileName).toBe(`志愿服务时长-${day.slice(0, 7)}.xlsx`)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(readFileSync(join(filesDir, file.url.slice('/files/'.length))) as unknown as ArrayBuffer)
  const sheet = book.getWorksheet('志愿服务时长')!
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...HOURS_SHEET_HEADERS])
  const rows = sheet
    .getSheetValues()
    .slice(2)
    .map((r) => (r as unknown[]).slice(1))
  expect(rows).toHaveLength(file.rows)
  expect(rows).toContainEqual([
    expect.any(Number),
    '志愿者ne',
    '',
    '',
    '13900001111',
    e.title,
    day,
    2,
    '甲单位团委',
    'd:one',
  ])
  // The ID type comes from the person's profile.
  expect(rows).toContainEqual([
    expect.any(Number),
    '志愿者wo',
    '护照',
    '',
    '13900001111',
    e.title,
    day,
    2,
    '甲单位团委',
    'd:two',
  ])
  // Net hours: zero-hour rows (e.g. reversed entries) are left out.
  expect(rows.every((r) => (r[7] as number) > 0)).toBe(true)
})

test('a scan far from the venue sends that day to review; review lists everyone holding a place and the days', async () => {
  const e = await publishedEvent(w, { capacity: 5, category: 'tree_planting', recordsServiceHours: true })
  const s0 = Date.parse(e.startAt)
  const { checkinAt, hoursAt } = clocks(s0)
  for (const who of ['far:1', 'far:none']) {
    await person(who)
    await signedUp(who, e.id)
  }
  const scan = async (direction: 'in' | 'out', offset: number, location: { latitude: number; longitude: number }) => {
    const fn = checkinAt(offset)
    const token = expectOk(await call<SiteCode>(fn, 'siteCode', { activityId: e.id, direction }, PEOPLE.orgA)).token
    expectOk(await call(fn, 'scan', { token, nonce: nonce(), location }, 'far:1'))
  }
  await scan('in', 0, { latitude: 32.3, longitude: 119.43 }) // ~11 km from the venue
  await scan('out', 2 * HOUR - 60_000, { latitude: 32.2, longitude: 119.43 })
  expect(expectOk(await call(hoursAt(3 * HOUR), 'close', { activityId: e.id }, PEOPLE.orgA))).toEqual({
    pending: 1,
    needsReview: 1,
  })
  const review = await entriesOf(hoursAt(3 * HOUR), e.id)
  expect(review.entries).toEqual([
    expect.objectContaining({ hours: 1.5, needsReview: true, flags: ['far_from_venue'] }),
  ])
  expect(review.people.map((p) => p.person.nickname).sort()).toEqual(['far:1', 'far:none'])
  expect(review.days).toEqual([new Date(s0 + 8 * HOUR).toISOString().slice(0, 10)])
  expect(expectOk(await call(hoursAt(3 * HOUR), 'confirm', { activityId: e.id }, PEOPLE.orgA))).toMatchObject({
    approved: 0,
    leftForReview: 1,
  })
  // Looked at and kept as it was: adjusting to the same hours clears the review.
  expectOk(
    await call(
      hoursAt(3 * HOUR),
      'adjust',
      { entryId: review.entries[0].id, hours: 1.5, reason: '负责人确认在场' },
      PEOPLE.orgA,
    ),
  )
  expect(expectOk(await call(hoursAt(3 * HOUR), 'confirm', { activityId: e.id }, PEOPLE.orgA))).toMatchObject({
    approved: 1,
    leftForReview: 0,
  })
})

test('organisers set the check-in window and radius with the hour rules', async () => {
  const e = await publishedEvent(w, { capacity: 5, category: 'tree_planting', recordsServiceHours: true })
  const { checkinAt, hoursAt } = clocks(Date.parse(e.startAt))
  expect(
    await call(checkinAt(-30 * 60_000), 'siteCode', { activityId: e.id, direction: 'in' }, PEOPLE.orgA),
  ).toMatchObject({ ok: true })
  expect(
    expectOk(
      await call(
        hoursAt(0),
        'settings',
        { activityId: e.id, checkinOpensMinutes: 10, checkinRadiusMeters: 2000 },
        PEOPLE.orgA,
      ),
    ),
  ).toMatchObject({ checkinOpensMinutes: 10, checkinRadiusMeters: 2000, minShare: 0.6 })
  expect(
    await call(checkinAt(-30 * 60_000), 'siteCode', { activityId: e.id, direction: 'in' }, PEOPLE.orgA),
  ).toMatchObject({ ok: false, code: 'CHECKIN_CLOSED' })
  expect(
    await call(checkinAt(-5 * 60_000), 'siteCode', { activityId: e.id, direction: 'in' }, PEOPLE.orgA),
  ).toMatchObject({ ok: true })
  expect(await call(hoursAt(0), 'settings', { activityId: e.id, checkinRadiusMeters: 5 }, PEOPLE.orgA)).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  })
  expect(await call(hoursAt(0), 'settings', { activityId: e.id, checkinOpensMinutes: 5 }, PEOPLE.orgB)).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  })
})

test('closing hours records no-shows where check-in was used, and only there', async () => {
  const { e, hoursAt } = await plantingWith({ 'ns:came': [0, 2 * HOUR - 60_000] })
  await person('ns:absent')
  const absent = (await signedUp('ns:absent', e.id)).id
  expectOk(await call(hoursAt(3 * HOUR), 'close', { activityId: e.id }, PEOPLE.orgA))
  const states = await w.db.query<{ openid: string; state: string }>(
    'select u.openid, r.state from registration r join app_user u on u.id = r.user_id where r.activity_id = $1 order by u.openid',
    [e.id],
  )
  expect(states.rows).toEqual([
    { openid: 'ns:absent', state: 'no_show' },
    { openid: 'ns:came', state: 'attended' },
  ])
  // Evidence that they were there after all: a make-up marks them attended.
  const day = (
    await w.db.query<{ d: string }>(
      "select to_char(start_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as d from activity where id = $1",
      [e.id],
    )
  ).rows[0].d
  expect((await entriesOf(hoursAt(3 * HOUR), e.id)).people.map((p) => p.registrationId)).toContain(absent)
  expectOk(
    await call(
      hoursAt(3 * HOUR),
      'makeup',
      { registrationId: absent, day, hours: 1, reason: '手机没电', evidence: { note: '带队老师证明' } },
      PEOPLE.orgA,
    ),
  )
  expect((await w.db.query('select state from registration where id = $1', [absent])).rows[0].state).toBe('attended')
  // An event where nobody used check-in: nothing is inferred.
  const quiet = await publishedEvent(w, { capacity: 5, category: 'tree_planting', recordsServiceHours: true })
  await person('ns:quiet')
  await signedUp('ns:quiet', quiet.id)
  expectOk(
    await call(clocks(Date.parse(quiet.startAt)).hoursAt(3 * HOUR), 'close', { activityId: quiet.id }, PEOPLE.orgA),
  )
  expect((await w.db.query('select state from registration where activity_id = $1', [quiet.id])).rows).toEqual([
    { state: 'confirmed' },
  ])
})

describe('the hours failure table', () => {
  test.each([
    [{ kind: 'reversalLocked' }, 'ENTRY_LOCKED', '冲正记录不能调整'],
    [{ kind: 'declinedLocked' }, 'ENTRY_LOCKED', '未通过的记录不能调整，请改用补录'],
    [{ kind: 'alreadyCorrected' }, 'ENTRY_LOCKED', '该记录已被更正，请调整更正后的记录'],
    [{ kind: 'notOnStep', stepHours: 0.5 }, 'INVALID_INPUT', '时长须为 0.5 小时的整数倍'],
    [{ kind: 'makeupNotPositive' }, 'INVALID_INPUT', '补录时长须大于 0'],
    [
      { kind: 'overLimit', hoursLeft: 2.5, makeup: true },
      'HOURS_OVER_LIMIT',
      '超出活动排期时长，本人最多还可补录 2.5 小时',
    ],
    [{ kind: 'overLimit', hoursLeft: 1, makeup: false }, 'HOURS_OVER_LIMIT', '超出活动排期时长，本人最多还可记 1 小时'],
    [{ kind: 'eventNotEnded' }, 'CONFLICT', '活动结束后才能汇总时长'],
    [{ kind: 'eventNotStarted' }, 'CONFLICT', '活动开始后才能补录时长'],
    [{ kind: 'participationOnly' }, 'CONFLICT', '该活动只记录参与，不计志愿时长'],
    [{ kind: 'correctionRaced' }, 'ENTRY_LOCKED', '该记录已被更正，请刷新后调整更正后的记录'],
    [{ kind: 'notPending', status: 'approved' }, 'ENTRY_LOCKED', '已确认的时长不能驳回，请用调整更正为 0'],
    [{ kind: 'notPending', status: 'declined' }, 'ENTRY_LOCKED', '该记录已未通过'],
    [{ kind: 'registrationMissing' }, 'NOT_FOUND', '报名不存在或已下线'],
    [{ kind: 'notSeatedForMakeup' }, 'CONFLICT', '只能为报名成功的人补录时长'],
    [{ kind: 'realNameMissing' }, 'PROFILE_INCOMPLETE', '证明需要写明真实姓名，请先在个人资料中填写'],
    [{ kind: 'noApprovedHours' }, 'NOT_FOUND', '所选时段内没有已确认的志愿服务时长'],
    [{ kind: 'notDistrictAdmin', task: 'report' }, 'FORBIDDEN', '只有团区委管理员可以查看时长统计'],
    [{ kind: 'notDistrictAdmin', task: 'export' }, 'FORBIDDEN', '只有团区委管理员可以导出时长'],
    [{ kind: 'notOrganiser', task: 'hours' }, 'FORBIDDEN', '只有本活动的组织者可以处理时长'],
    [{ kind: 'notFound', thing: 'hoursEntry' }, 'NOT_FOUND', '时长记录不存在或已下线'],
  ] as [Failure, string, string][])('%j → %s %s', (failure, code, message) => {
    expect(answerFor(failure, hoursFailures as FailureTable<Failure>)).toEqual({ code, message })
  })

  test('a make-up day off the schedule names the field', () => {
    expect(answerFor({ kind: 'dayNotScheduled' }, hoursFailures as FailureTable<Failure>)).toEqual({
      code: 'INVALID_INPUT',
      message: '补录日期须在活动日程内',
      fields: { day: '不在活动日程内' },
    })
  })
})
