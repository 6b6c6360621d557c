/** Cloud function `survey`: questionnaires (调研问卷) — write, open, answer, results, text answers, export. */
import {
  surveyAnswerRequest,
  surveyCreateRequest,
  surveyIdRequest,
  surveyListRequest,
  surveyUpdateRequest,
  textAnswersRequest,
  type SurveyActions,
} from '@api/survey'
import { answerSurvey } from '../../../server/app/survey/answer'
import type { SurveyFailure } from '../../../server/app/survey/failures'
import { exportSurvey, surveyResultsOf, surveyTextAnswers } from '../../../server/app/survey/results'
import {
  closeSurvey,
  createSurvey,
  editSurvey,
  openSurvey,
  surveyGet,
  surveyList,
} from '../../../server/app/survey/surveys'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { surveyFailures } from './failures'

export const actions = withFailures<SurveyActions, SurveyFailure>(
  {
    create: action({
      access: 'signed_in',
      input: surveyCreateRequest,
      handle: (input, ctx) => createSurvey(ctx, input),
    }),
    update: action({ access: 'signed_in', input: surveyUpdateRequest, handle: (input, ctx) => editSurvey(ctx, input) }),
    open: action({ access: 'signed_in', input: surveyIdRequest, handle: (input, ctx) => openSurvey(ctx, input) }),
    close: action({ access: 'signed_in', input: surveyIdRequest, handle: (input, ctx) => closeSurvey(ctx, input) }),
    list: action({ access: 'signed_in', input: surveyListRequest, handle: (input, ctx) => surveyList(ctx, input) }),
    get: action({ access: 'signed_in', input: surveyIdRequest, handle: (input, ctx) => surveyGet(ctx, input) }),
    answer: action({
      access: 'signed_in',
      input: surveyAnswerRequest,
      handle: (input, ctx) => answerSurvey(ctx, input),
    }),
    results: action({
      access: 'signed_in',
      input: surveyIdRequest,
      handle: (input, ctx) => surveyResultsOf(ctx, input),
    }),
    textAnswers: action({
      access: 'signed_in',
      input: textAnswersRequest,
      handle: (input, ctx) => surveyTextAnswers(ctx, input),
    }),
    export: action({ access: 'signed_in', input: surveyIdRequest, handle: (input, ctx) => exportSurvey(ctx, input) }),
  },
  surveyFailures,
)

export const main = createFunction<SurveyActions>('survey', actions)
