/** Browse queries over published activities (keyset pagination on (start_at, id)). */
import type { Pool } from 'pg'
import type { ActivityCard, ActivityDetail, ActivityStatusFilter, Category } from '@api/activity'
import { activityPhase, seatsLeft } from '../domain/activity-phase'
import type { StartCursor } from '../domain/cursor'

interface ActivityRow {
  id: string
  title: string
  category: string
  category_name: string
  awards_service_hours: boolean
  unit_id: string
  unit_name: string
  start_at: Date
  end_at: Date
  signup_opens_at: Date
  signup_closes_at: Date
  place_name: string
  place_address: string | null
  capacity: number
  seats_taken: number
  cover_url: string | null
  description: string
  contact: string | null
  state: 'draft' | 'published' | 'cancelled'
}

const SELECT_ACTIVITY = `
  select a.id, a.title, a.category, c.name as category_name, c.awards_service_hours,
         a.unit_id, u.name as unit_name, a.start_at, a.end_at, a.signup_opens_at, a.signup_closes_at,
         a.place_name, a.place_address, a.capacity, a.seats_taken, a.cover_url, a.description, a.contact, a.state
  from activity a
  join org_unit u on u.id = a.unit_id
  join activity_category c on c.code = a.category`

// Mirrors domain/activity-phase.ts; $2 is "now". end_at > start_at always holds (CHECK).
const STATUS_CONDITION: Record<ActivityStatusFilter, string> = {
  active: 'a.end_at > $2',
  open: 'a.start_at > $2 and a.signup_opens_at <= $2 and a.signup_closes_at > $2',
  upcoming: 'a.start_at > $2 and not (a.signup_opens_at <= $2 and a.signup_closes_at > $2)',
  ongoing: 'a.start_at <= $2 and a.end_at > $2',
  finished: 'a.end_at <= $2',
}

export interface ListQuery {
  districtId: string
  status: ActivityStatusFilter
  category?: string
  after?: StartCursor
  limit: number
  now: Date
}

/** Finished activities read newest first; everything else soonest first. */
export const isDescending = (status: ActivityStatusFilter) => status === 'finished'

export async function listActivities(db: Pool, q: ListQuery): Promise<{ items: ActivityCard[]; last: StartCursor | null }> {
  const params: unknown[] = [q.districtId, q.now]
  const where = ["a.district_id = $1", "a.state = 'published'", STATUS_CONDITION[q.status]]
  if (q.category) {
    params.push(q.category)
    where.push(`a.category = $${params.length}`)
  }
  const desc = isDescending(q.status)
  if (q.after) {
    params.push(q.after.startAt, q.after.id)
    where.push(`(a.start_at, a.id) ${desc ? '<' : '>'} ($${params.length - 1}, $${params.length})`)
  }
  params.push(q.limit + 1)
  const order = desc ? 'a.start_at desc, a.id desc' : 'a.start_at, a.id'
  const { rows } = await db.query<ActivityRow>(
    `${SELECT_ACTIVITY} where ${where.join(' and ')} order by ${order} limit $${params.length}`,
    params,
  )
  const page = rows.slice(0, q.limit)
  const lastRow = rows.length > q.limit ? page[page.length - 1] : undefined
  return {
    items: page.map((row) => toCard(row, q.now)),
    last: lastRow ? { startAt: lastRow.start_at, id: lastRow.id } : null,
  }
}

/** A published or cancelled activity; drafts are not visible to browsers. */
export async function getActivity(db: Pool, id: string, now: Date): Promise<ActivityDetail | null> {
  const { rows } = await db.query<ActivityRow>(`${SELECT_ACTIVITY} where a.id = $1 and a.state <> 'draft'`, [id])
  const row = rows[0]
  if (!row) return null
  return {
    ...toCard(row, now),
    description: row.description,
    placeAddress: row.place_address,
    signupOpensAt: row.signup_opens_at.toISOString(),
    signupClosesAt: row.signup_closes_at.toISOString(),
    contact: row.contact,
  }
}

export async function listCategories(db: Pool): Promise<Category[]> {
  const { rows } = await db.query<{ code: string; name: string; awards_service_hours: boolean }>(
    'select code, name, awards_service_hours from activity_category order by sort_order, code',
  )
  return rows.map((r) => ({ code: r.code, name: r.name, awardsServiceHours: r.awards_service_hours }))
}

function toCard(row: ActivityRow, now: Date): ActivityCard {
  return {
    id: row.id,
    title: row.title,
    category: { code: row.category, name: row.category_name, awardsServiceHours: row.awards_service_hours },
    unit: { id: row.unit_id, name: row.unit_name },
    startAt: row.start_at.toISOString(),
    endAt: row.end_at.toISOString(),
    placeName: row.place_name,
    capacity: row.capacity,
    seatsLeft: seatsLeft(row.capacity, row.seats_taken),
    phase: activityPhase(
      { state: row.state, startAt: row.start_at, endAt: row.end_at, signupOpensAt: row.signup_opens_at, signupClosesAt: row.signup_closes_at },
      now,
    ),
    coverUrl: row.cover_url,
  }
}
