/** The annual list as the API shows it: each line with its state and its events' phases. */
import type { Plan, PlanLine } from '@api/plan'
import { activityPhase } from '../../domain/activity-phase'
import { lineState } from '../../domain/plan'
import { findPlan, loadLines, type LineEventRecord, type LineRecord } from '../../store/plans'
import type { Db } from '../../store/tx'

export function toPlanLine(line: LineRecord, events: LineEventRecord[], now: Date): PlanLine {
  return {
    id: line.id,
    year: line.year,
    unit: { id: line.unitId, name: line.unitName },
    category: { code: line.category, name: line.categoryName },
    title: line.title,
    plannedMonth: line.plannedMonth,
    targetCommunity: line.targetCommunity,
    needsNote: line.needsNote,
    state: lineState(line.year, line.plannedMonth, events, now),
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      startAt: e.startAt.toISOString(),
      phase: activityPhase(e, now),
    })),
  }
}

export async function planLines(db: Db, districtId: string, year: number, now: Date): Promise<PlanLine[]> {
  return (await loadLines(db, districtId, year)).map(({ line, events }) => toPlanLine(line, events, now))
}

export async function oneLine(db: Db, districtId: string, year: number, id: string, now: Date): Promise<PlanLine> {
  const [{ line, events }] = await loadLines(db, districtId, year, id)
  return toPlanLine(line, events, now)
}

/** The district's list for a year (an empty draft when nobody has started it). */
export async function planOf(db: Db, districtId: string, year: number, now: Date): Promise<Plan> {
  const plan = await findPlan(db, districtId, year)
  return {
    districtId,
    year,
    status: plan?.status ?? 'draft',
    publishedAt: plan?.publishedAt ? plan.publishedAt.toISOString() : null,
    lines: await planLines(db, districtId, year, now),
  }
}
