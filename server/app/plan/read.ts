/** Reading the annual list, and the district admin's completion grid. */
import type { CompletionGrid, Plan } from '@api/plan'
import { homeDistrictId } from '../../config'
import { can } from '../../domain/policy'
import { shanghaiMonthRange } from '../../domain/shanghai-time'
import { unitsThatHeld } from '../../store/plans'
import { districtsOfUnits, listUnits } from '../../store/units'
import { actorOf, requireActor } from '../actor'
import type { AppContext, SignedInContext } from '../context'
import { allow } from '../refusal'
import type { PlanFailure } from './failures'
import { planLines, planOf } from './present'

/** A published list is public; a draft is shown only inside the district's organisations. */
export async function getPlan(ctx: AppContext, year: number): Promise<Plan> {
  const districtId = homeDistrictId()
  const plan = await planOf(ctx.db, districtId, year, ctx.now)
  if (plan.status === 'published') return plan
  const actor = await actorOf(ctx)
  const unitDistricts = actor && actor.unitRoles.size ? await districtsOfUnits(ctx.db, [...actor.unitRoles.keys()]) : []
  return can.seeDraftPlan(actor, districtId, unitDistricts) ? plan : { ...plan, lines: [] }
}

/** Units × months with each line's state, and the units that held nothing this year (ad-hoc events count). */
export async function completion(ctx: SignedInContext, year: number): Promise<CompletionGrid> {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  allow<PlanFailure>(can.viewCompletion(actor, districtId), { kind: 'notPlanEditor', to: 'viewCompletion' })
  const [units, lines] = await Promise.all([
    listUnits(ctx.db, districtId, 'admitted'),
    planLines(ctx.db, districtId, year, ctx.now),
  ])
  const months = Array.from({ length: 12 }, (_, i) => i + 1)
  const rows: CompletionGrid['rows'] = units.map((u) => {
    const mine = lines.filter((l) => l.unit.id === u.id)
    return {
      unit: { id: u.id, name: u.name },
      cells: months.map((month) => ({
        month,
        lines: mine.filter((l) => l.plannedMonth === month).map((l) => ({ id: l.id, title: l.title, state: l.state })),
      })),
      heldCount: mine.filter((l) => l.state === 'held').length,
    }
  })
  const held = await unitsThatHeld(
    ctx.db,
    districtId,
    shanghaiMonthRange(year, 1).start,
    shanghaiMonthRange(year, 12).end,
    ctx.now,
  )
  return {
    year,
    months,
    rows,
    unitsWithoutHeldActivity: units.filter((u) => !held.has(u.id)).map((u) => ({ id: u.id, name: u.name })),
  }
}
