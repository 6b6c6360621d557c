/**
 * The rate limit holds across function instances (issue 11): two local host processes on ONE
 * database, as CloudBase runs many instances of a function. Wrong typed check-in codes sent
 * alternately to the two hit the limit at the same count as sent to one: the 6th code, even the
 * right one, is RATE_LIMITED. A counter in each process's memory would let the 6th through (each
 * host would have seen 3). The same for the limit on every signed-in call (300 a minute a
 * person): counted in each process and sent to the shared counter in batches of 10, it refuses
 * calls alternating between the two hosts once the shared count passes 300, within the written
 * slack (at most 300 + 2 × 9 admitted).
 */
import type { ChildProcess } from 'child_process'
import { randomBytes } from 'crypto'
import { chmodSync, mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { performance } from 'perf_hooks'
import { Pool } from 'pg'
import { startHostProcess, type HostProcess } from '../../host/process'
import { shortSiteCode, slotOf } from '../../server/domain/checkin/token'

jest.setTimeout(300_000)

const dataDir = mkdtempSync(join(tmpdir(), 'qingju-rate-limit-hosts-'))
chmodSync(dataDir, 0o755)
const children: ChildProcess[] = []
const hosts: HostProcess[] = []
let pool: Pool | null = null

/** The real time: the hosts run on it, while this file's `Date` is shifted (tests/support/fixed-clock.ts). */
const realNow = () => Math.round(performance.timeOrigin + performance.now())
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function post(base: string, path: string, body: unknown, token?: string) {
  const res = await fetch(`${base}/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return (await res.json()) as { ok: boolean; code?: string; message?: string; data?: Record<string, unknown> }
}

afterAll(async () => {
  await pool?.end()
  for (const h of hosts.reverse()) await h.stop()
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

test('wrong check-in codes alternating between two hosts on one database hit the limit at the 6th', async () => {
  // The limit on calls per person is on in the hosts (the test process turns it off for itself).
  const env = { QINGJU_SKIP_BUILD: '1', QINGJU_DATA_DIR: dataDir, DATABASE_URL: '', QINGJU_CALL_LIMIT: '' }
  const a = await startHostProcess(env, 120_000)
  hosts.push(a)
  children.push(a.child)
  // The second instance: same secrets (data dir), same database, its own process and memory.
  const b = await startHostProcess({ ...env, QINGJU_SHARED_DATABASE_URL: a.databaseUrl }, 120_000)
  hosts.push(b)
  children.push(b.child)
  expect(b.databaseUrl).toBe(a.databaseUrl)
  expect(b.url).not.toBe(a.url)

  pool = new Pool({ connectionString: a.databaseUrl, max: 2 })
  const { rows } = await pool.query<{ id: string }>(
    "select id from activity where state = 'published' order by start_at limit 1",
  )
  const eventId = rows[0].id
  const secret = randomBytes(32)
  await pool.query('update activity set checkin_secret = $2 where id = $1', [eventId, secret])

  const login = await post(a.url, '_dev/login', { persona: 'youth' })
  const token = login.data?.token as string
  expect(typeof token).toBe('string')

  // Stay inside one 10-minute window of the limit.
  const left = 10 * 60_000 - (realNow() % (10 * 60_000))
  if (left < 60_000) await sleep(left + 1000)

  const right = () => shortSiteCode({ secret, eventId, direction: 'in', slot: slotOf(new Date(realNow())) })
  let n = 0
  const scan = (host: HostProcess, shortCode: string) =>
    post(
      host.url,
      'checkin',
      { action: 'scan', data: { activityId: eventId, shortCode, nonce: `two-hosts-${++n}` } },
      token,
    )
  const wrong = (code: string) => (code === '000000' ? '000001' : '000000')

  const answers: (string | undefined)[] = []
  for (let i = 0; i < 5; i++) answers.push((await scan(i % 2 ? b : a, wrong(right()))).code)
  expect(answers).toEqual(Array(5).fill('CODE_INVALID'))
  // The 6th, on the host that has itself seen only 2: refused, though the code is right.
  const sixth = await scan(b, right())
  expect(sixth).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  expect(sixth.message).toMatch(/^尝试次数过多，请 \d+ 分钟后再试$/)
  expect(await scan(a, right())).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  // One counter row in the shared database holds all six-plus attempts' wrong ones.
  const counted = await pool.query<{ hits: number }>(
    "select hits from rate_limit where bucket = 'checkin_code' and subject like $1",
    [`${eventId}/%`],
  )
  expect(counted.rows).toEqual([{ hits: 5 }])
})

test('calls per person a minute, alternating between the two hosts, are refused past 300 (+ the batch slack)', async () => {
  const [a, b] = hosts
  expect(a && b).toBeTruthy()
  const login = await post(a.url, '_dev/login', { persona: 'new', name: '限流小王' })
  const token = login.data?.token as string
  // Stay inside one minute.
  const left = 60_000 - (realNow() % 60_000)
  if (left < 30_000) await sleep(left + 500)
  let admitted = 0
  let firstRefusal: number | null = null
  for (let i = 1; i <= 400; i++) {
    const r = await post(i % 2 ? a.url : b.url, 'session', { action: 'me' }, token)
    if (r.ok) {
      expect(firstRefusal).toBeNull() // once refused, refused on both hosts for the rest of the minute
      admitted++
    } else {
      expect(r).toMatchObject({ code: 'RATE_LIMITED' })
      expect(r.message).toMatch(/^操作过于频繁，请 1 分钟后再试$/)
      firstRefusal ??= i
    }
  }
  expect(admitted).toBeGreaterThanOrEqual(300)
  expect(admitted).toBeLessThanOrEqual(300 + 2 * 9)
  // One counter in the shared database holds both hosts' calls.
  const counted = await pool!.query<{ hits: number }>(
    "select hits from rate_limit where bucket = 'calls' and subject = 'dev:new:限流小王'",
  )
  expect(counted.rows).toHaveLength(1)
  expect(counted.rows[0].hits).toBeGreaterThanOrEqual(300)
})
