-- Shared venues (阵地): venues of member units or the district, their opening hours, the facilities
-- in them that get booked, and the bookings. No double booking is enforced here, by an exclusion
-- constraint, never by a read-then-write in code.
create extension if not exists btree_gist;

-- tier codes: flagship 旗舰店, functional 功能店, partner 共营店, unit 成员单位阵地 (types/contract/venue.ts).
create table venue (
  district_id    text not null references district(id),
  id             uuid not null default gen_random_uuid(),
  -- The member unit that owns it; null: the district (团区委) itself.
  owner_unit_id  uuid references org_unit(id),
  name           text not null check (char_length(name) between 2 and 60),
  tier           text not null check (tier in ('flagship', 'functional', 'partner', 'unit')),
  address        text not null default '' check (char_length(address) <= 120),
  latitude       double precision check (latitude between -90 and 90),
  longitude      double precision check (longitude between -180 and 180),
  -- File ids (cloud://... in CloudBase, local file names locally).
  photos         text[] not null default '{}' check (cardinality(photos) <= 9),
  intro          text not null default '' check (char_length(intro) <= 1000),
  contact_name   text not null default '',
  contact_phone  text not null default '',
  created_by     uuid references app_user(id),
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, name),
  check ((latitude is null) = (longitude is null))
);
create index venue_by_owner on venue (district_id, owner_unit_id);

-- Weekly opening hours in Shanghai wall-clock minutes; several ranges a day. ISO weekday: 1 = Monday.
create table venue_hours (
  district_id  text not null,
  venue_id     uuid not null,
  weekday      smallint not null check (weekday between 1 and 7),
  opens_min    smallint not null check (opens_min between 0 and 1439),
  closes_min   smallint not null check (closes_min between 1 and 1440),
  primary key (district_id, venue_id, weekday, opens_min),
  foreign key (district_id, venue_id) references venue (district_id, id) on delete cascade,
  check (closes_min > opens_min)
);

-- A day that differs from the week: closed (no ranges) or special hours (the ranges replace the day's).
create table venue_exception (
  district_id  text not null,
  venue_id     uuid not null,
  day          date not null,
  opens_min    smallint[] not null default '{}',
  closes_min   smallint[] not null default '{}',
  note         text not null default '' check (char_length(note) <= 60),
  primary key (district_id, venue_id, day),
  foreign key (district_id, venue_id) references venue (district_id, id) on delete cascade,
  check (cardinality(opens_min) = cardinality(closes_min) and cardinality(opens_min) <= 6)
);

-- What gets booked inside a venue, with its own booking rules (server/domain/venue/rules.ts).
create table facility (
  district_id      text not null,
  id               uuid not null default gen_random_uuid(),
  venue_id         uuid not null,
  kind             text not null check (kind ~ '^[a-z][a-z_]{1,31}$'),
  name             text not null check (char_length(name) between 1 and 40),
  seats            integer check (seats between 1 and 10000),
  -- Who may book: 'units' (member units of the district) or 'units_and_groups' (also registered youth groups).
  bookers          text not null default 'units' check (bookers in ('units', 'units_and_groups')),
  needs_approval   boolean not null default false,
  slot_minutes     integer not null default 30 check (slot_minutes between 5 and 240 and 1440 % slot_minutes = 0),
  min_minutes      integer not null default 30,
  max_minutes      integer not null default 240,
  max_days_ahead   integer not null default 14 check (max_days_ahead between 0 and 366),
  lead_minutes     integer not null default 60 check (lead_minutes between 0 and 20160),
  cancel_hours     integer not null default 24 check (cancel_hours between 0 and 720),
  created_at       timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, venue_id, name),
  foreign key (district_id, venue_id) references venue (district_id, id) on delete cascade,
  check (min_minutes >= slot_minutes and max_minutes >= min_minutes and max_minutes <= 1440 * 7)
);
create index facility_by_venue on facility (district_id, venue_id);
create index facility_by_kind on facility (district_id, kind);

-- Bookings and the owner's blocks live in ONE table, so one exclusion constraint covers both: a
-- block (kind 'block', state 'approved') and a booking can never overlap, whoever wrote first.
-- A separate blocks table could not share the constraint (it is per table).
create table booking (
  district_id    text not null,
  id             uuid not null default gen_random_uuid(),
  facility_id    uuid not null,
  kind           text not null default 'booking' check (kind in ('booking', 'block')),
  -- The booking unit; for a block, the owner unit (null when the district owns the venue).
  unit_id        uuid references org_unit(id),
  booked_by      uuid not null references app_user(id),
  during         tstzrange not null check (not isempty(during) and lower_inc(during) and not upper_inc(during)
                                             and not lower_inf(during) and not upper_inf(during)),
  purpose        text not null default '' check (char_length(purpose) <= 100),
  activity_id    uuid references activity(id),
  state          text not null check (state in ('pending', 'approved', 'declined', 'cancelled', 'used', 'no_show')),
  reason         text,
  decided_by     uuid references app_user(id),
  decided_at     timestamptz,
  recurrence_id  uuid,
  created_at     timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, facility_id) references facility (district_id, id),
  check (kind = 'booking' or state in ('approved', 'cancelled')),
  -- The states that hold the slot: approved, and the outcomes of an approved booking (used, no-show),
  -- so recording the outcome never frees a time that was taken.
  constraint booking_no_overlap exclude using gist (district_id with =, facility_id with =, during with &&)
    where (state in ('approved', 'used', 'no_show'))
);
-- The grid of one facility over a week (pending requests too: they show as 待审批).
create index booking_grid on booking using gist (district_id, facility_id, during)
  where state in ('pending', 'approved', 'used', 'no_show');
-- A unit's bookings by time.
create index booking_by_unit on booking (district_id, unit_id, lower(during)) where kind = 'booking';
-- An owner's pending requests, per facility, oldest first.
create index booking_pending on booking (district_id, facility_id, lower(during)) where state = 'pending';
create index booking_by_recurrence on booking (district_id, recurrence_id) where recurrence_id is not null;
