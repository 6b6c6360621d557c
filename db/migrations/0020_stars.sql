-- Stars (摘星, issue 14): the district defines a year's indicators (data, not code); each person's
-- progress is computed from their records when read (approved hours, attended events), never typed
-- in. Evidence indicators are met by evidence the person submits to a unit and its organiser approves.

-- A year's indicator set: published (people see it) or not.
create table star_year (
  district_id  text not null references district(id),
  year         smallint not null check (year between 2020 and 2100),
  published    boolean not null default false,
  updated_at   timestamptz not null,
  primary key (district_id, year)
);

create table star_indicator (
  district_id  text not null,
  id           uuid not null default gen_random_uuid(),
  year         smallint not null,
  name         text not null check (char_length(name) between 2 and 20),
  -- hours: approved volunteer hours >= threshold; activities: events attended >= threshold;
  -- category: attended events of the given categories >= threshold; evidence: approved evidence.
  kind         text not null check (kind in ('hours', 'activities', 'category', 'evidence')),
  threshold    numeric(6, 1) not null check (threshold > 0),
  categories   text[] not null default '{}',
  sort_order   integer not null default 0,
  description  text not null default '' check (char_length(description) <= 100),
  -- Removed indicators stay (their approved evidence keeps pointing at them) but are no longer shown.
  removed_at   timestamptz,
  primary key (district_id, id),
  foreign key (district_id, year) references star_year (district_id, year),
  check ((kind = 'category') = (cardinality(categories) > 0))
);
create index star_indicator_by_year on star_indicator (district_id, year, sort_order) where removed_at is null;

create table star_evidence (
  district_id   text not null,
  id            uuid not null default gen_random_uuid(),
  indicator_id  uuid not null,
  user_id       uuid not null references app_user(id),
  unit_id       uuid not null references org_unit(id),
  note          text not null check (char_length(note) between 2 and 300),
  -- Photos uploaded to names star.evidenceUploads gave out (checked when submitted).
  file_ids      text[] not null default '{}' check (cardinality(file_ids) <= 6),
  state         text not null default 'pending' check (state in ('pending', 'approved', 'declined')),
  reason        text check (char_length(reason) <= 100),
  reviewed_by   uuid references app_user(id),
  reviewed_at   timestamptz,
  created_at    timestamptz not null,
  primary key (district_id, id),
  foreign key (district_id, indicator_id) references star_indicator (district_id, id),
  check ((state = 'pending') = (reviewed_at is null))
);
-- One live submission per person and indicator: a declined one may be submitted again.
create unique index star_evidence_one_live on star_evidence (district_id, indicator_id, user_id) where state <> 'declined';
create index star_evidence_by_user on star_evidence (district_id, user_id, created_at desc);
create index star_evidence_by_unit on star_evidence (district_id, unit_id, state, created_at);
