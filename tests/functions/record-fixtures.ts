/** A person's history across kinds, written straight into the tables the growth record reads. */
import type { World } from '../support/world'

let n = 0

/** Approved hours for `userId` at an event they attended (their registration there), on `day`. */
export async function approvedHours(w: World, activityId: string, userId: string, hours: number, day: string) {
  await w.db.query(
    `insert into service_hours (activity_id, registration_id, user_id, day, kind, minutes, hours, status, decided_at)
     select $1, r.id, $2, $3::date, 'makeup', round($4::numeric * 60)::int, $4::numeric, 'approved', $3::date + time '12:00'
     from registration r where r.activity_id = $1 and r.user_id = $2`,
    [activityId, userId, day, hours],
  )
}

export async function certificate(w: World, userId: string, issuedAt: Date, totalHours: number) {
  await w.db.query(
    `insert into hours_certificate (code, user_id, holder_name, period_from, period_to, total_hours, activities, issuer, issued_at)
     values ($1, $2, '张三', '2026-01-01', '2026-11-01', $3, '[]', '润州区青年工作委员会', $4)`,
    [`REC${++n}${Date.now()}`, userId, totalHours, issuedAt],
  )
}

export async function rating(w: World, activityId: string, userId: string, stars: number, at: Date) {
  await w.db.query(
    `insert into activity_rating (district_id, activity_id, user_id, stars, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $5)`,
    [w.districtId, activityId, userId, stars, at],
  )
}

export async function wish(
  w: World,
  userId: string,
  title: string,
  at: Date,
  claim: { lineId: string; unitId: string; at: Date } | null = null,
) {
  await w.db.query(
    `insert into wish (district_id, proposer_id, category, title, created_at, plan_line_id, claimed_unit_id, claimed_at)
     values ($1, $2, 'reading_club', $3, $4, $5, $6, $7)`,
    [w.districtId, userId, title, at, claim?.lineId ?? null, claim?.unitId ?? null, claim?.at ?? null],
  )
}

export async function ledGroup(w: World, userId: string, name: string, approvedAt: Date | null) {
  await w.db.query(
    `insert into youth_group (district_id, name, kind, size, leader_id, state, decided_at)
     values ($1, $2, 'interest', 10, $3, $4, $5)`,
    [w.districtId, name, userId, approvedAt ? 'approved' : 'pending', approvedAt],
  )
}

/** An honour of `year` the unit nominated the person for, approved at `decidedAt` (or still pending: null). */
export async function honour(
  w: World,
  userId: string,
  unitId: string,
  year: number,
  name: string,
  decidedAt: Date | null,
): Promise<void> {
  const kind = await w.db.query<{ id: string }>(
    `insert into honour_kind (district_id, year, name, quota_per_unit, opens_at, closes_at, created_by, created_at)
     values ($1, $2, $3, null, $4, $4::timestamptz + interval '30 days', $5, $4) returning id`,
    [w.districtId, year, name, new Date(Date.UTC(year, 0, 1)), w.userIds.admin],
  )
  await w.db.query(
    `insert into honour_nomination (district_id, kind_id, unit_id, user_id, nominated_by, reason, record, state,
       decided_by, decided_at, created_at)
     values ($1, $2, $3, $4, $5, '常年参加社区志愿服务', '{}', $6, $7, $8, $9)`,
    [
      w.districtId,
      kind.rows[0].id,
      unitId,
      userId,
      w.userIds.admin,
      decidedAt ? 'approved' : 'pending',
      decidedAt ? w.userIds.admin : null,
      decidedAt,
      new Date(Date.UTC(year, 0, 2)),
    ],
  )
}

/** Published indicators of a year, written straight in (the star function's editor is tested elsewhere). */
export async function starIndicators(
  w: World,
  year: number,
  indicators: { name: string; kind: 'hours' | 'activities'; threshold: number }[],
): Promise<void> {
  await w.db.query(
    `insert into star_year (district_id, year, published, updated_at) values ($1, $2, true, now())
     on conflict (district_id, year) do update set published = true`,
    [w.districtId, year],
  )
  for (const [order, i] of indicators.entries())
    await w.db.query(
      `insert into star_indicator (district_id, year, name, kind, threshold, sort_order) values ($1, $2, $3, $4, $5, $6)`,
      [w.districtId, year, i.name, i.kind, i.threshold, order],
    )
}
