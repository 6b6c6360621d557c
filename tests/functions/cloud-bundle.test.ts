/**
 * The CloudBase build: `npm run build:cloud` output loaded as CloudBase loads it, with a stand-in
 * wx-server-sdk whose getWXContext() supplies the OPENID — the WeChat platform edge end to end.
 */
import { execFileSync } from 'child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { DEMO_PEOPLE, seedIfEmpty } from '../../host/seed'
import { closePool, useFreshDatabase } from '../support/db'

const ROOT = join(__dirname, '..', '..')
type Main = (
  event: unknown,
  context?: unknown,
) => Promise<{ ok: boolean; code?: string; data?: { roles?: string[]; items?: unknown[] } }>

let deployDir: string

beforeAll(async () => {
  await seedIfEmpty(await useFreshDatabase())
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-cloud.ts')], { cwd: ROOT })
  deployDir = mkdtempSync(join(tmpdir(), 'qingju-deploy-'))
  for (const fn of ['activity', 'session']) {
    const dir = join(deployDir, fn)
    mkdirSync(join(dir, 'node_modules', 'wx-server-sdk'), { recursive: true })
    cpSync(join(ROOT, 'cloudfunctions', fn, 'index.js'), join(dir, 'index.js'))
    // Stand-in for the SDK CloudBase installs: the OPENID comes from the invocation, here an env var.
    writeFileSync(
      join(dir, 'node_modules', 'wx-server-sdk', 'index.js'),
      `
      module.exports = {
        DYNAMIC_CURRENT_ENV: Symbol('env'),
        init() {},
        getWXContext() { return { OPENID: process.env.FAKE_WX_OPENID || undefined } },
      }`,
    )
  }
  delete process.env.QINGJU_PLATFORM // as in CloudBase: the WeChat platform
  // The bundles keep their own pools; let idle connections go so the server can stop cleanly.
  process.env.PG_IDLE_TIMEOUT_MS = '100'
})

afterAll(async () => {
  process.env.QINGJU_PLATFORM = 'local'
  delete process.env.FAKE_WX_OPENID
  delete process.env.PG_IDLE_TIMEOUT_MS
  await closePool()
  await new Promise((r) => setTimeout(r, 300))
})

test('each function root holds the bundle, package.json and config.json, and no TypeScript', () => {
  const fns = readdirSync(join(ROOT, 'cloudfunctions'))
  expect(fns.sort()).toEqual([
    'activity',
    'checkin',
    'honour',
    'hours',
    'org',
    'plan',
    'rating',
    'record',
    'score',
    'session',
    'signup',
    'star',
    'survey',
    'venue',
    'wish',
  ])
  for (const fn of fns) {
    const dir = join(ROOT, 'cloudfunctions', fn)
    const rootFiles = readdirSync(dir).filter((f) => !['src', 'node_modules'].includes(f))
    expect(rootFiles.sort()).toEqual(['config.json', 'index.js', 'package.json'])
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    expect(pkg.dependencies['wx-server-sdk']).toBeTruthy()
    const bundle = readFileSync(join(dir, 'index.js'), 'utf8')
    expect(bundle).toContain('require("wx-server-sdk")')
    expect(existsSync(join(dir, 'index.ts'))).toBe(false)
  }
})

/** Strings only the local stand-ins hold: the outbox table, the dev-session secret, the local word list, the local QR scheme. */
const LOCAL_MARKERS = ['local_outbox', 'QINGJU_DEV_SESSION_SECRET', 'verifyDevSession', '代开发票', 'qingju://']

test('no bundle carries the local platform or dev-session verification', () => {
  for (const fn of readdirSync(join(ROOT, 'cloudfunctions'))) {
    const bundle = readFileSync(join(ROOT, 'cloudfunctions', fn, 'index.js'), 'utf8')
    for (const marker of LOCAL_MARKERS) {
      expect({ fn, marker, found: bundle.includes(marker) }).toEqual({ fn, marker, found: false })
    }
  }
})

test('a bundle asked for the local platform refuses instead of running on something else', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded exactly as CloudBase loads it
  const { main } = require(join(deployDir, 'session', 'index.js')) as { main: Main }
  process.env.QINGJU_PLATFORM = 'local'
  const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
  try {
    expect(await main({ action: 'me' }, {})).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(String(spy.mock.calls[0]?.[0])).toContain('this build has no local platform')
  } finally {
    spy.mockRestore()
    delete process.env.QINGJU_PLATFORM
  }
})

test('exceljs is a declared dependency of exactly the functions that use spreadsheets', () => {
  for (const fn of readdirSync(join(ROOT, 'cloudfunctions'))) {
    const dir = join(ROOT, 'cloudfunctions', fn)
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const bundle = readFileSync(join(dir, 'index.js'), 'utf8')
    const loadsExcel = /(require|import)\("exceljs"\)/.test(bundle)
    expect({ fn, loadsExcel, declared: Boolean(pkg.dependencies.exceljs) }).toEqual({
      fn,
      loadsExcel: ['hours', 'plan', 'signup', 'venue', 'rating', 'survey', 'session', 'score'].includes(fn),
      declared: ['hours', 'plan', 'signup', 'venue', 'rating', 'survey', 'session', 'score'].includes(fn),
    })
  }
})

test('loading a bundle loads no spreadsheet code: only the actions that read or write sheets do', () => {
  for (const fn of readdirSync(join(ROOT, 'cloudfunctions'))) {
    const bundle = join(ROOT, 'cloudfunctions', fn, 'index.js')
    const script = `require(${JSON.stringify(bundle)}); process.stdout.write(String(Object.keys(require.cache).filter((p) => p.includes('/node_modules/exceljs/')).length))`
    const loaded = Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))
    expect({ fn, exceljsModulesLoaded: loaded }).toEqual({ fn, exceljsModulesLoaded: 0 })
  }
})

test('the bundled activity function answers through its exported main', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded exactly as CloudBase loads it
  const { main } = require(join(deployDir, 'activity', 'index.js')) as { main: Main }
  const r = await main({ action: 'list', data: { limit: 5 } }, { request_id: 'cb-1' })
  expect(r.ok).toBe(true)
  expect(r.data?.items).toHaveLength(5)
  expect(await main({ action: 'list', data: { limit: 'x' } }, {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

test('the bundled session function takes identity from getWXContext, never from the event', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded exactly as CloudBase loads it
  const { main } = require(join(deployDir, 'session', 'index.js')) as { main: Main }
  delete process.env.FAKE_WX_OPENID
  const spoof = { action: 'me', userInfo: { openId: DEMO_PEOPLE.district_admin.openid } }
  expect(await main(spoof, {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  process.env.FAKE_WX_OPENID = DEMO_PEOPLE.district_admin.openid
  expect(await main({ action: 'me' }, {})).toMatchObject({ ok: true, data: { roles: ['youth', 'district_admin'] } })
  // A dev session token means nothing to the WeChat platform.
  process.env.FAKE_WX_OPENID = ''
  expect(await main({ action: 'me' }, { devSessionToken: 'anything' })).toMatchObject({
    ok: false,
    code: 'UNAUTHENTICATED',
  })
})
