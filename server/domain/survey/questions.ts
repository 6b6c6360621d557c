/**
 * A questionnaire's questions: checked when a draft is saved, given ids by position (q1.., o1..).
 * Ids change only while a draft (no one can have answered), so answers and counts always name
 * the questions as they were opened.
 */
import type { AnswerValue, QuestionKind, SurveyQuestion } from '@api/survey'

export interface QuestionDraft {
  kind: QuestionKind
  title: string
  required: boolean
  options?: string[]
  maxPicks?: number | null
}

export type QuestionsFailure =
  /** Two options of one question read the same. */
  | { kind: 'duplicateOption'; questionNo: number }
  /** A multiple-choice limit above its number of options. */
  | { kind: 'maxPicksTooMany'; questionNo: number }
  /** Opening a survey that has no question. */
  | { kind: 'surveyEmpty' }

/** The questions with their ids, or the first thing wrong with them (numbered from 1). */
export function buildQuestions(drafts: readonly QuestionDraft[]): SurveyQuestion[] | QuestionsFailure {
  const out: SurveyQuestion[] = []
  for (const [i, q] of drafts.entries()) {
    const questionNo = i + 1
    const choice = q.kind === 'single' || q.kind === 'multi'
    const labels = choice ? (q.options ?? []) : []
    if (new Set(labels).size !== labels.length) return { kind: 'duplicateOption', questionNo }
    const maxPicks = q.kind === 'multi' ? (q.maxPicks ?? null) : null
    if (maxPicks !== null && maxPicks > labels.length) return { kind: 'maxPicksTooMany', questionNo }
    out.push({
      id: `q${questionNo}`,
      kind: q.kind,
      title: q.title,
      required: q.required,
      options: labels.map((label, j) => ({ id: `o${j + 1}`, label })),
      maxPicks,
    })
  }
  return out
}

export const isQuestionsFailure = (x: SurveyQuestion[] | QuestionsFailure): x is QuestionsFailure => !Array.isArray(x)

/** A survey can be opened only with at least one question. */
export function checkOpenable(questions: readonly SurveyQuestion[]): QuestionsFailure | null {
  return questions.length === 0 ? { kind: 'surveyEmpty' } : null
}

/** Every text a person wrote into the questionnaire, for the content check. */
export function questionTexts(questions: readonly SurveyQuestion[]): string[] {
  return questions.flatMap((q) => [q.title, ...q.options.map((o) => o.label)])
}

export type { AnswerValue }
