/**
 * Surveys (调研问卷) end to end through the real function: drafts, opening and closing, who may
 * answer (each audience kind), one response per person editable until it closes, required and
 * invalid answers, the running counts against a recount, results, text answers without authors,
 * the xlsx export and bad payloads.
 */
import ExcelJS from 'exceljs'
import { mkdtempSync, readFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { SurveyDetail, SurveyExport, SurveyResults, SurveySummary, TextAnswerPage } from '@api/survey'
import { SURVEY_FIRST_HEADER, SURVEY_SHEET_NAME } from '../../server/xlsx/survey-sheet'
import { call, expectOk } from '../support/call'
import { withPhones } from '../support/people'
import { PEOPLE, createEvent, publishedEvent, useWorld } from '../support/world'
import { ANSWERS, QUESTIONS, createSurvey, openSurvey, survey, surveyRequest } from './survey-fixtures'

const w = useWorld()
const filesDir = mkdtempSync(join(tmpdir(), 'qingju-survey-files-'))

beforeAll(() => {
  process.env.QINGJU_FILES_DIR = filesDir
})

let n = 0
/** A new person (signed in once, with a phone). */
async function person(): Promise<{ openid: string; id: string }> {
  const openid = `w:survey-${++n}`
  const r = await w.db.query<{ id: string }>('insert into app_user (openid) values ($1) returning id', [openid])
  await withPhones(w.db, [openid])
  return { openid, id: r.rows[0].id }
}

/** Records `userId` at `activityId` in `state` (attended: checked in or marked so). */
async function registration(activityId: string, userId: string, state: 'attended' | 'confirmed') {
  await w.db.query("insert into registration (activity_id, user_id, quota_key, state) values ($1, $2, '', $3)", [
    activityId,
    userId,
    state,
  ])
}

const answer = (surveyId: string, answers: unknown, as: string) =>
  call<SurveyDetail>(survey, 'answer', { surveyId, answers }, as)
const results = async (surveyId: string, as: string = PEOPLE.admin) =>
  expectOk(await call<SurveyResults>(survey, 'results', { surveyId }, as))

describe('writing and running a survey', () => {
  test('a draft gets ids by position, is edited freely, and is hidden from young people', async () => {
    const draft = await createSurvey(w)
    expect(draft).toMatchObject({ status: 'draft', ownerName: '团区委', audience: 'district', planYear: w.year })
    expect(draft.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4'])
    expect(draft.questions[1]).toMatchObject({
      kind: 'multi',
      maxPicks: 2,
      options: [{ id: 'o1', label: '工作日晚上' }, { id: 'o2' }, { id: 'o3' }, { id: 'o4' }],
    })
    expect(draft.questions[2].options).toEqual([])
    // Reordered and shortened while a draft.
    const { ownerUnitId: _o, ...fields } = surveyRequest(w)
    const edited = expectOk(
      await call<SurveyDetail>(
        survey,
        'update',
        { ...fields, surveyId: draft.id, questions: [QUESTIONS[2], QUESTIONS[0]] },
        PEOPLE.admin,
      ),
    )
    expect(edited.questions.map((q) => [q.id, q.kind])).toEqual([
      ['q1', 'scale'],
      ['q2', 'single'],
    ])
    expect(await call(survey, 'get', { surveyId: draft.id }, PEOPLE.youth)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(await answer(draft.id, [{ questionId: 'q1', value: 3 }], PEOPLE.youth)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    const mine = expectOk(await call<{ items: SurveySummary[] }>(survey, 'list', { scope: 'answer' }, PEOPLE.youth))
    expect(mine.items.map((s) => s.id)).not.toContain(draft.id)
  })

  test('questions change only while a draft; a survey without questions does not open', async () => {
    const empty = await createSurvey(w, { questions: [] })
    expect(await call(survey, 'open', { surveyId: empty.id }, PEOPLE.admin)).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '请至少添加一道题目再发布',
      fields: { questions: '没有题目' },
    })
    const open = await openSurvey(w)
    expect(open.status).toBe('open')
    const { ownerUnitId: _o, ...fields } = surveyRequest(w)
    expect(await call(survey, 'update', { ...fields, surveyId: open.id }, PEOPLE.admin)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '问卷已发布，不能再修改',
    })
    expect(await call(survey, 'open', { surveyId: open.id }, PEOPLE.admin)).toMatchObject({ code: 'CONFLICT' })
    expectOk(await call(survey, 'close', { surveyId: open.id }, PEOPLE.admin))
    expect(await call(survey, 'close', { surveyId: open.id }, PEOPLE.admin)).toMatchObject({ code: 'SURVEY_CLOSED' })
  })

  test('questionnaire rules: duplicate options, a pick limit above the options, a unit’s audience beyond its own', async () => {
    expect(
      await call(
        survey,
        'create',
        surveyRequest(w, { questions: [{ kind: 'single', title: '性别', required: true, options: ['男', '男'] }] }),
        PEOPLE.admin,
      ),
    ).toEqual({ ok: false, code: 'INVALID_INPUT', message: '第 1 题有重复的选项', fields: { questions: '选项重复' } })
    expect(
      await call(
        survey,
        'create',
        surveyRequest(w, {
          questions: [
            QUESTIONS[0],
            { kind: 'multi', title: '多选', required: false, options: ['甲', '乙'], maxPicks: 3 },
          ],
        }),
        PEOPLE.admin,
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '第 2 题的最多可选项数超过了选项数' })
    const unitSurvey = { ownerUnitId: w.unitA, planYear: null }
    expect(
      await call(
        survey,
        'create',
        surveyRequest(w, { ...unitSurvey, audience: 'unit', audienceUnitId: w.unitB }),
        PEOPLE.orgA,
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '单位问卷只能面向本单位的成员或本单位的活动' })
    expect(
      await call(survey, 'create', surveyRequest(w, { ...unitSurvey, planYear: w.year }), PEOPLE.orgA),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '只有团区委的问卷可以关联年度活动清单' })
    expect(await call(survey, 'create', surveyRequest(w, { planYear: 2031 }), PEOPLE.admin)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '年度活动清单不存在或已下线',
    })
    expect(await call(survey, 'create', surveyRequest(w, { title: '代开发票调研' }), PEOPLE.admin)).toMatchObject({
      ok: false,
      code: 'CONTENT_REJECTED',
    })
  })

  test('who writes: the district admin for the district, a unit’s organisers for the unit', async () => {
    expect(await call(survey, 'create', surveyRequest(w), PEOPLE.orgA)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有团区委或本单位的组织者可以发起问卷',
    })
    expect(
      await call(survey, 'create', surveyRequest(w, { ownerUnitId: w.unitB, planYear: null }), PEOPLE.orgA),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const mine = await createSurvey(w, { ownerUnitId: w.unitA, planYear: null }, PEOPLE.orgA)
    expect(mine.ownerName).toBe('甲单位团委')
    expect(await call(survey, 'open', { surveyId: mine.id }, PEOPLE.orgB)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有发起问卷的单位或团区委可以管理问卷、查看结果',
    })
    const managed = expectOk(await call<{ items: SurveySummary[] }>(survey, 'list', { scope: 'manage' }, PEOPLE.orgA))
    expect(managed.items.length).toBeGreaterThan(0)
    expect(managed.items.every((s) => s.ownerUnitId === w.unitA)).toBe(true)
    const none = expectOk(await call<{ items: SurveySummary[] }>(survey, 'list', { scope: 'manage' }, PEOPLE.youth))
    expect(none.items).toEqual([])
  })
})

describe('who may answer', () => {
  test('district: everyone signed in', async () => {
    const s = await openSurvey(w, { planYear: null })
    const p = await person()
    expectOk(await answer(s.id, ANSWERS, p.openid))
    const listed = expectOk(await call<{ items: SurveySummary[] }>(survey, 'list', { scope: 'answer' }, p.openid))
    expect(listed.items.find((x) => x.id === s.id)).toMatchObject({ answered: true })
    expect(await call(survey, 'answer', { surveyId: s.id, answers: ANSWERS })).toMatchObject({
      code: 'UNAUTHENTICATED',
    })
  })

  test('unit: its members and the people recorded as attending its events; not those who only signed up', async () => {
    const s = await openSurvey(w, { ownerUnitId: w.unitA, planYear: null, audience: 'unit' }, PEOPLE.orgA)
    expect(s).toMatchObject({ audience: 'unit', audienceUnitId: w.unitA, audienceName: '甲单位团委' })
    const [attendee, signedUp, stranger, member] = [await person(), await person(), await person(), await person()]
    await w.db.query("insert into unit_member (unit_id, user_id, role) values ($1, $2, 'organiser')", [
      w.unitA,
      member.id,
    ])
    const event = await publishedEvent(w)
    await registration(event.id, attendee.id, 'attended')
    await registration(event.id, signedUp.id, 'confirmed')
    expectOk(await answer(s.id, ANSWERS, attendee.openid))
    expectOk(await answer(s.id, ANSWERS, member.openid))
    for (const who of [signedUp.openid, stranger.openid, PEOPLE.orgB])
      expect(await answer(s.id, ANSWERS, who)).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: '您不在本问卷的调查范围内',
      })
    expect(await call(survey, 'get', { surveyId: s.id }, stranger.openid)).toMatchObject({ code: 'FORBIDDEN' })
    const listed = expectOk(
      await call<{ items: SurveySummary[] }>(survey, 'list', { scope: 'answer' }, stranger.openid),
    )
    expect(listed.items.map((x) => x.id)).not.toContain(s.id)
    const attendeeList = expectOk(
      await call<{ items: SurveySummary[] }>(survey, 'list', { scope: 'answer' }, signedUp.openid),
    )
    expect(attendeeList.items.map((x) => x.id)).not.toContain(s.id)
  })

  test('event: the people recorded as attending that event only', async () => {
    const event = await publishedEvent(w)
    const other = await publishedEvent(w)
    const s = await openSurvey(
      w,
      { ownerUnitId: w.unitA, planYear: null, audience: 'event', audienceActivityId: event.id },
      PEOPLE.orgA,
    )
    expect(s.audienceName).toBe(event.title)
    const [here, elsewhere, registered] = [await person(), await person(), await person()]
    await registration(event.id, here.id, 'attended')
    await registration(other.id, elsewhere.id, 'attended')
    await registration(event.id, registered.id, 'confirmed')
    const mine = expectOk(await call<SurveyDetail>(survey, 'get', { surveyId: s.id }, here.openid))
    expect(mine).toMatchObject({ canAnswer: true, answered: false, myAnswers: {} })
    expectOk(await answer(s.id, ANSWERS, here.openid))
    for (const who of [elsewhere.openid, registered.openid, PEOPLE.orgA])
      expect(await answer(s.id, ANSWERS, who)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // Another unit's event is not unit A's to ask about.
    const eventOfB = await createEvent(w, { unitId: w.unitB, planLineId: w.lineB }, PEOPLE.orgB)
    expect(
      await call(
        survey,
        'create',
        surveyRequest(w, {
          ownerUnitId: w.unitA,
          planYear: null,
          audience: 'event',
          audienceActivityId: eventOfB.id,
        }),
        PEOPLE.orgA,
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '单位问卷只能面向本单位的成员或本单位的活动' })
  })
})

describe('answering', () => {
  let s: SurveyDetail
  beforeAll(async () => {
    s = await openSurvey(w, { planYear: null })
  })

  test('required answers are enforced, and nothing is stored', async () => {
    const p = await person()
    expect(await answer(s.id, [{ questionId: 'q3', value: 4 }], p.openid)).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '第 1 题为必答题，请作答',
      fields: { answers: '有必答题未作答' },
    })
    expect(
      await answer(
        s.id,
        [
          { questionId: 'q1', optionIds: [] },
          { questionId: 'q3', value: 4 },
        ],
        p.openid,
      ),
    ).toMatchObject({ message: '第 1 题为必答题，请作答' })
    expect(await answer(s.id, [{ questionId: 'q1', optionIds: ['o1'] }], p.openid)).toMatchObject({
      message: '第 3 题为必答题，请作答',
    })
    const { rows } = await w.db.query('select 1 from survey_response where user_id = $1', [p.id])
    expect(rows).toEqual([])
  })

  test.each([
    ['an option that does not exist', [{ questionId: 'q1', optionIds: ['o9'] }], '第 1 题的答案无效'],
    ['two options on a single choice', [{ questionId: 'q1', optionIds: ['o1', 'o2'] }], '第 1 题的答案无效'],
    [
      'a scale of 6',
      [
        { questionId: 'q1', optionIds: ['o1'] },
        { questionId: 'q3', value: 6 },
      ],
      '第 3 题的答案无效',
    ],
    [
      'a scale of 0',
      [
        { questionId: 'q1', optionIds: ['o1'] },
        { questionId: 'q3', value: 0 },
      ],
      '第 3 题的答案无效',
    ],
    ['three picks of at most two', [{ questionId: 'q2', optionIds: ['o1', 'o2', 'o3'] }], '第 2 题最多选择 2 项'],
    ['the same option twice', [{ questionId: 'q2', optionIds: ['o1', 'o1'] }], '第 2 题的答案无效'],
    ['a text on a choice', [{ questionId: 'q1', text: '读书会' }], '第 1 题的答案无效'],
    ['a question that does not exist', [{ questionId: 'q9', value: 3 }], '答案与问卷的题目不符，请刷新后重试'],
    [
      'a question answered twice',
      [
        { questionId: 'q3', value: 3 },
        { questionId: 'q3', value: 4 },
      ],
      '第 3 题的答案无效',
    ],
  ])('%s is refused', async (_what, bad, message) => {
    const p = await person()
    const base = ANSWERS.filter((a) => !(bad as { questionId: string }[]).some((b) => b.questionId === a.questionId))
    expect(await answer(s.id, [...(bad as object[]), ...base], p.openid)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message,
    })
  })

  test('a text answer is content-checked', async () => {
    const p = await person()
    const answers = [...ANSWERS.slice(0, 3), { questionId: 'q4', text: '有人代开发票' }]
    expect(await answer(s.id, answers, p.openid)).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' })
  })

  test('one response per person, editable until the survey closes; the counts follow the edit', async () => {
    const own = await openSurvey(w, { planYear: null })
    const p = await person()
    const first = expectOk(await answer(own.id, ANSWERS, p.openid))
    expect(first.myAnswers).toEqual({ q1: ['o2'], q2: ['o1', 'o3'], q3: 4, q4: '希望多办周末活动' })
    const edited = expectOk(
      await answer(
        own.id,
        [
          { questionId: 'q1', optionIds: ['o3'] },
          { questionId: 'q2', optionIds: ['o4'] },
          { questionId: 'q3', value: 2 },
        ],
        p.openid,
      ),
    )
    expect(edited.myAnswers).toEqual({ q1: ['o3'], q2: ['o4'], q3: 2 })
    const { rows } = await w.db.query('select 1 from survey_response where survey_id = $1', [own.id])
    expect(rows).toHaveLength(1)
    const r = await results(own.id)
    expect(r.responses).toBe(1)
    const counts = Object.fromEntries(
      r.questions.map((q) => [q.questionId, q.choices.filter((c) => c.count > 0).map((c) => c.key)]),
    )
    expect(counts).toEqual({ q1: ['o3'], q2: ['o4'], q3: ['2'], q4: [] })
    expect(r.questions[3].answered).toBe(0)
    const texts = expectOk(
      await call<TextAnswerPage>(survey, 'textAnswers', { surveyId: own.id, questionId: 'q4' }, PEOPLE.admin),
    )
    expect(texts.items).toEqual([])
    // Closed: the answer stays what it was.
    expectOk(await call(survey, 'close', { surveyId: own.id }, PEOPLE.admin))
    expect(await answer(own.id, ANSWERS, p.openid)).toEqual({
      ok: false,
      code: 'SURVEY_CLOSED',
      message: '问卷未开放或已结束',
    })
    const after = expectOk(await call<SurveyDetail>(survey, 'get', { surveyId: own.id }, p.openid))
    expect(after).toMatchObject({ status: 'closed', canAnswer: false, answered: true, myAnswers: { q1: ['o3'] } })
  })

  test('fifty concurrent answers of one person make one response and count once', async () => {
    const own = await openSurvey(w, { planYear: null })
    const p = await person()
    const all = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        answer(
          own.id,
          [
            { questionId: 'q1', optionIds: [`o${1 + (i % 3)}`] },
            { questionId: 'q3', value: 1 + (i % 5) },
          ],
          p.openid,
        ),
      ),
    )
    expect(all.every((r) => r.ok)).toBe(true)
    const r = await results(own.id)
    expect(r.responses).toBe(1)
    expect(r.questions[0].choices.reduce((s2, c) => s2 + c.count, 0)).toBe(1)
    expect(r.questions[2].choices.reduce((s2, c) => s2 + c.count, 0)).toBe(1)
  })
})

describe('results', () => {
  let s: SurveyDetail
  beforeAll(async () => {
    s = await openSurvey(w, { planYear: null })
  })

  test('the counts match a recount of the stored responses after many answers and edits', async () => {
    const people = await Promise.all(Array.from({ length: 30 }, () => person()))
    let seed = 7
    const rand = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % k
    }
    const randomAnswers = () => {
      const picks = ['o1', 'o2', 'o3', 'o4'].filter(() => rand(3) === 0).slice(0, 2)
      return [
        { questionId: 'q1', optionIds: [`o${1 + rand(3)}`] },
        ...(picks.length ? [{ questionId: 'q2', optionIds: picks }] : []),
        { questionId: 'q3', value: 1 + rand(5) },
        ...(rand(2) ? [{ questionId: 'q4', text: `建议 ${rand(1000)}` }] : []),
      ]
    }
    for (let round = 0; round < 3; round++) {
      const rs = await Promise.all(people.map((p) => answer(s.id, randomAnswers(), p.openid)))
      expect(rs.every((r) => r.ok)).toBe(true)
    }
    const stored = (
      await w.db.query<{ answers: Record<string, string[] | number | string> }>(
        'select answers from survey_response where survey_id = $1',
        [s.id],
      )
    ).rows.map((r) => r.answers)
    const r = await results(s.id)
    expect(r.responses).toBe(stored.length)
    expect(stored).toHaveLength(30)
    for (const q of r.questions) {
      const given = stored.map((a) => a[q.questionId]).filter((a) => a !== undefined)
      expect(q.answered).toBe(given.length)
      for (const c of q.choices) {
        const recount = given.filter((a) => (Array.isArray(a) ? a.includes(c.key) : String(a) === c.key)).length
        expect({ q: q.questionId, key: c.key, count: c.count }).toEqual({ q: q.questionId, key: c.key, count: recount })
        expect(c.percent).toBe(given.length ? Math.round((recount * 1000) / given.length) / 10 : 0)
      }
    }
    const scale = r.questions[2]
    const values = stored.map((a) => a.q3 as number)
    expect(scale.average).toBe(Math.round((values.reduce((x, y) => x + y, 0) * 100) / values.length) / 100)
    // Text answers: every stored text once, across pages, and nothing but the text.
    const texts: string[] = []
    let cursor: string | undefined
    do {
      const page: TextAnswerPage = expectOk(
        await call<TextAnswerPage>(
          survey,
          'textAnswers',
          { surveyId: s.id, questionId: 'q4', limit: 4, cursor },
          PEOPLE.admin,
        ),
      )
      expect(page.items.length).toBeLessThanOrEqual(4)
      page.items.forEach((t) => expect(typeof t).toBe('string'))
      texts.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(texts.sort()).toEqual(
      stored
        .map((a) => a.q4)
        .filter((t): t is string => typeof t === 'string')
        .sort(),
    )
  })

  test('results and text answers are for the owner and the district admin only', async () => {
    const unitSurvey = await openSurvey(w, { ownerUnitId: w.unitA, planYear: null }, PEOPLE.orgA)
    expectOk(await call(survey, 'results', { surveyId: unitSurvey.id }, PEOPLE.orgA))
    expectOk(await call(survey, 'results', { surveyId: unitSurvey.id }, PEOPLE.admin))
    for (const who of [PEOPLE.orgB, PEOPLE.youth])
      for (const action of ['results', 'textAnswers', 'export'])
        expect(
          await call(
            survey,
            action,
            { surveyId: unitSurvey.id, ...(action === 'textAnswers' ? { questionId: 'q4' } : {}) },
            who,
          ),
        ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call(survey, 'textAnswers', { surveyId: unitSurvey.id, questionId: 'q1' }, PEOPLE.orgA)).toMatchObject(
      { ok: false, code: 'INVALID_INPUT' },
    )
    expect(
      await call(survey, 'textAnswers', { surveyId: unitSurvey.id, questionId: 'q4', cursor: 'nope' }, PEOPLE.orgA),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '翻页参数无效，请刷新后重试' })
  })

  test('the export: one row per response, answers by column, no names; a private file behind a short link', async () => {
    const exported = expectOk(await call<SurveyExport>(survey, 'export', { surveyId: s.id }, PEOPLE.admin))
    expect(exported.fileName).toMatch(/^问卷结果-.+\.xlsx$/)
    expect(exported.url).toMatch(/exp=.*sig=/)
    const localPath = exported.fileId.replace(/^local:\/\//, '')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(readFileSync(join(filesDir, localPath)) as unknown as ArrayBuffer)
    const sheet = book.getWorksheet(SURVEY_SHEET_NAME)!
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header).toEqual([SURVEY_FIRST_HEADER, ...QUESTIONS.map((q, i) => `${i + 1}. ${q.title}`)])
    expect(sheet.rowCount).toBe(1 + 30)
    const cells = sheet.getSheetValues().flat().map(String).join(' ')
    for (const name of ['youth', 'w:survey-', '李青']) expect(cells).not.toContain(name)
    const row2 = (sheet.getRow(2).values as unknown[]).slice(1)
    expect(['读书会', '植树', '联谊']).toContain(row2[1])
    expect([1, 2, 3, 4, 5]).toContain(row2[3])
  })

  test('the export counts against the export limit: past 20 an hour it is RATE_LIMITED; results are not exports', async () => {
    const unitSurvey = await openSurvey(w, { ownerUnitId: w.unitB, planYear: null }, PEOPLE.orgB)
    const hits = async () =>
      (
        await w.db.query<{ hits: number }>(
          "select coalesce(sum(hits), 0)::int as hits from rate_limit where bucket = 'export' and subject = $1",
          [PEOPLE.orgB],
        )
      ).rows[0].hits
    expectOk(await call(survey, 'export', { surveyId: unitSurvey.id }, PEOPLE.orgB))
    expect(await hits()).toBe(1)
    await w.db.query("update rate_limit set hits = 20 where bucket = 'export' and subject = $1", [PEOPLE.orgB])
    expect(await call(survey, 'export', { surveyId: unitSurvey.id }, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
    })
    expectOk(await call(survey, 'results', { surveyId: unitSurvey.id }, PEOPLE.orgB))
  })

  test('the plan list shows the district surveys linked to a year', async () => {
    const linked = await openSurvey(w, { title: '年度清单征集' })
    const listed = expectOk(
      await call<{ items: SurveySummary[] }>(survey, 'list', { scope: 'plan', year: w.year }, PEOPLE.youth),
    )
    expect(listed.items.map((x) => x.id)).toContain(linked.id)
    expect(listed.items.every((x) => x.planYear === w.year && x.status !== 'draft')).toBe(true)
  })
})

describe('bad payloads answer INVALID_INPUT', () => {
  const long = '字'.repeat(501)
  test.each([
    ['an unknown field', { extra: 1 }],
    ['31 questions', { questions: Array.from({ length: 31 }, () => QUESTIONS[2]) }],
    ['one option', { questions: [{ kind: 'single', title: '一项', required: true, options: ['唯一'] }] }],
    [
      '21 options',
      {
        questions: [
          { kind: 'single', title: '多项', required: true, options: Array.from({ length: 21 }, (_, i) => `选项${i}`) },
        ],
      },
    ],
    ['options on a scale', { questions: [{ kind: 'scale', title: '量表', required: true, options: ['a', 'b'] }] }],
    ['an unknown kind', { questions: [{ kind: 'ranking', title: '排序', required: true }] }],
    ['an empty title', { title: ' ' }],
    ['an unknown audience', { audience: 'everyone' }],
  ])('create with %s', async (_what, patch) => {
    expect(await call(survey, 'create', { ...surveyRequest(w), ...patch }, PEOPLE.admin)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })

  test.each([
    ['a text over 500 characters', [{ questionId: 'q4', text: long }]],
    ['a question id that is not one', [{ questionId: 'x', value: 1 }]],
    ['an option id that is not one', [{ questionId: 'q1', optionIds: ['1; drop'] }]],
    ['a fractional scale', [{ questionId: 'q3', value: 2.5 }]],
    ['answers not a list', { q1: 'o1' }],
  ])('answer with %s', async (_what, answers) => {
    const s = await openSurvey(w, { planYear: null })
    expect(await call(survey, 'answer', { surveyId: s.id, answers }, PEOPLE.youth)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })

  test('a survey id that is not a uuid, and one that does not exist', async () => {
    expect(await call(survey, 'get', { surveyId: 'abc' }, PEOPLE.youth)).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await call(survey, 'get', { surveyId: '00000000-0000-4000-8000-000000000000' }, PEOPLE.youth)).toMatchObject(
      { code: 'NOT_FOUND', message: '问卷不存在或已下线' },
    )
    expect(await call(survey, 'nope', {}, PEOPLE.youth)).toMatchObject({ code: 'UNKNOWN_ACTION' })
  })
})
