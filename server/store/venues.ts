/** Venues, their hours, facilities and bookings: SQL and row mapping only. */
import type { BookingKind, BookingState, FacilityBookers, FacilityKind, VenueTier } from '@contract/venue'
import type { Db } from './tx'

export interface VenueRecord {
  districtId: string
  id: string
  ownerUnitId: string | null
  ownerName: string
  name: string
  tier: VenueTier
  address: string
  latitude: number | null
  longitude: number | null
  photos: string[]
  intro: string
  contactName: string
  contactPhone: string
  facilityKinds: FacilityKind[]
}

export interface VenueWrite {
  name: string
  tier: VenueTier
  address: string
  latitude: number | null
  longitude: number | null
  photos: string[]
  intro: string
  contactName: string
  contactPhone: string
}

export interface WeeklyRow {
  weekday: number
  opens: number
  closes: number
}

export interface ExceptionRow {
  day: string
  ranges: { opens: number; closes: number }[]
  note: string
}

export interface FacilityRecord {
  districtId: string
  id: string
  venueId: string
  kind: FacilityKind
  name: string
  seats: number | null
  bookers: FacilityBookers
  needsApproval: boolean
  slotMinutes: number
  minMinutes: number
  maxMinutes: number
  maxDaysAhead: number
  leadMinutes: number
  cancelHours: number
}

export type FacilityWrite = Omit<FacilityRecord, 'districtId' | 'id' | 'venueId'>

export interface BookingRecord {
  districtId: string
  id: string
  kind: BookingKind
  facilityId: string
  facilityName: string
  venueId: string
  venueName: string
  ownerUnitId: string | null
  unitId: string | null
  unitName: string | null
  /** A youth group's booking: the group, its leader and the leader's real name and phone. */
  groupId: string | null
  groupName: string | null
  groupLeaderId: string | null
  groupLeaderName: string | null
  groupLeaderPhone: string | null
  bookedBy: string
  start: Date
  end: Date
  purpose: string
  activityId: string | null
  state: BookingState
  reason: string | null
  recurrenceId: string | null
  decidedAt: Date | null
  createdAt: Date
  cancelHours: number
}

export interface BookingWrite {
  districtId: string
  facilityId: string
  kind: BookingKind
  unitId: string | null
  /** A youth group's booking (unitId null). */
  groupId: string | null
  bookedBy: string
  start: Date
  end: Date
  purpose: string
  activityId: string | null
  state: BookingState
  reason: string | null
  recurrenceId: string | null
}

const VENUE_SELECT = `select v.district_id, v.id, v.owner_unit_id, coalesce(u.name, d.name) as owner_name, v.name, v.tier,
    v.address, v.latitude, v.longitude, v.photos, v.intro, v.contact_name, v.contact_phone,
    coalesce((select array_agg(distinct f.kind order by f.kind) from facility f
              where f.district_id = v.district_id and f.venue_id = v.id), '{}') as facility_kinds
  from venue v
  join district d on d.id = v.district_id
  left join org_unit u on u.id = v.owner_unit_id`

interface VenueRow {
  district_id: string
  id: string
  owner_unit_id: string | null
  owner_name: string
  name: string
  tier: VenueTier
  address: string
  latitude: number | null
  longitude: number | null
  photos: string[]
  intro: string
  contact_name: string
  contact_phone: string
  facility_kinds: FacilityKind[]
}

const toVenue = (r: VenueRow): VenueRecord => ({
  districtId: r.district_id,
  id: r.id,
  ownerUnitId: r.owner_unit_id,
  ownerName: r.owner_name,
  name: r.name,
  tier: r.tier,
  address: r.address,
  latitude: r.latitude,
  longitude: r.longitude,
  photos: r.photos,
  intro: r.intro,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  facilityKinds: r.facility_kinds,
})

export async function insertVenue(
  db: Db,
  v: VenueWrite & { districtId: string; ownerUnitId: string | null; createdBy: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into venue (district_id, owner_unit_id, name, tier, address, latitude, longitude, photos, intro,
       contact_name, contact_phone, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
    [
      v.districtId,
      v.ownerUnitId,
      v.name,
      v.tier,
      v.address,
      v.latitude,
      v.longitude,
      v.photos,
      v.intro,
      v.contactName,
      v.contactPhone,
      v.createdBy,
    ],
  )
  return rows[0].id
}

export async function updateVenue(db: Db, districtId: string, id: string, v: VenueWrite): Promise<void> {
  await db.query(
    `update venue set name = $3, tier = $4, address = $5, latitude = $6, longitude = $7, photos = $8, intro = $9,
       contact_name = $10, contact_phone = $11, updated_at = now()
     where district_id = $1 and id = $2`,
    [
      districtId,
      id,
      v.name,
      v.tier,
      v.address,
      v.latitude,
      v.longitude,
      v.photos,
      v.intro,
      v.contactName,
      v.contactPhone,
    ],
  )
}

export async function findVenue(
  db: Db,
  districtId: string,
  id: string,
  forUpdate = false,
): Promise<VenueRecord | null> {
  const { rows } = await db.query<VenueRow>(
    `${VENUE_SELECT} where v.district_id = $1 and v.id = $2${forUpdate ? ' for update of v' : ''}`,
    [districtId, id],
  )
  return rows[0] ? toVenue(rows[0]) : null
}

export async function listVenues(
  db: Db,
  districtId: string,
  filter: { tier?: VenueTier; facilityKind?: FacilityKind },
): Promise<VenueRecord[]> {
  const { rows } = await db.query<VenueRow>(
    `${VENUE_SELECT}
     where v.district_id = $1 and ($2::text is null or v.tier = $2)
       and ($3::text is null or exists (select 1 from facility f
             where f.district_id = v.district_id and f.venue_id = v.id and f.kind = $3))
     order by v.name`,
    [districtId, filter.tier ?? null, filter.facilityKind ?? null],
  )
  return rows.map(toVenue)
}

export async function replaceWeeklyHours(
  db: Db,
  districtId: string,
  venueId: string,
  hours: WeeklyRow[],
): Promise<void> {
  await db.query('delete from venue_hours where district_id = $1 and venue_id = $2', [districtId, venueId])
  if (hours.length === 0) return
  await db.query(
    `insert into venue_hours (district_id, venue_id, weekday, opens_min, closes_min)
     select $1, $2, * from unnest($3::smallint[], $4::smallint[], $5::smallint[])`,
    [districtId, venueId, hours.map((h) => h.weekday), hours.map((h) => h.opens), hours.map((h) => h.closes)],
  )
}

/** Replaces a venue's exceptions from Shanghai day `from` on (all of them when null); earlier ones stay as they were. */
export async function replaceExceptions(
  db: Db,
  districtId: string,
  venueId: string,
  exceptions: ExceptionRow[],
  from: string | null = null,
): Promise<void> {
  await db.query(
    'delete from venue_exception where district_id = $1 and venue_id = $2 and ($3::date is null or day >= $3::date)',
    [districtId, venueId, from],
  )
  for (const e of exceptions) {
    if (from !== null && e.day < from) continue
    await db.query(
      `insert into venue_exception (district_id, venue_id, day, opens_min, closes_min, note)
       values ($1, $2, $3, $4, $5, $6)`,
      [districtId, venueId, e.day, e.ranges.map((r) => r.opens), e.ranges.map((r) => r.closes), e.note],
    )
  }
}

/** The weekly hours and the exceptions between two Shanghai days (inclusive) of one venue. */
export async function venueHours(
  db: Db,
  districtId: string,
  venueId: string,
  fromDay: string,
  toDay: string,
): Promise<{ weekly: WeeklyRow[]; exceptions: ExceptionRow[] }> {
  const [weekly, exceptions] = await Promise.all([
    db.query<{ weekday: number; opens_min: number; closes_min: number }>(
      `select weekday, opens_min, closes_min from venue_hours where district_id = $1 and venue_id = $2
       order by weekday, opens_min`,
      [districtId, venueId],
    ),
    db.query<{ day: string; opens_min: number[]; closes_min: number[]; note: string }>(
      `select to_char(day, 'YYYY-MM-DD') as day, opens_min, closes_min, note from venue_exception
       where district_id = $1 and venue_id = $2 and day between $3::date and $4::date order by day`,
      [districtId, venueId, fromDay, toDay],
    ),
  ])
  return {
    weekly: weekly.rows.map((r) => ({ weekday: r.weekday, opens: r.opens_min, closes: r.closes_min })),
    exceptions: exceptions.rows.map((r) => ({
      day: r.day,
      ranges: r.opens_min.map((opens, i) => ({ opens, closes: r.closes_min[i] })),
      note: r.note,
    })),
  }
}

const FACILITY_COLUMNS = `district_id, id, venue_id, kind, name, seats, bookers, needs_approval, slot_minutes,
  min_minutes, max_minutes, max_days_ahead, lead_minutes, cancel_hours`

interface FacilityRow {
  district_id: string
  id: string
  venue_id: string
  kind: FacilityKind
  name: string
  seats: number | null
  bookers: FacilityBookers
  needs_approval: boolean
  slot_minutes: number
  min_minutes: number
  max_minutes: number
  max_days_ahead: number
  lead_minutes: number
  cancel_hours: number
}

const toFacility = (r: FacilityRow): FacilityRecord => ({
  districtId: r.district_id,
  id: r.id,
  venueId: r.venue_id,
  kind: r.kind,
  name: r.name,
  seats: r.seats,
  bookers: r.bookers,
  needsApproval: r.needs_approval,
  slotMinutes: r.slot_minutes,
  minMinutes: r.min_minutes,
  maxMinutes: r.max_minutes,
  maxDaysAhead: r.max_days_ahead,
  leadMinutes: r.lead_minutes,
  cancelHours: r.cancel_hours,
})

const facilityParams = (f: FacilityWrite) => [
  f.kind,
  f.name,
  f.seats,
  f.bookers,
  f.needsApproval,
  f.slotMinutes,
  f.minMinutes,
  f.maxMinutes,
  f.maxDaysAhead,
  f.leadMinutes,
  f.cancelHours,
]

export async function insertFacility(
  db: Db,
  districtId: string,
  venueId: string,
  f: FacilityWrite,
): Promise<FacilityRecord> {
  const { rows } = await db.query<FacilityRow>(
    `insert into facility (district_id, venue_id, kind, name, seats, bookers, needs_approval, slot_minutes,
       min_minutes, max_minutes, max_days_ahead, lead_minutes, cancel_hours)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning ${FACILITY_COLUMNS}`,
    [districtId, venueId, ...facilityParams(f)],
  )
  return toFacility(rows[0])
}

export async function updateFacility(
  db: Db,
  districtId: string,
  id: string,
  f: FacilityWrite,
): Promise<FacilityRecord> {
  const { rows } = await db.query<FacilityRow>(
    `update facility set kind = $3, name = $4, seats = $5, bookers = $6, needs_approval = $7, slot_minutes = $8,
       min_minutes = $9, max_minutes = $10, max_days_ahead = $11, lead_minutes = $12, cancel_hours = $13
     where district_id = $1 and id = $2 returning ${FACILITY_COLUMNS}`,
    [districtId, id, ...facilityParams(f)],
  )
  return toFacility(rows[0])
}

export async function findFacility(db: Db, districtId: string, id: string): Promise<FacilityRecord | null> {
  const { rows } = await db.query<FacilityRow>(
    `select ${FACILITY_COLUMNS} from facility where district_id = $1 and id = $2`,
    [districtId, id],
  )
  return rows[0] ? toFacility(rows[0]) : null
}

export async function listFacilities(db: Db, districtId: string, venueId: string): Promise<FacilityRecord[]> {
  const { rows } = await db.query<FacilityRow>(
    `select ${FACILITY_COLUMNS} from facility where district_id = $1 and venue_id = $2 order by kind, name`,
    [districtId, venueId],
  )
  return rows.map(toFacility)
}

const BOOKING_SELECT = `select b.district_id, b.id, b.kind, b.facility_id, f.name as facility_name, f.venue_id,
    v.name as venue_name, v.owner_unit_id, b.unit_id, u.name as unit_name, b.booker_group_id as group_id,
    g.name as group_name, g.leader_id as group_leader_id, gl.real_name as group_leader_name,
    gl.phone as group_leader_phone, b.booked_by, lower(b.during) as start_at,
    upper(b.during) as end_at, b.purpose, b.activity_id, b.state, b.reason, b.recurrence_id, b.decided_at,
    b.created_at, f.cancel_hours
  from booking b
  join facility f on f.district_id = b.district_id and f.id = b.facility_id
  join venue v on v.district_id = f.district_id and v.id = f.venue_id
  left join org_unit u on u.id = b.unit_id
  left join youth_group g on g.district_id = b.district_id and g.id = b.booker_group_id
  left join app_user gl on gl.id = g.leader_id`

interface BookingRow {
  district_id: string
  id: string
  kind: BookingKind
  facility_id: string
  facility_name: string
  venue_id: string
  venue_name: string
  owner_unit_id: string | null
  unit_id: string | null
  unit_name: string | null
  group_id: string | null
  group_name: string | null
  group_leader_id: string | null
  group_leader_name: string | null
  group_leader_phone: string | null
  booked_by: string
  start_at: Date
  end_at: Date
  purpose: string
  activity_id: string | null
  state: BookingState
  reason: string | null
  recurrence_id: string | null
  decided_at: Date | null
  created_at: Date
  cancel_hours: number
}

const toBooking = (r: BookingRow): BookingRecord => ({
  districtId: r.district_id,
  id: r.id,
  kind: r.kind,
  facilityId: r.facility_id,
  facilityName: r.facility_name,
  venueId: r.venue_id,
  venueName: r.venue_name,
  ownerUnitId: r.owner_unit_id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  groupId: r.group_id,
  groupName: r.group_name,
  groupLeaderId: r.group_leader_id,
  groupLeaderName: r.group_leader_name,
  groupLeaderPhone: r.group_leader_phone,
  bookedBy: r.booked_by,
  start: r.start_at,
  end: r.end_at,
  purpose: r.purpose,
  activityId: r.activity_id,
  state: r.state,
  reason: r.reason,
  recurrenceId: r.recurrence_id,
  decidedAt: r.decided_at,
  createdAt: r.created_at,
  cancelHours: r.cancel_hours,
})

/**
 * Inserts the bookings in one statement: all land or none does. A holding booking that overlaps
 * another raises the exclusion constraint's error (23P01, `booking_no_overlap`).
 */
export async function insertBookings(db: Db, items: BookingWrite[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `insert into booking (district_id, facility_id, kind, unit_id, booked_by, during, purpose, activity_id, state,
       reason, recurrence_id, booker_group_id)
     select t.district_id, t.facility_id, t.kind, t.unit_id, t.booked_by, tstzrange(t.start_at, t.end_at, '[)'),
       t.purpose, t.activity_id, t.state, t.reason, t.recurrence_id, t.group_id
     from unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::timestamptz[], $7::timestamptz[],
                 $8::text[], $9::uuid[], $10::text[], $11::text[], $12::uuid[], $13::uuid[])
       as t(district_id, facility_id, kind, unit_id, booked_by, start_at, end_at, purpose, activity_id, state,
            reason, recurrence_id, group_id)
     order by t.start_at
     returning id`,
    [
      items.map((i) => i.districtId),
      items.map((i) => i.facilityId),
      items.map((i) => i.kind),
      items.map((i) => i.unitId),
      items.map((i) => i.bookedBy),
      items.map((i) => i.start),
      items.map((i) => i.end),
      items.map((i) => i.purpose),
      items.map((i) => i.activityId),
      items.map((i) => i.state),
      items.map((i) => i.reason),
      items.map((i) => i.recurrenceId),
      items.map((i) => i.groupId),
    ],
  )
  return rows.map((r) => r.id)
}

/** Holding bookings and blocks of a facility that overlap any of `ranges`, earliest first. */
export async function holdingOverlaps(
  db: Db,
  districtId: string,
  facilityId: string,
  ranges: { start: Date; end: Date }[],
): Promise<{ start: Date; end: Date; kind: BookingKind }[]> {
  const { rows } = await db.query<{ start_at: Date; end_at: Date; kind: BookingKind }>(
    `select distinct lower(b.during) as start_at, upper(b.during) as end_at, b.kind
     from booking b
     join unnest($3::timestamptz[], $4::timestamptz[]) as r(start_at, end_at)
       on b.during && tstzrange(r.start_at, r.end_at, '[)')
     where b.district_id = $1 and b.facility_id = $2 and b.state in ('approved', 'used', 'no_show')
     order by 1`,
    [districtId, facilityId, ranges.map((r) => r.start), ranges.map((r) => r.end)],
  )
  return rows.map((r) => ({ start: r.start_at, end: r.end_at, kind: r.kind }))
}

/**
 * The district's facilities (of one kind, if given) with no holding booking or block overlapping
 * [start, end), by venue: one statement, the overlap tested with `during &&` so the GiST index serves it.
 */
export async function facilitiesUnheldDuring(
  db: Db,
  districtId: string,
  start: Date,
  end: Date,
  kind: FacilityKind | null,
): Promise<{ venueId: string; id: string; kind: FacilityKind; name: string }[]> {
  const { rows } = await db.query<{ venue_id: string; id: string; kind: FacilityKind; name: string }>(
    `select f.venue_id, f.id, f.kind, f.name from facility f
     where f.district_id = $1 and ($4::text is null or f.kind = $4)
       and not exists (select 1 from booking b
             where b.district_id = f.district_id and b.facility_id = f.id
               and b.during && tstzrange($2, $3, '[)') and b.state in ('approved', 'used', 'no_show'))
     order by f.venue_id, f.name`,
    [districtId, start, end, kind],
  )
  return rows.map((r) => ({ venueId: r.venue_id, id: r.id, kind: r.kind, name: r.name }))
}

/** The pending and holding bookings of a facility overlapping [from, to): what the grid shows. */
export async function bookingsBetween(
  db: Db,
  districtId: string,
  facilityId: string,
  from: Date,
  to: Date,
): Promise<{ start: Date; end: Date; state: BookingState }[]> {
  const { rows } = await db.query<{ start_at: Date; end_at: Date; state: BookingState }>(
    `select lower(during) as start_at, upper(during) as end_at, state from booking
     where district_id = $1 and facility_id = $2 and during && tstzrange($3, $4, '[)')
       and state in ('pending', 'approved', 'used', 'no_show')`,
    [districtId, facilityId, from, to],
  )
  return rows.map((r) => ({ start: r.start_at, end: r.end_at, state: r.state }))
}

export async function findBooking(
  db: Db,
  districtId: string,
  id: string,
  forUpdate = false,
): Promise<BookingRecord | null> {
  const { rows } = await db.query<BookingRow>(
    `${BOOKING_SELECT} where b.district_id = $1 and b.id = $2${forUpdate ? ' for update of b' : ''}`,
    [districtId, id],
  )
  return rows[0] ? toBooking(rows[0]) : null
}

export async function findBookings(db: Db, districtId: string, ids: string[]): Promise<BookingRecord[]> {
  const { rows } = await db.query<BookingRow>(
    `${BOOKING_SELECT} where b.district_id = $1 and b.id = any($2::uuid[]) order by lower(b.during)`,
    [districtId, ids],
  )
  return rows.map(toBooking)
}

/** Moves a booking to a new state (the exclusion constraint guards a move into a holding state). */
export async function setBookingState(
  db: Db,
  districtId: string,
  id: string,
  change: { state: BookingState; reason: string | null; decidedBy: string; at: Date },
): Promise<void> {
  await db.query(
    `update booking set state = $3, reason = coalesce($4, reason), decided_by = $5, decided_at = $6
     where district_id = $1 and id = $2`,
    [districtId, id, change.state, change.reason, change.decidedBy, change.at],
  )
}

/** A unit's bookings: not yet ended after `since`, soonest first; or (since null) all, latest first. */
export async function unitBookings(
  db: Db,
  districtId: string,
  unitId: string,
  since: Date | null,
  limit: number,
  activityId: string | null = null,
): Promise<BookingRecord[]> {
  const { rows } = await db.query<BookingRow>(
    `${BOOKING_SELECT}
     where b.district_id = $1 and b.unit_id = $2 and b.kind = 'booking'
       and ($3::timestamptz is null or upper(b.during) > $3)
       and ($5::uuid is null or b.activity_id = $5)
     order by lower(b.during) ${since ? 'asc' : 'desc'} limit $4`,
    [districtId, unitId, since, limit, activityId],
  )
  return rows.map(toBooking)
}

/** A youth group's bookings: not yet ended after `since`, soonest first; or (since null) all, latest first. */
export async function groupBookings(
  db: Db,
  districtId: string,
  groupId: string,
  since: Date | null,
  limit: number,
): Promise<BookingRecord[]> {
  const { rows } = await db.query<BookingRow>(
    `${BOOKING_SELECT}
     where b.district_id = $1 and b.booker_group_id = $2 and b.kind = 'booking'
       and ($3::timestamptz is null or upper(b.during) > $3)
     order by lower(b.during) ${since ? 'asc' : 'desc'} limit $4`,
    [districtId, groupId, since, limit],
  )
  return rows.map(toBooking)
}

/** Pending requests on the venues of an owner (a unit, or the district when null), oldest start first. */
export async function ownerPending(
  db: Db,
  districtId: string,
  ownerUnitId: string | null,
  limit: number,
): Promise<BookingRecord[]> {
  const { rows } = await db.query<BookingRow>(
    `${BOOKING_SELECT}
     where b.district_id = $1 and b.state = 'pending' and v.owner_unit_id is not distinct from $2::uuid
     order by lower(b.during) limit $3`,
    [districtId, ownerUnitId, limit],
  )
  return rows.map(toBooking)
}

/** Whether any of the units is an admitted unit of the district. */
export async function anyAdmittedUnitIn(db: Db, districtId: string, unitIds: string[]): Promise<boolean> {
  if (unitIds.length === 0) return false
  const { rows } = await db.query(
    "select 1 from org_unit where district_id = $1 and id = any($2::uuid[]) and status = 'admitted' limit 1",
    [districtId, unitIds],
  )
  return rows.length > 0
}

export async function findUnitBrief(
  db: Db,
  id: string,
): Promise<{ id: string; districtId: string; status: string; name: string } | null> {
  const { rows } = await db.query<{ id: string; district_id: string; status: string; name: string }>(
    'select id, district_id, status, name from org_unit where id = $1',
    [id],
  )
  return rows[0]
    ? { id: rows[0].id, districtId: rows[0].district_id, status: rows[0].status, name: rows[0].name }
    : null
}

/** The unit that runs an activity, if the activity exists. */
export async function activityUnit(db: Db, activityId: string): Promise<string | null> {
  const { rows } = await db.query<{ unit_id: string }>('select unit_id from activity where id = $1', [activityId])
  return rows[0]?.unit_id ?? null
}

/**
 * Takes the facility's row lock for the rest of the transaction: writers of holding bookings on one
 * facility queue here instead of deadlocking in the exclusion constraint's mutual waits (two
 * inserts of overlapping ranges each wait for the other). The constraint still decides; this only
 * orders the writers. NO KEY UPDATE leaves the bookings' foreign-key checks (KEY SHARE) unblocked.
 */
export async function lockFacility(db: Db, districtId: string, facilityId: string): Promise<void> {
  await db.query('select 1 from facility where district_id = $1 and id = $2 for no key update', [
    districtId,
    facilityId,
  ])
}

/** The venues a usage report covers: all of the district's, those of some owner units, or one. */
export async function usageVenues(
  db: Db,
  districtId: string,
  scope: { venueId: string | null; ownerUnitIds: string[] | null },
): Promise<{ id: string; name: string; ownerUnitId: string | null; ownerName: string; facilities: number }[]> {
  const { rows } = await db.query<{
    id: string
    name: string
    owner_unit_id: string | null
    owner_name: string
    facilities: number
  }>(
    `select v.id, v.name, v.owner_unit_id, coalesce(u.name, d.name) as owner_name,
       (select count(*)::int from facility f where f.district_id = v.district_id and f.venue_id = v.id) as facilities
     from venue v
     join district d on d.id = v.district_id
     left join org_unit u on u.id = v.owner_unit_id
     where v.district_id = $1 and ($2::uuid is null or v.id = $2)
       and ($3::uuid[] is null or v.owner_unit_id = any($3::uuid[]))
     order by v.name`,
    [districtId, scope.venueId, scope.ownerUnitIds],
  )
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    ownerUnitId: r.owner_unit_id,
    ownerName: r.owner_name,
    facilities: r.facilities,
  }))
}

/** The weekly hours and the exceptions between two Shanghai days (inclusive) of several venues. */
export async function hoursOfVenues(
  db: Db,
  districtId: string,
  venueIds: string[],
  fromDay: string,
  toDay: string,
): Promise<Map<string, { weekly: WeeklyRow[]; exceptions: ExceptionRow[] }>> {
  const [weekly, exceptions] = await Promise.all([
    db.query<{ venue_id: string; weekday: number; opens_min: number; closes_min: number }>(
      `select venue_id, weekday, opens_min, closes_min from venue_hours
       where district_id = $1 and venue_id = any($2::uuid[]) order by venue_id, weekday, opens_min`,
      [districtId, venueIds],
    ),
    db.query<{ venue_id: string; day: string; opens_min: number[]; closes_min: number[]; note: string }>(
      `select venue_id, to_char(day, 'YYYY-MM-DD') as day, opens_min, closes_min, note from venue_exception
       where district_id = $1 and venue_id = any($2::uuid[]) and day between $3::date and $4::date
       order by venue_id, day`,
      [districtId, venueIds, fromDay, toDay],
    ),
  ])
  const out = new Map(venueIds.map((id) => [id, { weekly: [] as WeeklyRow[], exceptions: [] as ExceptionRow[] }]))
  for (const r of weekly.rows) {
    out.get(r.venue_id)?.weekly.push({ weekday: r.weekday, opens: r.opens_min, closes: r.closes_min })
  }
  for (const r of exceptions.rows) {
    out.get(r.venue_id)?.exceptions.push({
      day: r.day,
      ranges: r.opens_min.map((opens, i) => ({ opens, closes: r.closes_min[i] })),
      note: r.note,
    })
  }
  return out
}

/**
 * Bookings (not blocks) that held a slot, summed per venue, booking unit and month: how many
 * started in the month, how many of those were no-shows, and the minutes of approved and used
 * bookings inside the month (a booking across a month's end counts in both, clipped).
 */
export async function usageSums(
  db: Db,
  districtId: string,
  venueIds: string[],
  months: { label: string; start: Date; end: Date }[],
): Promise<
  {
    venueId: string
    unitId: string | null
    groupId: string | null
    unitName: string
    month: string
    bookings: number
    noShows: number
    bookedMinutes: number
  }[]
> {
  const { rows } = await db.query<{
    venue_id: string
    unit_id: string | null
    group_id: string | null
    unit_name: string
    month: string
    bookings: number
    no_shows: number
    booked_minutes: number
  }>(
    // Summed per facility first (a few thousand groups), then per venue: joining every booking to its
    // facility and sorting them all cost ten times as much at 50,000 bookings (bench/venue-grid.ts).
    `with sums as (
       select b.facility_id, b.unit_id, b.booker_group_id, m.label as month,
         count(*) filter (where lower(b.during) >= m.start_at) as bookings,
         count(*) filter (where lower(b.during) >= m.start_at and b.state = 'no_show') as no_shows,
         coalesce(sum(extract(epoch from least(upper(b.during), m.end_at) - greatest(lower(b.during), m.start_at)))
           filter (where b.state in ('approved', 'used')), 0)::float8 / 60 as booked_minutes
       from booking b
       join unnest($3::text[], $4::timestamptz[], $5::timestamptz[]) as m(label, start_at, end_at)
         on b.during && tstzrange(m.start_at, m.end_at, '[)')
       where b.district_id = $1 and b.kind = 'booking' and b.state in ('approved', 'used', 'no_show')
         and b.during && tstzrange($4[1], $5[cardinality($5)], '[)')
       group by b.facility_id, b.unit_id, b.booker_group_id, m.label
     )
     select f.venue_id, s.unit_id, s.booker_group_id as group_id, coalesce(u.name, g.name, '') as unit_name, s.month,
       sum(s.bookings)::int as bookings, sum(s.no_shows)::int as no_shows, sum(s.booked_minutes)::float8 as booked_minutes
     from sums s
     join facility f on f.district_id = $1 and f.id = s.facility_id
     -- A set to join (hashed), not an array to search per row: a district has hundreds of venues.
     join (select distinct unnest($2::uuid[]) as id) sv on sv.id = f.venue_id
     left join org_unit u on u.id = s.unit_id
     left join youth_group g on g.district_id = $1 and g.id = s.booker_group_id
     group by f.venue_id, s.unit_id, u.name, s.booker_group_id, g.name, s.month
     order by s.month, f.venue_id, coalesce(u.name, g.name)`,
    [districtId, venueIds, months.map((m) => m.label), months.map((m) => m.start), months.map((m) => m.end)],
  )
  return rows.map((r) => ({
    venueId: r.venue_id,
    unitId: r.unit_id,
    groupId: r.group_id,
    unitName: r.unit_name,
    month: r.month,
    bookings: r.bookings,
    noShows: r.no_shows,
    bookedMinutes: r.booked_minutes,
  }))
}

/** Records an approved booking's outcome (used or no-show): both hold the slot, so no constraint can fail. */
export async function setBookingOutcome(
  db: Db,
  districtId: string,
  id: string,
  change: { state: 'used' | 'no_show'; markedBy: string; at: Date },
): Promise<void> {
  await db.query('update booking set state = $3, marked_by = $4, marked_at = $5 where district_id = $1 and id = $2', [
    districtId,
    id,
    change.state,
    change.markedBy,
    change.at,
  ])
}

/** An event's bookings that have not started by `since` and still wait or hold a slot, soonest first. */
export async function upcomingEventBookings(
  db: Db,
  districtId: string,
  activityId: string,
  since: Date,
): Promise<BookingRecord[]> {
  const { rows } = await db.query<BookingRow>(
    `${BOOKING_SELECT}
     where b.district_id = $1 and b.activity_id = $2 and b.kind = 'booking' and b.state in ('pending', 'approved')
       and lower(b.during) > $3
     order by lower(b.during)`,
    [districtId, activityId, since],
  )
  return rows.map(toBooking)
}
