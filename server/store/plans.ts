/** The annual activity list (年度活动清单): plans, lines, and the events posted against lines. */
import type { LineState, Plan, PlanLine } from '@api/plan'
import { activityPhase } from '../domain/activity-phase'
import type { EventState } from '../domain/event-rules'
import { lineState } from '../domain/plan'
import type { Db } from './tx'

export interface LineRow {
  id: string
  district_id: string
  year: number
  unit_id: string
  unit_name: string
  category: string
  category_name: string
  title: string
  planned_month: number
  target_community: string | null
  needs_note: string | null
  plan_status: 'draft' | 'published'
}

const SELECT_LINE = `
  select l.id, l.district_id, l.year, l.unit_id, u.name as unit_name, l.category, c.name as category_name, l.title,
         l.planned_month, l.target_community, l.needs_note, p.status as plan_status
  from plan_line l
  join annual_plan p on p.district_id = l.district_id and p.year = l.year
  join org_unit u on u.id = l.unit_id
  join activity_category c on c.code = l.category`

export async function findLine(db: Db, id: string): Promise<LineRow | null> {
  const { rows } = await db.query<LineRow>(`${SELECT_LINE} where l.id = $1`, [id])
  return rows[0] ?? null
}

export async function findPlan(db: Db, districtId: string, year: number) {
  const { rows } = await db.query<{ status: 'draft' | 'published'; published_at: Date | null }>(
    'select status, published_at from annual_plan where district_id = $1 and year = $2',
    [districtId, year],
  )
  return rows[0] ?? null
}

export async function ensurePlan(db: Db, districtId: string, year: number): Promise<void> {
  await db.query('insert into annual_plan (district_id, year) values ($1, $2) on conflict do nothing', [
    districtId,
    year,
  ])
}

interface LineEventRow {
  plan_line_id: string
  id: string
  title: string
  state: EventState
  start_at: Date
  end_at: Date
  signup_opens_at: Date
  signup_closes_at: Date
}

/** Lines of one plan with their events and states, in month then unit order. */
export async function loadLines(
  db: Db,
  districtId: string,
  year: number,
  now: Date,
  lineId?: string,
): Promise<PlanLine[]> {
  const params: unknown[] = [districtId, year]
  let only = ''
  if (lineId) {
    params.push(lineId)
    only = ' and l.id = $3'
  }
  const lines = await db.query<LineRow>(
    `${SELECT_LINE} where l.district_id = $1 and l.year = $2${only} order by l.planned_month, u.name, l.created_at, l.id`,
    params,
  )
  if (!lines.rows.length) return []
  const events = await db.query<LineEventRow>(
    `select plan_line_id, id, title, state, start_at, end_at, signup_opens_at, signup_closes_at
     from activity where plan_line_id = any($1::uuid[]) and state <> 'draft' order by start_at desc`,
    [lines.rows.map((l) => l.id)],
  )
  const byLine = new Map<string, LineEventRow[]>()
  for (const e of events.rows) byLine.set(e.plan_line_id, [...(byLine.get(e.plan_line_id) ?? []), e])
  return lines.rows.map((l) => toLine(l, byLine.get(l.id) ?? [], now))
}

function toLine(l: LineRow, events: LineEventRow[], now: Date): PlanLine {
  const state: LineState = lineState(
    l.year,
    l.planned_month,
    events.map((e) => ({ state: e.state, endAt: e.end_at })),
    now,
  )
  return {
    id: l.id,
    year: l.year,
    unit: { id: l.unit_id, name: l.unit_name },
    category: { code: l.category, name: l.category_name },
    title: l.title,
    plannedMonth: l.planned_month,
    targetCommunity: l.target_community,
    needsNote: l.needs_note,
    state,
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      startAt: e.start_at.toISOString(),
      phase: activityPhase(
        {
          state: e.state,
          startAt: e.start_at,
          endAt: e.end_at,
          signupOpensAt: e.signup_opens_at,
          signupClosesAt: e.signup_closes_at,
        },
        now,
      ),
    })),
  }
}

export async function planOf(db: Db, districtId: string, year: number, now: Date): Promise<Plan> {
  const plan = await findPlan(db, districtId, year)
  return {
    districtId,
    year,
    status: plan?.status ?? 'draft',
    publishedAt: plan?.published_at ? plan.published_at.toISOString() : null,
    lines: await loadLines(db, districtId, year, now),
  }
}

export interface LineFields {
  unitId: string
  category: string
  title: string
  plannedMonth: number
  targetCommunity: string | null
  needsNote: string | null
}

export async function insertLine(db: Db, districtId: string, year: number, f: LineFields): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into plan_line (district_id, year, unit_id, category, title, planned_month, target_community, needs_note)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [districtId, year, f.unitId, f.category, f.title, f.plannedMonth, f.targetCommunity, f.needsNote],
  )
  return rows[0].id
}

export async function updateLine(db: Db, id: string, f: LineFields): Promise<void> {
  await db.query(
    `update plan_line set unit_id = $2, category = $3, title = $4, planned_month = $5, target_community = $6, needs_note = $7 where id = $1`,
    [id, f.unitId, f.category, f.title, f.plannedMonth, f.targetCommunity, f.needsNote],
  )
}

export async function lineHasEvents(db: Db, id: string): Promise<boolean> {
  const r = await db.query('select 1 from activity where plan_line_id = $1 limit 1', [id])
  return (r.rowCount ?? 0) > 0
}
