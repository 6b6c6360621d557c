/** Loading a unit the caller may see: pending and rejected applications exist only for the reviewer and the applicant. */
import { can, type Actor } from '../../domain/policy'
import { findUnit, type UnitRecord } from '../../store/units'
import type { Db } from '../../store/tx'
import { found } from '../refusal'

export async function visibleUnit(db: Db, actor: Actor | null, id: string): Promise<UnitRecord> {
  const unit = await findUnit(db, id)
  return found(unit && can.seeUnit(actor, unit) ? unit : null, 'unit')
}
