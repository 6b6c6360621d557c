/**
 * The WeChat build: `npm run build:weapp` succeeds, stays under the 2 MB main-package cap,
 * and carries nothing of the local host (no dev login page, no /api calls).
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'

const ROOT = join(__dirname, '..', '..')
const DIST = join(ROOT, 'dist', 'weapp')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? files(join(dir, e)) : [join(dir, e)]))
}

test('npm run build:weapp builds a main package under 2 MB with no local-only code', () => {
  const out = execFileSync('npm', ['run', 'build:weapp'], {
    cwd: ROOT,
    encoding: 'utf8',
    // The reminder template id the weapp journeys expect (tests/weapp/support/build.ts): built once with it,
    // `npm run test:weapp` after this test finds the build current and does not build again.
    env: { ...process.env, NODE_ENV: 'production', TARO_APP_REMINDER_TEMPLATE_ID: 'activity_reminder' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const reported = out.match(/weapp main package: ([\d.]+) KB of 2048 KB/)
  assert.ok(reported, `the build prints the main package size:\n${out.slice(-2000)}`)
  assert.ok(Number(reported[1]) < 2048)

  const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as { pages: string[] }
  assert.deepEqual(app.pages, ['pages/index/index', 'pages/activity/index', 'pages/me/index'])
  for (const file of files(DIST).filter((f) => /\.(js|json|wxml)$/.test(f))) {
    const text = readFileSync(file, 'utf8')
    assert.ok(!text.includes('/api/_dev'), `${file} mentions the dev login API`)
    assert.ok(!text.includes('dev-login'), `${file} mentions the dev login page`)
  }
})
