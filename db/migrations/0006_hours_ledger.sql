-- Hours ledger, second part: review (adjust, decline, make-up, corrections), the audit log,
-- per-event hour settings and public notice, certificates; offline scans that lose to an
-- earlier scan of the same ticket; walk-ins; the ID type national systems ask for.

alter table activity
  add column hours_min_share   numeric(3, 2) not null default 0.60 check (hours_min_share between 0 and 1),
  add column hours_step        numeric(3, 2) not null default 0.50 check (hours_step in (0.10, 0.25, 0.50, 1.00)),
  add column hours_notice_days integer not null default 0 check (hours_notice_days between 0 and 30),
  -- Set when hours were first closed (by the organiser or the sweep after the end).
  add column hours_closed_at   timestamptz;
create index activity_hours_to_close on activity (end_at) where hours_closed_at is null and state in ('published', 'finished');

alter table service_hours drop constraint service_hours_kind_check;
alter table service_hours
  add constraint service_hours_kind_check check (kind in ('scan', 'makeup', 'reversal', 'correction')),
  -- Why: make-up, adjustment, correction, decline.
  add column reason       text,
  -- Make-up evidence: {note, fileIds}.
  add column evidence     jsonb,
  -- A reversal or correction points at the approved entry it replaces.
  add column replaces_id  bigint references service_hours(id),
  -- Confirmed and on public notice (公示) until then; the sweep approves it afterwards.
  add column notice_until timestamptz,
  add constraint service_hours_sign check ((kind = 'reversal') = (hours < 0) or hours = 0),
  add constraint service_hours_replaces check ((kind in ('reversal', 'correction')) = (replaces_id is not null));
-- An approved entry is corrected at most once; a second correction targets the correction.
create unique index service_hours_one_reversal on service_hours (replaces_id) where kind = 'reversal';
create index service_hours_notice on service_hours (notice_until) where status = 'pending' and notice_until is not null;
-- The district report: approved hours by day.
create index service_hours_approved_by_day on service_hours (day, activity_id) where status = 'approved';

-- Every change to the ledger: who, when, before, after, why.
create table hours_audit (
  id          bigserial primary key,
  entry_id    bigint not null references service_hours(id),
  activity_id uuid not null references activity(id),
  at          timestamptz not null,
  by_user     uuid references app_user(id),
  action      text not null check (action in ('close', 'adjust', 'decline', 'makeup', 'confirm', 'approve', 'correct')),
  before      jsonb,
  after       jsonb,
  reason      text
);
create index hours_audit_by_entry on hours_audit (entry_id, id);

-- Certificates (志愿服务证明): a snapshot of approved hours in a period, found by its code.
create table hours_certificate (
  id          bigserial primary key,
  code        text not null unique,
  user_id     uuid not null references app_user(id),
  holder_name text not null,
  period_from date not null,
  period_to   date not null,
  total_hours numeric(8, 1) not null,
  activities  jsonb not null,
  issuer      text not null,
  issued_at   timestamptz not null,
  check (period_from <= period_to)
);
create index hours_certificate_by_user on hours_certificate (user_id, issued_at desc);

alter table checkin_scan
  drop constraint checkin_scan_method_check,
  add constraint checkin_scan_method_check check (method in ('site_code', 'ticket', 'walk_in')),
  -- Set when an earlier scan of the same ticket in the same direction arrived later (offline).
  add column superseded_by bigint references checkin_scan(id),
  -- True when the scan was queued offline and synced later.
  add column synced boolean not null default false;
create index checkin_scan_by_registration on checkin_scan (registration_id, scanned_at) where superseded_by is null;

alter table app_user add column id_type text check (id_type in ('居民身份证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '护照', '外国人永久居留身份证'));
-- Walk-ins are found by the phone number in their profile, typed by the organiser in any format.
create index app_user_phone_digits on app_user (regexp_replace(phone, '\D', '', 'g')) where phone is not null;
