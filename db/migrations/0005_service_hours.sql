-- Service-hours ledger: one entry per person, event and Shanghai day, computed from scans.
-- pending → approved | declined; approved entries are never edited (corrections will be new entries).
create table service_hours (
  id               bigserial primary key,
  activity_id      uuid not null references activity(id),
  registration_id  uuid not null references registration(id),
  user_id          uuid not null references app_user(id),
  day              date not null,
  kind             text not null default 'scan' check (kind in ('scan', 'makeup', 'correction')),
  minutes          integer not null check (minutes >= 0),
  hours            numeric(6, 1) not null,
  status           text not null default 'pending' check (status in ('pending', 'approved', 'declined')),
  needs_review     boolean not null default false,
  flags            text[] not null default '{}',
  created_at       timestamptz not null default now(),
  decided_by       uuid references app_user(id),
  decided_at       timestamptz
);
create unique index service_hours_one_scan_entry on service_hours (registration_id, day) where kind = 'scan';
create index service_hours_by_user on service_hours (user_id, status, day);
create index service_hours_by_activity on service_hours (activity_id, status);
