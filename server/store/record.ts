/**
 * The growth record's reads: one statement per kind of entry, each over a person's own rows
 * (optionally one period and one unit). SQL and row mapping only.
 */
import type { Db } from './tx'

/** A half-open period [from, to) of instants, or none for every time. */
export interface Period {
  from: Date
  to: Date
}

export interface RecordScope {
  districtId: string
  userId: string
  period: Period | null
  /** Only this unit's events (the organisers' view). */
  unitId?: string | null
}

export interface AttendedRow {
  activityId: string
  title: string
  unitName: string
  endAt: Date
}

const params = (s: RecordScope) => [
  s.userId,
  s.districtId,
  s.period?.from ?? null,
  s.period?.to ?? null,
  s.unitId ?? null,
]

/** Events the person attended, by their end. */
export async function attendedEvents(db: Db, s: RecordScope): Promise<AttendedRow[]> {
  const { rows } = await db.query<AttendedRow>(
    `select a.id as "activityId", a.title, u.name as "unitName", a.end_at as "endAt"
     from registration r join activity a on a.id = r.activity_id join org_unit u on u.id = a.unit_id
     where r.user_id = $1 and r.state = 'attended' and a.district_id = $2
       and ($3::timestamptz is null or a.end_at >= $3) and ($4::timestamptz is null or a.end_at < $4)
       and ($5::uuid is null or a.unit_id = $5)
     order by a.end_at desc`,
    params(s),
  )
  return rows
}

export interface HoursRow {
  activityId: string
  title: string
  unitName: string
  hours: number
  /** The event's end: the hours stand next to the event on the timeline. */
  at: Date
}

/** Net approved hours per event (corrections folded in; zero sums left out), by Shanghai day of service. */
export async function approvedHoursByEvent(db: Db, s: RecordScope): Promise<HoursRow[]> {
  const { rows } = await db.query<HoursRow>(
    `select a.id as "activityId", a.title, u.name as "unitName", sum(h.hours)::float8 as hours,
            a.end_at as at
     from service_hours h join activity a on a.id = h.activity_id join org_unit u on u.id = a.unit_id
     where h.user_id = $1 and h.status = 'approved' and a.district_id = $2
       and ($3::timestamptz is null or h.day >= ($3::timestamptz at time zone 'Asia/Shanghai')::date)
       and ($4::timestamptz is null or h.day < ($4::timestamptz at time zone 'Asia/Shanghai')::date)
       and ($5::uuid is null or a.unit_id = $5)
     group by a.id, a.title, u.name, a.end_at having sum(h.hours) <> 0`,
    params(s),
  )
  return rows
}

export interface CertificateRow {
  code: string
  totalHours: number
  periodFrom: string
  periodTo: string
  issuedAt: Date
}

export async function certificatesOf(db: Db, s: RecordScope): Promise<CertificateRow[]> {
  const { rows } = await db.query<CertificateRow>(
    `select code, total_hours::float8 as "totalHours", to_char(period_from, 'YYYY-MM-DD') as "periodFrom",
            to_char(period_to, 'YYYY-MM-DD') as "periodTo", issued_at as "issuedAt"
     from hours_certificate
     where user_id = $1 and ($2::timestamptz is null or issued_at >= $2) and ($3::timestamptz is null or issued_at < $3)
     order by issued_at desc`,
    [s.userId, s.period?.from ?? null, s.period?.to ?? null],
  )
  return rows
}

export interface GivenRatingRow {
  activityId: string
  title: string
  unitName: string
  stars: number
  createdAt: Date
}

export async function ratingsGiven(db: Db, s: RecordScope): Promise<GivenRatingRow[]> {
  const { rows } = await db.query<GivenRatingRow>(
    `select a.id as "activityId", a.title, u.name as "unitName", r.stars, r.created_at as "createdAt"
     from activity_rating r join activity a on a.id = r.activity_id join org_unit u on u.id = a.unit_id
     where r.district_id = $2 and r.user_id = $1
       and ($3::timestamptz is null or r.created_at >= $3) and ($4::timestamptz is null or r.created_at < $4)
     order by r.created_at desc`,
    [s.userId, s.districtId, s.period?.from ?? null, s.period?.to ?? null],
  )
  return rows
}

export interface ProposedWishRow {
  title: string
  createdAt: Date
  claimedAt: Date | null
  claimedUnitName: string | null
}

/** Wishes the person proposed (not withdrawn) that were made or claimed in the period. */
export async function wishesProposed(db: Db, s: RecordScope): Promise<ProposedWishRow[]> {
  const { rows } = await db.query<ProposedWishRow>(
    `select w.title, w.created_at as "createdAt", w.claimed_at as "claimedAt", u.name as "claimedUnitName"
     from wish w left join org_unit u on u.id = w.claimed_unit_id
     where w.district_id = $2 and w.proposer_id = $1 and w.state <> 'withdrawn'
       and ($3::timestamptz is null
            or (w.created_at >= $3 and w.created_at < $4) or (w.claimed_at >= $3 and w.claimed_at < $4))
     order by w.created_at desc`,
    [s.userId, s.districtId, s.period?.from ?? null, s.period?.to ?? null],
  )
  return rows
}

export interface LedGroupRow {
  name: string
  state: string
  approvedAt: Date
}

/** Youth groups the person leads (approved, or approved and later suspended), by approval. */
export async function groupsLed(db: Db, s: RecordScope): Promise<LedGroupRow[]> {
  const { rows } = await db.query<LedGroupRow>(
    `select name, state, decided_at as "approvedAt"
     from youth_group
     where district_id = $2 and leader_id = $1 and state in ('approved', 'suspended')
       and ($3::timestamptz is null or decided_at >= $3) and ($4::timestamptz is null or decided_at < $4)
     order by decided_at desc`,
    [s.userId, s.districtId, s.period?.from ?? null, s.period?.to ?? null],
  )
  return rows
}

export interface HonourRow {
  year: number
  kindName: string
  unitName: string
  decidedAt: Date
}

/**
 * Approved honours of the person (optionally only those a unit nominated), by the honour's year: a
 * period is a whole Shanghai year, and the honour counts in the year it is for, whenever decided.
 */
export async function honoursOf(db: Db, s: RecordScope): Promise<HonourRow[]> {
  const { rows } = await db.query<HonourRow>(
    `select k.year::int as year, k.name as "kindName", o.name as "unitName", n.decided_at as "decidedAt"
     from honour_nomination n
     join honour_kind k on k.district_id = n.district_id and k.id = n.kind_id
     join org_unit o on o.id = n.unit_id
     where n.district_id = $2 and n.user_id = $1 and n.state = 'approved'
       and ($3::timestamptz is null or k.year = extract(year from $3::timestamptz at time zone 'Asia/Shanghai')::int)
       and ($4::uuid is null or n.unit_id = $4)
     order by n.decided_at desc`,
    [s.userId, s.districtId, s.period?.from ?? null, s.unitId ?? null],
  )
  return rows
}

export interface NextEventRow {
  activityId: string
  title: string
  startAt: Date
  placeName: string
}

/**
 * The summary on 我的, each one statement: all approved hours (corrections folded in), events attended
 * in a period (by their end, as on the timeline), the next event signed up for (as on 我的活动's
 * upcoming tab: not over, still published), and approved honours.
 */
export async function approvedHoursTotal(db: Db, districtId: string, userId: string): Promise<number> {
  const { rows } = await db.query<{ hours: number }>(
    `select coalesce(sum(h.hours), 0)::float8 as hours
     from service_hours h join activity a on a.id = h.activity_id
     where h.user_id = $1 and h.status = 'approved' and a.district_id = $2`,
    [userId, districtId],
  )
  return rows[0].hours
}

export async function attendedCount(db: Db, districtId: string, userId: string, period: Period): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `select count(*)::int as count
     from registration r join activity a on a.id = r.activity_id
     where r.user_id = $1 and r.state = 'attended' and a.district_id = $2 and a.end_at >= $3 and a.end_at < $4`,
    [userId, districtId, period.from, period.to],
  )
  return rows[0].count
}

export async function nextSignedUp(
  db: Db,
  districtId: string,
  userId: string,
  now: Date,
): Promise<NextEventRow | null> {
  const { rows } = await db.query<NextEventRow>(
    `select a.id as "activityId", a.title, a.start_at as "startAt", a.place_name as "placeName"
     from registration r join activity a on a.id = r.activity_id
     where r.user_id = $1 and a.district_id = $2
       and r.state in ('applied', 'pending', 'offered', 'confirmed', 'attended') and a.end_at > $3 and a.state = 'published'
     order by a.start_at, a.id limit 1`,
    [userId, districtId, now],
  )
  return rows[0] ?? null
}

export async function approvedHonourCount(db: Db, districtId: string, userId: string): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `select count(*)::int as count from honour_nomination where district_id = $1 and user_id = $2 and state = 'approved'`,
    [districtId, userId],
  )
  return rows[0].count
}
