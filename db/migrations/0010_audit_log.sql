-- Organisers' and the district's reads of whole phone numbers (issue 11): who, when, what, about
-- which event or year, and how many people's phones were shown. Written by the use case that reads
-- or exports, after the read succeeded (a read that fails writes nothing); read by the district admin
-- (org.auditLog), newest first, by keyset on (at, id).
create table audit_log (
  district_id  text not null references district(id),
  id           uuid not null default gen_random_uuid(),
  at           timestamptz not null,
  -- Who read.
  actor_id     uuid not null references app_user(id),
  -- What: 'roster_read' (a roster page with whole phones), 'roster_change' (an organiser's change to
  -- one registration, answered with the person's whole phone), 'roster_export', 'hours_export',
  -- 'plan_export'.
  kind         text not null check (kind in ('roster_read', 'roster_change', 'roster_export', 'hours_export', 'plan_export')),
  -- The object: an event, or a year (and month) of the district.
  activity_id  uuid references activity(id),
  year         integer,
  month        integer check (month between 1 and 12),
  -- People whose whole phone numbers were shown (or written to the file).
  people       integer not null check (people >= 0),
  primary key (district_id, id)
);
create index audit_log_newest on audit_log (district_id, at desc, id desc);
create index audit_log_by_kind on audit_log (district_id, kind, at desc, id desc);
