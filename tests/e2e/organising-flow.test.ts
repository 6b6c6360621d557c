/**
 * The organising side end to end in the H5 build, in headless Chromium, through the local host:
 * a newcomer applies for a unit → the district admin admits it and gives it a line of the annual
 * list → the unit's admin posts an event on that line → a young person finds it by category and keyword.
 * Screenshots of each step go to tests/artifacts/organising-*.png.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { pageHelpers, phonePage, useH5 } from './support/h5'

const UNIT = '润州青年创业协会团支部'
const LINE = '乡村振兴青年创业沙龙'

const h5 = useH5('org-')
let baseUrl = ''
let page: Page

before(async () => {
  await h5.start()
  baseUrl = h5.host.url
  page = await phonePage(h5.browser)
})

const { field, button, shot, settle, pick, open, actAs } = pageHelpers(() => page, h5, 'organising')

async function openMe() {
  await open('/pages/me/index')
  await page.getByText('申请成为成员单位').waitFor({ timeout: 20_000 })
}

let newcomerToken = ''

/** The dev token as Taro's H5 storage keeps it ({"data": token}), or as it is. */
function storedToken(raw: string): string {
  try {
    const parsed = JSON.parse(raw) as { data?: unknown }
    return typeof parsed.data === 'string' ? parsed.data : raw
  } catch {
    return raw
  }
}

test('a newcomer applies for their unit to join the committee', async () => {
  await actAs('新用户')
  newcomerToken = (await page.evaluate(() => localStorage.getItem('qingju.devToken'))) ?? ''
  assert.ok(newcomerToken)
  await openMe()
  await page.getByText('申请成为成员单位').click()
  await page.locator('[data-testid="apply-form"]').waitFor()
  await field('input-name').fill(UNIT)
  await pick('picker-kind', '两新组织')
  await field('input-contactName').fill('周洋')
  await field('input-contactPhone').fill('13905117788')
  await page.locator('[data-testid="apply-submit"]').click()
  await page.locator('[data-testid="apply-result"]').waitFor({ timeout: 15_000 })
  assert.match(await page.locator('[data-testid="apply-result"]').innerText(), /审核/)
  await shot('1-applied')
})

test('the district admin admits it and adds its line to this year’s list', async () => {
  await actAs('团区委管理员')
  await openMe()
  await page.getByText('成员单位审核').click()
  const card = page.locator('[data-testid="review-unit"]', { hasText: UNIT })
  await card.waitFor({ timeout: 15_000 })
  await shot('2-review')
  await card.locator('.review__admit').click()
  // 通过 makes the applicant an admin: it asks first. (Taro's modal box is fixed inside a box of no size:
  // wait for its button, which has one.)
  const confirm = page.locator('.taro__modal .taro-model__confirm')
  await confirm.waitFor({ timeout: 10_000 })
  assert.ok((await page.locator('.taro__modal').innerText()).includes(`通过「${UNIT}」`), 'the question names the unit')
  await confirm.click()
  await card.waitFor({ state: 'detached', timeout: 15_000 })

  await openMe()
  await page.getByText('年度活动清单').click()
  await button('新增').click()
  await page.locator('[data-testid="line-editor"]').waitFor()
  await pick('picker-unitId', UNIT)
  await pick('picker-category', '创业沙龙')
  await field('input-title').fill(LINE)
  const month = new Date(Date.now() + 8 * 3600_000).getUTCMonth() + 1
  await pick('picker-plannedMonth', `${month}月`)
  await page.locator('.line-editor__save').click()
  await page.locator('[data-testid="line-editor"]').waitFor({ state: 'detached', timeout: 15_000 })
  await page.getByText(LINE).first().waitFor({ timeout: 15_000 })
  await shot('3-plan')
})

test('the unit’s admin posts an event on that line', async () => {
  await page.evaluate((token) => localStorage.setItem('qingju.devToken', token), newcomerToken)
  await openMe()
  await page.locator('[data-testid="my-units"]').getByText(UNIT).click()
  await button('发布活动').click()
  await page.locator('[data-testid="event-editor"]').waitFor({ timeout: 15_000 })
  await settle()
  await pick('picker-planLineId', LINE)
  assert.equal(await field('input-title').inputValue(), LINE)
  await field('input-placeName').fill('润州青年创业园路演厅')
  await field('input-description').fill('邀请返乡创业青年分享乡村振兴故事。')
  await page.locator('.event-editor__publish').click()
  await page.locator('[data-testid="event-state"]', { hasText: '已发布' }).waitFor({ timeout: 15_000 })
  await shot('4-published')
})

test('a young person finds it by category and keyword', async () => {
  await actAs('青年（报名')
  await page.locator('.taroify-tabs__tab', { hasText: '创业沙龙' }).first().click()
  await field('keyword-input').fill('乡村振兴')
  await page.locator('[data-testid="keyword-submit"]').click()
  const card = page.locator('[data-testid="activity-card"]', { hasText: LINE })
  await card.waitFor({ timeout: 15_000 }).catch(async (err) => {
    await shot('5-debug')
    throw err
  })
  assert.equal(await page.locator('[data-testid="activity-card"]').count(), 1)
  assert.match(await card.innerText(), new RegExp(UNIT))
  await shot('5-found')
  await card.click()
  await page.getByText(`年度清单：${LINE}`).waitFor({ timeout: 15_000 })
  await settle()
  await shot('6-detail')
})

test('a newcomer signs up: the sheet asks for a phone in place (the local stand-in) and the sign-up goes through', async () => {
  await actAs('新用户')
  await page.locator('.taroify-tabs__tab', { hasText: '创业沙龙' }).first().click()
  await field('keyword-input').fill('乡村振兴')
  await page.locator('[data-testid="keyword-submit"]').click()
  await page.locator('[data-testid="activity-card"]', { hasText: LINE }).click()
  await page.getByText(`年度清单：${LINE}`).waitFor({ timeout: 15_000 })
  // The editor opened sign-up at 09:00 the next day: its organiser opens it now.
  const id = /[?&]id=([0-9a-f-]{36})/.exec(page.url())?.[1]
  assert.ok(id, `the detail page's address names the event: ${page.url()}`)
  const opened = await fetch(`${baseUrl}/api/activity`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${storedToken(newcomerToken)}` },
    body: JSON.stringify({
      action: 'update',
      data: { id, signupOpensAt: new Date(Date.now() - 3600_000).toISOString() },
    }),
  })
  const answer = (await opened.json()) as { ok: boolean; message?: string }
  assert.equal(answer.ok, true, answer.message)
  await page.reload()
  await page.locator('.signup-bar__main', { hasText: '立即报名' }).click({ timeout: 20_000 })
  // First personal data on this device: the privacy guide's consent comes before the sheet.
  const consent = page.locator('[data-testid="privacy-popup"]')
  await consent.waitFor({ timeout: 15_000 })
  await settle()
  await shot('7-privacy-consent')
  await consent.locator('[data-testid="privacy-agree"]').click()
  const sheet = page.locator('[data-testid="signup-sheet"]')
  await sheet.locator('.taroify-button', { hasText: '提交报名' }).click()
  // No phone yet: the server says so, and the sheet asks for it in place.
  await sheet.getByText('报名需要先绑定手机号').first().waitFor({ timeout: 15_000 })
  await sheet.locator('[data-testid="input-bind-phone"]').locator('input').fill('13905110066')
  await sheet.locator('.taroify-button', { hasText: '绑定手机号' }).click()
  await sheet.getByText('已绑定 139****0066').waitFor({ timeout: 15_000 })
  await shot('8-phone-bound')
  await sheet.locator('.taroify-button', { hasText: '提交报名' }).click()
  await sheet.waitFor({ state: 'detached', timeout: 15_000 })
  await page.locator('.signup-bar__main', { hasText: '已报名' }).waitFor({ timeout: 15_000 })
  await shot('9-signed-up')
})
