/** The annual activity list (年度活动清单): plans, lines, and the events posted against lines. */
import type { EventState } from '../domain/event-rules'
import type { LineFields } from '../domain/plan-import'
import type { Db } from './tx'

export type { LineFields }

export interface LineRecord extends LineFields {
  id: string
  districtId: string
  year: number
  unitName: string
  categoryName: string
  planStatus: 'draft' | 'published'
}

/** An event posted against a line (drafts excluded). */
export interface LineEventRecord {
  id: string
  title: string
  state: EventState
  startAt: Date
  endAt: Date
  signupOpensAt: Date
  signupClosesAt: Date
}

interface LineRow {
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

function toRecord(l: LineRow): LineRecord {
  return {
    id: l.id,
    districtId: l.district_id,
    year: l.year,
    unitId: l.unit_id,
    unitName: l.unit_name,
    category: l.category,
    categoryName: l.category_name,
    title: l.title,
    plannedMonth: l.planned_month,
    targetCommunity: l.target_community,
    needsNote: l.needs_note,
    planStatus: l.plan_status,
  }
}

export async function findLine(db: Db, id: string): Promise<LineRecord | null> {
  const { rows } = await db.query<LineRow>(`${SELECT_LINE} where l.id = $1`, [id])
  return rows[0] ? toRecord(rows[0]) : null
}

export async function findPlan(
  db: Db,
  districtId: string,
  year: number,
): Promise<{ status: 'draft' | 'published'; publishedAt: Date | null } | null> {
  const { rows } = await db.query<{ status: 'draft' | 'published'; published_at: Date | null }>(
    'select status, published_at from annual_plan where district_id = $1 and year = $2',
    [districtId, year],
  )
  return rows[0] ? { status: rows[0].status, publishedAt: rows[0].published_at } : null
}

export async function ensurePlan(db: Db, districtId: string, year: number): Promise<void> {
  await db.query('insert into annual_plan (district_id, year) values ($1, $2) on conflict do nothing', [
    districtId,
    year,
  ])
}

export async function publishPlan(db: Db, districtId: string, year: number, now: Date): Promise<void> {
  await db.query(
    "update annual_plan set status = 'published', published_at = coalesce(published_at, $3) where district_id = $1 and year = $2",
    [districtId, year, now],
  )
}

export async function planHasLines(db: Db, districtId: string, year: number): Promise<boolean> {
  const r = await db.query('select 1 from plan_line where district_id = $1 and year = $2 limit 1', [districtId, year])
  return (r.rowCount ?? 0) > 0
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

/** Lines of one plan with their events (newest start first), in month then unit order. */
export async function loadLines(
  db: Db,
  districtId: string,
  year: number,
  lineId?: string,
): Promise<{ line: LineRecord; events: LineEventRecord[] }[]> {
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
  const byLine = new Map<string, LineEventRecord[]>()
  for (const e of events.rows) {
    const event: LineEventRecord = {
      id: e.id,
      title: e.title,
      state: e.state,
      startAt: e.start_at,
      endAt: e.end_at,
      signupOpensAt: e.signup_opens_at,
      signupClosesAt: e.signup_closes_at,
    }
    byLine.set(e.plan_line_id, [...(byLine.get(e.plan_line_id) ?? []), event])
  }
  return lines.rows.map((l) => ({ line: toRecord(l), events: byLine.get(l.id) ?? [] }))
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

export async function deleteLine(db: Db, id: string): Promise<void> {
  await db.query('delete from plan_line where id = $1', [id])
}

export async function lineHasEvents(db: Db, id: string): Promise<boolean> {
  const r = await db.query('select 1 from activity where plan_line_id = $1 limit 1', [id])
  return (r.rowCount ?? 0) > 0
}

/** Removes the plan's lines that have no events; answers the lines that stay. */
export async function deleteLinesWithoutEvents(
  db: Db,
  districtId: string,
  year: number,
): Promise<Pick<LineFields, 'unitId' | 'title' | 'plannedMonth'>[]> {
  await db.query(
    `delete from plan_line l where l.district_id = $1 and l.year = $2
       and not exists (select 1 from activity a where a.plan_line_id = l.id)`,
    [districtId, year],
  )
  const { rows } = await db.query<{ unit_id: string; title: string; planned_month: number }>(
    'select unit_id, title, planned_month from plan_line where district_id = $1 and year = $2',
    [districtId, year],
  )
  return rows.map((r) => ({ unitId: r.unit_id, title: r.title, plannedMonth: r.planned_month }))
}

/**
 * The units that held an event starting in [from, to): finished by the organiser, or ended while
 * published (the "held" of domain/plan.ts, ad-hoc events included).
 */
export async function unitsThatHeld(db: Db, districtId: string, from: Date, to: Date, now: Date): Promise<Set<string>> {
  const { rows } = await db.query<{ unit_id: string }>(
    `select distinct unit_id from activity where district_id = $1 and start_at >= $2 and start_at < $3
       and (state = 'finished' or (state = 'published' and end_at <= $4))`,
    [districtId, from, to, now],
  )
  return new Set(rows.map((r) => r.unit_id))
}
