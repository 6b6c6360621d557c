-- Registered youth groups (青年社团 / 青年自组织) as venue bookers (issue 12). A young person with a
-- verified phone and a real name applies as the group's leader (负责人); the district admin approves
-- or declines (with a reason) and may suspend an approved group. Kind codes: types/contract/youth-group.ts.
create table youth_group (
  district_id  text not null references district(id),
  id           uuid not null default gen_random_uuid(),
  name         text not null check (char_length(name) between 2 and 40),
  kind         text not null check (kind in ('interest', 'volunteer', 'self_organised', 'other')),
  intro        text not null default '' check (char_length(intro) <= 500),
  size         integer not null check (size between 3 and 10000),
  leader_id    uuid not null references app_user(id),
  state        text not null default 'pending' check (state in ('pending', 'approved', 'declined', 'suspended')),
  reason       text check (char_length(reason) <= 100),
  decided_by   uuid references app_user(id),
  decided_at   timestamptz,
  created_at   timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, name),
  check (state = 'pending' or decided_at is not null)
);
create index youth_group_by_leader on youth_group (district_id, leader_id, created_at);
create index youth_group_by_state on youth_group (district_id, state, created_at);

-- A booking is made for a unit or for a youth group, never both (blocks name the owner unit, or
-- nobody for the district's venues, and never a group).
alter table booking
  add column booker_group_id uuid,
  add constraint booking_booker_group foreign key (district_id, booker_group_id)
    references youth_group (district_id, id),
  add constraint booking_one_booker check (
    (kind = 'booking' and (unit_id is null) <> (booker_group_id is null))
    or (kind = 'block' and booker_group_id is null));
create index booking_by_group on booking (district_id, booker_group_id, lower(during))
  where booker_group_id is not null;
