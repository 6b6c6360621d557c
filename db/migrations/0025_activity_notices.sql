-- Notices to everyone confirmed for an event (通知已报名人员, issue 16): an organiser tells them of a
-- change of time or place, or anything else, as a subscribe message. Each notice is recorded with
-- who sent it, when, what, how many were confirmed and how many of them could not be reached because
-- they had not subscribed. At most 3 per event per Shanghai day: the sending transaction holds an
-- advisory lock on the event's notices while it counts today's rows and adds its own.
create table activity_notice (
  district_id   text not null references district(id),
  id            uuid not null default gen_random_uuid(),
  activity_id   uuid not null references activity(id),
  sent_by       uuid not null references app_user(id),
  sent_at       timestamptz not null,
  kind          text not null check (kind in ('time', 'place', 'other')),
  -- The subscribe message's thing field: WeChat allows at most 20 characters.
  body          text not null check (char_length(body) between 1 and 20),
  recipients    integer not null check (recipients >= 0),
  unreachable   integer not null check (unreachable between 0 and recipients),
  primary key (district_id, id)
);
create index activity_notice_by_event on activity_notice (district_id, activity_id, sent_at desc);

-- A person accepted the notice template for an event (WeChat: one message per acceptance). Each
-- notice sent to them uses one grant; without one they are counted as unreachable and not messaged.
create table notice_subscription (
  district_id   text not null references district(id),
  activity_id   uuid not null references activity(id),
  user_id       uuid not null references app_user(id),
  grants        integer not null check (grants between 0 and 10),
  updated_at    timestamptz not null,
  primary key (district_id, activity_id, user_id)
);
