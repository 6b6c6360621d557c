/** The questionnaire editor's state (pure): questions to add, remove, reorder and edit. */
import type { QuestionKind, SurveyCreateRequest, SurveyQuestion } from '@api/survey'

export interface EditQuestion {
  kind: QuestionKind
  title: string
  required: boolean
  options: string[]
  /** Multiple choice: '' for any number. */
  maxPicks: string
}

export const blankQuestion = (kind: QuestionKind = 'single'): EditQuestion => ({
  kind,
  title: '',
  required: false,
  options: kind === 'single' || kind === 'multi' ? ['', ''] : [],
  maxPicks: '',
})

export const fromQuestion = (q: SurveyQuestion): EditQuestion => ({
  kind: q.kind,
  title: q.title,
  required: q.required,
  options: q.options.map((o) => o.label),
  maxPicks: q.maxPicks ? String(q.maxPicks) : '',
})

/** Moves item `i` by `by` (−1 up, +1 down); out of range leaves the list as it is. */
export function move<T>(list: readonly T[], i: number, by: number): T[] {
  const j = i + by
  if (j < 0 || j >= list.length) return [...list]
  const out = [...list]
  ;[out[i], out[j]] = [out[j], out[i]]
  return out
}

/** Changing a question's kind keeps its title; choice kinds keep (or get) options. */
export function withKind(q: EditQuestion, kind: QuestionKind): EditQuestion {
  const choice = kind === 'single' || kind === 'multi'
  return {
    ...q,
    kind,
    options: choice ? (q.options.length >= 2 ? q.options : ['', '']) : [],
    maxPicks: kind === 'multi' ? q.maxPicks : '',
  }
}

export function toRequestQuestions(qs: readonly EditQuestion[]): NonNullable<SurveyCreateRequest['questions']> {
  return qs.map((q) => {
    const base = { title: q.title.trim(), required: q.required }
    if (q.kind === 'single') return { kind: 'single', ...base, options: q.options.map((o) => o.trim()) }
    if (q.kind === 'multi')
      return {
        kind: 'multi',
        ...base,
        options: q.options.map((o) => o.trim()),
        maxPicks: q.maxPicks.trim() ? Number(q.maxPicks) : null,
      }
    return { kind: q.kind, ...base }
  })
}
