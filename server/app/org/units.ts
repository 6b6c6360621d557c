/** Applying for a unit, reviewing applications, reading and editing units. */
import type * as z from 'zod'
import type { Unit, UnitDetail, UnitListItem, unitApplyRequest, unitReviewRequest, unitUpdateRequest } from '@api/org'
import { homeDistrictId, templates } from '../../config'
import { can } from '../../domain/policy'
import { PG, inTransaction, pgCode } from '../../store/tx'
import {
  addMember,
  findUnit,
  insertUnit,
  listApplications,
  listUnits,
  setUnitReview,
  updateUnitProfile,
} from '../../store/units'
import { findOpenid } from '../../store/users'
import { actorOf, requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { AppContext, SignedInContext } from '../context'
import { sendNotices } from '../notify'
import { RATE_LIMITS } from '../../domain/rate-limit'
import { countCall } from '../rate-limit'
import { allow, found, refuse } from '../refusal'
import type { OrgFailure } from './failures'
import { toApplication, toUnit, toUnitDetail } from './present'
import { visibleUnit } from './shared'

function refuseDuplicateName(err: unknown): never {
  if (pgCode(err) === PG.uniqueViolation) refuse<OrgFailure>({ kind: 'duplicateUnitName' })
  throw err
}

export async function applyForUnit(
  ctx: SignedInContext,
  input: z.output<typeof unitApplyRequest>,
): Promise<UnitDetail> {
  // Every application counts, refused ones too: 5 a day a person.
  const districtId = homeDistrictId()
  await countCall(ctx.db, RATE_LIMITS.unitApply, { districtId, subject: ctx.caller.openid, now: ctx.now })
  await ensureSafeText(ctx, input.name, input.intro)
  const actor = await requireActor(ctx)
  const unit = await insertUnit(ctx.db, {
    districtId,
    name: input.name,
    kind: input.kind,
    intro: input.intro,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    applicantId: actor.userId,
  }).catch(refuseDuplicateName)
  return toUnitDetail(unit, actor)
}

/** Admits or rejects an application; the applicant becomes the admitted unit's first admin and is told. */
export async function reviewUnit(ctx: SignedInContext, input: z.output<typeof unitReviewRequest>): Promise<UnitDetail> {
  if (input.decision === 'reject' && !input.reason) refuse<OrgFailure>({ kind: 'rejectWithoutReason' })
  const actor = await requireActor(ctx)
  const unit = await inTransaction(ctx.db, async (tx) => {
    const application = found(await findUnit(tx, input.unitId, true), 'unit')
    allow<OrgFailure>(can.reviewUnits(actor, application.districtId), { kind: 'notReviewer', to: 'review' })
    if (application.status !== 'pending') refuse<OrgFailure>({ kind: 'alreadyReviewed' })
    const status = input.decision === 'admit' ? 'admitted' : 'rejected'
    const updated = await setUnitReview(tx, application.id, status, input.reason ?? null, actor.userId, ctx.now)
    if (status === 'admitted' && application.applicantId) {
      await addMember(tx, application.id, application.applicantId, 'admin')
    }
    return updated
  })
  const applicant = unit.applicantId ? await findOpenid(ctx.db, unit.applicantId) : null
  if (applicant) {
    // After the commit: a failed message (the applicant never subscribed) must not undo or hide the review.
    await sendNotices(ctx, [
      {
        toOpenid: applicant,
        templateId: templates.unitReview(),
        page: `packages/organiser/pages/unit/index?unitId=${unit.id}`,
        data: {
          thing1: { value: unit.name.slice(0, 20) },
          phrase2: { value: unit.status === 'admitted' ? '已通过' : '未通过' },
          thing3: { value: (unit.reviewReason ?? '欢迎加入青年工作委员会').slice(0, 20) },
        },
      },
    ])
  }
  return toUnitDetail(unit, actor)
}

/**
 * Admitted units for anyone; pending and rejected ones for the district admin, with who applied, how to
 * reach them and when (what a reviewer decides on).
 */
export async function unitsByStatus(ctx: AppContext, status: Unit['status']): Promise<{ items: UnitListItem[] }> {
  const districtId = homeDistrictId()
  if (status === 'admitted') {
    return { items: (await listUnits(ctx.db, districtId, status)).map((u) => ({ ...toUnit(u), application: null })) }
  }
  const actor = await actorOf(ctx)
  allow<OrgFailure>(can.reviewUnits(actor, districtId), { kind: 'notReviewer', to: 'seePending' })
  return { items: (await listUnits(ctx.db, districtId, status)).map((u) => toApplication(u, actor)) }
}

export async function getUnit(ctx: AppContext, unitId: string): Promise<UnitDetail> {
  const actor = await actorOf(ctx)
  return toUnitDetail(await visibleUnit(ctx.db, actor, unitId), actor)
}

export async function updateUnit(ctx: SignedInContext, input: z.output<typeof unitUpdateRequest>): Promise<UnitDetail> {
  const actor = await requireActor(ctx)
  const unit = await visibleUnit(ctx.db, actor, input.unitId)
  allow<OrgFailure>(can.manageUnit(actor, unit), { kind: 'notUnitAdmin', to: 'edit' })
  await ensureSafeText(ctx, input.name, input.intro)
  const { unitId: _unitId, ...profile } = input
  return toUnitDetail(await updateUnitProfile(ctx.db, unit.id, profile).catch(refuseDuplicateName), actor)
}

/** The caller's own applications, newest first. */
export async function myApplications(ctx: SignedInContext): Promise<{ items: UnitDetail[] }> {
  const actor = await requireActor(ctx)
  return { items: (await listApplications(ctx.db, actor.userId, 20)).map((u) => toUnitDetail(u, actor)) }
}
