/**
 * Unit rating (五星): SQL and row mapping only. The inputs of every unit's year come in two grouped
 * queries (plan lines; held events with attendance, ratings and approved hours), and the weights
 * from unit_score_weights.
 */
import type { Db } from './tx'

export interface UnitYearRow {
  unitId: string
  unitName: string
  planLines: number
  planLinesDone: number
  events: number
  attended: number
  capacity: number
  ratings: number
  starsSum: number
  approvedHours: number
}

export interface WeightsRow {
  completion: number
  satisfaction: number
  response: number
  participation: number
  hours: number
  hoursTarget: number
}

/**
 * The year's inputs of the district's admitted member units (or only `unitIds`). Held events: not
 * cancelled or draft, ended by `now`, ending in [from, to).
 */
export async function unitYearInputs(
  db: Db,
  districtId: string,
  year: number,
  from: Date,
  to: Date,
  now: Date,
  unitIds: string[] | null,
): Promise<UnitYearRow[]> {
  const units = await db.query<{ id: string; name: string }>(
    `select id, name from org_unit
     where district_id = $1 and status = 'admitted' and ($2::uuid[] is null or id = any($2::uuid[]))
     order by name, id`,
    [districtId, unitIds],
  )
  const ids = units.rows.map((u) => u.id)
  const lines = await db.query<{ unit_id: string; lines: number; done: number }>(
    `select pl.unit_id, count(*)::int as lines,
       count(*) filter (where exists (
         select 1 from activity a
         where a.plan_line_id = pl.id and a.state in ('published', 'finished') and a.end_at <= $4
       ))::int as done
     from plan_line pl
     where pl.district_id = $1 and pl.year = $2 and pl.unit_id = any($3::uuid[])
     group by pl.unit_id`,
    [districtId, year, ids, now],
  )
  const events = await db.query<{
    unit_id: string
    events: number
    attended: number
    capacity: number
    ratings: number
    stars_sum: number
    hours: string
  }>(
    `select a.unit_id, count(*)::int as events,
       coalesce(sum(att.n), 0)::int as attended,
       coalesce(sum(a.capacity), 0)::int as capacity,
       coalesce(sum(t.ratings), 0)::int as ratings,
       coalesce(sum(t.stars_sum), 0)::int as stars_sum,
       coalesce(sum(h.hours), 0)::text as hours
     from activity a
     left join activity_rating_total t on t.district_id = a.district_id and t.activity_id = a.id
     cross join lateral (
       select count(distinct r.user_id) as n from registration r where r.activity_id = a.id and r.state = 'attended'
     ) att
     cross join lateral (
       select sum(s.hours) as hours from service_hours s where s.activity_id = a.id and s.status = 'approved'
     ) h
     where a.district_id = $1 and a.unit_id = any($2::uuid[]) and a.state in ('published', 'finished')
       and a.end_at >= $3 and a.end_at < $4 and a.end_at <= $5
     group by a.unit_id`,
    [districtId, ids, from, to, now],
  )
  const lineBy = new Map(lines.rows.map((r) => [r.unit_id, r]))
  const eventBy = new Map(events.rows.map((r) => [r.unit_id, r]))
  return units.rows.map((u) => {
    const l = lineBy.get(u.id)
    const e = eventBy.get(u.id)
    return {
      unitId: u.id,
      unitName: u.name,
      planLines: l?.lines ?? 0,
      planLinesDone: l?.done ?? 0,
      events: e?.events ?? 0,
      attended: e?.attended ?? 0,
      capacity: e?.capacity ?? 0,
      ratings: e?.ratings ?? 0,
      starsSum: e?.stars_sum ?? 0,
      approvedHours: Number(e?.hours ?? 0),
    }
  })
}

export async function yearWeights(db: Db, districtId: string, year: number): Promise<WeightsRow | null> {
  const { rows } = await db.query<{
    completion: number
    satisfaction: number
    response: number
    participation: number
    hours: number
    hours_target: string
  }>(
    `select completion, satisfaction, response, participation, hours, hours_target::text
     from unit_score_weights where district_id = $1 and year = $2`,
    [districtId, year],
  )
  const r = rows[0]
  if (!r) return null
  return {
    completion: r.completion,
    satisfaction: r.satisfaction,
    response: r.response,
    participation: r.participation,
    hours: r.hours,
    hoursTarget: Number(r.hours_target),
  }
}

export async function saveYearWeights(
  db: Db,
  districtId: string,
  year: number,
  w: WeightsRow,
  by: string,
  now: Date,
): Promise<void> {
  await db.query(
    `insert into unit_score_weights
       (district_id, year, completion, satisfaction, response, participation, hours, hours_target, updated_by, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (district_id, year) do update set
       completion = excluded.completion, satisfaction = excluded.satisfaction, response = excluded.response,
       participation = excluded.participation, hours = excluded.hours, hours_target = excluded.hours_target,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [districtId, year, w.completion, w.satisfaction, w.response, w.participation, w.hours, w.hoursTarget, by, now],
  )
}
