/**
 * Real-browser smoke test of the H5 build through the local host, exactly as `npm start` runs it:
 * a fresh data dir (so first-run migrate + seed), headless Chromium (support/browser.ts) driven by
 * playwright-core. Screenshots go to tests/artifacts/.
 */
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { ARTIFACTS, useH5 } from './support/h5'
import { animationsSettled } from './support/settled'

const h5 = useH5('')
let baseUrl = ''
let page: Page

before(async () => {
  await h5.start()
  baseUrl = h5.host.url
  page = await h5.browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
})

const cards = () => page.locator('[data-testid="activity-card"]')

test('home lists the seeded activities with unit, time, place and seats', async () => {
  await page.goto(`${baseUrl}/`)
  // Seeded relative to today, so it is always open for sign-up.
  const card = cards().filter({ hasText: '青年读书会：《平凡的世界》' })
  await card.waitFor({ timeout: 30_000 })
  const text = await card.innerText()
  assert.match(text, /中国邮政镇江分公司团委/)
  assert.match(text, /报名中/)
  assert.match(text, /邮政大楼三楼青年之家/)
  assert.match(text, /\d+月\d+日 周. \d\d:\d\d–\d\d:\d\d/)
  assert.match(text, /剩余 \d+ 席 \/ 共 30 席/)
  assert.ok((await cards().count()) >= 5)
  await page.screenshot({ path: join(ARTIFACTS, 'home.png') })
})

test('a category tab narrows the list to that category', async () => {
  await page.getByText('读书会', { exact: true }).first().click()
  await page.waitForFunction(
    () => {
      const titles = [...document.querySelectorAll('[data-testid="activity-card"]')].map((c) => c.textContent ?? '')
      return titles.length > 0 && titles.every((t) => t.includes('读书会'))
    },
    undefined,
    { timeout: 15_000 },
  )
  assert.equal(await cards().filter({ hasText: '交友联谊' }).count(), 0)
  await page.screenshot({ path: join(ARTIFACTS, 'home-reading-club.png') })
})

test('past activities are one tap away, newest first', async () => {
  await page.getByText('全部', { exact: true }).first().click()
  await page.locator('.filter-bar__status', { hasText: '已结束' }).click()
  await page.locator('[data-testid="activity-card"]', { hasText: '已结束' }).first().waitFor({ timeout: 15_000 })
  const texts = await cards().allInnerTexts()
  assert.ok(
    texts.every((t) => t.includes('已结束')),
    'every past card says 已结束',
  )
  await page.locator('.filter-bar__status', { hasText: '全部未结束' }).click()
  await cards().filter({ hasText: '青年读书会：《平凡的世界》' }).waitFor({ timeout: 15_000 })
})

test('tapping a card opens its detail page', async () => {
  await cards().filter({ hasText: '青年读书会：《平凡的世界》' }).click()
  await page.getByText('活动介绍').waitFor({ timeout: 15_000 })
  const body = await page.locator('body').innerText()
  assert.match(body, /共读路遥的《平凡的世界》/)
  assert.match(body, /镇江市润州区中山西路/)
  assert.match(body, /报名时间/)
  await animationsSettled(page) // the page's slide-in, before the picture
  await page.screenshot({ path: join(ARTIFACTS, 'detail.png') })
})

test('a sub-page has a title bar whose back control (44 px) returns to the list', async () => {
  const bar = page.locator('#taro-navigation-bar')
  assert.equal((await bar.locator('.taro-navigation-bar-title').innerText()).trim(), '活动详情')
  const back = bar.locator('.taro-navigation-bar-back')
  const box = await back.boundingBox()
  assert.ok(box && box.width >= 44 && box.height >= 44, `back control ${JSON.stringify(box)}`)
  await back.click()
  await cards().first().waitFor({ timeout: 15_000 })
  assert.match(page.url(), /pages\/index\/index/)
  await page.getByText('活动介绍').waitFor({ state: 'hidden', timeout: 15_000 })
})

test('the local login page switches to a demo person', async () => {
  await page.goto(`${baseUrl}/#/pages/dev-login/index`)
  await page.locator('.dev-login__persona', { hasText: '团区委管理员' }).click()
  await cards().first().waitFor({ timeout: 15_000 }) // it returns to the home list
  const token = await page.evaluate(() => localStorage.getItem('qingju.devToken'))
  assert.ok(token && token.includes('.'), 'a dev session token is stored')
  const me = await page.evaluate(async (t) => {
    const stored = JSON.parse(t as string) as { data?: string } | string
    const raw = typeof stored === 'string' ? stored : stored.data
    const res = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${raw}` },
      body: JSON.stringify({ action: 'me' }),
    })
    return res.json()
  }, token)
  assert.deepEqual(me.data.roles, ['youth', 'district_admin'])
  await page.goto(`${baseUrl}/#/pages/dev-login/index`)
  await page.getByText('当前身份').waitFor()
  await page.screenshot({ path: join(ARTIFACTS, 'dev-login.png') })
})
