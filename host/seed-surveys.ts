/**
 * Demo survey (调研问卷): the district's needs survey sent after the first joint meeting (Runzhou,
 * seed 003), open, linked to the year's annual list, with answers from 36 of the demo young people
 * (the demo 李青 has not answered yet, so he finds it in 我的 → 调研问卷). Written with the same
 * rules and statements the survey function uses, so its counts are what the answers would leave.
 * Called once by seedIfEmpty inside its transaction.
 */
import type { PoolClient } from 'pg'
import type { AnswerValue, SurveyQuestion } from '@api/survey'
import { tallyDelta, tallyKeys, textAnswersOf } from '../server/domain/survey/answers'
import { buildQuestions } from '../server/domain/survey/questions'
import {
  applyTally,
  createTallyRows,
  insertResponse,
  insertSurvey,
  replaceTextAnswers,
  setSurveyStatus,
} from '../server/store/surveys'

export const DEMO_SURVEY_TITLE = '润州区青年活动需求调研'

const SUGGESTIONS = [
  '希望多办周末的户外活动',
  '读书会可以增加线上场次',
  '交友联谊希望跨单位组织',
  '希望有更多职业技能培训',
]

export async function seedSurveys(
  client: PoolClient,
  o: { districtId: string; year: number; districtAdminId: string; youthIds: string[]; now: Date },
): Promise<void> {
  const questions = buildQuestions([
    {
      kind: 'single',
      title: '您最想参加哪类活动？',
      required: true,
      options: ['植树/公益林', '读书会', '交友联谊', '岗位见习', '创业沙龙'],
    },
    {
      kind: 'multi',
      title: '您方便参加活动的时间（最多选 2 项）',
      required: true,
      options: ['工作日晚上', '周六', '周日', '节假日'],
      maxPicks: 2,
    },
    { kind: 'scale', title: '您对去年团区委组织的活动满意吗？', required: true },
    { kind: 'text', title: '您对今年的年度活动清单有什么建议？', required: false },
  ]) as SurveyQuestion[]
  const surveyId = await insertSurvey(
    client,
    o.districtId,
    null,
    {
      title: DEMO_SURVEY_TITLE,
      intro: '首次联席会议后，请大家说说今年最想参加的活动，结果将用于完善年度活动清单。',
      questions,
      audience: 'district',
      audienceUnitId: null,
      audienceActivityId: null,
      planYear: o.year,
    },
    o.districtAdminId,
    o.now,
  )
  await setSurveyStatus(client, o.districtId, surveyId, 'open', o.now)
  await createTallyRows(client, o.districtId, surveyId, tallyKeys(questions))
  for (const [i, userId] of o.youthIds.slice(0, 36).entries()) {
    const answers: Record<string, AnswerValue> = {
      q1: [`o${1 + ((i * 7) % 5)}`],
      q2: i % 3 === 0 ? ['o2', 'o3'] : [`o${1 + (i % 4)}`],
      q3: 3 + (i % 3),
      ...(i % 4 === 0 ? { q4: SUGGESTIONS[(i / 4) % SUGGESTIONS.length] } : {}),
    }
    await insertResponse(client, o.districtId, surveyId, userId, answers, o.now)
    await applyTally(client, o.districtId, surveyId, tallyDelta(questions, null, answers))
    await replaceTextAnswers(client, o.districtId, surveyId, userId, textAnswersOf(questions, answers))
  }
}
