/**
 * Star evidence (摘星证明), private from end to end: the person asks for upload names (under the unit
 * and themselves, ending in 128 random bits), uploads the photos, submits a note naming them (checked:
 * only names given out to them for that unit); the unit's organisers approve or decline with a reason
 * and see the photos only through short-lived links. The person is told of the decision.
 */
import { randomBytes } from 'crypto'
import type * as z from 'zod'
import type {
  ReviewEvidence,
  StarEvidence,
  StarEvidenceUploadsRequest,
  starReviewRequest,
  starSubmitEvidenceRequest,
} from '@api/star'
import type { UploadsResponse } from '@api/common'
import { homeDistrictId, templates } from '../../config'
import { isStarEvidenceOf, starEvidencePath, type StarEvidenceScope } from '../../domain/files/uploads'
import { can } from '../../domain/policy'
import { yearRange } from '../../domain/stars'
import {
  decideEvidence,
  evidenceOfUnit,
  findEvidence,
  findIndicator,
  insertEvidence,
  unitsOfPerson,
  type EvidenceRow,
} from '../../store/stars'
import { PG, inTransaction, pgCode } from '../../store/tx'
import { findUnit } from '../../store/units'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { sendNotices } from '../notify'
import { allow, check, refuse } from '../refusal'
import type { StarFailure } from './failures'
import { evidenceView } from './mine'

/** Since ever: upload names go to units the person belongs to or ever took part in. */
const ALL_TIME = { from: new Date(0), to: new Date(Date.UTC(2200, 0, 1)) }

async function checkTheirUnit(
  ctx: SignedInContext,
  districtId: string,
  userId: string,
  unitId: string,
  range: { from: Date; to: Date },
): Promise<void> {
  const units = await unitsOfPerson(ctx.db, districtId, userId, range.from, range.to)
  allow<StarFailure>(
    units.some((u) => u.id === unitId),
    { kind: 'notYourUnit' },
  )
}

export async function evidenceUploads(
  ctx: SignedInContext,
  input: StarEvidenceUploadsRequest,
): Promise<UploadsResponse> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  await checkTheirUnit(ctx, districtId, actor.userId, input.unitId, ALL_TIME)
  const scope: StarEvidenceScope = { districtId, unitId: input.unitId, userId: actor.userId }
  const uploads = await Promise.all(
    input.files.map(async (ext) => {
      const cloudPath = starEvidencePath(scope, randomBytes(16).toString('hex'), ext)
      return { cloudPath, uploadUrl: await ctx.platform.uploadTicket(cloudPath, ctx.now) }
    }),
  )
  return { uploads }
}

export async function submitEvidence(
  ctx: SignedInContext,
  input: z.output<typeof starSubmitEvidenceRequest>,
): Promise<StarEvidence> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  const indicator = await findIndicator(ctx.db, districtId, input.indicatorId)
  if (!indicator || indicator.removed || !indicator.published)
    refuse<StarFailure>({ kind: 'missing', what: 'indicator' })
  allow<StarFailure>(indicator.kind === 'evidence', { kind: 'notEvidenceIndicator' })
  await checkTheirUnit(ctx, districtId, actor.userId, input.unitId, yearRange(indicator.year))
  const scope: StarEvidenceScope = { districtId, unitId: input.unitId, userId: actor.userId }
  const fileIds = input.fileIds
  if (fileIds.some((id) => !isStarEvidenceOf(id, scope)) || new Set(fileIds).size !== fileIds.length)
    refuse<StarFailure>({ kind: 'evidenceNotUploaded' })
  await ensureSafeText(ctx, input.note)
  const id = await inTransaction(ctx.db, (tx) =>
    insertEvidence(tx, districtId, { ...input, userId: actor.userId, fileIds, at: ctx.now }),
  ).catch((err: unknown) => {
    // One live submission per indicator: waiting for review, or approved.
    if (pgCode(err) === PG.uniqueViolation) refuse<StarFailure>({ kind: 'evidenceExists' })
    throw err
  })
  return evidenceView((await findEvidence(ctx.db, districtId, id))!)
}

const reviewView = (e: EvidenceRow): ReviewEvidence => ({
  ...evidenceView(e),
  indicatorName: e.indicatorName,
  person: { nickname: e.nickname, realName: e.realName },
  reviewerName: e.reviewerName,
})

async function asUnitOrganiser(ctx: SignedInContext, unitId: string) {
  const actor = await requireActor(ctx)
  const unit = await findUnit(ctx.db, unitId)
  if (!unit || unit.districtId !== homeDistrictId()) return refuse<StarFailure>({ kind: 'missing', what: 'unit' })
  allow<StarFailure>(can.manageEvents(actor, { id: unit.id, districtId: unit.districtId }), {
    kind: 'notUnitOrganiser',
  })
  return actor
}

export async function reviewList(
  ctx: SignedInContext,
  input: { unitId: string; state: EvidenceRow['state'] },
): Promise<ReviewEvidence[]> {
  await asUnitOrganiser(ctx, input.unitId)
  return (await evidenceOfUnit(ctx.db, homeDistrictId(), input.unitId, input.state)).map(reviewView)
}

export async function reviewEvidence(
  ctx: SignedInContext,
  input: z.output<typeof starReviewRequest>,
): Promise<ReviewEvidence> {
  const districtId = homeDistrictId()
  const first = await findEvidence(ctx.db, districtId, input.evidenceId)
  if (!first) return refuse<StarFailure>({ kind: 'missing', what: 'evidence' })
  const actor = await asUnitOrganiser(ctx, first.unitId)
  const reason = input.decision === 'decline' ? input.reason : null
  if (reason) await ensureSafeText(ctx, reason)
  await inTransaction(ctx.db, async (tx) => {
    // Locked, then read again: two organisers deciding at once see each other.
    const e = (await findEvidence(tx, districtId, input.evidenceId, true))!
    check(e.state === 'pending' ? null : { kind: 'alreadyReviewed' })
    await decideEvidence(tx, districtId, e.id, {
      state: input.decision === 'approve' ? 'approved' : 'declined',
      reason,
      by: actor.userId,
      at: ctx.now,
    })
  })
  const decided = (await findEvidence(ctx.db, districtId, input.evidenceId))!
  await sendNotices(ctx, [
    {
      toOpenid: decided.openid,
      templateId: templates.starEvidence(),
      page: 'packages/stars/pages/mine/index',
      data: {
        thing1: { value: `摘星：${decided.indicatorName}`.slice(0, 20) },
        phrase2: { value: decided.state === 'approved' ? '已通过' : '未通过' },
        thing3: { value: (decided.reason ?? `${decided.unitName}已确认`).slice(0, 20) },
      },
    },
  ])
  return reviewView(decided)
}

export async function evidencePhotos(ctx: SignedInContext, evidenceId: string): Promise<{ urls: string[] }> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  const e = await findEvidence(ctx.db, districtId, evidenceId)
  if (!e) return refuse<StarFailure>({ kind: 'missing', what: 'evidence' })
  allow<StarFailure>(e.userId === actor.userId || can.manageEvents(actor, { id: e.unitId, districtId }), {
    kind: 'notEvidenceViewer',
  })
  // Only names checked when submitted; a link is made for nothing else.
  const scope = { districtId, unitId: e.unitId, userId: e.userId }
  const fileIds = e.fileIds.filter((id) => isStarEvidenceOf(id, scope))
  return { urls: await Promise.all(fileIds.map((id) => ctx.platform.fileLink(id, ctx.now))) }
}
