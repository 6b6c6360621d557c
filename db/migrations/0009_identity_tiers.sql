-- Tiered identity (issue 11): a phone that comes from WeChat's phone button (bound, with the time it
-- was verified), and a guardian's consent for people under 14 (recorded before any sign-up).
alter table app_user
  add column phone_verified_at    timestamptz,
  add column guardian_name        text check (char_length(guardian_name) <= 20),
  add column guardian_phone       text check (char_length(guardian_phone) <= 20),
  add column guardian_consent_at  timestamptz;
