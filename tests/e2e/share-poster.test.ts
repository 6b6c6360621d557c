/**
 * The 朋友圈 poster in a real browser (H5 build, local host): from an activity's page, 生成海报 opens
 * the poster page, which draws the poster on a real canvas with the mini-program code the activity
 * function made (locally a QR code); the code's corner of the canvas is not blank, axe finds no
 * serious violation, nothing scrolls sideways at 375 px, and 保存图片 downloads a PNG. Captured at
 * 390×844 as tests/artifacts/share-detail.png and share-poster.png.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { ROOT, buttonOf, byTestId, callApi, phonePage, routeUrl, screenshot, signInAs, useH5 } from './support/h5'
import { animationsSettled } from './support/settled'

const h5 = useH5('share-poster')
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')
let activity = { id: '', title: '' }

before(async () => {
  await h5.start()
  const list = await callApi<{ items: { id: string; title: string; phase: string }[] }>(
    h5.host.url,
    'activity',
    'list',
    { status: 'open' },
  )
  activity = list.items[0]
})

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE })
  return page.evaluate(async () => {
    type Result = { id: string; impact: string; nodes: { target: string[] }[] }
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Result[] }> } }).axe
    const { violations } = await axe.run(document)
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
  })
}

test('生成海报 draws the poster with the activity’s code, and 保存图片 downloads it', async () => {
  const page = await phonePage(h5.browser, { viewport: { width: 390, height: 844 }, acceptDownloads: true })
  try {
    await signInAs(page, h5.host.url, '青年（报名', { fresh: true })
    await page.goto(routeUrl(h5.host.url, `/pages/activity/index?id=${activity.id}`, true))
    const row = byTestId(page, 'share-row')
    await row.waitFor({ timeout: 30_000 })
    await row.scrollIntoViewIfNeeded()
    await animationsSettled(page)
    await screenshot(page, 'share-detail')

    await buttonOf(page, '生成海报').click()
    await page.getByText('保存图片后').waitFor({ timeout: 30_000 })
    await animationsSettled(page)
    // The code's corner (bottom right, 184 px of 600 at 2×) holds dark QR modules: the image was drawn.
    const dark = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="poster-canvas"]') as HTMLCanvasElement
      const ctx = canvas.getContext('2d')!
      const { data } = ctx.getImageData(canvas.width - 80 - 368, canvas.height - 80 - 368, 368, 368)
      let n = 0
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 200) n++
      return n / (data.length / 4)
    })
    assert.ok(dark > 0.2 && dark < 0.8, `the code is drawn (dark share ${dark.toFixed(2)})`)
    assert.deepEqual(await axeViolations(page), [], 'poster: accessibility violations')
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(width <= 390, `the poster page is ${width} px wide`)
    await screenshot(page, 'share-poster')

    const [download] = await Promise.all([page.waitForEvent('download'), buttonOf(page, '保存图片').click()])
    assert.equal(download.suggestedFilename(), `活动海报-${activity.title.slice(0, 20)}.png`)
  } finally {
    await page.context().close()
  }
})
