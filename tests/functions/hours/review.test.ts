/**
 * Organisers review an event's hours (server/app/hours/review.ts) through the real `hours`
 * function: the review screen, confirming, adjusting a pending entry (with its audit), declining,
 * correcting an approved entry (a reversal and a correction, never an edit), make-up entries
 * (补录) within the schedule, and the event's hour and check-in settings.
 */
import type { AuditRecord, EventHours, HoursSettings, LedgerEntry, MyHours } from '@api/hours'
import type { ApiResult } from '@api/result'
import type { SiteCode } from '@api/checkin'
import { call, expectOk } from '../../support/call'
import { PEOPLE, publishedEvent, useWorld } from '../../support/world'
import {
  END,
  HOUR,
  MINUTE,
  asOrganiser,
  clocks,
  closed,
  closedAndConfirmed,
  closedWithFarScan,
  entryOf,
  eventWithScans,
  historyOf,
  mineAt,
  person,
  refusal,
  reviewOf,
  shanghaiDayOf,
  signedUp,
  threeVolunteers,
  type EventWithScans,
} from './support'

jest.setTimeout(60_000)

const w = useWorld()

const NOT_ORGANISER = refusal('FORBIDDEN', '只有本活动的组织者可以处理时长')

describe('the review screen', () => {
  let review: EventHours
  beforeAll(async () => {
    const ev = await eventWithScans(w, { 'rv:open': [0, null], 'rv:done': [0, 2 * HOUR] })
    await closed(ev)
    review = await reviewOf(ev)
  })

  test('shows that the event awards hours, and its scheduled hours', () => {
    expect(review.activity).toMatchObject({ awardsHours: true, scheduledHours: 2 })
  })

  test('shows the event’s hour rules and check-in settings', () => {
    expect(review.settings).toEqual({
      minShare: 0.6,
      stepHours: 0.5,
      noticeDays: 0,
      checkinOpensMinutes: 60,
      checkinRadiusMeters: 500,
    })
  })

  test('shows a missing check-out as a pending scan entry of 0 h flagged for review', () => {
    expect(review.entries.find((x) => x.person.nickname === 'rv:open')).toMatchObject({
      needsReview: true,
      hours: 0,
      kind: 'scan',
      status: 'pending',
      flags: ['missing_check_out'],
    })
  })

  describe('of an event with a scan far from the venue and a seat never scanned', () => {
    let far: EventWithScans
    let farReview: EventHours
    beforeAll(async () => {
      far = await closedWithFarScan(w, 'far:1', ['far:none'])
      farReview = await reviewOf(far)
    })

    test('lists everyone holding a place, a no-show who never scanned included', () => {
      expect(farReview.people.map((p) => p.person.nickname).sort()).toEqual(['far:1', 'far:none'])
    })

    test('lists the event’s scheduled Shanghai days', () => {
      expect(farReview.days).toEqual([shanghaiDayOf(far.s0)])
    })
  })
})

describe('confirming', () => {
  test('approves every pending entry except those needing review', async () => {
    const ev = await eventWithScans(w, threeVolunteers('cf'))
    await closed(ev)
    expect(await asOrganiser(ev.hoursAt(END), 'confirm', { activityId: ev.e.id })).toEqual({
      approved: 2,
      onNotice: 0,
      leftForReview: 1,
    })
  })

  test('skips a chosen entry while it needs review', async () => {
    const ev = await eventWithScans(w, { 'cf:chosen': [0, null] })
    await closed(ev)
    const open = await entryOf(ev, 'cf:chosen')
    expect(await asOrganiser(ev.hoursAt(END), 'confirm', { activityId: ev.e.id, entryIds: [open.id] })).toMatchObject({
      approved: 0,
    })
  })

  test('leaves a day far from the venue for review', async () => {
    const ev = await closedWithFarScan(w, 'cf:far')
    expect(await asOrganiser(ev.hoursAt(END), 'confirm', { activityId: ev.e.id })).toMatchObject({
      approved: 0,
      leftForReview: 1,
    })
  })

  test('approves a far day once looked at: adjusted to the same hours, it needs no more review', async () => {
    const ev = await closedWithFarScan(w, 'cf:looked-at')
    const entry = await entryOf(ev, 'cf:looked-at')
    await asOrganiser(ev.hoursAt(END), 'adjust', { entryId: entry.id, hours: 1.5, reason: '负责人确认在场' })
    expect(await asOrganiser(ev.hoursAt(END), 'confirm', { activityId: ev.e.id })).toMatchObject({
      approved: 1,
      leftForReview: 0,
    })
  })
})

describe('adjusting a pending entry', () => {
  describe('refusals', () => {
    let ev: EventWithScans
    let open: LedgerEntry
    const adjust = (hours: number, reason: string, as: string = PEOPLE.orgA) =>
      call(ev.hoursAt(END), 'adjust', { entryId: open.id, hours, reason }, as)
    beforeAll(async () => {
      ev = await eventWithScans(w, { 'aj:open': [0, null] })
      await closed(ev)
      open = await entryOf(ev, 'aj:open')
    })

    test('an adjustment without a reason is refused', async () => {
      expect(await adjust(1.5, '')).toMatchObject({
        ...refusal('INVALID_INPUT', '请填写原因'),
        fields: { reason: '请填写原因' },
      })
    })

    test('hours off the event’s step are refused', async () => {
      expect(await adjust(1.3, '现场确认')).toMatchObject(refusal('INVALID_INPUT', '时长须为 0.5 小时的整数倍'))
    })

    test('hours beyond the schedule are refused', async () => {
      expect(await adjust(3, '现场确认')).toMatchObject(
        refusal('HOURS_OVER_LIMIT', '超出活动排期时长，本人最多还可记 2 小时'),
      )
    })

    test('an organiser of another unit may not adjust', async () => {
      expect(await adjust(1.5, '现场确认', PEOPLE.orgB)).toMatchObject(NOT_ORGANISER)
    })

    test('a refused adjustment changes nothing', async () => {
      for (const [hours, reason, as] of [
        [1.5, '', PEOPLE.orgA],
        [1.3, '现场确认', PEOPLE.orgA],
        [3, '现场确认', PEOPLE.orgA],
        [1.5, '现场确认', PEOPLE.orgB],
      ] as const)
        expect((await adjust(hours, reason, as)).ok).toBe(false)
      expect(
        (await w.db.query('select hours::float8 as h, needs_review from service_hours where id = $1', [open.id]))
          .rows[0],
      ).toEqual({ h: 0, needs_review: true })
    })
  })

  describe('a missing check-out adjusted, the other entry declined, then confirmed', () => {
    let ev: EventWithScans
    let open: LedgerEntry
    let fake: LedgerEntry
    let adjusted: LedgerEntry
    let declined: LedgerEntry
    let confirmed: unknown
    let history: AuditRecord[]
    beforeAll(async () => {
      ev = await eventWithScans(w, { 'ad:open': [0, null], 'ad:fake': [0, 2 * HOUR] })
      await closed(ev)
      open = await entryOf(ev, 'ad:open')
      fake = await entryOf(ev, 'ad:fake')
      adjusted = await asOrganiser<LedgerEntry>(ev.hoursAt(END), 'adjust', {
        entryId: open.id,
        hours: 1.5,
        reason: '组长确认其在场至 11 点',
      })
      declined = await asOrganiser<LedgerEntry>(ev.hoursAt(END), 'decline', {
        entryId: fake.id,
        reason: '代签，本人未到场',
      })
      confirmed = await asOrganiser(ev.hoursAt(END), 'confirm', { activityId: ev.e.id })
      history = await historyOf(ev, open.id)
    })

    test('adjusting sets the hours and the reason and clears the review; the entry stays pending', () => {
      expect(adjusted).toMatchObject({
        id: open.id,
        hours: 1.5,
        needsReview: false,
        status: 'pending',
        reason: '组长确认其在场至 11 点',
      })
    })

    test('declining keeps the reason', () => {
      expect(declined).toMatchObject({ status: 'declined', reason: '代签，本人未到场' })
    })

    test('a declined entry cannot be declined again', async () => {
      expect(
        await call(ev.hoursAt(END), 'decline', { entryId: fake.id, reason: '再次驳回' }, PEOPLE.orgA),
      ).toMatchObject(refusal('ENTRY_LOCKED', '该记录已未通过'))
    })

    test('a declined entry cannot be adjusted', async () => {
      expect(
        await call(ev.hoursAt(END), 'adjust', { entryId: fake.id, hours: 1, reason: '改判' }, PEOPLE.orgA),
      ).toMatchObject(refusal('ENTRY_LOCKED', '未通过的记录不能调整，请改用补录'))
    })

    test('confirming approves the adjusted entry and not the declined one', () => {
      expect(confirmed).toEqual({ approved: 1, onNotice: 0, leftForReview: 0 })
    })

    test('the history records closing, adjusting and confirming, with the hours before and after', () => {
      expect(history.map((h) => [h.action, h.before?.hours ?? null, h.after?.hours ?? null])).toEqual([
        ['close', null, 0],
        ['adjust', 0, 1.5],
        ['confirm', 1.5, 1.5],
      ])
    })

    test('the history names who adjusted and why', () => {
      expect(history[1]).toMatchObject({ by: 'orgA', reason: '组长确认其在场至 11 点' })
    })

    test('a young person may not read the history', async () => {
      expect(await call(ev.hoursAt(END), 'history', { entryId: open.id }, PEOPLE.youth)).toMatchObject(NOT_ORGANISER)
    })
  })
})

describe('correcting an approved entry', () => {
  let ev: EventWithScans
  let original: LedgerEntry
  let correction: LedgerEntry
  let after: EventHours
  let mine: MyHours
  let history: AuditRecord[]
  beforeAll(async () => {
    ev = await eventWithScans(w, { 'co:one': [0, 2 * HOUR] })
    await closedAndConfirmed(ev)
    original = await entryOf(ev, 'co:one')
    correction = await asOrganiser<LedgerEntry>(ev.hoursAt(END), 'adjust', {
      entryId: original.id,
      hours: 1,
      reason: '中途离场一小时',
    })
    after = await reviewOf(ev)
    mine = await mineAt(ev, 'co:one')
    history = await historyOf(ev, correction.id)
  })

  test('the confirmed entry is approved with its hours', () => {
    expect(original).toMatchObject({ hours: 2, status: 'approved' })
  })

  test('adjusting it answers an approved correction that replaces it', () => {
    expect(correction).toMatchObject({ kind: 'correction', hours: 1, status: 'approved', replacesId: original.id })
  })

  test('the ledger keeps the original, marked corrected, beside its reversal and the correction', () => {
    expect(after.entries.map((x) => [x.kind, x.hours, x.status, x.corrected])).toEqual([
      ['scan', 2, 'approved', true],
      ['reversal', -2, 'approved', false],
      ['correction', 1, 'approved', false],
    ])
  })

  test('the person’s approved total nets the reversal and the correction', () => {
    expect(after.totals).toEqual([{ registrationId: original.registrationId, approvedHours: 1 }])
  })

  test('my hours count the corrected hours', () => {
    expect(mine.totalHours).toBe(1)
  })

  test('the original row itself is untouched', async () => {
    expect(
      (await w.db.query('select hours::float8 as h, status from service_hours where id = $1', [original.id])).rows[0],
    ).toEqual({ h: 2, status: 'approved' })
  })

  test('the correction’s history records the correction and its reason', () => {
    expect(history.some((h) => h.action === 'correct' && h.reason === '中途离场一小时')).toBe(true)
  })

  test('an entry already corrected cannot be corrected again', async () => {
    expect(
      await call(ev.hoursAt(END), 'adjust', { entryId: original.id, hours: 1.5, reason: '再改' }, PEOPLE.orgA),
    ).toMatchObject(refusal('ENTRY_LOCKED', '该记录已被更正，请调整更正后的记录'))
  })

  describe('then correcting the correction', () => {
    let second: LedgerEntry
    beforeAll(async () => {
      second = await asOrganiser<LedgerEntry>(ev.hoursAt(END), 'adjust', {
        entryId: correction.id,
        hours: 1.5,
        reason: '核对后为 1.5 小时',
      })
    })

    test('answers a correction of the correction', () => {
      expect(second).toMatchObject({ kind: 'correction', hours: 1.5, status: 'approved', replacesId: correction.id })
    })

    test('my hours count the latest correction', async () => {
      expect((await mineAt(ev, 'co:one')).totalHours).toBe(1.5)
    })
  })
})

describe('make-up entries (补录)', () => {
  let ev: EventWithScans
  let base: { registrationId: string; day: string; reason: string; evidence: { note: string } }
  const makeup = (extra: Record<string, unknown>, as: string = PEOPLE.orgA) =>
    call<LedgerEntry>(ev.hoursAt(END), 'makeup', { ...base, ...extra }, as)
  beforeAll(async () => {
    ev = await eventWithScans(w, { 'mk:late': [HOUR + 30 * MINUTE, 2 * HOUR] }) // 30 of 120 min: below 60 %, 0 h
    await closed(ev)
    base = {
      registrationId: ev.regs['mk:late'],
      day: ev.day,
      reason: '签到设备故障',
      evidence: { note: '带队老师签字的纸质签到表' },
    }
  })

  test('more than the scheduled hours is refused', async () => {
    expect(await makeup({ hours: 2.5 })).toMatchObject(
      refusal('HOURS_OVER_LIMIT', '超出活动排期时长，本人最多还可补录 2 小时'),
    )
  })

  test('a day off the event’s schedule is refused, naming the field', async () => {
    expect(await makeup({ hours: 1, day: '2001-01-01' })).toMatchObject({
      ...refusal('INVALID_INPUT', '补录日期须在活动日程内'),
      fields: { day: '不在活动日程内' },
    })
  })

  test('a make-up without evidence is refused', async () => {
    expect(await makeup({ hours: 1, evidence: { note: '' } })).toMatchObject({
      ...refusal('INVALID_INPUT', '请填写证明材料的说明'),
      fields: { 'evidence.note': '请填写证明材料的说明' },
    })
  })

  test('a young person may not make up hours', async () => {
    expect(await makeup({ hours: 1 }, PEOPLE.youth)).toMatchObject(NOT_ORGANISER)
  })

  test('a participation-only event takes no make-up', async () => {
    const club = await publishedEvent(w, { capacity: 5 })
    await person(w, 'mk:club')
    const reg = (await signedUp('mk:club', club.id)).id
    const clubHours = clocks(Date.parse(club.startAt)).hoursAt(END)
    expect(
      await call(
        clubHours,
        'makeup',
        { ...base, registrationId: reg, day: shanghaiDayOf(Date.parse(club.startAt)), hours: 1 },
        PEOPLE.orgA,
      ),
    ).toMatchObject(refusal('CONFLICT', '该活动只记录参与，不计志愿时长'))
  })

  test('a make-up for a no-show marks them attended', async () => {
    const noShow = await eventWithScans(w, { 'mk:came': [0, 2 * HOUR - MINUTE] })
    await person(w, 'mk:absent', '缺席者')
    const absent = (await signedUp('mk:absent', noShow.e.id)).id
    await closed(noShow)
    await asOrganiser(noShow.hoursAt(END), 'makeup', {
      registrationId: absent,
      day: noShow.day,
      hours: 1,
      reason: '手机没电',
      evidence: { note: '带队老师证明' },
    })
    expect((await w.db.query('select state from registration where id = $1', [absent])).rows[0].state).toBe('attended')
  })

  describe('up to the schedule: 1.5 h, then 1 h, 0.5 h and 0.5 h more', () => {
    let made: ApiResult<LedgerEntry>
    let tooMuch: ApiResult<LedgerEntry>
    let rest: ApiResult<LedgerEntry>
    let beyond: ApiResult<LedgerEntry>
    beforeAll(async () => {
      made = await makeup({ hours: 1.5 })
      tooMuch = await makeup({ hours: 1 })
      rest = await makeup({ hours: 0.5 })
      beyond = await makeup({ hours: 0.5 })
    })

    test('a make-up with a reason and evidence is a pending entry that keeps them', () => {
      expect(expectOk(made)).toMatchObject({
        kind: 'makeup',
        hours: 1.5,
        status: 'pending',
        reason: '签到设备故障',
        evidence: { note: '带队老师签字的纸质签到表', photoCount: 0 },
      })
    })

    test('more than the schedule leaves (the scan day earned 0 h: 0.5 h left) is refused', () => {
      expect(tooMuch).toMatchObject(refusal('HOURS_OVER_LIMIT', '超出活动排期时长，本人最多还可补录 0.5 小时'))
    })

    test('what the schedule leaves can be made up', () => {
      expect(expectOk(rest)).toMatchObject({ kind: 'makeup', hours: 0.5 })
    })

    test('once the schedule is used up, nothing more can be made up', () => {
      expect(beyond).toMatchObject(refusal('HOURS_OVER_LIMIT', '超出活动排期时长，本人最多还可补录 0 小时'))
    })

    test('only the accepted make-ups are stored', async () => {
      expect(
        (
          await w.db.query(
            "select count(*)::int as n from service_hours where registration_id = $1 and kind = 'makeup'",
            [base.registrationId],
          )
        ).rows[0].n,
      ).toBe(2)
    })
  })
})

describe('hour and check-in settings', () => {
  let hoursAt: (offset: number) => ReturnType<ReturnType<typeof clocks>['hoursAt']>
  let activityId: string
  let byDefault: ApiResult<SiteCode>
  let changed: HoursSettings
  let earlyAfter: ApiResult<SiteCode>
  let withinAfter: ApiResult<SiteCode>
  beforeAll(async () => {
    const e = await publishedEvent(w, { capacity: 5, category: 'tree_planting', recordsServiceHours: true })
    activityId = e.id
    const at = clocks(Date.parse(e.startAt))
    hoursAt = at.hoursAt
    const siteCodeAt = (offset: number) =>
      call<SiteCode>(at.checkinAt(offset), 'siteCode', { activityId, direction: 'in' }, PEOPLE.orgA)
    byDefault = await siteCodeAt(-30 * MINUTE)
    changed = await asOrganiser<HoursSettings>(hoursAt(0), 'settings', {
      activityId,
      checkinOpensMinutes: 10,
      checkinRadiusMeters: 2000,
    })
    earlyAfter = await siteCodeAt(-30 * MINUTE)
    withinAfter = await siteCodeAt(-5 * MINUTE)
  })

  test('by default the site code is shown from an hour before the start', () => {
    expect(byDefault).toMatchObject({ ok: true })
  })

  test('an organiser sets the check-in window and radius, answered with the hour rules', () => {
    expect(changed).toMatchObject({ checkinOpensMinutes: 10, checkinRadiusMeters: 2000, minShare: 0.6 })
  })

  test('a shorter window keeps the site code closed until it opens', () => {
    expect(earlyAfter).toMatchObject(refusal('CHECKIN_CLOSED', '签到将于活动开始前 10 分钟开放'))
  })

  test('within the shorter window the site code is shown', () => {
    expect(withinAfter).toMatchObject({ ok: true })
  })

  test('a radius under 10 m is refused', async () => {
    expect(await call(hoursAt(0), 'settings', { activityId, checkinRadiusMeters: 5 }, PEOPLE.orgA)).toMatchObject({
      ...refusal('INVALID_INPUT', '签到范围（米）不能小于 10'),
      fields: { checkinRadiusMeters: '签到范围（米）不能小于 10' },
    })
  })

  test('an organiser of another unit may not change the settings', async () => {
    expect(await call(hoursAt(0), 'settings', { activityId, checkinOpensMinutes: 5 }, PEOPLE.orgB)).toMatchObject(
      NOT_ORGANISER,
    )
  })
})
