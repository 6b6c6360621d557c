/** Survey fixtures shared by the survey tests and the role matrix. */
import type { SurveyCreateRequest, SurveyDetail } from '@api/survey'
import { main as survey } from '../../cloudfunctions/survey/src'
import { call, expectOk } from '../support/call'
import { PEOPLE, type World } from '../support/world'

export { survey }

/** Four questions, one of each kind: single (required), multi (≤ 2 picks), scale (required), text. */
export const QUESTIONS: NonNullable<SurveyCreateRequest['questions']> = [
  { kind: 'single', title: '您最常参加哪类活动？', required: true, options: ['读书会', '植树', '联谊'] },
  {
    kind: 'multi',
    title: '您希望在哪些时间参加？',
    required: false,
    options: ['工作日晚上', '周六', '周日', '节假日'],
    maxPicks: 2,
  },
  { kind: 'scale', title: '您对今年的活动满意吗？', required: true },
  { kind: 'text', title: '您还有什么建议？', required: false },
]

export function surveyRequest(w: World, overrides: Partial<SurveyCreateRequest> = {}): SurveyCreateRequest {
  return {
    ownerUnitId: null,
    title: '润州青年需求调研',
    intro: '请花两分钟告诉我们您的想法。',
    questions: QUESTIONS,
    audience: 'district',
    planYear: w.year,
    ...overrides,
  }
}

export async function createSurvey(
  w: World,
  overrides: Partial<SurveyCreateRequest> = {},
  as: string = PEOPLE.admin,
): Promise<SurveyDetail> {
  return expectOk(await call<SurveyDetail>(survey, 'create', surveyRequest(w, overrides), as))
}

export async function openSurvey(
  w: World,
  overrides: Partial<SurveyCreateRequest> = {},
  as: string = PEOPLE.admin,
): Promise<SurveyDetail> {
  const draft = await createSurvey(w, overrides, as)
  return expectOk(await call<SurveyDetail>(survey, 'open', { surveyId: draft.id }, as))
}

/** A full valid answer to QUESTIONS. */
export const ANSWERS = [
  { questionId: 'q1', optionIds: ['o2'] },
  { questionId: 'q2', optionIds: ['o1', 'o3'] },
  { questionId: 'q3', value: 4 },
  { questionId: 'q4', text: '希望多办周末活动' },
]

/** The role-matrix rows of every survey action (`UNIT_A`: unit A's organiser and the district admin). */
export function surveyMatrixCases(world: () => World): {
  name: string
  who: 'SIGNED_IN' | 'UNIT_A'
  data: () => Promise<unknown>
}[] {
  let open: Promise<SurveyDetail> | null = null
  const unitOpen = () => (open ??= openSurvey(world(), { ownerUnitId: world().unitA, planYear: null }, PEOPLE.orgA))
  const draft = () => createSurvey(world(), { ownerUnitId: world().unitA, planYear: null }, PEOPLE.orgA)
  let district: Promise<SurveyDetail> | null = null
  const districtOpen = () => (district ??= openSurvey(world(), { planYear: null }))
  return [
    {
      name: 'survey.create',
      who: 'UNIT_A',
      data: async () => surveyRequest(world(), { ownerUnitId: world().unitA, planYear: null }),
    },
    {
      name: 'survey.update',
      who: 'UNIT_A',
      data: async () => {
        const { ownerUnitId: _owner, ...fields } = surveyRequest(world(), { planYear: null })
        return { ...fields, surveyId: (await draft()).id }
      },
    },
    { name: 'survey.open', who: 'UNIT_A', data: async () => ({ surveyId: (await draft()).id }) },
    {
      name: 'survey.close',
      who: 'UNIT_A',
      data: async () => ({
        surveyId: (await openSurvey(world(), { ownerUnitId: world().unitA, planYear: null }, PEOPLE.orgA)).id,
      }),
    },
    { name: 'survey.list', who: 'SIGNED_IN', data: async () => ({ scope: 'answer' }) },
    { name: 'survey.get', who: 'SIGNED_IN', data: async () => ({ surveyId: (await districtOpen()).id }) },
    {
      name: 'survey.answer',
      who: 'SIGNED_IN',
      data: async () => ({ surveyId: (await districtOpen()).id, answers: ANSWERS }),
    },
    { name: 'survey.results', who: 'UNIT_A', data: async () => ({ surveyId: (await unitOpen()).id }) },
    {
      name: 'survey.textAnswers',
      who: 'UNIT_A',
      data: async () => ({ surveyId: (await unitOpen()).id, questionId: 'q4' }),
    },
    { name: 'survey.export', who: 'UNIT_A', data: async () => ({ surveyId: (await unitOpen()).id }) },
  ]
}
