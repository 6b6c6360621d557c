/** The survey pages' calls of the `survey` function (and the unit's events, for an event audience). */
import type {
  AnswerInput,
  SurveyCreateRequest,
  SurveyDetail,
  SurveyExport,
  SurveyResults,
  SurveySummary,
  SurveyUpdateRequest,
  TextAnswerPage,
} from '@api/survey'
import { callFunction } from '@/services/cloud'

export const listSurveys = (scope: 'answer' | 'manage' | 'plan', year?: number): Promise<{ items: SurveySummary[] }> =>
  callFunction('survey', 'list', year ? { scope, year } : { scope })

export const getSurvey = (surveyId: string): Promise<SurveyDetail> => callFunction('survey', 'get', { surveyId })

export const createSurvey = (req: SurveyCreateRequest): Promise<SurveyDetail> => callFunction('survey', 'create', req)

export const updateSurvey = (req: SurveyUpdateRequest): Promise<SurveyDetail> => callFunction('survey', 'update', req)

export const openSurvey = (surveyId: string): Promise<SurveyDetail> => callFunction('survey', 'open', { surveyId })

export const closeSurvey = (surveyId: string): Promise<SurveyDetail> => callFunction('survey', 'close', { surveyId })

export const answerSurvey = (surveyId: string, answers: AnswerInput[]): Promise<SurveyDetail> =>
  callFunction('survey', 'answer', { surveyId, answers })

export const surveyResults = (surveyId: string): Promise<SurveyResults> =>
  callFunction('survey', 'results', { surveyId })

export const textAnswers = (surveyId: string, questionId: string, cursor: string | null): Promise<TextAnswerPage> =>
  callFunction('survey', 'textAnswers', cursor ? { surveyId, questionId, cursor } : { surveyId, questionId })

export const exportSurvey = (surveyId: string): Promise<SurveyExport> => callFunction('survey', 'export', { surveyId })

/** A unit's events, newest first, for choosing an event audience. */
export const unitEvents = (unitId: string) => callFunction('activity', 'manageList', { unitId })

export const PAGES = '/packages/surveys/pages'
