/**
 * The organiser's roster in a real browser at phone width: search by name and by phone tail, the
 * chips counting what was found, and 发送通知 to everyone confirmed, recorded in the history. The
 * search and the dialog are captured at 390×844 (tests/artifacts/roster-*.png); axe-core finds no
 * serious or critical violation with the dialog open.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, test } from 'node:test'
import type { Page } from 'playwright-core'
import type { RosterPage } from '@api/signup'
import { ROOT, callApi, devToken, phonePage, routeUrl, screenshot, signInAs, useH5 } from './support/h5'
import { animationsSettled } from './support/settled'

const h5 = useH5('roster-notice')
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')
const ids = { event: '' }
let someone = { name: '', phoneTail: '' }

before(async () => {
  await h5.start()
  const base = h5.host.url
  const organiser = await devToken(base, 'organiser')
  const me = await callApi<{ units: { id: string }[] }>(base, 'session', 'me', {}, organiser)
  const events = await callApi<{ items: { id: string; seatsTaken: number; startAt: string }[] }>(
    base,
    'activity',
    'manageList',
    { unitId: me.units[0].id, state: 'published' },
    organiser,
  )
  // The upcoming published event with the most people confirmed (the demo seed fills them): an
  // event that has ended takes no notices.
  ids.event = events.items
    .filter((e) => Date.parse(e.startAt) > Date.now() + 3600_000)
    .sort((a, b) => b.seatsTaken - a.seatsTaken)[0].id
  const roster = await callApi<RosterPage>(base, 'signup', 'roster', { activityId: ids.event }, organiser)
  const person = roster.items.find((e) => e.person.realName && e.person.phone)?.person
  assert.ok(person, 'the demo event has a confirmed person with a name and a phone')
  someone = { name: person.realName!, phoneTail: person.phone!.slice(-4) }
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

const testId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`)

async function search(page: Page, text: string) {
  await testId(page, 'roster-search').locator('input').fill(text)
  await testId(page, 'roster-search-go').click()
}

test('search by name and phone tail, then 发送通知 to everyone confirmed', async () => {
  const page = await phonePage(h5.browser, { viewport: { width: 390, height: 844 } })
  try {
    await signInAs(page, h5.host.url, '成员单位组织者', { fresh: true })
    await page.goto(routeUrl(h5.host.url, `/packages/organiser/pages/roster/index?id=${ids.event}`, true))
    await testId(page, 'roster-list').waitFor({ timeout: 30_000 })
    const everyone = await testId(page, 'roster-item').count()

    await search(page, someone.name)
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="roster-item"]').length < n, everyone, {
      timeout: 15_000,
    })
    assert.ok((await testId(page, 'roster-item').first().innerText()).includes(someone.name))
    assert.match(await testId(page, 'state-filter').innerText(), /全部\s*\d+/)
    await animationsSettled(page)
    await screenshot(page, 'roster-search')

    await search(page, someone.phoneTail)
    await page.locator('[data-testid="roster-item"]', { hasText: someone.name }).first().waitFor({ timeout: 15_000 })

    await search(page, '查无此人')
    await page.getByText('没有符合条件的报名').waitFor({ timeout: 15_000 })
    await testId(page, 'roster-search-clear').click()
    await testId(page, 'roster-list').waitFor({ timeout: 15_000 })

    await testId(page, 'notice-open').click()
    await testId(page, 'notice-kind-place').click()
    await testId(page, 'notice-text').locator('textarea').fill('集合点改到青年之家东门')
    await animationsSettled(page)
    await screenshot(page, 'roster-notice-dialog')
    assert.deepEqual(await axeViolations(page), [], 'the notice dialog: accessibility violations')
    assert.ok(
      (await page.evaluate(() => document.documentElement.scrollWidth)) <= 390,
      'the dialog does not scroll sideways',
    )
    const send = page.locator('.notice-dialog__send')
    assert.ok(!(await send.getAttribute('class'))?.includes('disabled'), 'the typed text enables 发送通知')
    await send.click()
    // Taro's modal box is fixed inside a box of no size: wait for its button, which has one.
    const confirm = page.locator('.taro__modal .taro-model__confirm')
    await confirm.waitFor({ timeout: 15_000 })
    assert.ok((await page.locator('.taro__modal').innerText()).includes('通知已发送'))
    await confirm.click()
    const history = testId(page, 'notice-history')
    await history.waitFor({ timeout: 15_000 })
    const text = await history.innerText()
    assert.ok(text.includes('地点变更') && text.includes('集合点改到青年之家东门'), text)
    assert.match(text, /未订阅活动通知|已发给/)
    await animationsSettled(page)
    await screenshot(page, 'roster-notice-history')
  } finally {
    await page.context().close()
  }
})
