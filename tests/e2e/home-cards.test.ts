/**
 * Home cards in a real browser (issue 16): every card of the seeded home list shows a picture that
 * actually loaded (a cover or the category's illustration) and "N 人已报名"; 附近 with a granted
 * location orders the cards by distance and shows it on each; the detail header has the picture
 * and the count. Screenshots at 390×844 in tests/artifacts/.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { byTestId, phonePage, screenshot, useH5 } from './support/h5'
import { animationsSettled } from './support/settled'

const h5 = useH5('cards')
let page: Page

// A phone in Zhenjiang (WGS-84, as a browser reports it), near the seeded units.
const HERE = { latitude: 32.2, longitude: 119.44 }

before(async () => {
  await h5.start()
  page = await phonePage(h5.browser, {
    viewport: { width: 390, height: 844 },
    geolocation: HERE,
    permissions: ['geolocation'],
  })
})

const cards = () => byTestId(page, 'activity-card')

/** Every card's picture has loaded (a real image with a size), and which kind it is. */
async function pictures(): Promise<{ kind: string; loaded: boolean }[]> {
  return page.$$eval('[data-testid="activity-card"] [data-testid="activity-picture"]', (els) =>
    els.map((el) => {
      const img = el.tagName === 'IMG' ? (el as HTMLImageElement) : el.querySelector('img')
      return {
        kind: (el as HTMLElement).dataset.kind ?? '',
        loaded: !!img && img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width >= 80,
      }
    }),
  )
}

test('every card on the home list has a picture and says how many signed up', async () => {
  await page.goto(`${h5.host.url}/`)
  await cards().first().waitFor({ timeout: 30_000 })
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-testid="activity-card"] [data-testid="activity-picture"]')]
        .slice(0, 4)
        .every((el) => {
          const img = el.tagName === 'IMG' ? (el as HTMLImageElement) : el.querySelector('img')
          return !!img && img.complete && img.naturalWidth > 0
        }),
    undefined,
    { timeout: 15_000 },
  )
  const n = await cards().count()
  assert.ok(n >= 5)
  const shown = (await pictures()).slice(0, 4)
  assert.equal(shown.length, 4)
  assert.ok(
    shown.every((p) => p.loaded),
    `the first cards' pictures load: ${JSON.stringify(shown)}`,
  )
  const counts = await byTestId(page, 'signed-up').allInnerTexts()
  assert.equal(counts.length, n)
  assert.ok(
    counts.every((t) => /^(\d+ 人已报名|暂无人报名)$/.test(t.trim())),
    counts.join(' | '),
  )
  assert.ok(counts.some((t) => /^[1-9]\d* 人已报名$/.test(t.trim())))
  await screenshot(page, 'home-cards')
})

test('附近 asks for the location and orders the cards nearest first, each with its distance', async () => {
  await byTestId(page, 'near-toggle').click()
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="card-distance"]').length > 0, undefined, {
    timeout: 15_000,
  })
  assert.equal(await byTestId(page, 'near-toggle').getAttribute('aria-checked'), 'true')
  const words = await byTestId(page, 'card-distance').allInnerTexts()
  const meters = words.map((w) => {
    const m = /^([\d.]+) (米|公里)$/.exec(w.trim())
    assert.ok(m, `a distance in words: ${w}`)
    return Number(m[1]) * (m[2] === '公里' ? 1000 : 1)
  })
  // Rounded words may tie, never go backwards.
  for (let i = 1; i < meters.length; i++) assert.ok(meters[i] >= meters[i - 1], words.join(' | '))
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, 'home-near')

  await byTestId(page, 'near-toggle').click()
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="card-distance"]').length === 0, undefined, {
    timeout: 15_000,
  })
})

test('the detail header shows the picture and the count', async () => {
  await cards().first().click()
  const detail = byTestId(page, 'activity-detail')
  await detail.waitFor({ timeout: 15_000 })
  await animationsSettled(page)
  const picture = detail.locator('[data-testid="activity-picture"]')
  assert.ok(['cover', 'illustration'].includes((await picture.getAttribute('data-kind')) ?? ''))
  const box = await picture.boundingBox()
  assert.ok(box && box.width >= 380 && box.height >= 150, JSON.stringify(box))
  assert.match((await detail.locator('[data-testid="signed-up"]').innerText()).trim(), /^(\d+ 人已报名|暂无人报名)$/)
  await screenshot(page, 'detail-header')
})
