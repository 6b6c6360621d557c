-- Rate limits that hold across function instances: one counter row per person (or other subject),
-- limit and fixed window. A check is one upsert (`hits = hits + 1 returning hits`), so every
-- CloudBase instance sees the same count; nothing is kept in process memory. Rows are only useful
-- until their window ends (`expires_at`); the signup sweep deletes the expired ones.
create table rate_limit (
  district_id   text not null,
  -- Which limit: 'checkin_code' (wrong typed check-in codes), 'signup' (sign-up calls).
  bucket        text not null,
  -- Whom it counts: the caller's openid, with the event where the limit is per event.
  subject       text not null,
  window_start  timestamptz not null,
  expires_at    timestamptz not null,
  hits          integer not null default 0 check (hits >= 0),
  primary key (district_id, bucket, subject, window_start)
);
