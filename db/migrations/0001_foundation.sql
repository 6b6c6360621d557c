-- Foundation schema: districts, member units, people, activity categories and activities.
-- Every row that users browse carries district_id: it is the partition key when one
-- PostgreSQL is no longer enough (see README, "Scaling the data").

create table district (
  id          text primary key check (id ~ '^[a-z][a-z0-9_]{1,31}$'),
  name        text not null,
  created_at  timestamptz not null default now()
);

create table app_user (
  id          uuid primary key default gen_random_uuid(),
  -- WeChat OPENID (or a local dev identity prefixed "dev:"); the only identity we trust.
  openid      text not null unique check (char_length(openid) between 1 and 128),
  nickname    text not null default '青年朋友' check (char_length(nickname) between 1 and 32),
  created_at  timestamptz not null default now()
);

create table district_admin (
  district_id text not null references district(id),
  user_id     uuid not null references app_user(id),
  primary key (district_id, user_id)
);

-- 成员单位: companies, agencies, schools, communities that belong to a district youth work committee.
create table org_unit (
  id          uuid primary key default gen_random_uuid(),
  district_id text not null references district(id),
  name        text not null check (char_length(name) between 2 and 60),
  kind        text not null check (kind in ('agency', 'state_owned', 'finance', 'new_economy', 'school', 'community', 'other')),
  intro       text not null default '',
  created_at  timestamptz not null default now(),
  unique (district_id, name)
);

create table unit_member (
  unit_id     uuid not null references org_unit(id),
  user_id     uuid not null references app_user(id),
  role        text not null check (role in ('admin', 'organiser')),
  primary key (unit_id, user_id)
);
create index unit_member_by_user on unit_member (user_id);

-- Categories are data, not code: names, order and whether they award volunteer hours.
create table activity_category (
  code                  text primary key check (code ~ '^[a-z][a-z_]{1,31}$'),
  name                  text not null,
  sort_order            integer not null,
  awards_service_hours  boolean not null default false
);

create table activity (
  id                uuid primary key default gen_random_uuid(),
  district_id       text not null references district(id),
  unit_id           uuid not null references org_unit(id),
  category          text not null references activity_category(code),
  title             text not null check (char_length(title) between 2 and 60),
  description       text not null default '' check (char_length(description) <= 5000),
  cover_url         text,
  place_name        text not null check (char_length(place_name) between 1 and 100),
  place_address     text,
  contact           text,
  start_at          timestamptz not null,
  end_at            timestamptz not null,
  signup_opens_at   timestamptz not null,
  signup_closes_at  timestamptz not null,
  capacity          integer not null check (capacity between 1 and 100000),
  -- Seats held by confirmed sign-ups; the sign-up engine moves it with a conditional UPDATE.
  seats_taken       integer not null default 0,
  state             text not null default 'published' check (state in ('draft', 'published', 'cancelled')),
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  check (end_at > start_at),
  check (signup_closes_at > signup_opens_at),
  check (seats_taken between 0 and capacity)
);

-- The browse queries: one district's published activities in start order, optionally one category,
-- walked with keyset pagination on (start_at, id).
create index activity_browse on activity (district_id, start_at, id) where state = 'published';
create index activity_browse_by_category on activity (district_id, category, start_at, id) where state = 'published';
create index activity_by_unit on activity (unit_id, start_at);

-- Local platform: subscribe messages land here instead of WeChat (see server/platform/local.ts).
create table local_outbox (
  id          bigserial primary key,
  recipient   text not null,
  template    text not null,
  payload     jsonb not null,
  created_at  timestamptz not null default now()
);
