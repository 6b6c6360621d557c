/**
 * Answers against a questionnaire (pure): every answer must name a question and fit its kind
 * (option ids that exist, one for a single choice, at most `maxPicks` for a multiple choice,
 * 1..5 for a scale, a non-empty text), and every required question must be answered. What it
 * answers is stored as is; `tallyOf` turns it into the running counts results are read from.
 */
import type { AnswerValue, SurveyQuestion } from '@api/survey'

export interface RawAnswer {
  questionId: string
  optionIds?: string[]
  value?: number
  text?: string
}

export type AnswersFailure =
  | { kind: 'answerRequired'; questionNo: number }
  | { kind: 'answerInvalid'; questionNo: number | null }
  | { kind: 'tooManyPicks'; questionNo: number; maxPicks: number }

/** The answers by question id, or the first thing wrong with them. */
export function readSurveyAnswers(
  questions: readonly SurveyQuestion[],
  raw: readonly RawAnswer[],
): Record<string, AnswerValue> | AnswersFailure {
  const index = new Map(questions.map((q, i) => [q.id, { q, no: i + 1 }]))
  const answers: Record<string, AnswerValue> = {}
  for (const a of raw) {
    const hit = index.get(a.questionId)
    if (!hit || a.questionId in answers) return { kind: 'answerInvalid', questionNo: hit?.no ?? null }
    const { q, no } = hit
    const bad: AnswersFailure = { kind: 'answerInvalid', questionNo: no }
    if (q.kind === 'single' || q.kind === 'multi') {
      if (a.value !== undefined || a.text !== undefined) return bad
      const ids = a.optionIds ?? []
      if (ids.length === 0) continue
      const known = new Set(q.options.map((o) => o.id))
      if (new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) return bad
      if (q.kind === 'single' && ids.length !== 1) return bad
      if (q.kind === 'multi' && q.maxPicks !== null && ids.length > q.maxPicks)
        return { kind: 'tooManyPicks', questionNo: no, maxPicks: q.maxPicks }
      // Stored in the questionnaire's order, whatever order they were tapped in.
      answers[q.id] = q.options.filter((o) => ids.includes(o.id)).map((o) => o.id)
    } else if (q.kind === 'scale') {
      if (a.optionIds !== undefined || a.text !== undefined) return bad
      if (a.value === undefined) continue
      if (!Number.isInteger(a.value) || a.value < 1 || a.value > 5) return bad
      answers[q.id] = a.value
    } else {
      if (a.optionIds !== undefined || a.value !== undefined) return bad
      const text = (a.text ?? '').trim()
      if (!text) continue
      if (text.length > 500) return bad
      answers[q.id] = text
    }
  }
  for (const [i, q] of questions.entries()) {
    if (q.required && !(q.id in answers)) return { kind: 'answerRequired', questionNo: i + 1 }
  }
  return answers
}

export const isAnswersFailure = (x: Record<string, AnswerValue> | AnswersFailure): x is AnswersFailure =>
  typeof (x as { kind?: unknown }).kind === 'string' && !Array.isArray((x as { kind?: unknown }).kind)

/** The key of the count of responses; "" under a question counts the people who answered it. */
export const RESPONSES_KEY = { questionId: '', choice: '' } as const

/** The counts one response adds: (question, choice) → 1, the question's "answered", and the response itself. */
export function tallyOf(
  questions: readonly SurveyQuestion[],
  answers: Record<string, AnswerValue>,
): Map<string, number> {
  const out = new Map<string, number>([[tallyKey('', ''), 1]])
  for (const q of questions) {
    const a = answers[q.id]
    if (a === undefined) continue
    out.set(tallyKey(q.id, ''), 1)
    if (Array.isArray(a)) for (const id of a) out.set(tallyKey(q.id, id), 1)
    else if (typeof a === 'number') out.set(tallyKey(q.id, String(a)), 1)
  }
  return out
}

/** What changes when `before` (or nothing) becomes `after`: only the non-zero differences, in key order. */
export function tallyDelta(
  questions: readonly SurveyQuestion[],
  before: Record<string, AnswerValue> | null,
  after: Record<string, AnswerValue>,
): { questionId: string; choice: string; delta: number }[] {
  const sum = tallyOf(questions, after)
  if (before) for (const [k, n] of tallyOf(questions, before)) sum.set(k, (sum.get(k) ?? 0) - n)
  return [...sum.entries()]
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, delta]) => {
      const [questionId, choice] = k.split('\u0001')
      return { questionId, choice, delta }
    })
}

/** Every count a survey keeps, for creating them (at zero) when it opens. */
export function tallyKeys(questions: readonly SurveyQuestion[]): { questionId: string; choice: string }[] {
  return [
    { questionId: '', choice: '' },
    ...questions.flatMap((q) => [
      { questionId: q.id, choice: '' },
      ...(q.kind === 'scale'
        ? ['1', '2', '3', '4', '5'].map((choice) => ({ questionId: q.id, choice }))
        : q.options.map((o) => ({ questionId: q.id, choice: o.id }))),
    ]),
  ]
}

const tallyKey = (questionId: string, choice: string) => `${questionId}\u0001${choice}`

/** Text answers to write (question id → text), for the list that shows them without their authors. */
export function textAnswersOf(
  questions: readonly SurveyQuestion[],
  answers: Record<string, AnswerValue>,
): { questionId: string; body: string }[] {
  return questions
    .filter((q) => q.kind === 'text' && typeof answers[q.id] === 'string')
    .map((q) => ({ questionId: q.id, body: answers[q.id] as string }))
}
