/** Posting an event (a new draft) and editing one: schedule rules, the plan line, content check, change log. */
import type * as z from 'zod'
import type { ManagedActivity, activityCreateRequest, activityUpdateRequest } from '@api/activity'
import { checkCapacity, checkSchedule, checkTransition, diff } from '../../domain/event-rules'
import { can } from '../../domain/policy'
import { fieldsOf, insertActivity, logChange, updateActivityFields, type EventFields } from '../../store/activities'
import { resizeCapacity } from '../signup/capacity'
import type { Notice } from '../signup/notices'
import { inTransaction } from '../../store/tx'
import { findUnit } from '../../store/units'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { sendNotices } from '../notify'
import { allow, check, found, refuse } from '../refusal'
import type { ActivityFailure } from './failures'
import { checkImages } from '../images'
import { coverLinks, toManaged } from './present'
import { checkLine, managedActivity, reread, refuseUnknownCategory } from './shared'

export async function createActivity(
  ctx: SignedInContext,
  input: z.output<typeof activityCreateRequest>,
): Promise<ManagedActivity> {
  const actor = await requireActor(ctx)
  const unit = found(await findUnit(ctx.db, input.unitId), 'unit')
  allow<ActivityFailure>(can.manageEvents(actor, unit), { kind: 'notOrganiser', to: 'post' })
  if (unit.status !== 'admitted') refuse<ActivityFailure>({ kind: 'unitNotAdmitted' })
  const fields: EventFields = {
    title: input.title,
    category: input.category,
    coverUrl: input.coverUrl ?? null,
    description: input.description,
    placeName: input.placeName,
    placeAddress: input.placeAddress ?? null,
    location: input.location ?? null,
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    signupOpensAt: new Date(input.signupOpensAt),
    signupClosesAt: new Date(input.signupClosesAt),
    capacity: input.capacity,
    recordsServiceHours: input.recordsServiceHours,
    contact: input.contact ?? null,
    planLineId: input.planLineId ?? null,
  }
  check(checkSchedule(fields))
  checkImages([fields.coverUrl], { districtId: unit.districtId, unitId: unit.id })
  await checkLine(ctx.db, unit.id, unit.districtId, fields.planLineId)
  await ensureSafeText(ctx, fields.title, fields.description, fields.placeName, fields.placeAddress, fields.contact)
  const id = await inTransaction(ctx.db, async (tx) => {
    const newId = await insertActivity(tx, unit.districtId, unit.id, actor.userId, fields).catch(refuseUnknownCategory)
    await logChange(tx, newId, actor.userId, 'created', {}, null, ctx.now)
    return newId
  })
  return reread(ctx, id)
}

const TEXT_FIELDS = ['title', 'description', 'placeName', 'placeAddress', 'contact'] as const

export async function updateActivity(
  ctx: SignedInContext,
  input: z.output<typeof activityUpdateRequest>,
): Promise<ManagedActivity> {
  const actor = await requireActor(ctx)
  const { id, reason, ...patch } = input
  const before = await managedActivity(ctx.db, actor, id)
  check(checkTransition(before.state, 'edit'))
  const current = fieldsOf(before)
  const next: EventFields = {
    ...current,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    ...(patch.startAt ? { startAt: new Date(patch.startAt) } : {}),
    ...(patch.endAt ? { endAt: new Date(patch.endAt) } : {}),
    ...(patch.signupOpensAt ? { signupOpensAt: new Date(patch.signupOpensAt) } : {}),
    ...(patch.signupClosesAt ? { signupClosesAt: new Date(patch.signupClosesAt) } : {}),
  }
  const changes = diff(current as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>)
  if (!Object.keys(changes).length) return toManaged(before, ctx.now, await coverLinks(ctx, [before]))
  check(checkSchedule(next))
  if ('coverUrl' in changes) checkImages([next.coverUrl], { districtId: before.districtId, unitId: before.unitId })
  if ('planLineId' in changes) await checkLine(ctx.db, before.unitId, before.districtId, next.planLineId)
  await ensureSafeText(ctx, ...TEXT_FIELDS.filter((k) => k in changes).map((k) => next[k]))
  const notices: Notice[] = []
  await inTransaction(ctx.db, async (tx) => {
    // Re-read under lock: the state or the seats may have moved since the first read.
    const locked = await managedActivity(tx, actor, id, true)
    check(checkTransition(locked.state, 'edit'))
    check(checkCapacity(next.capacity, locked.seatsTaken))
    await updateActivityFields(tx, id, next, ctx.now).catch(refuseUnknownCategory)
    await logChange(tx, id, actor.userId, 'edited', changes, reason ?? null, ctx.now)
    // More seats go to the people waiting for them.
    if ('capacity' in changes) notices.push(...(await resizeCapacity(tx, id, next.capacity, ctx.now)))
  })
  await sendNotices(ctx, notices)
  return reread(ctx, id)
}
