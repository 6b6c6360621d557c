/**
 * The local host's test clock (QINGJU_TEST_CLOCK=1): it moves by a bounded whole offset, and a bad
 * value is refused with nothing changed (it once kept 1e308 and broke every action until reset).
 */
import { chmodSync, mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { startHostProcess, type HostProcess } from '../../host/process'

const dataDir = mkdtempSync(join(tmpdir(), 'qingju-clock-test-'))
chmodSync(dataDir, 0o755) // as root, postgres runs as nobody, which must enter the data dir's parent
let host: HostProcess

beforeAll(async () => {
  host = await startHostProcess({ QINGJU_SKIP_BUILD: '1', QINGJU_DATA_DIR: dataDir, QINGJU_TEST_CLOCK: '1' }, 45_000)
}, 60_000)

afterAll(async () => {
  await host?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

async function post(path: string, body: unknown) {
  const res = await fetch(`${host.url}/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as { ok: boolean; code?: string; data?: { now?: string } } }
}

/** Real time: this test process runs on the fixed test clock, the host on the real one. */
const realNow = () => performance.timeOrigin + performance.now()

/** How far the host's action clock is from real time, read without changing it. */
async function hostOffset(): Promise<number> {
  const res = await fetch(`${host.url}/api/_dev/clock`)
  const body = (await res.json()) as { data: { now: string } }
  return Date.parse(body.data.now) - realNow()
}

test('a bounded offset moves the clock every action reads', async () => {
  expect((await post('_dev/clock', { offsetMs: 2 * 3600_000 })).status).toBe(200)
  expect(Math.abs((await hostOffset()) - 2 * 3600_000)).toBeLessThan(60_000)
  expect((await post('_dev/clock', { offsetMs: 0 })).status).toBe(200)
  expect(Math.abs(await hostOffset())).toBeLessThan(60_000)
})

test.each([[1e308], [-1e308], [401 * 24 * 3600_000], [1.5], ['3600000'], [null]])(
  'offset %p is refused and changes nothing',
  async (offsetMs) => {
    await post('_dev/clock', { offsetMs: 3600_000 })
    const refused = await post('_dev/clock', { offsetMs })
    expect(refused).toMatchObject({ status: 400, json: { ok: false, code: 'INVALID_INPUT' } })
    // The clock is as it was, and actions still answer.
    expect(Math.abs((await hostOffset()) - 3600_000)).toBeLessThan(60_000)
    expect((await post('activity', { action: 'list', data: { limit: 1 } })).json.ok).toBe(true)
  },
)
