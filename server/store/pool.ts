/**
 * One small pg pool per function instance. CloudBase runs one request per instance and scales
 * out to many instances, so each keeps 1–2 connections (PG_POOL_MAX); the local host, which
 * serves every request from one process, raises it.
 */
import { Pool, types } from 'pg'

// bigint (count(*)) as number: our counts stay far below 2^53.
types.setTypeParser(20, (value) => Number(value))

let pool: Pool | null = null

export function getPool(): Pool {
  if (!pool) {
    const connectionString = process.env.DATABASE_URL
    if (!connectionString) throw new Error('DATABASE_URL is not set')
    pool = new Pool({
      connectionString,
      max: Number(process.env.PG_POOL_MAX ?? 2),
      idleTimeoutMillis: Number(process.env.PG_IDLE_TIMEOUT_MS ?? 30_000),
      // CloudBase serves one request per instance, so waiting long for a connection means trouble: fail fast.
      // The local host and tests queue many requests per process and raise it.
      connectionTimeoutMillis: Number(process.env.PG_CONNECT_TIMEOUT_MS ?? 5_000),
    })
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on('error', (err) => console.error(JSON.stringify({ level: 'error', msg: 'pg pool error', err: err.message })))
  }
  return pool
}

export async function closePool(): Promise<void> {
  const p = pool
  pool = null
  if (p) await p.end()
}
