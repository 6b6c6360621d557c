/** Rate-limit counters in PostgreSQL (table rate_limit): one statement per check. SQL only. */
import type { Db } from './tx'

export interface RateWindow {
  districtId: string
  bucket: string
  subject: string
  windowStart: Date
  expiresAt: Date
}

/**
 * Counts one call in its window and answers the window's count, this call included: one round
 * trip. Call it outside a transaction: the counter commits without waiting for the WAL flush
 * (`synchronous_commit` off for this statement's own transaction; a counter lost in a crash only
 * forgives a few calls), so it adds no disk wait to the request.
 */
export async function countHit(db: Db, w: RateWindow): Promise<number> {
  const { rows } = await db.query<{ hits: number }>({
    name: 'rate-limit-hit',
    text: `insert into rate_limit as r (district_id, bucket, subject, window_start, expires_at, hits)
           select $1, $2, $3, $4, $5, 1 from (select set_config('synchronous_commit', 'off', true)) async
           on conflict (district_id, bucket, subject, window_start) do update set hits = r.hits + 1
           returning r.hits`,
    values: [w.districtId, w.bucket, w.subject, w.windowStart, w.expiresAt],
  })
  return rows[0].hits
}

/**
 * Adds `n` calls counted elsewhere (in an instance's memory) to the window and answers its count:
 * one round trip, committed like `countHit`.
 */
export async function addHits(db: Db, w: RateWindow, n: number): Promise<number> {
  const { rows } = await db.query<{ hits: number }>({
    name: 'rate-limit-add',
    text: `insert into rate_limit as r (district_id, bucket, subject, window_start, expires_at, hits)
           select $1, $2, $3, $4, $5, $6 from (select set_config('synchronous_commit', 'off', true)) async
           on conflict (district_id, bucket, subject, window_start) do update set hits = r.hits + excluded.hits
           returning r.hits`,
    values: [w.districtId, w.bucket, w.subject, w.windowStart, w.expiresAt, n],
  })
  return rows[0].hits
}

/** The window's count so far, without counting: one read. */
export async function hitsSoFar(db: Db, w: Omit<RateWindow, 'expiresAt'>): Promise<number> {
  const { rows } = await db.query<{ hits: number }>({
    name: 'rate-limit-read',
    text: `select hits from rate_limit where district_id = $1 and bucket = $2 and subject = $3 and window_start = $4`,
    values: [w.districtId, w.bucket, w.subject, w.windowStart],
  })
  return rows[0]?.hits ?? 0
}

/** Deletes the counters of windows that have ended; how many. */
export async function deleteEndedWindows(db: Db, now: Date): Promise<number> {
  const r = await db.query('delete from rate_limit where expires_at <= $1', [now])
  return r.rowCount ?? 0
}
