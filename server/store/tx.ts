/** Transactions and connections: the only places that take a connection from the pool by hand. */
import { DatabaseError, Pool, type PoolClient } from 'pg'

export type Db = Pool | PoolClient

/**
 * Runs `work` in one transaction: all of it lands, or none of it. Given the pool, on a connection
 * of its own; given a connection (from `withConnection`, not already in a transaction), on that one.
 */
export async function inTransaction<T>(db: Db, work: (client: PoolClient) => Promise<T>): Promise<T> {
  if (db instanceof Pool) return withConnection(db, (client) => inTransaction(client, work))
  try {
    await db.query('begin')
    const result = await work(db)
    await db.query('commit')
    return result
  } catch (err) {
    await db.query('rollback').catch(() => {})
    throw err
  }
}

/**
 * Runs `work` on one pooled connection, held from the first query to the last. A request that
 * makes several queries then waits for a connection once, not once per query, as a CloudBase
 * instance with its own connection does. The connection goes back to the pool unless it broke.
 */
export async function withConnection<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let broken: Error | undefined
  // A connection-level failure arrives as an 'error' event; without a listener it would crash.
  const onError = (err: Error) => {
    broken = err
  }
  client.on('error', onError)
  try {
    return await work(client)
  } catch (err) {
    // An ordinary SQL error (severity ERROR) leaves the session usable; FATAL does not, and a
    // network failure arrives as the 'error' event above.
    if (err instanceof DatabaseError && err.severity !== 'ERROR') broken = err
    throw err
  } finally {
    client.removeListener('error', onError)
    client.release(broken)
  }
}

/** Postgres error codes we turn into user-facing answers. */
export const PG = { uniqueViolation: '23505', foreignKeyViolation: '23503', checkViolation: '23514' } as const

export function pgCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined
}
