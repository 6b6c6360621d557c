/**
 * Writing and running a questionnaire: create and edit a draft, open it, close it; the lists (what
 * I may answer, what I manage, what informs a year's list) and one survey with my answers.
 */
import type * as z from 'zod'
import type {
  SurveyDetail,
  SurveySummary,
  surveyCreateRequest,
  surveyListRequest,
  surveyUpdateRequest,
} from '@api/survey'
import { homeDistrictId } from '../../config'
import { isDistrictAdmin, type Actor } from '../../domain/policy'
import { shanghaiYearMonth } from '../../domain/shanghai-time'
import { checkAudience, surveyCan } from '../../domain/survey/access'
import { tallyKeys } from '../../domain/survey/answers'
import { buildQuestions, checkOpenable, isQuestionsFailure, questionTexts } from '../../domain/survey/questions'
import { inTransaction } from '../../store/tx'
import {
  activityOwner,
  createTallyRows,
  findResponse,
  findSurvey,
  inAudience,
  insertSurvey,
  listSurveys,
  planExists,
  setSurveyStatus,
  unitInDistrict,
  updateSurvey,
  type SurveyRecord,
  type SurveyWrite,
} from '../../store/surveys'
import type { Db } from '../../store/tx'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { allow, check, refuse } from '../refusal'
import type { SurveyFailure } from './failures'
import { surveyDetail, surveySummary } from './present'

type CreateInput = z.output<typeof surveyCreateRequest>
type UpdateInput = z.output<typeof surveyUpdateRequest>
type Fields = Omit<CreateInput, 'ownerUnitId'>

export async function surveyOrMissing(db: Db, id: string, lock: 'share' | 'update' | null = null) {
  return (
    (await findSurvey(db, homeDistrictId(), id, lock)) ?? refuse<SurveyFailure>({ kind: 'missing', what: 'survey' })
  )
}

/** Checks the fields against the owner and the database, content-checks the text, and answers the row to write. */
async function surveyWrite(
  ctx: SignedInContext,
  owner: { districtId: string; ownerUnitId: string | null },
  f: Fields,
): Promise<SurveyWrite> {
  const questions = buildQuestions(f.questions)
  if (isQuestionsFailure(questions)) refuse<SurveyFailure>(questions)
  const audienceUnitId = f.audience === 'unit' ? (f.audienceUnitId ?? owner.ownerUnitId) : null
  const audienceActivityId = f.audience === 'event' ? f.audienceActivityId : null
  let activityUnitId: string | null = null
  if (audienceActivityId) {
    const a = await activityOwner(ctx.db, audienceActivityId)
    if (!a || a.districtId !== owner.districtId) refuse<SurveyFailure>({ kind: 'missing', what: 'activity' })
    activityUnitId = a.unitId
  }
  const w = { ...f, questions, audienceUnitId, audienceActivityId }
  check(checkAudience(owner, w, activityUnitId))
  if (audienceUnitId && !(await unitInDistrict(ctx.db, owner.districtId, audienceUnitId)))
    refuse<SurveyFailure>({ kind: 'missing', what: 'unit' })
  if (w.planYear !== null && !(await planExists(ctx.db, owner.districtId, w.planYear)))
    refuse<SurveyFailure>({ kind: 'missing', what: 'plan' })
  await ensureSafeText(ctx, w.title, w.intro, ...questionTexts(questions))
  return w
}

async function detailFor(ctx: SignedInContext, actor: Actor, s: SurveyRecord): Promise<SurveyDetail> {
  const manageable = surveyCan.manage(actor, s)
  const [my, member] = await Promise.all([
    findResponse(ctx.db, s.districtId, s.id, actor.userId),
    s.status === 'open' ? inAudience(ctx.db, s.districtId, s.id, actor.userId) : Promise.resolve(false),
  ])
  return surveyDetail(s, my, manageable, s.status === 'open' && member)
}

export async function createSurvey(ctx: SignedInContext, input: CreateInput): Promise<SurveyDetail> {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  const owner = { districtId, ownerUnitId: input.ownerUnitId }
  if (owner.ownerUnitId && !(await unitInDistrict(ctx.db, districtId, owner.ownerUnitId)))
    refuse<SurveyFailure>({ kind: 'missing', what: 'unit' })
  allow<SurveyFailure>(surveyCan.manage(actor, owner), { kind: 'notSurveyAuthor' })
  const w = await surveyWrite(ctx, owner, input)
  const id = await insertSurvey(ctx.db, districtId, owner.ownerUnitId, w, actor.userId, ctx.now)
  return detailFor(ctx, actor, await surveyOrMissing(ctx.db, id))
}

/** Edits a draft: every field, the questions given ids anew by position (no one has answered a draft). */
export async function editSurvey(ctx: SignedInContext, input: UpdateInput): Promise<SurveyDetail> {
  const actor = await requireActor(ctx)
  const current = await surveyOrMissing(ctx.db, input.surveyId)
  allow<SurveyFailure>(surveyCan.manage(actor, current), { kind: 'notSurveyManager' })
  const w = await surveyWrite(ctx, current, input)
  await inTransaction(ctx.db, async (tx) => {
    const locked = await surveyOrMissing(tx, input.surveyId, 'update')
    if (locked.status !== 'draft') refuse<SurveyFailure>({ kind: 'surveyNotDraft' })
    await updateSurvey(tx, locked.districtId, locked.id, w, ctx.now)
  })
  return detailFor(ctx, actor, await surveyOrMissing(ctx.db, input.surveyId))
}

async function changeStatus(ctx: SignedInContext, surveyId: string, to: 'open' | 'closed'): Promise<SurveyDetail> {
  const actor = await requireActor(ctx)
  const current = await surveyOrMissing(ctx.db, surveyId)
  allow<SurveyFailure>(surveyCan.manage(actor, current), { kind: 'notSurveyManager' })
  await inTransaction(ctx.db, async (tx) => {
    // Closing waits for answers in flight (they hold the row in share mode) and then shuts them out.
    const s = await surveyOrMissing(tx, surveyId, 'update')
    if (to === 'open') {
      if (s.status !== 'draft') refuse<SurveyFailure>({ kind: 'surveyNotDraft' })
      check(checkOpenable(s.questions))
    } else if (s.status !== 'open') refuse<SurveyFailure>({ kind: 'surveyNotOpen' })
    await setSurveyStatus(tx, s.districtId, s.id, to, ctx.now)
    if (to === 'open') await createTallyRows(tx, s.districtId, s.id, tallyKeys(s.questions))
  })
  return detailFor(ctx, actor, await surveyOrMissing(ctx.db, surveyId))
}

export const openSurvey = (ctx: SignedInContext, input: { surveyId: string }) =>
  changeStatus(ctx, input.surveyId, 'open')
export const closeSurvey = (ctx: SignedInContext, input: { surveyId: string }) =>
  changeStatus(ctx, input.surveyId, 'closed')

export async function surveyList(
  ctx: SignedInContext,
  input: z.output<typeof surveyListRequest>,
): Promise<{ items: SurveySummary[] }> {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  const admin = isDistrictAdmin(actor, districtId)
  if (input.scope === 'manage') {
    const units = [...actor.unitRoles.keys()]
    if (!admin && units.length === 0) return { items: [] }
    const rows = await listSurveys(ctx.db, districtId, actor.userId, {
      kind: 'manage',
      ownerUnitIds: admin ? null : units,
    })
    return { items: rows.map((s) => surveySummary(s, false, true)) }
  }
  const rows = await listSurveys(
    ctx.db,
    districtId,
    actor.userId,
    input.scope === 'answer'
      ? { kind: 'answer' }
      : { kind: 'plan', year: input.year ?? shanghaiYearMonth(ctx.now).year, includeDrafts: admin },
  )
  return { items: rows.map((s) => surveySummary(s, s.answered, surveyCan.manage(actor, s))) }
}

/** One survey with my answers: its managers always; others once it is open, if they are in its audience or answered it. */
export async function surveyGet(ctx: SignedInContext, input: { surveyId: string }): Promise<SurveyDetail> {
  const actor = await requireActor(ctx)
  const s = await surveyOrMissing(ctx.db, input.surveyId)
  const detail = await detailFor(ctx, actor, s)
  if (detail.manageable) return detail
  if (s.status === 'draft') refuse<SurveyFailure>({ kind: 'missing', what: 'survey' })
  allow<SurveyFailure>(detail.canAnswer || detail.answered || s.audience === 'district', { kind: 'notInAudience' })
  return detail
}
