/**
 * `npm start`: build the H5 app if its sources changed, then run the local host.
 * Env: PORT (default 10086), QINGJU_DATA_DIR (default ./.data), QINGJU_SKIP_BUILD=1.
 */
import { spawnSync } from 'child_process'
import { existsSync, readdirSync, statSync } from 'fs'
import { join } from 'path'
import { startLocalHost } from '../host/local-host'
import { precompressStatic } from '../host/precompress'

const root = join(__dirname, '..')
const h5Dir = join(root, 'dist', 'h5')

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))))
}

function buildH5IfStale() {
  const built = newestMtime(join(h5Dir, 'index.html'))
  const sources = Math.max(
    ...['src', 'types', 'config', 'babel.config.js', 'package.json'].map((p) => newestMtime(join(root, p))),
  )
  if (built > sources) return
  console.log('building the H5 app (npm run build:h5)…')
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (r.status !== 0) {
    console.error('H5 build failed')
    process.exit(1)
  }
  // Compress now, as `npm run build:h5` does, rather than on the host's start.
  precompressStatic(h5Dir)
}

async function run() {
  if (process.env.QINGJU_SKIP_BUILD !== '1') buildH5IfStale()
  const host = await startLocalHost({
    dataDir: process.env.QINGJU_DATA_DIR ?? join(root, '.data'),
    port: Number(process.env.PORT ?? 10086),
    staticDir: h5Dir,
  })
  console.log(`\n青聚 Qingju local host is running at ${host.url}/`)
  console.log(`act as a demo person at ${host.url}/#/pages/dev-login/index  (Ctrl-C to stop)`)
  console.log(`database ${host.databaseUrl}\n`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping…`)
    await host.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

run().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
