/**
 * Starts one real PostgreSQL server for the whole Jest run (embedded binaries, fsync off) and
 * builds a migrated template database; each test file clones its own database from it.
 */
import { mkdtempSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { Pool } from 'pg'
import { migrate } from '../../host/migrate'
import { startPostgres, type RunningPostgres } from '../../host/postgres'

export const TEMPLATE_DB = 'qingju_template'

export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qingju-test-pg-'))
  const pg = await startPostgres({ dataDir, durable: false, database: TEMPLATE_DB })
  const pool = new Pool({ connectionString: pg.url, max: 1 })
  try {
    await migrate(pool)
  } finally {
    await pool.end()
  }
  process.env.QINGJU_TEST_PG_URL = pg.url
  ;(globalThis as { __QINGJU_PG__?: RunningPostgres }).__QINGJU_PG__ = pg
}
