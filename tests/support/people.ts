/**
 * People who may sign up: since issue 11, a sign-up needs a reachable phone (bound from WeChat's
 * phone button), and some events a real name. Tests about something else give their people these
 * up front, as a bound phone would; tests of the identity rules themselves (tests/functions/identity.test.ts)
 * keep people without them explicitly.
 */
import type { Pool } from 'pg'

/**
 * Gives each person (created if new) a distinct verified mainland mobile (170…, derived from the
 * openid), and with `realNames` a real name, unless they already have one.
 */
export async function withPhones(db: Pool, openids: string[], opts: { realNames?: boolean } = {}): Promise<void> {
  if (!openids.length) return
  await db.query(
    `insert into app_user (openid, phone, phone_verified_at, real_name)
     select o, '170' || lpad((abs(hashtext(o)) % 100000000)::text, 8, '0'), now(), case when $2::boolean then '测试' || left(md5(o), 4) end
     from unnest($1::text[]) o
     on conflict (openid) do update set phone = coalesce(app_user.phone, excluded.phone),
       phone_verified_at = coalesce(app_user.phone_verified_at, excluded.phone_verified_at),
       real_name = coalesce(app_user.real_name, excluded.real_name)`,
    [openids, opts.realNames ?? false],
  )
}
