import { rmSync } from 'fs'
import type { RunningPostgres } from '../../host/postgres'

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as { __QINGJU_PG__?: RunningPostgres }).__QINGJU_PG__
  if (!pg) return
  await pg.stop()
  rmSync(pg.dataDir, { recursive: true, force: true })
}
