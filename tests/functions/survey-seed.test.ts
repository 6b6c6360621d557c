/** The demo survey: open, linked to the year's list, answered by demo young people; 李青 can still answer it. */
import type { SurveyDetail, SurveyResults, SurveySummary } from '@api/survey'
import { DEMO_PEOPLE, seedIfEmpty } from '../../host/seed'
import { DEMO_SURVEY_TITLE } from '../../host/seed-surveys'
import { call, expectOk } from '../support/call'
import { closePool, useFreshDatabase } from '../support/db'
import { survey } from './survey-fixtures'

afterAll(closePool)

test('the seeded survey has answers whose counts match them, and the demo young person can answer it', async () => {
  const db = await useFreshDatabase()
  const now = new Date('2026-11-25T02:00:00Z')
  expect(await seedIfEmpty(db, now)).toBe(true)
  const admin = DEMO_PEOPLE.district_admin.openid
  const linked = expectOk(await call<{ items: SurveySummary[] }>(survey, 'list', { scope: 'plan', year: 2026 }, admin))
  const s = linked.items.find((x) => x.title === DEMO_SURVEY_TITLE)!
  expect(s).toMatchObject({ status: 'open', planYear: 2026, responses: 36, ownerName: '团区委' })
  const youth = DEMO_PEOPLE.youth.openid
  const mine = expectOk(await call<{ items: SurveySummary[] }>(survey, 'list', { scope: 'answer' }, youth))
  expect(mine.items.find((x) => x.id === s.id)).toMatchObject({ answered: false })
  const answered = expectOk(
    await call<SurveyDetail>(
      survey,
      'answer',
      {
        surveyId: s.id,
        answers: [
          { questionId: 'q1', optionIds: ['o2'] },
          { questionId: 'q2', optionIds: ['o2'] },
          { questionId: 'q3', value: 5 },
        ],
      },
      youth,
    ),
  )
  expect(answered.answered).toBe(true)
  const r = expectOk(await call<SurveyResults>(survey, 'results', { surveyId: s.id }, admin))
  expect(r.responses).toBe(37)
  const stored = (
    await db.query<{ answers: Record<string, string[] | number> }>(
      'select answers from survey_response where survey_id = $1',
      [s.id],
    )
  ).rows.map((x) => x.answers)
  for (const q of r.questions.filter((x) => x.kind !== 'text'))
    for (const c of q.choices)
      expect(c.count).toBe(
        stored.filter((a) => {
          const v = a[q.questionId]
          return Array.isArray(v) ? v.includes(c.key) : String(v) === c.key
        }).length,
      )
})
