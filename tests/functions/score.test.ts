/**
 * Unit rating (五星) end to end: a unit's year built by hand (plan lines, held, cancelled and future
 * events, attendance, ratings, approved and pending hours) scores exactly the formula computed here;
 * the district's weights change the score; the ranking, its export, the weights editor and who may
 * see what; bad payloads.
 */
import ExcelJS from 'exceljs'
import { mkdtempSync, readFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { ScoreExport, UnitRanking, UnitScorecard, YearWeights } from '@api/score'
import { main as score } from '../../cloudfunctions/score/src'
import { SCORE_SHEET_NAME } from '../../server/xlsx/score-sheet'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'
import { finishedEvent } from './rating-fixtures'

const w = useWorld()
let unitC: string
const DAY = 24 * 3600_000

beforeAll(async () => {
  process.env.QINGJU_FILES_DIR = mkdtempSync(join(tmpdir(), 'qingju-score-files-'))
  unitC = (
    await w.db.query<{ id: string }>(
      "insert into org_unit (district_id, name, kind) values ('runzhou', '丙单位团委', 'school') returning id",
    )
  ).rows[0].id
  await w.db.query("insert into unit_member (unit_id, user_id, role) values ($1, $2, 'organiser')", [
    unitC,
    w.userIds.orgB,
  ])
  const lines: string[] = []
  for (const title of ['丙读书会一', '丙读书会二', '丙读书会三', '丙读书会四']) {
    lines.push(
      (
        await w.db.query<{ id: string }>(
          "insert into plan_line (district_id, year, unit_id, category, title, planned_month) values ('runzhou', $1, $2, 'reading_club', $3, 6) returning id",
          [w.year, unitC, title],
        )
      ).rows[0].id,
    )
  }
  const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `w:score-${prefix}-${i}`)
  const held = async (opts: { line: string | null; capacity: number; attended: string[]; noShow?: string[] }) => {
    const e = await finishedEvent(w, { unitId: unitC, attended: opts.attended, confirmed: opts.noShow ?? [] })
    await w.db.query('update activity set plan_line_id = $2, capacity = $3 where id = $1', [
      e.id,
      opts.line,
      opts.capacity,
    ])
    return e.id
  }
  const rated = (id: string, ratings: number, starsSum: number) =>
    w.db.query(
      "insert into activity_rating_total (district_id, activity_id, ratings, stars_sum) values ('runzhou', $1, $2, $3)",
      [id, ratings, starsSum],
    )
  const hoursOf = async (id: string, hours: number, status: 'approved' | 'pending') =>
    w.db.query(
      `insert into service_hours (activity_id, registration_id, user_id, day, minutes, hours, status)
       select r.activity_id, r.id, r.user_id, current_date, $2::numeric * 60, $2, $3
       from registration r where r.activity_id = $1 and r.state = 'attended'`,
      [id, hours, status],
    )
  // E1: line 1, 6 of 10 came, 5 rated (22 stars), 3.0 approved hours each.
  const e1 = await held({ line: lines[0], capacity: 10, attended: people('e1', 6), noShow: people('e1x', 2) })
  await rated(e1, 5, 22)
  await hoursOf(e1, 3, 'approved')
  // E2: line 2, 8 of 20 came, 4 rated (14 stars), hours only pending (not counted).
  const e2 = await held({ line: lines[1], capacity: 20, attended: people('e2', 8) })
  await rated(e2, 4, 14)
  await hoursOf(e2, 5, 'pending')
  // E3: no line, 4 of 10 came, nobody rated, 2.5 approved hours each.
  const e3 = await held({ line: null, capacity: 10, attended: people('e3', 4) })
  await hoursOf(e3, 2.5, 'approved')
  // Line 3's event was cancelled; line 4's is still to come: neither line is done, neither event counts.
  const cancelled = await held({ line: lines[2], capacity: 50, attended: people('e4', 3) })
  await w.db.query("update activity set state = 'cancelled' where id = $1", [cancelled])
  const future = await held({ line: lines[3], capacity: 50, attended: [] })
  await w.db.query(
    `update activity set start_at = $2::timestamptz, end_at = $2::timestamptz + interval '2 hours' where id = $1`,
    [future, new Date(Date.now() + 3 * DAY)],
  )
})

/** The formula, computed here from the hand-built data, independently of the server's code. */
function expected(weights: {
  completion: number
  satisfaction: number
  response: number
  participation: number
  hours: number
  hoursTarget: number
}) {
  const r1 = (n: number) => Math.round(n * 10) / 10
  const completion = 2 / 4
  const satisfaction = ((22 + 14) / 9 - 1) / 4
  const response = 9 / 18
  const participation = 18 / 40
  const hours = Math.min(1, (6 * 3 + 4 * 2.5) / 3 / weights.hoursTarget)
  const points = {
    completion: r1(weights.completion * completion),
    satisfaction: r1(weights.satisfaction * satisfaction),
    response: r1(weights.response * response),
    participation: r1(weights.participation * participation),
    hours: r1(weights.hours * hours),
  }
  const total = r1(Object.values(points).reduce((a, b) => a + b, 0))
  const stars = 1 + [40, 55, 70, 85].filter((t) => total >= t).length
  return { points, total, stars }
}

const card = async (as: string = PEOPLE.orgB) =>
  expectOk(await call<UnitScorecard>(score, 'unit', { unitId: unitC, year: w.year }, as))

describe('a unit scorecard', () => {
  test('equals the formula over the hand-built data, with the default weights', async () => {
    const c = await card()
    const want = expected({
      completion: 30,
      satisfaction: 25,
      response: 15,
      participation: 15,
      hours: 15,
      hoursTarget: 20,
    })
    expect(c.counts).toEqual({
      planLines: 4,
      planLinesDone: 2,
      events: 3,
      attended: 18,
      capacity: 40,
      ratings: 9,
      starsSum: 36,
      approvedHours: 28,
    })
    expect(Object.fromEntries(c.parts.map((p) => [p.part, p.points]))).toEqual(want.points)
    expect(c.score).toBe(want.total)
    expect(c.stars).toBe(want.stars)
    expect(c.weights).toMatchObject({ custom: false, completion: 30 })
    const completion = c.parts.find((p) => p.part === 'completion')!
    expect(completion).toMatchObject({ value: 0.5, weight: 30, points: 15 })
    expect(completion.tip).toBe('完成 2 条未举办的清单活动可提高 15 分')
    expect(c.parts.find((p) => p.part === 'satisfaction')!.value).toBe(4)
  })

  test('the district weights change the score, exactly as the formula says', async () => {
    const weights = { completion: 40, satisfaction: 20, response: 10, participation: 10, hours: 20, hoursTarget: 8 }
    const saved = expectOk(await call<YearWeights>(score, 'setWeights', { year: w.year, ...weights }, PEOPLE.admin))
    expect(saved).toMatchObject({ ...weights, custom: true })
    const c = await card(PEOPLE.admin)
    const want = expected(weights)
    expect(c.score).toBe(want.total)
    expect(c.stars).toBe(want.stars)
    expect(c.weights).toMatchObject({ ...weights, custom: true })
    // Another year keeps the defaults.
    const other = expectOk(await call<UnitScorecard>(score, 'unit', { unitId: unitC, year: w.year - 1 }, PEOPLE.orgB))
    expect(other.weights).toMatchObject({ custom: false, completion: 30 })
    expect(other.counts.events).toBe(0)
    await w.db.query('delete from unit_score_weights')
  })

  test('only the unit and the district see it', async () => {
    for (const who of [PEOPLE.orgA, PEOPLE.youth]) {
      expect(await call(score, 'unit', { unitId: unitC, year: w.year }, who)).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
        message: '只有本单位的组织者或团区委可以查看单位评分',
      })
    }
    expect(
      await call(score, 'unit', { unitId: '00000000-0000-4000-8000-000000000000', year: w.year }, PEOPLE.admin),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('the district ranking', () => {
  test('ranks every member unit by score, and exports it', async () => {
    const r = expectOk(await call<UnitRanking>(score, 'ranking', { year: w.year }, PEOPLE.admin))
    expect(r.units.map((u) => u.unitName)).toEqual(['丙单位团委', '甲单位团委', '乙单位团委'])
    expect(r.units.map((u) => u.rank)).toEqual([1, 2, 2])
    expect(r.units[0].score).toBe((await card()).score)
    const file = expectOk(await call<ScoreExport>(score, 'export', { year: w.year }, PEOPLE.admin))
    expect(file.fileName).toBe(`五星评比-${w.year}.xlsx`)
    const path = join(process.env.QINGJU_FILES_DIR!, file.fileId.replace(/^local:\/\//, ''))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer)
    const row = book.getWorksheet(SCORE_SHEET_NAME)!.getRow(2)
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value]).toEqual([
      1,
      '丙单位团委',
      r.units[0].score,
    ])
  })

  test('is the district admin’s only', async () => {
    for (const action of ['ranking', 'export']) {
      expect(await call(score, action, { year: w.year }, PEOPLE.orgA)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })
})

describe('bad payloads', () => {
  const good = {
    year: 2026,
    completion: 30,
    satisfaction: 25,
    response: 15,
    participation: 15,
    hours: 15,
    hoursTarget: 20,
  }
  test.each([
    ['unit', { unitId: 'abc', year: 2026 }],
    ['unit', { year: 2026 }],
    ['unit', { unitId: '00000000-0000-4000-8000-000000000000', year: 1999 }],
    ['ranking', {}],
    ['ranking', { year: '2026' }],
    ['export', { year: 2026, extra: 1 }],
    ['setWeights', { ...good, completion: 31 }],
    ['setWeights', { ...good, completion: -5, satisfaction: 60 }],
    ['setWeights', { ...good, hoursTarget: 0 }],
    ['setWeights', { ...good, hours: 14.5, response: 15.5 }],
    ['setWeights', { year: 2026 }],
  ])('%s %j answers INVALID_INPUT', async (action, data) => {
    expect(await call(score, action, data, PEOPLE.admin)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})
