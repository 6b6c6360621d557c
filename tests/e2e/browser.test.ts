/**
 * The browsers the browser tests run in (tests/e2e/support/browser.ts) start and draw Chinese: the one the
 * other tests use here, and the Chromium from npm that a fresh machine without Debian's chromium gets.
 * "Draws Chinese" means two different characters come out inked and different: with no CJK font they are
 * blank or the same missing-glyph box.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { findChromium, launchBrowser } from './support/browser'

async function drawsChinese(env: Record<string, string | undefined>): Promise<string> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]
  try {
    const source = findChromium().source
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      await page.setContent('<p>青聚</p>')
      // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
      const glyphs = await page.evaluate(`(() => {
        function draw(text) {
          const canvas = document.createElement('canvas')
          canvas.width = 64
          canvas.height = 64
          const ctx = canvas.getContext('2d')
          ctx.font = '48px sans-serif'
          ctx.fillText(text, 8, 52)
          return Array.from(ctx.getImageData(0, 0, 64, 64).data.filter((_, i) => i % 4 === 3))
        }
        const a = draw('青')
        const b = draw('聚')
        return { inked: a.some((v) => v > 0) && b.some((v) => v > 0), distinct: a.join() !== b.join() }
      })()`)
      assert.deepEqual(glyphs, { inked: true, distinct: true }, `${source} Chromium draws no Chinese glyphs`)
      return source
    } finally {
      await browser.close()
    }
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

test('the browser the tests use starts and draws Chinese', async () => {
  const source = await drawsChinese({})
  console.log(`browser tests run in: ${source} Chromium`)
})

test(
  'the npm Chromium (a fresh machine’s browser) starts and draws Chinese',
  { skip: process.platform !== 'linux' || process.arch !== 'x64' ? 'npm Chromium is Linux x64 only' : false },
  async () => {
    assert.equal(await drawsChinese({ QINGJU_CHROMIUM: 'npm', CHROMIUM_PATH: undefined }), 'npm')
  },
)
