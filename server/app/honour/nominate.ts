/**
 * A unit's organisers nominate people who took part in the unit's events that year (or are its
 * members) for a kind, with a reason and a snapshot of the person's record. The unit's quota is
 * counted under the lock of the kind's row: nominations at once never exceed it.
 */
import type * as z from 'zod'
import type { HonourCandidates, HonourNomination, honourNominateRequest, honourNominationsRequest } from '@api/honour'
import { homeDistrictId } from '../../config'
import { checkNominationOpen, checkQuota } from '../../domain/honour'
import { can } from '../../domain/policy'
import {
  candidatesOf,
  countUnitNominations,
  findKind,
  findNomination,
  insertNomination,
  listNominations,
  recordOf,
  tookPartIn,
} from '../../store/honours'
import { inTransaction } from '../../store/tx'
import { findUnit } from '../../store/units'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { allow, check, refuse } from '../refusal'
import type { HonourFailure } from './failures'
import { presentKind, presentNomination } from './present'

async function organisedUnit(ctx: SignedInContext, unitId: string) {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  const unit = await findUnit(ctx.db, unitId)
  if (!unit || unit.districtId !== districtId) return refuse<HonourFailure>({ kind: 'missing', what: 'unit' })
  allow<HonourFailure>(can.manageEvents(actor, { id: unit.id, districtId }), { kind: 'notUnitOrganiser' })
  return { districtId, actor, unit }
}

export async function honourCandidates(
  ctx: SignedInContext,
  input: { kindId: string; unitId: string },
): Promise<HonourCandidates> {
  const { districtId, unit } = await organisedUnit(ctx, input.unitId)
  const kind = await findKind(ctx.db, districtId, input.kindId)
  if (!kind) return refuse<HonourFailure>({ kind: 'missing', what: 'kind' })
  const rows = await candidatesOf(ctx.db, districtId, kind.id, unit.id, kind.year)
  return {
    kind: presentKind(kind, ctx.now),
    used: await countUnitNominations(ctx.db, districtId, kind.id, unit.id),
    items: rows.map((r) => ({
      userId: r.userId,
      name: r.realName ?? r.nickname,
      attended: r.attended,
      member: r.member,
      nominated: r.nominated,
    })),
  }
}

export async function nominate(
  ctx: SignedInContext,
  input: z.output<typeof honourNominateRequest>,
): Promise<HonourNomination> {
  const { districtId, actor, unit } = await organisedUnit(ctx, input.unitId)
  const kind = await findKind(ctx.db, districtId, input.kindId)
  if (!kind) return refuse<HonourFailure>({ kind: 'missing', what: 'kind' })
  check(checkNominationOpen(kind, ctx.now))
  if (!(await tookPartIn(ctx.db, unit.id, input.userId, kind.year))) refuse<HonourFailure>({ kind: 'notCandidate' })
  await ensureSafeText(ctx, input.reason)
  const id = await inTransaction(ctx.db, async (tx) => {
    // Lock order: the kind's row, then the count and the insert.
    const locked = (await findKind(tx, districtId, kind.id, true))!
    check(checkNominationOpen(locked, ctx.now))
    check(checkQuota(locked.quotaPerUnit, await countUnitNominations(tx, districtId, kind.id, unit.id)))
    // The record as it stands now: later changes do not alter what the district decides on.
    const record = await recordOf(tx, input.userId, kind.year)
    const made = await insertNomination(
      tx,
      districtId,
      { kindId: kind.id, unitId: unit.id, userId: input.userId, by: actor.userId, reason: input.reason, record },
      ctx.now,
    )
    return made ?? refuse<HonourFailure>({ kind: 'alreadyNominated' })
  })
  return presentNomination((await findNomination(ctx.db, districtId, id))!)
}

/** The district's review list; a unit's organisers see their unit's nominations (unitId given). */
export async function honourNominations(
  ctx: SignedInContext,
  input: z.output<typeof honourNominationsRequest>,
): Promise<{ items: HonourNomination[] }> {
  const districtId = homeDistrictId()
  if (input.unitId) {
    await organisedUnit(ctx, input.unitId)
  } else {
    const actor = await requireActor(ctx)
    allow<HonourFailure>(can.reviewUnits(actor, districtId), { kind: 'notDistrictAdmin' })
  }
  const rows = await listNominations(ctx.db, districtId, input)
  return { items: rows.map(presentNomination) }
}
