/** Every failure the survey use cases answer with; the survey function's table words each one. */
import type { CommonFailure } from '../../domain/failure'
import type { AudienceFailure } from '../../domain/survey/access'
import type { AnswersFailure } from '../../domain/survey/answers'
import type { QuestionsFailure } from '../../domain/survey/questions'

export type SurveyFailure =
  | CommonFailure
  | QuestionsFailure
  | AnswersFailure
  | AudienceFailure
  | { kind: 'missing'; what: 'survey' | 'unit' | 'activity' | 'plan' }
  /** Writing a district survey: the district admin; a unit's: its organisers (or the district admin). */
  | { kind: 'notSurveyAuthor' }
  /** Editing, opening, closing, results and export: the owner unit's organisers or the district admin. */
  | { kind: 'notSurveyManager' }
  /** Answering (or reading) a survey whose audience does not include me. */
  | { kind: 'notInAudience' }
  /** Questions change only while a draft; a draft opens, an open survey closes. */
  | { kind: 'surveyNotDraft' }
  | { kind: 'surveyNotOpen' }
  | { kind: 'badCursor' }
