-- Member-unit admission, the annual activity list, and the organiser side of events.

alter table district add column allow_adhoc_events boolean not null default true;

alter table org_unit
  add column status          text not null default 'admitted' check (status in ('pending', 'admitted', 'rejected')),
  add column contact_name    text not null default '',
  add column contact_phone   text not null default '',
  add column applicant_id    uuid references app_user(id),
  add column review_reason   text,
  add column reviewed_by     uuid references app_user(id),
  add column reviewed_at     timestamptz;
create index org_unit_by_status on org_unit (district_id, status, created_at);

-- Share codes that let a unit admin bring in co-organisers.
create table unit_invite (
  code        text primary key check (code ~ '^[2-9A-HJKMNP-Z]{8}$'),
  unit_id     uuid not null references org_unit(id),
  created_by  uuid not null references app_user(id),
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  uses        integer not null default 0,
  max_uses    integer not null default 20 check (max_uses > 0),
  check (uses between 0 and max_uses)
);

-- 年度活动清单: one per district and year, lines say which unit leads what and when.
create table annual_plan (
  district_id   text not null references district(id),
  year          integer not null check (year between 2020 and 2100),
  status        text not null default 'draft' check (status in ('draft', 'published')),
  published_at  timestamptz,
  primary key (district_id, year)
);

create table plan_line (
  id                uuid primary key default gen_random_uuid(),
  district_id       text not null,
  year              integer not null,
  unit_id           uuid not null references org_unit(id),
  category          text not null references activity_category(code),
  title             text not null check (char_length(title) between 2 and 60),
  planned_month     integer not null check (planned_month between 1 and 12),
  target_community  text,
  needs_note        text,
  created_at        timestamptz not null default now(),
  foreign key (district_id, year) references annual_plan (district_id, year)
);
create index plan_line_by_plan on plan_line (district_id, year, planned_month);
create index plan_line_by_unit on plan_line (unit_id, year);

-- Events: link to a plan line, location, hours flag, lifecycle bookkeeping.
alter table activity drop constraint activity_state_check;
alter table activity add constraint activity_state_check check (state in ('draft', 'published', 'cancelled', 'finished'));
alter table activity
  add column plan_line_id           uuid references plan_line(id),
  add column latitude               double precision check (latitude between -90 and 90),
  add column longitude              double precision check (longitude between -180 and 180),
  add column records_service_hours  boolean not null default false,
  add column created_by             uuid references app_user(id),
  add column published_at           timestamptz,
  add column cancel_reason          text,
  add constraint activity_location_pair check ((latitude is null) = (longitude is null)),
  -- domain/event-rules.ts MAX_EVENT_DAYS; the browse queries rely on it to bound their index ranges.
  add constraint activity_max_duration check (end_at - start_at <= interval '31 days');
create index activity_by_plan_line on activity (plan_line_id) where plan_line_id is not null;

-- Browse now shows finished events too; rebuild the partial indexes for both visible states.
drop index activity_browse;
drop index activity_browse_by_category;
create index activity_browse on activity (district_id, start_at, id) where state in ('published', 'finished');
create index activity_browse_by_category on activity (district_id, category, start_at, id) where state in ('published', 'finished');
create index activity_browse_by_unit on activity (unit_id, start_at, id) where state in ('published', 'finished');

-- Keyword search: trigram index over title, place and a copy of the unit name.
create extension if not exists pg_trgm;
alter table activity add column search_text text not null default '';
update activity a set search_text = a.title || ' ' || a.place_name || ' ' || u.name from org_unit u where u.id = a.unit_id;
create index activity_search on activity using gin (search_text gin_trgm_ops) where state in ('published', 'finished');

-- Change log of events: who changed what, when, and why.
create table activity_change (
  id           bigserial primary key,
  activity_id  uuid not null references activity(id),
  changed_by   uuid not null references app_user(id),
  changed_at   timestamptz not null default now(),
  kind         text not null check (kind in ('created', 'edited', 'published', 'cancelled', 'finished')),
  fields       jsonb not null default '{}',
  reason       text
);
create index activity_change_by_activity on activity_change (activity_id, id);
