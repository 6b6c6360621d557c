-- Check-in: per-event code secrets and window, ticket versions, and the scan log.

alter table activity
  -- HMAC key of the event's rotating site codes; generated on first use, never sent to clients.
  add column checkin_secret bytea,
  -- Check-in opens this many minutes before the start and closes at the end.
  add column checkin_opens_minutes integer not null default 60 check (checkin_opens_minutes between 0 and 1440),
  -- Scans farther than this from the venue are kept but flagged for review.
  add column checkin_radius_m integer not null default 500 check (checkin_radius_m between 10 and 100000);

-- Re-issuing a ticket bumps the version; older tickets stop verifying.
alter table registration add column ticket_version integer not null default 1 check (ticket_version between 1 and 65535);

create table checkin_scan (
  id               bigserial primary key,
  activity_id      uuid not null references activity(id),
  registration_id  uuid not null references registration(id),
  user_id          uuid not null references app_user(id),
  direction        text not null check (direction in ('in', 'out')),
  method           text not null check (method in ('site_code', 'ticket')),
  scanned_at       timestamptz not null,
  recorded_at      timestamptz not null default now(),
  -- The client's nonce: a repeated scan finds its first record instead of making a second.
  nonce            text not null,
  scanned_by       uuid references app_user(id),
  latitude         double precision,
  longitude        double precision,
  distance_m       integer,
  needs_review     boolean not null default false,
  unique (activity_id, nonce)
);
create index checkin_scan_by_person on checkin_scan (activity_id, user_id, scanned_at);
