/** A unit's members: who sees the list, and how admins change roles. */
import type * as z from 'zod'
import type { UnitMember, memberSetRoleRequest } from '@api/org'
import { can } from '../../domain/policy'
import { inTransaction } from '../../store/tx'
import { addMember, hasAdmin, listMembers, lockMembers, removeMember, setMemberRole } from '../../store/units'
import { userExists } from '../../store/users'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { allow, found, refuse } from '../refusal'
import type { OrgFailure } from './failures'
import { visibleUnit } from './shared'

export async function members(ctx: SignedInContext, unitId: string): Promise<{ items: UnitMember[] }> {
  const actor = await requireActor(ctx)
  const unit = await visibleUnit(ctx.db, actor, unitId)
  allow(can.seeUnitInside(actor, unit))
  return { items: await listMembers(ctx.db, unit.id) }
}

/**
 * Sets a person's role in the unit (`null` removes them). Only the district admin appoints someone
 * from outside the unit; the unit always keeps at least one admin.
 */
export async function setRole(
  ctx: SignedInContext,
  input: z.output<typeof memberSetRoleRequest>,
): Promise<{ items: UnitMember[] }> {
  const actor = await requireActor(ctx)
  const unit = await visibleUnit(ctx.db, actor, input.unitId)
  allow<OrgFailure>(can.manageUnit(actor, unit), { kind: 'notUnitAdmin', to: 'setRoles' })
  await inTransaction(ctx.db, async (tx) => {
    // Locks the unit's member rows so two admins cannot demote each other at once.
    const current = await lockMembers(tx, unit.id)
    const isMember = current.some((m) => m.userId === input.userId)
    if (input.role === null) {
      if (!isMember) found(null, 'member')
      await removeMember(tx, unit.id, input.userId)
    } else if (isMember) {
      await setMemberRole(tx, unit.id, input.userId, input.role)
    } else {
      allow<OrgFailure>(can.reviewUnits(actor, unit.districtId), { kind: 'outsiderNeedsInvite' })
      if (!(await userExists(tx, input.userId))) found(null, 'user')
      await addMember(tx, unit.id, input.userId, input.role)
    }
    if (!(await hasAdmin(tx, unit.id))) refuse<OrgFailure>({ kind: 'lastAdmin' })
  })
  return { items: await listMembers(ctx.db, unit.id) }
}
