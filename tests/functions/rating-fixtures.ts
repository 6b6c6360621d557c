/** Finished events with recorded attendance, for the rating tests and the role matrix. */
import type { ManagedActivity } from '@api/activity'
import { PEOPLE, publishedEvent, type World } from '../support/world'

const HOUR = 3600_000
let n = 0

/**
 * A published event of unit A (or `unitId`) that ended `endedHoursAgo` hours ago, whose `attended`
 * people (openids, created if new) have attendance recorded and whose `confirmed` people signed up
 * but never came.
 */
export async function finishedEvent(
  w: World,
  opts: { attended?: string[]; confirmed?: string[]; endedHoursAgo?: number; unitId?: string } = {},
): Promise<ManagedActivity> {
  const e = await publishedEvent(w, { title: `已结束的读书会 ${++n}` })
  const end = new Date(Date.now() - (opts.endedHoursAgo ?? 2) * HOUR)
  await w.db.query(
    `update activity set start_at = $2::timestamptz - interval '2 hours', end_at = $2,
       signup_opens_at = $2::timestamptz - interval '5 days', signup_closes_at = $2::timestamptz - interval '3 days',
       unit_id = coalesce($3, unit_id)
     where id = $1`,
    [e.id, end, opts.unitId ?? null],
  )
  const register = async (openids: string[], state: 'attended' | 'confirmed') => {
    if (!openids.length) return
    await w.db.query(`insert into app_user (openid) select unnest($1::text[]) on conflict (openid) do nothing`, [
      openids,
    ])
    await w.db.query(
      `insert into registration (activity_id, user_id, quota_key, state)
       select $1, u.id, '', $3 from app_user u where u.openid = any($2::text[])`,
      [e.id, openids, state],
    )
  }
  await register(opts.attended ?? [], 'attended')
  await register(opts.confirmed ?? [], 'confirmed')
  return { ...e, endAt: end.toISOString() }
}

/** Everyone in the world's PEOPLE attended. */
export const everyone = () => Object.values(PEOPLE) as string[]
