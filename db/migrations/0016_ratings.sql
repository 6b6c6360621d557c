-- Ratings after activities (青年评议): one rating per person and event, per-event counters kept in
-- the same transaction as each rating, and the one invitation the sweep sends each attendee.

create table activity_rating (
  district_id  text not null references district(id),
  activity_id  uuid not null references activity(id),
  user_id      uuid not null references app_user(id),
  stars        smallint not null check (stars between 1 and 5),
  -- Tag codes (types/contract/rating.ts RATING_TAGS).
  tags         text[] not null default '{}' check (cardinality(tags) <= 10),
  comment      text check (char_length(comment) <= 300),
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  primary key (district_id, activity_id, user_id)
);
create index activity_rating_by_user on activity_rating (district_id, user_id, updated_at desc);

-- Per-event counters: count, sum of stars, and how many gave 1..5 stars (star_counts[1..5]).
-- Every rating locks its event's row first, so ratings of one event are counted one at a time.
create table activity_rating_total (
  district_id  text not null references district(id),
  activity_id  uuid not null references activity(id),
  ratings      integer not null default 0 check (ratings >= 0),
  stars_sum    integer not null default 0 check (stars_sum >= 0),
  star_counts  integer[] not null default '{0,0,0,0,0}' check (cardinality(star_counts) = 5),
  primary key (district_id, activity_id)
);

-- The rating invitation each attendee is sent once (claimed by insert before the message goes out).
create table rating_invitation (
  district_id  text not null references district(id),
  activity_id  uuid not null references activity(id),
  user_id      uuid not null references app_user(id),
  sent_at      timestamptz not null,
  primary key (district_id, activity_id, user_id)
);

-- The sweep looks for events that ended in the last 7 days.
create index activity_by_end on activity (district_id, end_at) where state in ('published', 'finished');
