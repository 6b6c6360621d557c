/**
 * Applies the committed plain-SQL migrations in db/migrations in name order, each once,
 * each in its own transaction, under an advisory lock so concurrent starters cannot race.
 */
import { readdirSync, readFileSync } from 'fs'
import { join } from 'path'
import type { Pool } from 'pg'

export const MIGRATIONS_DIR = join(__dirname, '..', 'db', 'migrations')
const LOCK_KEY = 7_240_517 // any constant shared by all migrators of this schema

export async function migrate(pool: Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
  const client = await pool.connect()
  const applied: string[] = []
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY])
    await client.query(`create table if not exists schema_migration (
      name text primary key, applied_at timestamptz not null default now())`)
    const done = new Set(
      (await client.query<{ name: string }>('select name from schema_migration')).rows.map((r) => r.name),
    )
    for (const file of files) {
      if (done.has(file)) continue
      await client.query('begin')
      try {
        await client.query(readFileSync(join(dir, file), 'utf8'))
        await client.query('insert into schema_migration (name) values ($1)', [file])
        await client.query('commit')
        applied.push(file)
      } catch (err) {
        await client.query('rollback')
        throw new Error(`migration ${file} failed: ${(err as Error).message}`)
      }
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {})
    client.release()
  }
  return applied
}
