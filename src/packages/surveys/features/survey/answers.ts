/** The answering form's state: my answers by question id, turned into the action's payload. */
import type { AnswerInput, AnswerValue, SurveyQuestion } from '@api/survey'

export type Draft = Record<string, AnswerValue>

/** Taps an option: a single choice replaces, a multiple choice toggles (up to its limit). */
export function toggleOption(draft: Draft, q: SurveyQuestion, optionId: string): Draft {
  const current = Array.isArray(draft[q.id]) ? (draft[q.id] as string[]) : []
  if (q.kind === 'single') return { ...draft, [q.id]: [optionId] }
  if (current.includes(optionId)) return { ...draft, [q.id]: current.filter((id) => id !== optionId) }
  if (q.maxPicks !== null && current.length >= q.maxPicks) return draft
  return { ...draft, [q.id]: [...current, optionId] }
}

export function toPayload(questions: readonly SurveyQuestion[], draft: Draft): AnswerInput[] {
  const out: AnswerInput[] = []
  for (const q of questions) {
    const a = draft[q.id]
    if (a === undefined) continue
    if (q.kind === 'single' || q.kind === 'multi') {
      if (Array.isArray(a) && a.length > 0) out.push({ questionId: q.id, optionIds: a })
    } else if (q.kind === 'scale') {
      if (typeof a === 'number') out.push({ questionId: q.id, value: a })
    } else if (typeof a === 'string' && a.trim()) out.push({ questionId: q.id, text: a })
  }
  return out
}

/** The first required question left unanswered (numbered from 1), or null. */
export function firstMissing(questions: readonly SurveyQuestion[], draft: Draft): number | null {
  const given = new Set(toPayload(questions, draft).map((a) => a.questionId))
  const i = questions.findIndex((q) => q.required && !given.has(q.id))
  return i < 0 ? null : i + 1
}
