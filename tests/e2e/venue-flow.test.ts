/**
 * Shared venues end to end in the H5 build, in headless Chromium, through the local host: the
 * organiser of 中国邮政 finds the district's venues near them (distances, the drawn plan), opens the
 * district's 共营店 café (its 二楼活动区 needs approval), picks an hour next week on the grid and asks
 * for it → it waits (待审批) on the unit's bookings → the district admin (the café's owner) approves
 * it → the booker sees 已通过. Screenshots go to tests/artifacts/venue-*.png.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { pageHelpers, phonePage, useH5 } from './support/h5'

const CAFE = '青年之家共营店·半日闲咖啡'
const PURPOSE = '邮政青年读书会·咖啡分享'
// Near 邮政大楼 (WGS-84, as a browser reports it).
const HERE = { latitude: 32.2063, longitude: 119.4265 }

const h5 = useH5('venue-')
let page: Page

before(async () => {
  await h5.start()
  page = await phonePage(h5.browser, { geolocation: HERE, permissions: ['geolocation'] })
})

const { testId, shot, settle, open, actAs } = pageHelpers(() => page, h5, 'venue')

async function openMeEntry(title: string) {
  await open('/pages/me/index')
  const entry = page.locator('.taroify-cell', { hasText: title }).first()
  await entry.waitFor({ timeout: 20_000 })
  await entry.click()
  await settle()
}

test('the organiser finds the venues near them, with distances and the drawn plan', async () => {
  await actAs('成员单位组织者')
  await openMeEntry('阵地地图')
  await testId('venue-distance').first().waitFor({ timeout: 20_000 })
  const names = await page.locator('[data-testid="venue-item"] .venues__name').allInnerTexts()
  assert.ok(names.includes(CAFE), `the café is listed: ${names.join('、')}`)
  assert.equal(names[0], '邮政大楼三楼青年之家', 'the nearest first')
  const metres = (await testId('venue-distance').allInnerTexts()).map((t) =>
    t.endsWith('公里') ? parseFloat(t) * 1000 : parseFloat(t),
  )
  assert.deepEqual(
    metres,
    [...metres].sort((a, b) => a - b),
    `nearest first: ${metres.join(', ')}`,
  )
  assert.equal(await testId('plan-pin').count(), names.length)
  assert.equal(await testId('plan-me').count(), 1)
  await shot('1-list')
})

test('the organiser asks for an hour of the café next week; it waits for approval', async () => {
  await page.locator('[data-testid="venue-item"]', { hasText: CAFE }).click()
  await testId('venue-info').waitFor({ timeout: 20_000 })
  await testId('grid-slot').first().waitFor({ timeout: 20_000 })
  assert.match(await testId('facility-rules').innerText(), /需场地方审批/)
  await settle()
  await shot('2-venue')

  // Next week: wait for its slots (the first slot a week later than this week's), not just a title, so no
  // slot of this week is picked while the next week's answer is on its way.
  const firstBefore = (await testId('grid-slot').first().getAttribute('data-start')) as string
  await testId('week-next').click()
  await page.waitForFunction((first) => {
    const start = document.querySelector('[data-testid="grid-slot"]')?.getAttribute('data-start')
    return !!start && Date.parse(start) >= Date.parse(first) + 6 * 86_400_000
  }, firstBefore)
  await settle()
  // The first two free half-hours in a row (the café books an hour at least).
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="grid-slot"][data-state="free"]').length > 0)
  const pair = await page.evaluate(() => {
    const free = new Set(
      [...document.querySelectorAll<HTMLElement>('[data-testid="grid-slot"][data-state="free"]')].map(
        (e) => e.dataset.start as string,
      ),
    )
    for (const start of [...free].sort()) {
      const next = new Date(Date.parse(start) + 30 * 60_000).toISOString()
      if (free.has(next)) return [start, next]
    }
    return null
  })
  assert.ok(pair, 'next week has two free half-hours in a row')
  for (const start of pair) await page.locator(`[data-testid="grid-slot"][data-start="${start}"]`).click()
  await testId('selection-bar').waitFor()
  await testId('book-open').click()
  await testId('booking-sheet').waitFor()
  await testId('input-purpose').locator('input').fill(PURPOSE)
  await shot('3-sheet')
  await testId('booking-submit').click()
  await testId('booking-sheet').waitFor({ state: 'detached', timeout: 15_000 })
  // The slots now wait for the owner.
  await page
    .locator(`[data-testid="grid-slot"][data-start="${pair[0]}"][data-state="pending"]`)
    .waitFor({ timeout: 15_000 })
  await shot('4-requested')

  await openMeEntry('单位场地预订')
  const card = page.locator('[data-testid="booking-card"]', { hasText: PURPOSE })
  await card.waitFor({ timeout: 20_000 })
  assert.equal(await card.locator('[data-testid="booking-state"]').innerText(), '待审批')
})

test('the district admin approves it; the booker sees 已通过', async () => {
  await actAs('团区委管理员')
  await openMeEntry('场地预订审批')
  const request = page.locator('[data-testid="booking-card"]', { hasText: PURPOSE })
  await request.waitFor({ timeout: 20_000 })
  assert.match(await request.innerText(), /中国邮政镇江分公司团委/)
  await settle()
  await shot('5-approvals')
  await request.locator('[data-testid="booking-approve"]').click()
  await request.waitFor({ state: 'detached', timeout: 15_000 })

  await actAs('成员单位组织者')
  await openMeEntry('单位场地预订')
  const card = page.locator('[data-testid="booking-card"]', { hasText: PURPOSE })
  await card.waitFor({ timeout: 20_000 })
  assert.equal(await card.locator('[data-testid="booking-state"]').innerText(), '已通过')
  await card.scrollIntoViewIfNeeded()
  await settle()
  await shot('6-approved')
})
