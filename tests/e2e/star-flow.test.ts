/**
 * Stars (摘星) end to end in the H5 build, in headless Chromium, through the local host: the demo
 * young person opens 我的摘星 (青年大学习 waits for evidence) → submits evidence to
 * 中国邮政 with a note and a photo uploaded through the local host → the unit's organiser opens the
 * review page, sees the photo and approves it → the young person has one star more; the district's
 * 五星评比 ranks the member units by the weights the seed set.
 * Screenshots go to tests/artifacts/star-*.png.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { Client } from 'pg'
import type { Page } from 'playwright-core'
import { DEMO_UNITS } from '../../host/seed'
import { DEMO_WEIGHTS } from '../../host/seed-scores'
import { EVIDENCE_INDICATOR } from '../../host/seed-stars'
import { pageHelpers, phonePage, useH5 } from './support/h5'

const UNIT = '中国邮政镇江分公司团委'
const NOTE = '已完成本年度青年大学习全部网上主题团课，附学习记录截图。'
const MINE = '/packages/stars/pages/mine/index'

const h5 = useH5('star-')
let page: Page
let unitId = ''

before(async () => {
  await h5.start()
  page = await phonePage(h5.browser)
  const db = new Client({ connectionString: h5.host.databaseUrl })
  await db.connect()
  try {
    const { rows } = await db.query<{ id: string }>('select id from org_unit where name = $1', [UNIT])
    unitId = rows[0].id
  } finally {
    await db.end()
  }
})

// Every route opens in a freshly loaded app (see routeUrl).
const { testId, field, button, shot, settle, open, actAs } = pageHelpers(() => page, h5, 'star', { fresh: true })
const indicator = (name: string) => testId('star-indicator').filter({ hasText: name })

/** Opens 我的摘星 and reads its total: 「2026 年已摘 2 / 4 颗星」. */
async function openMyStars(): Promise<{ stars: number; of: number }> {
  await open(MINE)
  const total = testId('star-total')
  // 我的摘星 sits behind the privacy consent: the first visit agrees to it (kept by the server after).
  const agree = testId('privacy-agree')
  await total.or(agree).first().waitFor({ timeout: 20_000 })
  if (await agree.isVisible()) {
    await shot('0-privacy-consent')
    await agree.click()
  }
  await total.waitFor({ timeout: 20_000 })
  await settle()
  const m = /已摘 (\d+) \/ (\d+) 颗星/.exec(await total.innerText())
  assert.ok(m, `the total reads: ${await total.innerText()}`)
  return { stars: Number(m[1]), of: Number(m[2]) }
}

/** The stars before the evidence (the seed gives 2 of 4 once the year's September events are over). */
let earlier = { stars: 0, of: 0 }

test('a young person sees 青年大学习 not met and submits a note and a photo to their unit', async () => {
  await actAs('青年（报名')
  earlier = await openMyStars()
  assert.equal(earlier.of, 4)
  const row = indicator(EVIDENCE_INDICATOR)
  assert.equal(await row.locator('[data-testid="star-progress"]').innerText(), '待证明')
  assert.equal(await row.locator('.stars__star').innerText(), '☆')
  await shot('1-mine')

  await row.locator('[data-testid="star-submit-open"]').click()
  const form = testId('star-form')
  await form.waitFor()
  await form.locator('[data-testid="star-unit"]', { hasText: UNIT }).click()
  await field('input-note').fill(NOTE)
  // The picker is the browser's file chooser here; the photo is a PNG (the host keeps only images).
  const photo = await page.screenshot()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), testId('star-add-photos').click()])
  await chooser.setFiles({ name: 'study.png', mimeType: 'image/png', buffer: photo })
  await form.locator('.stars__photo').first().waitFor({ timeout: 15_000 })
  await testId('star-add-photos').filter({ hasText: '添加照片' }).waitFor({ timeout: 15_000 }) // uploaded
  await form.scrollIntoViewIfNeeded()
  await shot('2-evidence')
  await button('提交证明').click()
  await form.waitFor({ state: 'detached', timeout: 15_000 })
  await row.locator('[data-testid="star-evidence"]', { hasText: '待审核' }).waitFor({ timeout: 15_000 })
  assert.match(await row.innerText(), new RegExp(`证明（${UNIT}）：待审核`))
  assert.equal(await row.locator('[data-testid="star-submit-open"]').count(), 0, 'no second submission while one waits')
  await shot('3-submitted')
})

test('the unit’s organiser sees the photo and approves it', async () => {
  await actAs('成员单位组织者')
  await open(`/packages/stars/pages/review/index?unitId=${unitId}`)
  const card = testId('evidence-card').filter({ hasText: '李青' })
  await card.waitFor({ timeout: 20_000 })
  assert.match(await card.innerText(), new RegExp(EVIDENCE_INDICATOR))
  assert.match(await card.innerText(), /已完成本年度青年大学习/)
  await card.locator('[data-testid="evidence-photos"]', { hasText: '查看照片（1 张）' }).click()
  // The photo through its short-lived link: loaded, with its pixels.
  const image = card.locator('.stars__photo img').first()
  await image.waitFor({ timeout: 15_000 })
  await page.waitForFunction(
    (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
    await image.elementHandle(),
    { timeout: 15_000 },
  )
  await settle()
  await shot('4-review')
  await card.locator('[data-testid="evidence-approve"]').click()
  await card.waitFor({ state: 'detached', timeout: 15_000 })
  await testId('evidence-state').filter({ hasText: '已通过' }).click()
  const approved = testId('evidence-card').filter({ hasText: '李青' })
  await approved.waitFor({ timeout: 15_000 })
  assert.match(await approved.innerText(), /审核人：陆斌/)
  await shot('5-approved')
})

test('the young person has earned the star', async () => {
  await actAs('青年（报名')
  assert.deepEqual(await openMyStars(), { stars: earlier.stars + 1, of: 4 })
  const row = indicator(EVIDENCE_INDICATOR)
  assert.equal(await row.locator('[data-testid="star-progress"]').innerText(), '已获得')
  assert.equal(await row.locator('.stars__star').innerText(), '★')
  assert.match(await row.locator('[data-testid="star-evidence"]').innerText(), /已通过/)
  await shot('6-earned')
})

test('the district admin’s 五星评比 ranks the member units by the district’s own weights', async () => {
  await actAs('团区委管理员')
  await open('/packages/admin/pages/unit-scores/index')
  const units = testId('score-unit')
  await units.first().waitFor({ timeout: 20_000 })
  const rows = await units.allInnerTexts()
  assert.equal(rows.length, DEMO_UNITS.length)
  assert.match(rows[0], /^1\. /)
  assert.ok(
    DEMO_UNITS.every((u) => rows.some((r) => r.includes(u.name))),
    `every member unit is ranked: ${rows.join(' | ')}`,
  )
  assert.match(await testId('weights-editor').innerText(), /年评分权重/)
  assert.doesNotMatch(await testId('weights-editor').innerText(), /（默认）/)
  assert.equal(await testId('weight-completion').locator('input').inputValue(), String(DEMO_WEIGHTS.completion))
  await settle()
  await shot('7-unit-scores')
})
