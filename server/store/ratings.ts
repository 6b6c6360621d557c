/**
 * Ratings after activities: SQL and row mapping only. Attendance is the registration state
 * `attended` (a check-in or the organiser's mark sets it). Per-event counters live in
 * activity_rating_total and change in the rating's own transaction, after `lockRatingTotal`.
 */
import type { Db } from './tx'

export interface RatingTarget {
  id: string
  districtId: string
  unitId: string
  unitName: string
  title: string
  state: string
  endAt: Date
  attended: boolean
}

/** The event (in the district) and whether the person's attendance is recorded; null: no such event. */
export async function ratingTarget(
  db: Db,
  districtId: string,
  activityId: string,
  userId: string,
): Promise<RatingTarget | null> {
  const { rows } = await db.query<{
    id: string
    unit_id: string
    unit_name: string
    title: string
    state: string
    end_at: Date
    attended: boolean
  }>(
    `select a.id, a.unit_id, u.name as unit_name, a.title, a.state, a.end_at,
       exists (select 1 from registration r where r.activity_id = a.id and r.user_id = $3 and r.state = 'attended') as attended
     from activity a join org_unit u on u.id = a.unit_id where a.id = $2 and a.district_id = $1`,
    [districtId, activityId, userId],
  )
  const r = rows[0]
  return r
    ? {
        id: r.id,
        districtId,
        unitId: r.unit_id,
        unitName: r.unit_name,
        title: r.title,
        state: r.state,
        endAt: r.end_at,
        attended: r.attended,
      }
    : null
}

/** Locks the event's counters row (made on first use): ratings of one event are counted one at a time. */
export async function lockRatingTotal(db: Db, districtId: string, activityId: string): Promise<void> {
  await db.query(
    `insert into activity_rating_total (district_id, activity_id) values ($1, $2)
     on conflict (district_id, activity_id) do update set ratings = activity_rating_total.ratings`,
    [districtId, activityId],
  )
}

export interface StoredRating {
  stars: number
  tags: string[]
  comment: string | null
}

/**
 * Writes the person's rating (a second call replaces the first) and moves the event's counters by
 * the difference, in one statement. Call after `lockRatingTotal` in the same transaction.
 */
export async function saveRating(
  db: Db,
  r: { districtId: string; activityId: string; userId: string; at: Date } & StoredRating,
): Promise<StoredRating> {
  const { rows } = await db.query<StoredRating>(
    `with old as (
       select stars from activity_rating where district_id = $1 and activity_id = $2 and user_id = $3
     ), saved as (
       insert into activity_rating (district_id, activity_id, user_id, stars, tags, comment, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $7)
       on conflict (district_id, activity_id, user_id) do update
         set stars = excluded.stars, tags = excluded.tags, comment = excluded.comment, updated_at = excluded.updated_at
       returning stars, tags, comment
     ), counted as (
       update activity_rating_total t
          set ratings = t.ratings + case when (select stars from old) is null then 1 else 0 end,
              stars_sum = t.stars_sum + $4 - coalesce((select stars from old), 0),
              star_counts = array(
                select t.star_counts[i] + case when i = $4 then 1 else 0 end
                       - case when i = (select stars from old) then 1 else 0 end
                from generate_series(1, 5) i order by i)
        where t.district_id = $1 and t.activity_id = $2
     )
     select stars, tags, comment from saved`,
    [r.districtId, r.activityId, r.userId, r.stars, r.tags, r.comment, r.at],
  )
  return rows[0]
}

export interface GivenRating extends StoredRating {
  activityId: string
  title: string
  unitName: string
  endAt: Date
}

/** Ratings given by a person in the district, the latest events first. */
export async function ratingsGivenBy(db: Db, districtId: string, userId: string): Promise<GivenRating[]> {
  const { rows } = await db.query<{
    activity_id: string
    title: string
    unit_name: string
    end_at: Date
    stars: number
    tags: string[]
    comment: string | null
  }>(
    `select r.activity_id, a.title, u.name as unit_name, a.end_at, r.stars, r.tags, r.comment
     from activity_rating r
     join activity a on a.id = r.activity_id
     join org_unit u on u.id = a.unit_id
     where r.district_id = $1 and r.user_id = $2
     order by a.end_at desc, r.activity_id`,
    [districtId, userId],
  )
  return rows.map((r) => ({
    activityId: r.activity_id,
    title: r.title,
    unitName: r.unit_name,
    endAt: r.end_at,
    stars: r.stars,
    tags: r.tags,
    comment: r.comment,
  }))
}

export interface AttendedEvent {
  activityId: string
  title: string
  unitName: string
  endAt: Date
}

/** Events the person attended that ended in [endedFrom, endedBy] and that they have not rated. */
export async function attendedUnrated(
  db: Db,
  districtId: string,
  userId: string,
  endedFrom: Date,
  endedBy: Date,
): Promise<AttendedEvent[]> {
  const { rows } = await db.query<{ activity_id: string; title: string; unit_name: string; end_at: Date }>(
    `select a.id as activity_id, a.title, u.name as unit_name, a.end_at
     from activity a join org_unit u on u.id = a.unit_id
     where a.district_id = $1 and a.state in ('published', 'finished') and a.end_at >= $3 and a.end_at <= $4
       and exists (select 1 from registration r where r.activity_id = a.id and r.user_id = $2 and r.state = 'attended')
       and not exists (select 1 from activity_rating x where x.district_id = $1 and x.activity_id = a.id and x.user_id = $2)
     order by a.end_at desc, a.id`,
    [districtId, userId, endedFrom, endedBy],
  )
  return rows.map((r) => ({ activityId: r.activity_id, title: r.title, unitName: r.unit_name, endAt: r.end_at }))
}

export interface EventRatingHeader {
  id: string
  unitId: string
  title: string
  ratings: number
  starsSum: number
  starCounts: number[]
  attended: number
}

/** An event of the district with its rating counters and how many attended; null: no such event. */
export async function eventRatingHeader(
  db: Db,
  districtId: string,
  activityId: string,
): Promise<EventRatingHeader | null> {
  const { rows } = await db.query<{
    id: string
    unit_id: string
    title: string
    ratings: number | null
    stars_sum: number | null
    star_counts: number[] | null
    attended: number
  }>(
    `select a.id, a.unit_id, a.title, t.ratings, t.stars_sum, t.star_counts,
       (select count(distinct r.user_id)::int from registration r where r.activity_id = a.id and r.state = 'attended') as attended
     from activity a
     left join activity_rating_total t on t.district_id = a.district_id and t.activity_id = a.id
     where a.id = $2 and a.district_id = $1`,
    [districtId, activityId],
  )
  const r = rows[0]
  if (!r) return null
  return {
    id: r.id,
    unitId: r.unit_id,
    title: r.title,
    ratings: r.ratings ?? 0,
    starsSum: r.stars_sum ?? 0,
    starCounts: r.star_counts ?? [0, 0, 0, 0, 0],
    attended: r.attended,
  }
}

/** How often each tag was picked in the event's ratings. */
export async function eventTagCounts(db: Db, districtId: string, activityId: string): Promise<Map<string, number>> {
  const { rows } = await db.query<{ tag: string; n: number }>(
    `select tag, count(*)::int as n from activity_rating, unnest(tags) tag
     where district_id = $1 and activity_id = $2 group by tag`,
    [districtId, activityId],
  )
  return new Map(rows.map((r) => [r.tag, r.n]))
}

/** The event's comments, text only, ordered by a hash of the text (an order that tells nothing). */
export async function eventComments(db: Db, districtId: string, activityId: string): Promise<string[]> {
  const { rows } = await db.query<{ comment: string }>(
    `select comment from activity_rating
     where district_id = $1 and activity_id = $2 and comment is not null and comment <> ''
     order by md5(comment), comment`,
    [districtId, activityId],
  )
  return rows.map((r) => r.comment)
}

export interface RatedEventRow {
  activityId: string
  title: string
  unitId: string
  unitName: string
  category: string
  categoryName: string
  endAt: Date
  ratings: number
  starsSum: number
  starCounts: number[]
  attended: number
}

/**
 * The district's events that ended in [from, to) with attendance or ratings, with their counters
 * and attendance (optionally of some units only).
 */
export async function ratedEvents(
  db: Db,
  districtId: string,
  from: Date,
  to: Date,
  unitIds: string[] | null,
): Promise<RatedEventRow[]> {
  const { rows } = await db.query<{
    id: string
    title: string
    unit_id: string
    unit_name: string
    category: string
    category_name: string
    end_at: Date
    ratings: number | null
    stars_sum: number | null
    star_counts: number[] | null
    attended: number
  }>(
    `select * from (
       select a.id, a.title, a.unit_id, u.name as unit_name, a.category, c.name as category_name, a.end_at,
         t.ratings, t.stars_sum, t.star_counts,
         (select count(distinct r.user_id)::int from registration r where r.activity_id = a.id and r.state = 'attended') as attended
       from activity a
       join org_unit u on u.id = a.unit_id
       join activity_category c on c.code = a.category
       left join activity_rating_total t on t.district_id = a.district_id and t.activity_id = a.id
       where a.district_id = $1 and a.state in ('published', 'finished') and a.end_at >= $2 and a.end_at < $3
         and ($4::uuid[] is null or a.unit_id = any($4::uuid[]))
     ) e
     where e.attended > 0 or coalesce(e.ratings, 0) > 0
     order by e.end_at, e.id`,
    [districtId, from, to, unitIds],
  )
  return rows.map((r) => ({
    activityId: r.id,
    title: r.title,
    unitId: r.unit_id,
    unitName: r.unit_name,
    category: r.category,
    categoryName: r.category_name,
    endAt: r.end_at,
    ratings: r.ratings ?? 0,
    starsSum: r.stars_sum ?? 0,
    starCounts: r.star_counts ?? [0, 0, 0, 0, 0],
    attended: r.attended,
  }))
}

export interface UnitRatingTotal {
  unitId: string
  ratings: number
  starsSum: number
  starCounts: number[]
}

/** Aggregates per unit of the ratings of events that ended in [from, to) (e.g. one Shanghai year). */
export async function ratingTotalsByUnit(db: Db, districtId: string, from: Date, to: Date): Promise<UnitRatingTotal[]> {
  const { rows } = await db.query<{ unit_id: string; ratings: number; stars_sum: number; star_counts: number[] }>(
    `select a.unit_id, sum(t.ratings)::int as ratings, sum(t.stars_sum)::int as stars_sum,
       array[sum(t.star_counts[1])::int, sum(t.star_counts[2])::int, sum(t.star_counts[3])::int,
             sum(t.star_counts[4])::int, sum(t.star_counts[5])::int] as star_counts
     from activity_rating_total t join activity a on a.id = t.activity_id
     where t.district_id = $1 and a.end_at >= $2 and a.end_at < $3 and a.state in ('published', 'finished')
     group by a.unit_id order by a.unit_id`,
    [districtId, from, to],
  )
  return rows.map((r) => ({ unitId: r.unit_id, ratings: r.ratings, starsSum: r.stars_sum, starCounts: r.star_counts }))
}

export interface Invitation {
  activityId: string
  userId: string
  openid: string
  title: string
}

/**
 * Claims up to `limit` rating invitations due: attendees of events that ended in [endedFrom, now],
 * not yet invited and not yet rated. Each (event, person) is claimed once, whichever sweep gets there.
 */
export async function claimRatingInvitations(
  db: Db,
  districtId: string,
  endedFrom: Date,
  now: Date,
  limit: number,
): Promise<Invitation[]> {
  const { rows } = await db.query<{ activity_id: string; user_id: string; openid: string; title: string }>(
    `with due as (
       select distinct a.id as activity_id, r.user_id
       from activity a join registration r on r.activity_id = a.id and r.state = 'attended'
       where a.district_id = $1 and a.state in ('published', 'finished') and a.end_at >= $2 and a.end_at <= $3
         and not exists (select 1 from rating_invitation i where i.district_id = $1 and i.activity_id = a.id and i.user_id = r.user_id)
         and not exists (select 1 from activity_rating x where x.district_id = $1 and x.activity_id = a.id and x.user_id = r.user_id)
       limit $4
     ), claimed as (
       insert into rating_invitation (district_id, activity_id, user_id, sent_at)
       select $1, activity_id, user_id, $3 from due
       on conflict (district_id, activity_id, user_id) do nothing
       returning activity_id, user_id
     )
     select c.activity_id, c.user_id, u.openid, a.title
     from claimed c join app_user u on u.id = c.user_id join activity a on a.id = c.activity_id
     order by c.activity_id, c.user_id`,
    [districtId, endedFrom, now, limit],
  )
  return rows.map((r) => ({ activityId: r.activity_id, userId: r.user_id, openid: r.openid, title: r.title }))
}
