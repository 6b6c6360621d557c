/**
 * A survey's results for its managers: counts and percentages from the running counts (a few
 * hundred rows whatever the number of responses), the text answers page by page without authors,
 * and the xlsx export (one row per response, no names; counted as an export).
 */
import { randomBytes } from 'crypto'
import type * as z from 'zod'
import type { SurveyExport, SurveyResults, TextAnswerPage, textAnswersRequest } from '@api/survey'
import type { Actor } from '../../domain/policy'
import { surveyCan } from '../../domain/survey/access'
import { surveyResults } from '../../domain/survey/results'
import { responseAnswers, tallyRows, textAnswerPage, type SurveyRecord } from '../../store/surveys'
import { writeSurveySheet } from '../../xlsx/survey-sheet'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { countExport } from '../rate-limit'
import { allow, refuse } from '../refusal'
import type { SurveyFailure } from './failures'
import { surveySummary } from './present'
import { surveyOrMissing } from './surveys'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

async function managed(ctx: SignedInContext, surveyId: string): Promise<{ actor: Actor; survey: SurveyRecord }> {
  const actor = await requireActor(ctx)
  const survey = await surveyOrMissing(ctx.db, surveyId)
  allow<SurveyFailure>(surveyCan.manage(actor, survey), { kind: 'notSurveyManager' })
  return { actor, survey }
}

export async function surveyResultsOf(ctx: SignedInContext, input: { surveyId: string }): Promise<SurveyResults> {
  const { survey } = await managed(ctx, input.surveyId)
  const { responses, questions } = surveyResults(
    survey.questions,
    await tallyRows(ctx.db, survey.districtId, survey.id),
  )
  return { survey: surveySummary(survey, false, true), responses, questions }
}

export async function surveyTextAnswers(
  ctx: SignedInContext,
  input: z.output<typeof textAnswersRequest>,
): Promise<TextAnswerPage> {
  const { survey } = await managed(ctx, input.surveyId)
  const q = survey.questions.find((x) => x.id === input.questionId && x.kind === 'text')
  if (!q) refuse<SurveyFailure>({ kind: 'answerInvalid', questionNo: null })
  if (input.cursor !== undefined && !UUID.test(input.cursor)) refuse<SurveyFailure>({ kind: 'badCursor' })
  const rows = await textAnswerPage(ctx.db, survey.districtId, survey.id, q.id, input.cursor ?? null, input.limit + 1)
  const page = rows.slice(0, input.limit)
  return {
    items: page.map((r) => r.body),
    nextCursor: rows.length > input.limit ? page[page.length - 1].sortKey : null,
  }
}

export async function exportSurvey(ctx: SignedInContext, input: { surveyId: string }): Promise<SurveyExport> {
  const { survey } = await managed(ctx, input.surveyId)
  await countExport(ctx)
  const responses = await responseAnswers(ctx.db, survey.districtId, survey.id)
  const content = await writeSurveySheet(survey.questions, responses)
  const stamp = ctx.now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)
  const { fileId } = await ctx.platform.uploadFile(
    `exports/surveys/${survey.districtId}/survey-${stamp}-${randomBytes(16).toString('base64url')}.xlsx`,
    content,
  )
  const url = await ctx.platform.fileLink(fileId, ctx.now)
  return { fileName: `问卷结果-${survey.title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 30)}.xlsx`, fileId, url }
}
