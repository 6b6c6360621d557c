/** What the plan editor's use cases share: the editor check and the line references. */
import { homeDistrictId } from '../../config'
import { can, type Actor } from '../../domain/policy'
import { PG, pgCode, type Db } from '../../store/tx'
import { findUnit } from '../../store/units'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { allow, refuse } from '../refusal'
import type { PlanFailure } from './failures'

/** The district admin editing the home district's list, or FORBIDDEN. */
export async function requireEditor(ctx: SignedInContext): Promise<{ actor: Actor; districtId: string }> {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  allow<PlanFailure>(can.editPlan(actor, districtId), { kind: 'notPlanEditor', to: 'edit' })
  return { actor, districtId }
}

/** A line is led by an admitted unit of the district. */
export async function checkLineUnit(db: Db, districtId: string, unitId: string): Promise<void> {
  const unit = await findUnit(db, unitId)
  if (!unit || unit.districtId !== districtId || unit.status !== 'admitted') {
    refuse<PlanFailure>({ kind: 'lineUnitInvalid' })
  }
}

export function refuseUnknownCategory(err: unknown): never {
  if (pgCode(err) === PG.foreignKeyViolation) refuse<PlanFailure>({ kind: 'unknownCategory' })
  throw err
}
