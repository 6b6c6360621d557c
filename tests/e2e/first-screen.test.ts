/**
 * The first screen over the wire (issue 16): three cold loads of the home page (each in a new browser
 * context, so nothing is cached) fetch its JS compressed, under 250 KB in all, and show activity cards.
 * How fast the first card appears is a benchmark (`bench/first-screen.ts`), not an assertion here.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import type { Response } from 'playwright-core'
import { PHONE, useH5 } from './support/h5'

const h5 = useH5('first-screen')
const BUDGET_BYTES = 250 * 1024

before(async () => {
  await h5.start()
})

interface Load {
  scripts: { url: string; encoding: string | undefined; bytes: number }[]
}

/** One cold load: a new context (empty cache), the home page until its first card shows. */
async function coldLoad(): Promise<Load> {
  const context = await h5.browser.newContext(PHONE)
  const page = await context.newPage()
  const pending: Promise<Load['scripts'][number]>[] = []
  page.on('response', (res: Response) => {
    if (!new URL(res.url()).pathname.endsWith('.js')) return
    pending.push(
      (async () => ({
        url: res.url(),
        encoding: (await res.allHeaders())['content-encoding'],
        // Bytes on the wire: the encoded body as the host sent it.
        bytes: (await res.request().sizes()).responseBodySize,
      }))(),
    )
  })
  await page.goto(`${h5.host.url}/`)
  await page.locator('[data-testid="activity-card"]').first().waitFor({ timeout: 30_000 })
  const scripts = await Promise.all(pending)
  await context.close()
  return { scripts }
}

test('three cold loads of the home page fetch its JS compressed, under 250 KB, and show cards', async () => {
  for (let i = 0; i < 3; i++) {
    const { scripts } = await coldLoad()
    assert.ok(scripts.length > 0, 'the home page loads scripts')
    for (const s of scripts) assert.ok(s.encoding === 'br' || s.encoding === 'gzip', `${s.url} sent uncompressed`)
    const total = scripts.reduce((sum, s) => sum + s.bytes, 0)
    assert.ok(total < BUDGET_BYTES, `first screen JS ${total} bytes (budget ${BUDGET_BYTES})`)
  }
})
