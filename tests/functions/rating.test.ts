/**
 * Ratings after activities end to end: attendees rate within the window (a second call updates),
 * nobody else can; summaries are anonymous by shape (4 vs 5 ratings); the district's 青年评议 by
 * unit, category and month with its export; the sweep invites each attendee once.
 */
import ExcelJS from 'exceljs'
import { mkdtempSync, readFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { DistrictRatings, EventRatingSummary, MyRating, MyRatings, RatingExport } from '@api/rating'
import { main as rating } from '../../cloudfunctions/rating/src'
import { main as session } from '../../cloudfunctions/session/src'
import { shanghaiMonthRange } from '../../server/domain/shanghai-time'
import { ratingTotalsByUnit } from '../../server/store/ratings'
import { RATING_SHEET_NAMES } from '../../server/xlsx/rating-sheet'
import { call, callAsScheduler, expectOk } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'
import { finishedEvent } from './rating-fixtures'

const w = useWorld()
const DAY = 24

beforeAll(() => {
  process.env.QINGJU_FILES_DIR = mkdtempSync(join(tmpdir(), 'qingju-rating-files-'))
})

const rate = (activityId: string, as: string, data: Record<string, unknown> = {}) =>
  call<MyRating>(rating, 'rate', { activityId, stars: 4, ...data }, as)
const summary = async (activityId: string, as: string = PEOPLE.orgA) =>
  expectOk(await call<EventRatingSummary>(rating, 'eventSummary', { activityId }, as))
const people = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`)

describe('rating an event', () => {
  test('an attendee rates; a second call updates the same rating and the counters', async () => {
    const e = await finishedEvent(w, { attended: [PEOPLE.youth] })
    const first = expectOk(
      await rate(e.id, PEOPLE.youth, {
        stars: 5,
        tags: ['rich_content', 'come_again', 'rich_content'],
        comment: ' 很好 ',
      }),
    )
    expect(first).toMatchObject({ activityId: e.id, stars: 5, tags: ['rich_content', 'come_again'], comment: '很好' })
    expect(first.editable).toBe(true)
    const second = expectOk(await rate(e.id, PEOPLE.youth, { stars: 2, tags: [], comment: '' }))
    expect(second).toMatchObject({ stars: 2, tags: [], comment: null })
    const rows = await w.db.query('select stars from activity_rating where activity_id = $1', [e.id])
    expect(rows.rows).toEqual([{ stars: 2 }])
    const total = await w.db.query(
      'select ratings, stars_sum, star_counts from activity_rating_total where activity_id = $1',
      [e.id],
    )
    expect(total.rows).toEqual([{ ratings: 1, stars_sum: 2, star_counts: [0, 1, 0, 0, 0] }])
  })

  test('someone who signed up but did not attend, or never signed up, is refused and nothing is stored', async () => {
    const e = await finishedEvent(w, { attended: [PEOPLE.orgB], confirmed: [PEOPLE.youth] })
    for (const who of [PEOPLE.youth, 'w:stranger']) {
      expect(await rate(e.id, who)).toEqual({
        ok: false,
        code: 'NOT_ATTENDED',
        message: '只有参加了活动（已签到）的人可以评价',
      })
    }
    const rows = await w.db.query('select count(*)::int as n from activity_rating where activity_id = $1', [e.id])
    expect(rows.rows[0].n).toBe(0)
  })

  test('the window: not before the end, through the 7th Shanghai day after it, not after', async () => {
    // TEST_NOW is 10:00 in Shanghai. An event that ended 7 days and 9 hours ago (01:00 on the day 7 days back)
    // may still be rated today; one that ended 8 days ago may not.
    const inside = await finishedEvent(w, { attended: [PEOPLE.youth], endedHoursAgo: 7 * DAY + 9 })
    expectOk(await rate(inside.id, PEOPLE.youth))
    const closed = await finishedEvent(w, { attended: [PEOPLE.youth], endedHoursAgo: 8 * DAY })
    expect(await rate(closed.id, PEOPLE.youth)).toMatchObject({ ok: false, code: 'RATING_CLOSED' })
    const running = await finishedEvent(w, { attended: [PEOPLE.youth], endedHoursAgo: -1 })
    expect(await rate(running.id, PEOPLE.youth)).toEqual({
      ok: false,
      code: 'RATING_CLOSED',
      message: '活动结束后才能评价',
    })
    const n = await w.db.query('select count(*)::int as n from activity_rating where activity_id = any($1)', [
      [closed.id, running.id],
    ])
    expect(n.rows[0].n).toBe(0)
  })

  test('a comment with blocked words is refused by the content check and nothing is stored', async () => {
    const e = await finishedEvent(w, { attended: [PEOPLE.youth] })
    expect(await rate(e.id, PEOPLE.youth, { comment: '这里有代开发票' })).toMatchObject({
      ok: false,
      code: 'CONTENT_REJECTED',
    })
    const rows = await w.db.query('select count(*)::int as n from activity_rating where activity_id = $1', [e.id])
    expect(rows.rows[0].n).toBe(0)
  })

  test.each([
    ['no stars', { stars: undefined }],
    ['0 stars', { stars: 0 }],
    ['6 stars', { stars: 6 }],
    ['half a star', { stars: 3.5 }],
    ['an unknown tag', { tags: ['nice'] }],
    ['a comment over 300 characters', { comment: '好'.repeat(301) }],
    ['an unknown field', { userId: 'x' }],
    ['a malformed event id', { activityId: 'abc' }],
  ])('%s is INVALID_INPUT', async (_name, data) => {
    const e = await finishedEvent(w, { attended: [PEOPLE.youth] })
    expect(await rate(e.id, PEOPLE.youth, data)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  test('an unknown event is NOT_FOUND', async () => {
    expect(await rate('00000000-0000-4000-8000-000000000000', PEOPLE.youth)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })
})

describe('deleting my account', () => {
  test('keeps my stars in the counts and removes my comment', async () => {
    const e = await finishedEvent(w, { attended: ['w:leaving'] })
    expectOk(await rate(e.id, 'w:leaving', { stars: 5, comment: '我的留言' }))
    expectOk(await call(session, 'deleteAccount', { confirm: '注销' }, 'w:leaving'))
    const rows = await w.db.query('select stars, comment from activity_rating where activity_id = $1', [e.id])
    expect(rows.rows).toEqual([{ stars: 5, comment: null }])
  })
})

describe('my ratings', () => {
  test('lists the events awaiting my rating, and moves one to my ratings once rated', async () => {
    const me = 'w:mine-1'
    const a = await finishedEvent(w, { attended: [me] })
    const b = await finishedEvent(w, { attended: [me], endedHoursAgo: 30 })
    await finishedEvent(w, { attended: [me], endedHoursAgo: 9 * DAY }) // too late to ask
    await finishedEvent(w, { confirmed: [me] }) // did not come
    let mine = expectOk(await call<MyRatings>(rating, 'mine', undefined, me))
    expect(mine.awaiting.map((x) => x.activityId)).toEqual([a.id, b.id])
    expect(mine.ratings).toEqual([])
    expectOk(await rate(b.id, me, { stars: 3 }))
    mine = expectOk(await call<MyRatings>(rating, 'mine', undefined, me))
    expect(mine.awaiting.map((x) => x.activityId)).toEqual([a.id])
    expect(mine.ratings).toMatchObject([{ activityId: b.id, stars: 3, editable: true }])
  })
})

describe('anonymity', () => {
  test('with 4 ratings the payload has the count only: no average, distribution, tags or comments', async () => {
    const raters = people('w:four-', 4)
    const e = await finishedEvent(w, { attended: [...raters, 'w:four-absent'] })
    for (const [i, who] of raters.entries())
      expectOk(await rate(e.id, who, { stars: 1 + i, tags: ['good_timing'], comment: `意见${i}` }))
    const s = await summary(e.id)
    expect(s).toEqual({
      activityId: e.id,
      title: e.title,
      minimum: 5,
      count: 4,
      attended: 5,
      responseRate: 0.8,
      average: null,
      distribution: null,
      tags: null,
      comments: null,
    })
    expect(JSON.stringify(s)).not.toContain('意见')
  })

  test('with 5 ratings: average, distribution, tags and comments, with no ids, names or times', async () => {
    const raters = people('w:five-', 5)
    const e = await finishedEvent(w, { attended: raters })
    const comments = ['甲：内容很好', '乙：希望多办', '丙：时间有点早', '丁：很有收获', '戊：场地不错']
    for (const [i, who] of raters.entries())
      expectOk(
        await rate(e.id, who, { stars: [5, 4, 4, 3, 5][i], tags: i < 3 ? ['come_again'] : [], comment: comments[i] }),
      )
    const s = await summary(e.id, PEOPLE.admin)
    expect(s).toMatchObject({
      count: 5,
      attended: 5,
      responseRate: 1,
      average: 4.2,
      distribution: [0, 0, 1, 2, 2],
      tags: [{ tag: 'come_again', count: 3 }],
    })
    expect([...s.comments!].sort()).toEqual([...comments].sort())
    // The order tells nothing: neither the order of rating nor its reverse, and it does not follow the raters.
    expect(s.comments).not.toEqual(comments)
    expect(s.comments).not.toEqual([...comments].reverse())
    const ids = await w.db.query<{ id: string }>('select id from app_user where openid = any($1)', [raters])
    const text = JSON.stringify(s)
    for (const { id } of ids.rows) expect(text).not.toContain(id)
    for (const who of raters) expect(text).not.toContain(who)
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
    expect(Object.keys(s).sort()).toEqual(
      [
        'activityId',
        'attended',
        'average',
        'comments',
        'count',
        'distribution',
        'minimum',
        'responseRate',
        'tags',
        'title',
      ].sort(),
    )
  })

  test('the comment order does not change when the raters rate in another order', async () => {
    const order = async (raters: string[]) => {
      const e = await finishedEvent(w, { attended: raters })
      for (const [i, who] of raters.entries()) expectOk(await rate(e.id, who, { comment: `第${(i * 3) % 5}条` }))
      return (await summary(e.id)).comments
    }
    const forward = await order(people('w:ord-a', 5))
    const backward = await order(people('w:ord-b', 5).reverse())
    expect(forward).toEqual(backward)
  })

  test('organisers of another unit and young people cannot see an event’s ratings', async () => {
    const e = await finishedEvent(w, { attended: [PEOPLE.youth] })
    for (const who of [PEOPLE.orgB, PEOPLE.youth])
      expect(await call(rating, 'eventSummary', { activityId: e.id }, who)).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: '只有活动所属单位的组织者或团区委可以查看评价',
      })
  })
})

describe('the district view (青年评议)', () => {
  let view: DistrictRatings
  let lowId: string
  let fewId: string
  beforeAll(async () => {
    // Unit B: two events this quarter, 5 ratings of 2 stars (of 6 attended) and 3 ratings of 5 stars.
    const low = people('w:dist-low-', 6)
    const e1 = await finishedEvent(w, { attended: low, unitId: w.unitB, endedHoursAgo: 3 * DAY })
    for (const who of low.slice(0, 5)) expectOk(await rate(e1.id, who, { stars: 2 }))
    lowId = e1.id
    const few = people('w:dist-few-', 3)
    const e2 = await finishedEvent(w, { attended: few, unitId: w.unitB, endedHoursAgo: 4 * DAY })
    for (const who of few) expectOk(await rate(e2.id, who, { stars: 5 }))
    fewId = e2.id
    view = expectOk(await call<DistrictRatings>(rating, 'district', { year: 2026 }, PEOPLE.admin))
  })

  test('unit B’s cell adds its events up; its events below 5 ratings do not show in the lowest list', () => {
    const b = view.byUnit.find((u) => u.unitId === w.unitB)!
    expect(b).toMatchObject({ unitName: '乙单位团委', count: 8, attended: 9, responseRate: 0.89, average: 3.13 })
    expect(b.distribution).toEqual([0, 5, 0, 0, 3])
    expect(view.quarter).toBe(4)
    expect(view.lowest.map((e) => e.activityId)).toContain(lowId)
    expect(view.lowest.map((e) => e.activityId)).not.toContain(fewId)
    expect(view.lowest[0]).toMatchObject({ activityId: lowId, average: 2, count: 5 })
  })

  test('the store’s aggregates per unit and year (read later into growth records and unit stars)', async () => {
    const year = { from: shanghaiMonthRange(2026, 1).start, to: shanghaiMonthRange(2026, 12).end }
    const totals = await ratingTotalsByUnit(w.db, 'runzhou', year.from, year.to)
    expect(totals.find((t) => t.unitId === w.unitB)).toEqual({
      unitId: w.unitB,
      ratings: 8,
      starsSum: 25,
      starCounts: [0, 5, 0, 0, 3],
    })
    const nextYear = await ratingTotalsByUnit(w.db, 'runzhou', year.to, shanghaiMonthRange(2027, 12).end)
    expect(nextYear).toEqual([])
  })

  test('every cell below 5 ratings shows only its counts', () => {
    for (const cell of [...view.byUnit, ...view.byCategory, ...view.byMonth, view.total]) {
      if (cell.count < 5) {
        expect(cell.average).toBeNull()
        expect(cell.distribution).toBeNull()
      } else expect(cell.average).not.toBeNull()
    }
    expect(view.byMonth).toHaveLength(12)
    expect(view.byMonth.slice(0, 10).every((m) => m.count === 0 && m.average === null)).toBe(true)
  })

  test('a unit’s organiser sees their own unit only; another unit is refused', async () => {
    const own = expectOk(await call<DistrictRatings>(rating, 'district', { year: 2026 }, PEOPLE.orgB))
    expect(own.byUnit.map((u) => u.unitId)).toEqual([w.unitB])
    expect(await call(rating, 'district', { year: 2026, unitId: w.unitA }, PEOPLE.orgB)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有团区委或本单位的组织者可以查看青年评议',
    })
    expect(await call(rating, 'district', { year: 2026 }, PEOPLE.youth)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('the export is a workbook of the same view, reached by a short link', async () => {
    const file = expectOk(await call<RatingExport>(rating, 'export', { year: 2026 }, PEOPLE.admin))
    expect(file.fileName).toBe('青年评议-2026.xlsx')
    const path = join(process.env.QINGJU_FILES_DIR!, file.fileId.replace(/^local:\/\//, ''))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer)
    const units = book.getWorksheet(RATING_SHEET_NAMES.units)!
    const rowB = units.getSheetValues().find((r) => Array.isArray(r) && r[1] === '乙单位团委') as unknown[]
    expect(rowB.slice(1, 5)).toEqual(['乙单位团委', 8, 9, '89%'])
    const lowest = book.getWorksheet(RATING_SHEET_NAMES.lowest)!
    expect(lowest.getRow(2).getCell(5).value).toBe(2)
  })
})

describe('the invitation sweep', () => {
  test('sends one invitation per attendee once the event ends, never twice, even from two sweeps at once', async () => {
    const attendees = people('w:invite-', 3)
    const e = await finishedEvent(w, { attended: attendees, confirmed: ['w:invite-absent'] })
    const running = await finishedEvent(w, { attended: ['w:invite-early'], endedHoursAgo: -2 })
    const [a, b] = await Promise.all([callAsScheduler(rating, 'sweep'), callAsScheduler(rating, 'sweep')])
    expect(a.ok && b.ok).toBe(true)
    expectOk(await callAsScheduler(rating, 'sweep'))
    const sent = await w.db.query<{ recipient: string; template: string; payload: { page: string } }>(
      "select recipient, template, payload from local_outbox where recipient like 'w:invite-%' order by recipient",
    )
    expect(sent.rows.map((r) => r.recipient)).toEqual(attendees)
    expect(sent.rows[0]).toMatchObject({
      template: 'activity_rating_invite',
      payload: { page: `packages/rating/pages/rate/index?id=${e.id}` },
    })
    expect(running.id).toBeTruthy()
  })

  test('someone who already rated is not invited', async () => {
    const e = await finishedEvent(w, { attended: ['w:invite-rated'] })
    expectOk(await rate(e.id, 'w:invite-rated'))
    expectOk(await callAsScheduler(rating, 'sweep'))
    const sent = await w.db.query("select 1 from local_outbox where recipient = 'w:invite-rated'")
    expect(sent.rowCount).toBe(0)
  })

  test('a client cannot run the sweep', async () => {
    expect(await call(rating, 'sweep', undefined, PEOPLE.admin)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
