/** Surveys (调研问卷): the contract's constants, imported as values by pages and the server. */

export const SURVEY_STATES = ['draft', 'open', 'closed'] as const
export type SurveyState = (typeof SURVEY_STATES)[number]
export const SURVEY_STATE_NAMES: Record<SurveyState, string> = { draft: '草稿', open: '收集中', closed: '已结束' }

export const QUESTION_KINDS = ['single', 'multi', 'scale', 'text'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]
export const QUESTION_KIND_NAMES: Record<QuestionKind, string> = {
  single: '单选题',
  multi: '多选题',
  scale: '1–5 分量表',
  text: '简答题',
}

/**
 * Who may answer: everyone in the district; a unit's people (its members and the people recorded as
 * attending its events); the people recorded as attending one event.
 */
export const SURVEY_AUDIENCES = ['district', 'unit', 'event'] as const
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number]
export const SURVEY_AUDIENCE_NAMES: Record<SurveyAudience, string> = {
  district: '全区青年',
  unit: '单位成员和参加过单位活动的青年',
  event: '某场活动的参加者',
}

export const SURVEY_LIMITS = {
  questions: 30,
  minOptions: 2,
  maxOptions: 20,
  textAnswer: 500,
  title: 60,
  intro: 1000,
  questionTitle: 100,
  optionLabel: 40,
} as const

/** A 1–5 scale's values. */
export const SCALE_VALUES = [1, 2, 3, 4, 5] as const
