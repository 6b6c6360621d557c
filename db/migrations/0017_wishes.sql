-- Wishes (活动点单, issue 13): a young person proposes an activity, others add 想参加 once each; a
-- unit organiser claims the wish into a line of the unit's annual list. Where a claimed wish stands
-- (已认领 / 已排期 / 已举办) is read from the events on that line, never copied here.

-- The number of 想参加 at which the district admins are told about a wish (once per wish).
alter table district add column wish_threshold integer not null default 20 check (wish_threshold between 2 and 100000);

create table wish (
  district_id         text not null references district(id),
  id                  uuid not null default gen_random_uuid(),
  proposer_id         uuid not null references app_user(id),
  category            text not null references activity_category(code),
  title               text not null check (char_length(title) between 2 and 40),
  body                text not null default '' check (char_length(body) <= 300),
  -- Preferred months (1–12), ascending, no repeats.
  months              smallint[] not null default '{}' check (cardinality(months) <= 12 and months <@ '{1,2,3,4,5,6,7,8,9,10,11,12}'),
  -- open: on the wall; withdrawn by its proposer (unclaimed only); hidden by a district admin (with a reason).
  state               text not null default 'open' check (state in ('open', 'withdrawn', 'hidden')),
  hidden_reason       text check (char_length(hidden_reason) <= 100),
  -- 想参加: kept with wish_support in the same transaction.
  supporters          integer not null default 0 check (supporters >= 0),
  plan_line_id        uuid references plan_line(id),
  claimed_unit_id     uuid references org_unit(id),
  claimed_by          uuid references app_user(id),
  claimed_at          timestamptz,
  -- When the district admins were told the wish reached the threshold; when its supporters were told an event opened.
  threshold_told_at   timestamptz,
  supporters_told_at  timestamptz,
  created_at          timestamptz not null,
  primary key (district_id, id),
  check ((plan_line_id is null) = (claimed_at is null) and (plan_line_id is null) = (claimed_unit_id is null))
);
-- The wall: newest first and most wanted first, each also by category; keyset pagination on (key, id).
create index wish_newest on wish (district_id, created_at desc, id desc) where state = 'open';
create index wish_newest_by_category on wish (district_id, category, created_at desc, id desc) where state = 'open';
create index wish_wanted on wish (district_id, supporters desc, id desc) where state = 'open';
create index wish_wanted_by_category on wish (district_id, category, supporters desc, id desc) where state = 'open';
create index wish_by_line on wish (plan_line_id) where plan_line_id is not null;
create index wish_by_proposer on wish (district_id, proposer_id, created_at desc);

create table wish_support (
  district_id  text not null,
  wish_id      uuid not null,
  user_id      uuid not null references app_user(id),
  created_at   timestamptz not null,
  primary key (district_id, wish_id, user_id),
  foreign key (district_id, wish_id) references wish (district_id, id)
);
create index wish_support_by_user on wish_support (district_id, user_id);
