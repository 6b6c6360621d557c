/**
 * Answering a survey: one response per person, editable until the survey closes. The response and
 * the running counts change in one transaction (the old answers subtracted, the new added), with the
 * survey row held in share mode so that closing waits for answers in flight and nothing lands after.
 * Lock order: survey (share) → my response (update) → count rows in key order.
 */
import type * as z from 'zod'
import type { SurveyDetail, surveyAnswerRequest } from '@api/survey'
import { surveyCan } from '../../domain/survey/access'
import { isAnswersFailure, readSurveyAnswers, tallyDelta, textAnswersOf } from '../../domain/survey/answers'
import {
  applyTally,
  findResponse,
  inAudience,
  insertResponse,
  replaceTextAnswers,
  updateResponse,
} from '../../store/surveys'
import { inTransaction } from '../../store/tx'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { allow, refuse } from '../refusal'
import type { SurveyFailure } from './failures'
import { surveyDetail } from './present'
import { surveyOrMissing } from './surveys'

export async function answerSurvey(
  ctx: SignedInContext,
  input: z.output<typeof surveyAnswerRequest>,
): Promise<SurveyDetail> {
  const actor = await requireActor(ctx)
  const first = await surveyOrMissing(ctx.db, input.surveyId)
  if (first.status === 'draft') refuse<SurveyFailure>({ kind: 'missing', what: 'survey' })
  if (first.status !== 'open') refuse<SurveyFailure>({ kind: 'surveyNotOpen' })
  allow<SurveyFailure>(await inAudience(ctx.db, first.districtId, first.id, actor.userId), { kind: 'notInAudience' })
  const answers = readSurveyAnswers(first.questions, input.answers)
  if (isAnswersFailure(answers)) refuse<SurveyFailure>(answers)
  const texts = textAnswersOf(first.questions, answers)
  await ensureSafeText(ctx, ...texts.map((t) => t.body))
  const saved = await inTransaction(ctx.db, async (tx) => {
    const s = await surveyOrMissing(tx, input.surveyId, 'share')
    if (s.status !== 'open') refuse<SurveyFailure>({ kind: 'surveyNotOpen' })
    let before = await findResponse(tx, s.districtId, s.id, actor.userId, true)
    if (before === null) {
      if (!(await insertResponse(tx, s.districtId, s.id, actor.userId, answers, ctx.now))) {
        // A concurrent first answer of mine won the insert: this one edits it.
        before = await findResponse(tx, s.districtId, s.id, actor.userId, true)
      }
    }
    if (before !== null) await updateResponse(tx, s.districtId, s.id, actor.userId, answers, ctx.now)
    await applyTally(tx, s.districtId, s.id, tallyDelta(s.questions, before, answers))
    await replaceTextAnswers(tx, s.districtId, s.id, actor.userId, texts)
    return s
  })
  const after = await surveyOrMissing(ctx.db, saved.id)
  return surveyDetail(after, answers, surveyCan.manage(actor, after), true)
}
