/** Shapes survey records into answers. */
import type { AnswerValue, SurveyDetail, SurveySummary } from '@api/survey'
import type { SurveyRecord } from '../../store/surveys'

export function surveySummary(s: SurveyRecord, answered: boolean, manageable: boolean): SurveySummary {
  return {
    id: s.id,
    title: s.title,
    status: s.status,
    ownerUnitId: s.ownerUnitId,
    ownerName: s.ownerUnitName ?? '团区委',
    audience: s.audience,
    audienceUnitId: s.audienceUnitId,
    audienceActivityId: s.audienceActivityId,
    audienceName: s.audienceName,
    planYear: s.planYear,
    questionCount: s.questions.length,
    responses: s.responses,
    answered,
    manageable,
    openedAt: s.openedAt?.toISOString() ?? null,
    closedAt: s.closedAt?.toISOString() ?? null,
  }
}

export function surveyDetail(
  s: SurveyRecord,
  my: Record<string, AnswerValue> | null,
  manageable: boolean,
  canAnswer: boolean,
): SurveyDetail {
  return {
    ...surveySummary(s, my !== null, manageable),
    intro: s.intro,
    questions: s.questions,
    myAnswers: my ?? {},
    canAnswer,
  }
}
