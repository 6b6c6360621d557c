/**
 * Wishes (活动点单) end to end in the H5 build, in headless Chromium, through the local host: 李青
 * proposes a wish on the wall → a newcomer and the district admin add 想参加 → the organiser of
 * 中国邮政 claims it into a line of the unit's annual list → posts and publishes an event on that
 * line → every supporter's notice is in the outbox, and the wish shows 已排期 with the event.
 * Screenshots go to tests/artifacts/wish-*.png.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { Client } from 'pg'
import type { Page } from 'playwright-core'
import { FREE_WISH_LINE } from '../../host/seed-wishes'
import { pageHelpers, phonePage, useH5 } from './support/h5'

const WISH = '邮政大楼青年飞盘友谊赛'
const UNIT = '中国邮政镇江分公司团委'

const h5 = useH5('wish-')
let page: Page
/** The wish's page (the hash route), once proposed. */
let wishRoute = ''

before(async () => {
  await h5.start()
  page = await phonePage(h5.browser)
})

// Every route opens in a freshly loaded app (see routeUrl).
const { testId, field, button, shot, settle, pick, open, actAs } = pageHelpers(() => page, h5, 'wish', { fresh: true })

async function openWish() {
  await open(wishRoute)
  await testId('wish-path').waitFor({ timeout: 20_000 })
  await settle()
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
  const db = new Client({ connectionString: h5.host.databaseUrl })
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
