/** Results from the running counts (pure): counts and percentages per option or scale value. */
import type { QuestionResult, SurveyQuestion } from '@api/survey'

export interface TallyRow {
  questionId: string
  choice: string
  count: number
}

/** Share of `n` in `of`, 0..100 with one decimal (0 when nobody answered). */
export const percentOf = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n * 1000) / of) / 10)

export function surveyResults(
  questions: readonly SurveyQuestion[],
  rows: readonly TallyRow[],
): { responses: number; questions: QuestionResult[] } {
  const counts = new Map(rows.map((r) => [`${r.questionId}\u0001${r.choice}`, r.count]))
  const get = (q: string, c: string) => counts.get(`${q}\u0001${c}`) ?? 0
  return {
    responses: get('', ''),
    questions: questions.map((q) => {
      const answered = get(q.id, '')
      const keys =
        q.kind === 'scale'
          ? [1, 2, 3, 4, 5].map((v) => ({ key: String(v), label: `${v} 分` }))
          : q.options.map((o) => ({ key: o.id, label: o.label }))
      const choices = keys.map(({ key, label }) => {
        const count = get(q.id, key)
        return { key, label, count, percent: percentOf(count, answered) }
      })
      const average =
        q.kind === 'scale' && answered > 0
          ? Math.round((choices.reduce((s, c) => s + Number(c.key) * c.count, 0) * 100) / answered) / 100
          : null
      return { questionId: q.id, kind: q.kind, title: q.title, required: q.required, answered, choices, average }
    }),
  }
}
