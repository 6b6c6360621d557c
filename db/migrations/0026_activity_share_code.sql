-- The mini-program code on an activity's 朋友圈 poster (scene = the activity id without dashes):
-- made once with wxacode.getUnlimited, stored, and its file id kept here so every later poster of
-- the activity, from any function instance, reuses it instead of asking WeChat again.
create table activity_share_code (
  district_id  text not null references district(id),
  activity_id  uuid not null references activity(id) on delete cascade,
  file_id      text not null,
  created_at   timestamptz not null,
  primary key (district_id, activity_id)
);
