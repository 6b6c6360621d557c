/**
 * The local host as a whole: embedded PostgreSQL in the data dir, migrations, first-run seed,
 * the LOCAL platform for the functions, and the HTTP server. `scripts/start.ts` is its CLI;
 * the end-to-end tests and benchmarks run it too.
 */
import { randomBytes } from 'crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs'
import type { AddressInfo } from 'net'
import { join, resolve } from 'path'
import { functions } from './functions'
import { closePool, getPool } from '../server/store/pool'
import { migrate } from './migrate'
import { startPostgres } from './postgres'
import { seedIfEmpty } from './seed'
import { createHostServer } from './server'

export interface LocalHostOptions {
  dataDir: string
  port: number
  host?: string
  staticDir: string | null
  log?: (line: string) => void
}

export interface RunningLocalHost {
  url: string
  databaseUrl: string
  devSessionSecret: string
  stop(): Promise<void>
}

function devSessionSecret(dataDir: string): string {
  return localSecret(dataDir, 'dev-session-secret')
}

/** A random secret kept in the data dir, so sessions and tickets survive restarts. */
function localSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name)
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}

export async function startLocalHost(options: LocalHostOptions): Promise<RunningLocalHost> {
  const log = options.log ?? ((line: string) => console.log(line))
  const dataDir = resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true })

  // QINGJU_SHARED_DATABASE_URL: run on another local host's database instead of starting one, as
  // CloudBase runs many instances of a function on one database (tests of cross-instance state).
  const shared = process.env.QINGJU_SHARED_DATABASE_URL
  const pg = shared ? { url: shared, stop: async () => {} } : await startPostgres({ dataDir: join(dataDir, 'pg'), log })
  const secret = devSessionSecret(dataDir)
  // The functions read these exactly as they would read their CloudBase environment variables.
  process.env.DATABASE_URL = pg.url
  process.env.QINGJU_PLATFORM = 'local'
  process.env.QINGJU_DEV_SESSION_SECRET = secret
  process.env.QINGJU_TICKET_SECRET = localSecret(dataDir, 'ticket-secret')
  process.env.QINGJU_FILES_DIR = join(dataDir, 'files')
  process.env.QINGJU_FILES_SECRET = localSecret(dataDir, 'files-secret')
  mkdirSync(process.env.QINGJU_FILES_DIR, { recursive: true })
  process.env.PG_POOL_MAX ??= '10'
  process.env.PG_CONNECT_TIMEOUT_MS ??= '30000'

  try {
    const applied = await migrate(getPool())
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`)
    if (await seedIfEmpty(getPool())) log('seeded demo data (润州区青年工作委员会)')
  } catch (err) {
    await closePool()
    await pg.stop()
    throw err
  }

  const server = createHostServer({
    functions,
    staticDir: options.staticDir,
    filesDir: process.env.QINGJU_FILES_DIR!,
    filesSecret: process.env.QINGJU_FILES_SECRET,
    devSessionSecret: secret,
    pool: getPool,
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(options.port, options.host ?? '127.0.0.1', () => ok())
  })
  // CloudBase runs the signup, hours and rating timer triggers every 5, 10 and 10 minutes; the local host runs them every minute.
  const sweep = setInterval(
    () => {
      for (const fn of ['signup', 'hours', 'rating'] as const) {
        void functions[fn]({ action: 'sweep' }, { request_id: `sweep-${Date.now()}`, trigger: 'timer' }).then((r) => {
          if (!r.ok) log(`${fn} sweep failed: ${r.code} ${r.message}`)
        })
      }
    },
    Number(process.env.QINGJU_SWEEP_MS ?? 60_000),
  )
  sweep.unref()
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    databaseUrl: pg.url,
    devSessionSecret: secret,
    async stop() {
      clearInterval(sweep)
      await new Promise<void>((r) => server.close(() => r()))
      server.closeAllConnections()
      await closePool()
      await pg.stop()
    },
  }
}
