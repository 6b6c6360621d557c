/**
 * One small pg pool per function instance. CloudBase runs one request per instance and scales
 * out to many instances, so each keeps 1–2 connections (PG_POOL_MAX); the local host, which
 * serves every request from one process, raises it.
 */
import { Pool, types } from 'pg'
import { withConnection } from './tx'

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
    keepConnectionsOnSqlErrors(pool)
  }
  return pool
}

/**
 * pg-pool's `pool.query` closes the connection whenever a query fails, even for an ordinary SQL
 * error such as a unique violation (a retried sign-up, a repeated scan), so the next query pays for
 * a new connection and a new server process. This `query` runs on `withConnection`, which returns
 * the connection to the pool unless the session itself broke.
 */
export function keepConnectionsOnSqlErrors(target: Pool): Pool {
  target.query = ((config: unknown, values?: unknown) =>
    withConnection(target, (client) => client.query(config as string, values as unknown[]))) as Pool['query']
  return target
}

export async function closePool(): Promise<void> {
  const p = pool
  pool = null
  if (p) await p.end()
}
