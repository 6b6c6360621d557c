/**
 * Demo ratings (青年评议): most attendees of the demo's finished events rated them (stars, tags and
 * now and then a comment); everyone who came to the best-attended one did, so its summary shows.
 * The demo young person rated nothing, so 我的活动 can ask them. Called once by seedIfEmpty inside
 * its transaction, after the events and their attendance.
 */
import type { PoolClient } from 'pg'

const COMMENTS = [
  '活动组织得很用心，流程清楚',
  '内容很实用，希望多办几期',
  '时间安排在周末很合适',
  '认识了不少新朋友，氛围很好',
  '场地有点小，人多的时候略挤',
  '讲解很细致，收获很大',
  '希望提前发通知，方便安排时间',
  '下次还想参加',
]

const TAGS = ['rich_content', 'well_organised', 'good_timing', 'come_again', 'learned_a_lot', 'good_atmosphere']

export async function seedRatings(
  client: PoolClient,
  opts: { districtId: string; demoYouthId: string; now: Date },
): Promise<void> {
  await client.query(
    `with finished as (
       select a.id, a.end_at,
         (select count(*) from registration r where r.activity_id = a.id and r.state = 'attended') as came
       from activity a
       where a.district_id = $1 and a.state in ('published', 'finished') and a.end_at <= $2
     ), best as (
       select id from finished order by came desc, id limit 1
     ), raters as (
       select f.id as activity_id, f.end_at, r.user_id, abs(hashtext(f.id::text || r.user_id::text)) as h
       from finished f join registration r on r.activity_id = f.id and r.state = 'attended'
       where r.user_id <> $3
     )
     insert into activity_rating (district_id, activity_id, user_id, stars, tags, comment, created_at, updated_at)
     select $1, activity_id, user_id,
       case when h % 11 = 0 then 2 when h % 5 = 0 then 3 when h % 3 = 0 then 4 else 5 end,
       array[($4::text[])[1 + h % 6], ($4::text[])[1 + (h / 7) % 6]],
       case when h % 3 = 0 then ($5::text[])[1 + (h / 3) % array_length($5::text[], 1)] end,
       end_at + interval '3 hours', end_at + interval '3 hours'
     from raters
     where h % 10 < 7 or activity_id in (select id from best)
     on conflict do nothing`,
    [opts.districtId, opts.now, opts.demoYouthId, TAGS, COMMENTS],
  )
  // Two picks of one tag count once, as the API stores them.
  await client.query(
    `update activity_rating set tags = array(select distinct unnest(tags) order by 1) where district_id = $1`,
    [opts.districtId],
  )
  await client.query(
    `insert into activity_rating_total (district_id, activity_id, ratings, stars_sum, star_counts)
     select district_id, activity_id, count(*)::int, sum(stars)::int,
       array[count(*) filter (where stars = 1), count(*) filter (where stars = 2), count(*) filter (where stars = 3),
             count(*) filter (where stars = 4), count(*) filter (where stars = 5)]::int[]
     from activity_rating where district_id = $1 group by district_id, activity_id`,
    [opts.districtId],
  )
}
