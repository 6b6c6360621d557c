/**
 * `npm run test:weapp` runs this first: it builds dist/weapp (npm run build:weapp) when the build
 * is missing or stale, and says why. Stale means any file under src/, config/ or types/ (the client
 * imports types/api) or package.json / babel.config.js / project.config.json is newer than
 * dist/weapp/app.js (the build rewrites app.js every time), or the build was made without the
 * reminder template id the journeys use (TARO_APP_REMINDER_TEMPLATE_ID; a deployment sets one, and
 * without it the sign-up sheet never asks WeChat for the subscribe prompt).
 * QINGJU_WEAPP_BUILD=skip uses whatever dist/weapp holds; =always rebuilds.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..', '..', '..')
const APP_JS = join(ROOT, 'dist', 'weapp', 'app.js')
/** The server's default reminder template (server/config.ts), so both ends name the same one. */
export const TEST_REMINDER_TEMPLATE_ID = 'activity_reminder'

function newest(path: string): { file: string; mtime: number } {
  const st = statSync(path)
  if (!st.isDirectory()) return { file: path, mtime: st.mtimeMs }
  let best = { file: path, mtime: 0 }
  for (const entry of readdirSync(path)) {
    const n = newest(join(path, entry))
    if (n.mtime > best.mtime) best = n
  }
  return best
}

export function staleReason(): string | null {
  if (!existsSync(APP_JS)) return 'dist/weapp is missing'
  const built = statSync(APP_JS).mtimeMs
  const inputs = ['src', 'config', 'types', 'package.json', 'babel.config.js', 'project.config.json']
  for (const input of inputs) {
    const path = join(ROOT, input)
    if (!existsSync(path)) continue
    const n = newest(path)
    if (n.mtime > built) return `${n.file.slice(ROOT.length + 1)} is newer than dist/weapp`
  }
  // The sign-up sheet is in the activity page's chunk.
  const page = join(ROOT, 'dist', 'weapp', 'pages', 'activity', 'index.js')
  const configured = existsSync(page) && readFileSync(page, 'utf8').includes(`"${TEST_REMINDER_TEMPLATE_ID}"`)
  if (!configured) return `dist/weapp was built without TARO_APP_REMINDER_TEMPLATE_ID=${TEST_REMINDER_TEMPLATE_ID}`
  return null
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const mode = process.env.QINGJU_WEAPP_BUILD
  const reason = mode === 'always' ? 'QINGJU_WEAPP_BUILD=always' : mode === 'skip' ? null : staleReason()
  if (!reason) {
    console.log('test:weapp: dist/weapp is up to date')
  } else {
    console.log(`test:weapp: building dist/weapp (${reason})`)
    execFileSync('npm', ['run', 'build:weapp'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, TARO_APP_REMINDER_TEMPLATE_ID: TEST_REMINDER_TEMPLATE_ID },
    })
  }
}
