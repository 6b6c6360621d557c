-- An identity code (身份码) is spent by the first event it seats or checks someone in at: a screenshot
-- passed to a friend cannot check its owner in at a second event while the code is still current.
-- A row lives as long as its code could still be accepted; expired rows are cleared as new ones arrive.
-- `code_id` is the code's MAC (unforgeable, unique per code); keys lead with the event's district.
create table identity_code_spent (
  district_id  text not null references district(id),
  code_id      bytea not null,
  activity_id  uuid not null references activity(id) on delete cascade,
  expires_at   timestamptz not null,
  primary key (district_id, code_id)
);
create index identity_code_spent_expiry on identity_code_spent (district_id, expires_at);
