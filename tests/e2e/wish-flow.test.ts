/**
 * Wishes (活动点单) end to end in the H5 build, in headless Chromium, through the local host: 李青
 * proposes a wish on the wall → a newcomer and the district admin add 想参加 → the organiser of
 * 中国邮政 claims it into a line of the unit's annual list → posts and publishes an event on that
 * line → every supporter's notice is in the outbox, and the wish shows 已排期 with the event.
 * Screenshots go to tests/artifacts/wish-*.png.
 */
import assert from 'node:assert/strict'
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { Client } from 'pg'
import { type Browser, type Page } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { startHostProcess, type HostProcess } from '../../host/process'
import { FREE_WISH_LINE } from '../../host/seed-wishes'
import { animationsSettled } from './support/settled'

const ROOT = join(__dirname, '..', '..')
const ARTIFACTS = join(ROOT, 'tests', 'artifacts')
const WISH = '邮政大楼青年飞盘友谊赛'
const UNIT = '中国邮政镇江分公司团委'

let host: HostProcess
let browser: Browser
let page: Page
/** The wish's page (the hash route), once proposed. */
let wishRoute = ''
const dataDir = mkdtempSync(join(tmpdir(), 'qingju-e2e-wish-'))
chmodSync(dataDir, 0o755)

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  host = await startHostProcess({ QINGJU_DATA_DIR: dataDir })
  browser = await launchBrowser()
  // Touch, as on a phone: Taro's H5 pickers select by tap.
  page = await browser.newPage({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
  })
})

after(async () => {
  await browser?.close()
  await host?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const testId = (id: string) => page.locator(`[data-testid="${id}"]`)
/** The real <input>/<textarea> inside a Taro form field. */
const field = (id: string) => testId(id).locator('input, textarea').first()
/** A Taroify button by its text (its inner label does not take clicks). */
const button = (text: string) => page.locator('.taroify-button', { hasText: text }).first()
const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `wish-${name}.png`) })
const settle = () => animationsSettled(page)

/**
 * Opens `route` in a freshly loaded app (a new query string reloads the document): Taro's H5 keeps
 * the pages under the top one in the DOM, so a fresh stack leaves one page's elements to find.
 */
const open = (route: string) => page.goto(`${host.url}/?load=${Date.now()}#${route}`)

async function actAs(label: string) {
  await open('/pages/dev-login/index')
  await page.locator('.dev-login__persona', { hasText: label }).first().click()
  await page.locator('[data-testid="activity-card"]').first().waitFor({ timeout: 20_000 })
}

async function openWish() {
  await open(wishRoute)
  await testId('wish-path').waitFor({ timeout: 20_000 })
  await settle()
}

/** The text of the row under the visible picker's selection band (what 确定 would take). */
async function selectedRow(): Promise<string | null> {
  return page.evaluate(() => {
    const sheet = [...document.querySelectorAll('.weui-picker')].find((el) => (el as HTMLElement).offsetParent !== null)
    const band = sheet?.querySelector('.weui-picker__indicator')?.getBoundingClientRect()
    if (!sheet || !band) return null
    const middle = band.top + band.height / 2
    const row = [...sheet.querySelectorAll('.weui-picker__item')].find((el) => {
      const r = el.getBoundingClientRect()
      return r.top <= middle && r.bottom >= middle
    })
    return row ? (row as HTMLElement).innerText.trim() : null
  })
}

/** Taro's H5 picker: tap the option until it sits under the band, confirm; again if it did not take. */
async function pick(id: string, option: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await testId(id).click()
    const sheet = page.locator('.weui-picker').filter({ visible: true })
    await sheet.locator('.weui-picker__action', { hasText: '确定' }).waitFor()
    await settle()
    const height = page.viewportSize()!.height
    const wanted = (await sheet.locator('.weui-picker__item', { hasText: option }).first().innerText()).trim()
    for (let step = 0; step < 30; step++) {
      if (step > 0 && (await selectedRow()) === wanted) break
      const target = await sheet.locator('.weui-picker__item', { hasText: option }).first().boundingBox()
      assert.ok(target, `picker ${id} has no option ${option}`)
      const y = target.y + target.height / 2
      await page.touchscreen.tap(target.x + target.width / 2, y < height - 4 ? y : height - 20)
      await settle()
    }
    await sheet.locator('.weui-picker__action', { hasText: '确定' }).click()
    await settle()
    if ((await testId(id).innerText()).trim() === wanted) return
  }
  assert.fail(`picker ${id} did not take ${option}: shows ${await testId(id).innerText()}`)
}

test('a young person proposes a wish from the wall', async () => {
  await actAs('青年（报名')
  await open('/pages/me/index')
  await page.locator('.taroify-cell', { hasText: '心愿墙' }).first().click()
  await testId('wish-card').first().waitFor({ timeout: 20_000 })
  await settle()
  await shot('1-wall')
  await testId('wish-propose').click()
  await testId('propose-form').waitFor({ timeout: 15_000 })
  await field('input-title').fill(WISH)
  await pick('picker-category', '文体活动')
  await field('input-body').fill('下班后在邮政大楼旁的草坪上打一场飞盘友谊赛，新手也欢迎。')
  await page.locator('.propose__month', { hasText: '12月' }).click()
  await shot('2-propose')
  await testId('propose-submit').click()
  // The wall stays in the DOM under the wish: the detail's own classes tell them apart.
  await page.locator('.wish__stage', { hasText: '征集中' }).waitFor({ timeout: 15_000 })
  const route = /#(\/packages\/wishes\/pages\/detail\/index\?id=[0-9a-f-]{36})/.exec(page.url())?.[1]
  assert.ok(route, `the wish's page: ${page.url()}`)
  wishRoute = route
  // The proposer wants it too.
  await testId('wish-want').click()
  await page.locator('.wish__count', { hasText: '1 人想参加' }).waitFor({ timeout: 15_000 })
})

test('others add 想参加: a newcomer and the district admin', async () => {
  for (const [who, count] of [
    ['新用户', 2],
    ['团区委管理员', 3],
  ] as const) {
    await actAs(who)
    await openWish()
    await testId('wish-want').click()
    await page.locator('.wish__count', { hasText: `${count} 人想参加` }).waitFor({ timeout: 15_000 })
  }
  assert.equal(await testId('wish-want-label').innerText(), '已想参加（点击取消）')
  await shot('3-wanted')
})

test('the organiser claims it into a line of the unit’s annual list', async () => {
  await actAs('成员单位组织者')
  await openWish()
  await testId('wish-claim').click()
  const line = page.locator('[data-testid="claim-line"]', { hasText: FREE_WISH_LINE })
  await line.waitFor({ timeout: 15_000 })
  await line.click()
  await settle()
  await shot('4-claim')
  await testId('claim-submit').click()
  await page.locator('.wish__stage', { hasText: '已认领' }).last().waitFor({ timeout: 15_000 })
  await openWish()
  await page.locator('.wish__stage', { hasText: '已认领' }).waitFor({ timeout: 15_000 })
  assert.match(await testId('wish-path').innerText(), new RegExp(`${UNIT} · ${FREE_WISH_LINE}`))
})

test('an event on the line is published: the supporters are told and the wish shows 已排期', async () => {
  await open('/pages/me/index')
  await testId('my-units').getByText(UNIT).click()
  await button('发布活动').click()
  await testId('event-editor').waitFor({ timeout: 15_000 })
  await settle()
  await pick('picker-planLineId', FREE_WISH_LINE)
  assert.equal(await field('input-title').inputValue(), FREE_WISH_LINE)
  await field('input-placeName').fill('邮政大楼北侧草坪')
  await field('input-description').fill('应青年心愿举办的飞盘友谊赛。')
  await page.locator('.event-editor__publish').click()
  await page.locator('[data-testid="event-state"]', { hasText: '已发布' }).waitFor({ timeout: 15_000 })

  // The notices (subscribe messages; the local outbox stands in for WeChat).
  const db = new Client({ connectionString: host.databaseUrl })
  await db.connect()
  let eventId = ''
  try {
    const events = await db.query<{ id: string }>(
      "select a.id from activity a join plan_line l on l.id = a.plan_line_id where l.title = $1 and a.state = 'published'",
      [FREE_WISH_LINE],
    )
    assert.equal(events.rows.length, 1, 'one event published on the line')
    eventId = events.rows[0].id
    const { rows } = await db.query<{ recipient: string; payload: { data: Record<string, { value: string }> } }>(
      "select recipient, payload from local_outbox where template = 'wish_update' and payload->>'page' = $1 order by recipient",
      [`pages/activity/index?id=${eventId}`],
    )
    assert.equal(rows.length, 3, `three supporters told: ${rows.map((r) => r.recipient).join(', ')}`)
    assert.ok(rows.some((r) => r.recipient === 'dev:youth'))
    assert.ok(rows.some((r) => r.recipient === 'dev:district_admin'))
    assert.ok(rows.some((r) => r.recipient.startsWith('dev:new:')))
    assert.equal(rows[0].payload.data.thing3.value, `你想参加的“${WISH}”已排期`.slice(0, 20))
  } finally {
    await db.end()
  }

  await actAs('青年（报名')
  await openWish()
  await page.locator('.wish__stage', { hasText: '已排期' }).waitFor({ timeout: 15_000 })
  await shot('5-scheduled')
  await testId('wish-event').click()
  await page.waitForURL(new RegExp(`pages/activity/index\\?id=${eventId}`), { timeout: 15_000 })
  await page.getByText(`年度清单：${FREE_WISH_LINE}`).waitFor({ timeout: 15_000 })
})
