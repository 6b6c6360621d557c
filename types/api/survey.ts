/**
 * API contract of the `survey` cloud function: questionnaires (调研问卷) written by the district or a
 * unit, answered once per person (editable while open), with results kept as running counts.
 */
import * as z from 'zod'
import { text, uuid, YEAR } from './common'
import {
  SURVEY_AUDIENCES,
  SURVEY_LIMITS as L,
  type QuestionKind,
  type SurveyAudience,
  type SurveyState,
} from '../contract/survey'

export {
  QUESTION_KINDS,
  QUESTION_KIND_NAMES,
  SCALE_VALUES,
  SURVEY_AUDIENCES,
  SURVEY_AUDIENCE_NAMES,
  SURVEY_LIMITS,
  SURVEY_STATES,
  SURVEY_STATE_NAMES,
  type QuestionKind,
  type SurveyAudience,
  type SurveyState,
} from '../contract/survey'

const title = () => text(1, L.questionTitle)
const options = () => z.array(text(1, L.optionLabel)).min(L.minOptions).max(L.maxOptions)

/** A question as the editor sends it; ids are given by the server (by position) when the draft is saved. */
export const questionInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('single'),
    title: title(),
    required: z.boolean().default(false),
    options: options(),
  }),
  z.strictObject({
    kind: z.literal('multi'),
    title: title(),
    required: z.boolean().default(false),
    options: options(),
    /** At most this many picks; null: any number. */
    maxPicks: z.number().int().min(1).max(L.maxOptions).nullable().default(null),
  }),
  z.strictObject({ kind: z.literal('scale'), title: title(), required: z.boolean().default(false) }),
  z.strictObject({ kind: z.literal('text'), title: title(), required: z.boolean().default(false) }),
])

const surveyFields = {
  title: text(2, L.title),
  intro: text(0, L.intro).default(''),
  questions: z.array(questionInput).max(L.questions).default([]),
  audience: z.enum(SURVEY_AUDIENCES),
  /** audience `unit`: the unit whose people answer (a unit's survey: that unit); `event`: the event. */
  audienceUnitId: uuid().nullable().default(null),
  audienceActivityId: uuid().nullable().default(null),
  /** District surveys only: the year of the annual list it informs. */
  planYear: YEAR.nullable().default(null),
}

export const surveyCreateRequest = z.strictObject({
  /** null: the district's own survey (团区委). */
  ownerUnitId: uuid().nullable().default(null),
  ...surveyFields,
})
export type SurveyCreateRequest = z.input<typeof surveyCreateRequest>

export const surveyUpdateRequest = z.strictObject({ surveyId: uuid(), ...surveyFields })
export type SurveyUpdateRequest = z.input<typeof surveyUpdateRequest>

export const surveyIdRequest = z.strictObject({ surveyId: uuid() })
export type SurveyIdRequest = z.input<typeof surveyIdRequest>

export const surveyListRequest = z.strictObject({
  /** `answer`: open surveys I may answer (and closed ones I answered); `manage`: those I may manage; `plan`: linked to a year's list. */
  scope: z.enum(['answer', 'manage', 'plan']),
  year: YEAR.optional(),
})
export type SurveyListRequest = z.input<typeof surveyListRequest>

export const answerInput = z.strictObject({
  questionId: z.string().regex(/^q\d{1,2}$/),
  /** Single and multiple choice: the chosen options' ids. */
  optionIds: z
    .array(z.string().regex(/^o\d{1,2}$/))
    .max(L.maxOptions)
    .optional(),
  /** Scale: 1..5. */
  value: z.number().int().optional(),
  /** Short text. */
  text: text(0, L.textAnswer).optional(),
})
export type AnswerInput = z.input<typeof answerInput>

export const surveyAnswerRequest = z.strictObject({
  surveyId: uuid(),
  answers: z.array(answerInput).max(L.questions),
})
export type SurveyAnswerRequest = z.input<typeof surveyAnswerRequest>

export const textAnswersRequest = z.strictObject({
  surveyId: uuid(),
  questionId: z.string().regex(/^q\d{1,2}$/),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(20),
})
export type TextAnswersRequest = z.input<typeof textAnswersRequest>

export interface SurveyOption {
  id: string
  label: string
}

export interface SurveyQuestion {
  id: string
  kind: QuestionKind
  title: string
  required: boolean
  /** Choice questions only (else empty). */
  options: SurveyOption[]
  /** Multiple choice: at most this many picks (null: any). */
  maxPicks: number | null
}

/** One answer as stored and answered back: option ids, a scale value or a text. */
export type AnswerValue = string[] | number | string

export interface SurveySummary {
  id: string
  title: string
  status: SurveyState
  ownerUnitId: string | null
  /** 团区委 or the unit's name. */
  ownerName: string
  audience: SurveyAudience
  audienceUnitId: string | null
  audienceActivityId: string | null
  /** The unit's or the event's name, for the audience line. */
  audienceName: string | null
  planYear: number | null
  questionCount: number
  responses: number
  /** Whether I have answered (always false in the manage list). */
  answered: boolean
  /** Whether I may manage it (edit, open, close, see results). */
  manageable: boolean
  openedAt: string | null
  closedAt: string | null
}

export interface SurveyDetail extends SurveySummary {
  intro: string
  questions: SurveyQuestion[]
  /** My answers by question id (empty when I have not answered). */
  myAnswers: Record<string, AnswerValue>
  /** Whether I may answer now (open and in the audience). */
  canAnswer: boolean
}

export interface ChoiceCount {
  /** The option id, or "1".."5" for a scale. */
  key: string
  label: string
  count: number
  /** Of the people who answered the question, 0..100 with one decimal. */
  percent: number
}

export interface QuestionResult {
  questionId: string
  kind: QuestionKind
  title: string
  required: boolean
  /** People who answered this question. */
  answered: number
  choices: ChoiceCount[]
  /** Scale: the mean of the answers (null when nobody answered). */
  average: number | null
}

export interface SurveyResults {
  survey: SurveySummary
  responses: number
  questions: QuestionResult[]
}

export interface TextAnswerPage {
  /** The texts only: no author, no time; in an order that tells nothing about who or when. */
  items: string[]
  nextCursor: string | null
}

export interface SurveyExport {
  fileName: string
  fileId: string
  url: string
}

export interface SurveyActions {
  create: { request: SurveyCreateRequest; response: SurveyDetail }
  update: { request: SurveyUpdateRequest; response: SurveyDetail }
  open: { request: SurveyIdRequest; response: SurveyDetail }
  close: { request: SurveyIdRequest; response: SurveyDetail }
  list: { request: SurveyListRequest; response: { items: SurveySummary[] } }
  get: { request: SurveyIdRequest; response: SurveyDetail }
  answer: { request: SurveyAnswerRequest; response: SurveyDetail }
  results: { request: SurveyIdRequest; response: SurveyResults }
  textAnswers: { request: TextAnswersRequest; response: TextAnswerPage }
  export: { request: SurveyIdRequest; response: SurveyExport }
}
