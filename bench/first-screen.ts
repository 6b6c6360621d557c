/**
 * First screen benchmark (issue 16): cold loads of the H5 home page through the local host, as a phone
 * (375×812) in headless Chromium with an empty cache each time: milliseconds from navigation to the first
 * activity card visible, and the JS bytes the home page fetched (compressed, as sent). Target: first card
 * < 1 s, JS < 250 KB. Uses the built `dist/h5` (run `npm run build:h5` first if sources changed).
 */
import { chmodSync, mkdtempSync, rmSync } from 'fs'
import { cpus, tmpdir, totalmem } from 'os'
import { join } from 'path'
import { startLocalHost } from '../host/local-host'
import { launchBrowser } from '../tests/e2e/support/browser'
import { PHONE } from '../tests/e2e/support/h5'
import { percentile, writeSection } from './report'

const LOADS = Number(process.env.BENCH_LOADS ?? 10)

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'qingju-bench-first-'))
  chmodSync(dataDir, 0o755)
  const host = await startLocalHost({
    dataDir,
    port: 0,
    staticDir: join(__dirname, '..', 'dist', 'h5'),
    log: () => {},
  })
  const browser = await launchBrowser()
  const times: number[] = []
  const bytes: number[] = []
  try {
    for (let i = 0; i < LOADS + 1; i++) {
      const context = await browser.newContext(PHONE)
      const page = await context.newPage()
      const sizes: Promise<number>[] = []
      page.on('response', (res) => {
        if (new URL(res.url()).pathname.endsWith('.js'))
          sizes.push(
            res
              .request()
              .sizes()
              .then((s) => s.responseBodySize),
          )
      })
      const started = performance.now()
      await page.goto(`${host.url}/`)
      await page.locator('[data-testid="activity-card"]').first().waitFor({ timeout: 30_000 })
      const ms = performance.now() - started
      const js = (await Promise.all(sizes)).reduce((a, b) => a + b, 0)
      await context.close()
      // The first load warms the host (function modules, database cache); it is not counted.
      if (i === 0) continue
      times.push(ms)
      bytes.push(js)
    }
  } finally {
    await browser.close()
    await host.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const lines = [
    `${LOADS} cold loads of the home page (new browser context each: empty cache), 375×812, headless Chromium,`,
    `local host on this machine (${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GB). Target: first card < 1 s, JS < 250 KB.`,
    '',
    '| measure | p50 | max |',
    '|---|---|---|',
    `| navigation → first activity card visible | ${percentile(times, 50).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms |`,
    `| JS fetched for the first screen (compressed) | ${(percentile(bytes, 50) / 1024).toFixed(1)} KB | ${(Math.max(...bytes) / 1024).toFixed(1)} KB |`,
  ]
  console.log(lines.join('\n'))
  await writeSection('First screen (H5 home page)', lines)
}

void main()
