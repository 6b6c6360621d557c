-- Privacy: which version of the 隐私保护指引 a person agreed to and when (session.agreePrivacy), and
-- when an account was deleted (session.deleteAccount). A deleted person's row stays, pseudonymised, so
-- that approved hours and issued certificates keep their owner; its openid is replaced, so the same
-- WeChat user signing in again is a new person.
alter table app_user
  add column privacy_version   text check (char_length(privacy_version) <= 32),
  add column privacy_agreed_at timestamptz,
  add column deleted_at        timestamptz;
