/** What several activity use cases share: loading an event the caller manages, checking its line. */
import type { ManagedActivity } from '@api/activity'
import { decodeCursor, type StartCursor } from '../../domain/cursor'
import { checkEventLine } from '../../domain/plan'
import { can, type Actor } from '../../domain/policy'
import { findActivity, type ActivityRecord } from '../../store/activities'
import { findLine } from '../../store/plans'
import { PG, pgCode, type Db } from '../../store/tx'
import { findDistrict } from '../../store/units'
import type { AppContext } from '../context'
import { allow, check, found, refuse } from '../refusal'
import type { ActivityFailure } from './failures'
import { coverLinks, toManaged } from './present'

/** Loads an activity the caller may manage (locked when `forUpdate`), or refuses NOT_FOUND / FORBIDDEN. */
export async function managedActivity(db: Db, actor: Actor, id: string, forUpdate = false): Promise<ActivityRecord> {
  const activity = found(await findActivity(db, id, forUpdate), 'activity')
  allow<ActivityFailure>(can.manageEvents(actor, { id: activity.unitId, districtId: activity.districtId }), {
    kind: 'notOrganiser',
    to: 'manage',
  })
  return activity
}

/** Refuses unless the event may stand on `planLineId` (or, when null, without a line). */
export async function checkLine(db: Db, unitId: string, districtId: string, planLineId: string | null): Promise<void> {
  if (planLineId === null) {
    const district = await findDistrict(db, districtId)
    check(checkEventLine(unitId, null, null, district?.allowAdhocEvents ?? false))
    return
  }
  check(checkEventLine(unitId, planLineId, await findLine(db, planLineId), false))
}

/** The organiser's view of an event as it now stands. */
export async function reread(ctx: AppContext, id: string): Promise<ManagedActivity> {
  const a = found(await findActivity(ctx.db, id), 'activity')
  return toManaged(a, ctx.now, await coverLinks(ctx, [a]))
}

/** A missing category is the one foreign key an organiser's input can break. */
export function refuseUnknownCategory(err: unknown): never {
  if (pgCode(err) === PG.foreignKeyViolation) refuse<ActivityFailure>({ kind: 'unknownCategory' })
  throw err
}

export function cursorOrRefuse(cursor: string | undefined): StartCursor | undefined {
  if (!cursor) return undefined
  return decodeCursor(cursor) ?? refuse<ActivityFailure>({ kind: 'badCursor' })
}
