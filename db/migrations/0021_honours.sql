-- Honours (荣誉, issue 14): the district defines a year's honour kinds; a unit's organisers nominate
-- people who took part in the unit's events (or are its members) with a reason and a snapshot of the
-- person's record; the district approves or declines. Approved honours form the public honour roll.

create table honour_kind (
  district_id     text not null references district(id),
  id              uuid not null default gen_random_uuid(),
  year            smallint not null check (year between 2020 and 2100),
  name            text not null check (char_length(name) between 2 and 30),
  -- Nominations a unit may make for this kind (declined ones do not count); null: no limit.
  quota_per_unit  integer check (quota_per_unit between 1 and 1000),
  opens_at        timestamptz not null,
  closes_at       timestamptz not null,
  created_by      uuid not null references app_user(id),
  created_at      timestamptz not null,
  primary key (district_id, id),
  unique (district_id, year, name),
  check (closes_at > opens_at)
);

create table honour_nomination (
  district_id     text not null,
  id              uuid not null default gen_random_uuid(),
  kind_id         uuid not null,
  unit_id         uuid not null references org_unit(id),
  user_id         uuid not null references app_user(id),
  nominated_by    uuid not null references app_user(id),
  reason          text not null check (char_length(reason) between 2 and 300),
  -- The person's record when nominated (hours, activities, certificates): what the district decided on.
  record          jsonb not null,
  state           text not null default 'pending' check (state in ('pending', 'approved', 'declined')),
  decline_reason  text check (char_length(decline_reason) <= 100),
  decided_by      uuid references app_user(id),
  decided_at      timestamptz,
  created_at      timestamptz not null,
  primary key (district_id, id),
  foreign key (district_id, kind_id) references honour_kind (district_id, id),
  check ((state = 'pending') = (decided_at is null))
);
-- A person is nominated for a kind once (by whichever unit nominated first).
create unique index honour_nomination_once on honour_nomination (district_id, kind_id, user_id);
create index honour_nomination_by_unit on honour_nomination (district_id, kind_id, unit_id) where state <> 'declined';
create index honour_nomination_by_user on honour_nomination (district_id, user_id) where state = 'approved';
create index honour_nomination_review on honour_nomination (district_id, state, created_at);
