-- Surveys (调研问卷): questionnaires of the district or a unit, one response per person, and the
-- running counts results are read from (updated in the response's own transaction), so results
-- read a few hundred rows however many people answered.

create table survey (
  district_id          text not null references district(id),
  id                   uuid not null default gen_random_uuid(),
  -- The unit that runs it; null: the district (团区委) itself.
  owner_unit_id        uuid references org_unit(id),
  title                text not null check (char_length(title) between 2 and 60),
  intro                text not null default '' check (char_length(intro) <= 1000),
  -- [{id, kind, title, required, options: [{id, label}], maxPicks}]; edited only while a draft.
  questions            jsonb not null default '[]' check (jsonb_typeof(questions) = 'array'),
  -- district: everyone in the district; unit: the unit's members and the people recorded as attending
  -- its events; event: the people recorded as attending the event.
  audience             text not null check (audience in ('district', 'unit', 'event')),
  audience_unit_id     uuid references org_unit(id),
  audience_activity_id uuid references activity(id),
  -- A district survey may inform a year's annual list (the plan page links its results).
  plan_year            integer,
  status               text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  created_by           uuid references app_user(id),
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now(),
  opened_at            timestamptz,
  closed_at            timestamptz,
  primary key (district_id, id),
  foreign key (district_id, plan_year) references annual_plan (district_id, year),
  check ((audience = 'unit') = (audience_unit_id is not null)),
  check ((audience = 'event') = (audience_activity_id is not null)),
  check (plan_year is null or owner_unit_id is null)
);
create index survey_by_owner on survey (district_id, owner_unit_id, created_at desc);
create index survey_by_plan on survey (district_id, plan_year) where plan_year is not null;
create index survey_open on survey (district_id, created_at desc) where status = 'open';

-- One response per person and survey; `answers` maps question id → option ids | 1..5 | text.
create table survey_response (
  district_id  text not null,
  survey_id    uuid not null,
  user_id      uuid not null references app_user(id),
  -- The export's row order: random, so a row's place tells nothing about who answered when.
  sort_key     uuid not null default gen_random_uuid(),
  answers      jsonb not null,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  primary key (district_id, survey_id, user_id),
  foreign key (district_id, survey_id) references survey (district_id, id) on delete cascade
);
create index survey_response_by_user on survey_response (user_id);

-- Running counts: per (question, option id | scale value) the people who chose it; choice '' counts
-- the people who answered the question; question '' choice '' counts the responses.
create table survey_tally (
  district_id  text not null,
  survey_id    uuid not null,
  question_id  text not null,
  choice       text not null,
  count        integer not null default 0 check (count >= 0),
  primary key (district_id, survey_id, question_id, choice),
  foreign key (district_id, survey_id) references survey (district_id, id) on delete cascade
);

-- Short-text answers, listed without their authors in a random order (cursor: sort_key).
create table survey_text_answer (
  district_id  text not null,
  survey_id    uuid not null,
  question_id  text not null,
  user_id      uuid not null references app_user(id),
  sort_key     uuid not null default gen_random_uuid(),
  body         text not null check (char_length(body) between 1 and 500),
  primary key (district_id, survey_id, question_id, user_id),
  foreign key (district_id, survey_id) references survey (district_id, id) on delete cascade
);
create index survey_text_page on survey_text_answer (district_id, survey_id, question_id, sort_key);
