/**
 * The local host as a user starts it (`tsx scripts/start.ts`): HTTP surface, dev login,
 * and survival of `kill -9` with data intact and no orphaned PostgreSQL.
 */
import type { ChildProcess } from 'child_process'
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { startHostProcess } from '../../host/process'

const dataDir = mkdtempSync(join(tmpdir(), 'qingju-host-test-'))
// As root, postgres runs as nobody, which must be able to enter the data dir's parent.
chmodSync(dataDir, 0o755)
let child: ChildProcess | null = null

const startHost = () => startHostProcess({ QINGJU_SKIP_BUILD: '1', QINGJU_DATA_DIR: dataDir, DATABASE_URL: '' }, 45_000)

/** PostgreSQL processes whose command line names this test's data dir. */
function postgresFor(dir: string): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        return cmd.includes('postgres') && cmd.includes(dir)
      } catch {
        return false
      }
    })
    .map(Number)
}

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return {
    status: res.status,
    json: (await res.json()) as { ok: boolean; code?: string; data?: Record<string, unknown> },
  }
}

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
  await new Promise((r) => setTimeout(r, 1000))
  rmSync(dataDir, { recursive: true, force: true })
})

test('serves the functions, survives kill -9 with its data, and leaves no orphaned postgres', async () => {
  const first = await startHost()
  child = first.child
  const api = (path: string) => `${first.url}/api/${path}`

  // The HTTP form documented in the README.
  const personas = (await (await fetch(api('_dev/personas'))).json()) as { data: { items: { persona: string }[] } }
  expect(personas.data.items.map((p) => p.persona)).toEqual(['youth', 'organiser', 'district_admin', 'new'])
  const login = await post(api('_dev/login'), { persona: 'organiser' })
  const token = login.json.data?.token as string
  expect(typeof token).toBe('string')
  const me = await post(api('session'), { action: 'me' }, token)
  expect(me.json).toMatchObject({ ok: true, data: { roles: ['youth', 'unit_admin'] } })
  expect((await post(api('session'), { action: 'me' })).json).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect((await post(api('_dev/login'), { persona: 'root' })).json).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await post(api('activity'), '{not json')).toMatchObject({
    status: 400,
    json: { ok: false, code: 'INVALID_INPUT' },
  })
  expect(await post(api('activity'), { action: 'list', data: { x: 'y'.repeat(200_000) } })).toMatchObject({
    status: 413,
  })
  expect(await post(api('nope'), { action: 'list' })).toMatchObject({ status: 404, json: { code: 'NOT_FOUND' } })

  const before = await post(api('activity'), { action: 'list', data: { limit: 50 } })
  const ids = (before.json.data?.items as { id: string }[]).map((i) => i.id)
  expect(ids.length).toBeGreaterThan(3)
  const named = await post(api('_dev/login'), { persona: 'new', name: '小王' })
  const namedAgain = await post(api('_dev/login'), { persona: 'new', name: '小王' })
  const namedMe = await post(api('session'), { action: 'me' }, named.json.data?.token as string)
  expect(namedMe.json.data).toMatchObject({ nickname: '小王' })
  expect((await post(api('session'), { action: 'me' }, namedAgain.json.data?.token as string)).json.data?.userId).toBe(
    namedMe.json.data?.userId,
  )
  expect((await post(api('_dev/login'), { persona: 'new', name: '名'.repeat(17) })).json).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  })
  const newcomer = await post(api('_dev/login'), { persona: 'new' })
  const newMe = await post(api('session'), { action: 'me' }, newcomer.json.data?.token as string)
  expect(newMe.json.ok).toBe(true)
  // The test clock exists only when the host is started with QINGJU_TEST_CLOCK=1.
  expect(await post(api('_dev/clock'), { offsetMs: 3600_000 })).toMatchObject({
    status: 404,
    json: { ok: false, code: 'NOT_FOUND' },
  })

  // An export is reached only through the signed, expiring link its action returns; the key lives in the data dir.
  const admin = (await post(api('_dev/login'), { persona: 'district_admin' })).json.data?.token as string
  const sheet = await post(api('hours'), { action: 'exportSheet', data: { year: new Date().getUTCFullYear() } }, admin)
  const link = sheet.json.data?.url as string
  expect(link).toMatch(/^\/files\/exports\/hours\/.+-[\w-]{22}\.xlsx\?exp=\d+&sig=[\w-]+$/)
  const download = await fetch(`${first.url}${link}`)
  expect(download.status).toBe(200)
  expect(
    Buffer.from(await download.arrayBuffer())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK')
  const bare = await fetch(`${first.url}${link.split('?')[0]}`)
  expect(bare.status).toBe(403)
  expect(await bare.json()).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '下载链接无效，请重新导出' })
  expect(readFileSync(join(dataDir, 'files-secret'), 'utf8')).toMatch(/^[0-9a-f]{64}$/)

  expect(postgresFor(dataDir).length).toBeGreaterThan(0)
  first.child.kill('SIGKILL')
  for (let i = 0; i < 50 && postgresFor(dataDir).length; i++) await new Promise((r) => setTimeout(r, 100))
  expect(postgresFor(dataDir)).toEqual([])

  const second = await startHost()
  child = second.child
  const after = await post(`${second.url}/api/activity`, { action: 'list', data: { limit: 50 } })
  expect((after.json.data?.items as { id: string }[]).map((i) => i.id)).toEqual(ids)
  // The newcomer created before the kill is still the same person.
  const again = await post(`${second.url}/api/session`, { action: 'me' }, newcomer.json.data?.token as string)
  expect(again.json.data?.userId).toBe(newMe.json.data?.userId)
  // The key survived the restart: a link issued before it still works until it expires.
  expect((await fetch(`${second.url}${link}`)).status).toBe(200)

  second.child.kill('SIGINT')
  await new Promise((r) => second.child.once('exit', r))
  expect(postgresFor(dataDir)).toEqual([])
})
