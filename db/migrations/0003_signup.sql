-- Sign-up engine: per-event settings, quotas with seat counters, registrations, idempotency, attendance.

-- Profile fields a sign-up may need. Real names and phones are shown whole only to the event's organisers.
alter table app_user
  add column real_name      text check (char_length(real_name) <= 20),
  add column phone          text check (char_length(phone) <= 20),
  add column birth_date     date,
  add column gender         text check (gender in ('男', '女')),
  add column league_member  boolean not null default false;

-- Settings as validated JSON (types/api/signup.ts signupSettingsSchema); counters live in signup_quota.
alter table activity add column signup_settings jsonb not null default '{}';

-- Every event has at least one quota; without balancing it is the single quota '' of full capacity.
-- taken = seats held (confirmed + open offers). The CHECK is the last line against overbooking.
create table signup_quota (
  activity_id  uuid not null references activity(id),
  key          text not null,
  capacity     integer not null check (capacity >= 0),
  taken        integer not null default 0,
  primary key (activity_id, key),
  check (taken between 0 and capacity)
);
insert into signup_quota (activity_id, key, capacity, taken) select id, '', capacity, seats_taken from activity;

create sequence registration_queue;

create table registration (
  id                uuid primary key default gen_random_uuid(),
  activity_id       uuid not null references activity(id),
  user_id           uuid not null references app_user(id),
  quota_key         text not null,
  state             text not null check (state in ('applied', 'pending', 'offered', 'confirmed', 'waitlisted',
                      'rejected', 'declined', 'expired', 'cancelled', 'attended', 'no_show')),
  answers           jsonb not null default '{}',
  -- Order of arrival (waitlist and draws); a draw rewrites it for the drawn order.
  queue_position    bigint not null default nextval('registration_queue'),
  offer_expires_at  timestamptz,
  reason            text,
  remind            boolean not null default false,
  reminded_at       timestamptz,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  foreign key (activity_id, quota_key) references signup_quota (activity_id, key)
);
-- One active registration per person and event.
create unique index registration_one_active on registration (activity_id, user_id)
  where state in ('applied', 'pending', 'offered', 'confirmed', 'waitlisted');
create index registration_roster on registration (activity_id, state, quota_key, queue_position);
create index registration_by_user on registration (user_id, created_at desc);
create index registration_offers_due on registration (offer_expires_at) where state = 'offered';
create index registration_reminders on registration (activity_id) where remind and reminded_at is null and state = 'confirmed';

-- Idempotency: the first successful result of each (person, client key) is kept and replayed.
create table signup_request (
  user_id          uuid not null references app_user(id),
  idempotency_key  text not null,
  activity_id      uuid not null references activity(id),
  registration_id  uuid not null references registration(id),
  created_at       timestamptz not null default now(),
  primary key (user_id, idempotency_key)
);

-- Fair draws are reproducible: the seed and the drawn order are recorded.
create table signup_draw (
  id           bigserial primary key,
  activity_id  uuid not null references activity(id),
  seed         text not null,
  drawn_by     uuid not null references app_user(id),
  drawn_at     timestamptz not null default now(),
  result       jsonb not null
);
