/**
 * A young person in the WeChat build (dist/weapp, WeChat's own WXML compiler and component
 * framework), from tap to database and back: browses the home page, filters to 报名中, opens an
 * activity, signs up through the privacy prompt and the sheet (WeChat's subscribe prompt stubbed
 * and checked), then finds it in 我的活动 (subpackage `mine`) and opens the 入场券.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { TEST_REMINDER_TEMPLATE_ID } from './support/build'
import { useBackend } from './support/backend'
import { WeappHost } from './support/host'

const YOUTH = 'dev:youth' // the demo young person: a bound phone, no real name
const EVENT = '青年读书会：《平凡的世界》' // reading club, open for sign-up, no questions
const UNDER_WAY = '社区图书角整理' // 进行中: not in the 报名中 filter

const backend = useBackend()
let host: WeappHost
before(async () => {
  await backend.start()
  host = new WeappHost(backend)
  host.openid = YOUTH
})

test('browse and filter the home page', async () => {
  await host.launch()
  await host.waitFor(EVENT)
  assert.ok(host.text().includes(UNDER_WAY), 'the default filter shows events under way')
  await host.tap('报名中')
  await host.waitFor(EVENT)
  assert.ok(!host.text().includes(UNDER_WAY), '报名中 hides events under way')
  const lists = host.cloudCalls.filter((c) => c.name === 'activity' && c.data.action === 'list')
  assert.equal((lists.at(-1)!.data.data as { status?: string }).status, 'open')
})

test('open the activity and sign up; WeChat asks for the reminder subscription from the tap', async () => {
  host.stub('requestSubscribeMessage', ({ tmplIds }) =>
    Object.fromEntries((tmplIds as string[]).map((id) => [id, 'accept'])),
  )
  await host.tap(EVENT)
  await host.waitForRoute('pages/activity/index')
  await host.waitFor('立即报名')
  assert.match(host.text(), /剩余 12 席 \/ 共 30 席/)
  await host.tap('立即报名')
  await host.waitFor('个人信息保护提示') // privacy consent before any personal data
  await host.tap('同意并继续')
  await host.waitFor('确认报名参加本次活动？')
  await host.tap('提交报名')
  await host.waitFor('取消报名')
  assert.deepEqual(host.toasts.at(-1), '报名成功')
  assert.ok(!host.text().includes('确认报名参加本次活动？'), 'the form is gone')
  // The sheet's 报名成功 step: the phone's calendar, and what the reminder will do.
  await host.waitFor('添加到手机日历')
  assert.match(host.text(), /已开启活动提醒：活动开始前一天，微信服务通知会提醒你准时参加/)
  host.stub('addPhoneCalendar', {})
  await host.tap('添加到手机日历')
  await host.waitForToast('已添加到手机日历')
  const event = await backend.pool.query<{ start_at: Date; end_at: Date; place_name: string }>(
    'select start_at, end_at, place_name from activity where title = $1',
    [EVENT],
  )
  const { start_at: start, end_at: end, place_name: place } = event.rows[0]
  const [added, ...more] = host.callsOf('addPhoneCalendar')
  assert.equal(more.length, 0)
  assert.equal(added.title, EVENT)
  assert.equal(added.startTime, start.getTime() / 1000)
  assert.equal(Number(added.endTime), end.getTime() / 1000)
  assert.ok(String(added.location).startsWith(place), 'the place is the location')
  assert.deepEqual([added.alarm, added.alarmOffset], [true, 3600], 'the phone reminds an hour before')
  await host.tap('完成')
  await host.until(() => !host.text().includes('添加到手机日历'), 'the sheet closed')
  await host.waitFor('剩余 11 席')
  assert.deepEqual(host.callsOf('requestSubscribeMessage'), [{ tmplIds: [TEST_REMINDER_TEMPLATE_ID] }])
  const row = await backend.pool.query<{ state: string; remind: boolean }>(
    `select r.state, r.remind from registration r join app_user u on u.id = r.user_id
      join activity a on a.id = r.activity_id where u.openid = $1 and a.title = $2`,
    [YOUTH, EVENT],
  )
  assert.deepEqual(row.rows, [{ state: 'confirmed', remind: true }])
  assert.deepEqual(host.consoleErrors, [])
})

test('我的活动 in the mine subpackage lists it, with the ticket', async () => {
  await host.navigate('switchTab', '/pages/me/index')
  await host.waitFor('我的活动')
  assert.ok(!host.loadedPackages.has('packages/mine/'), 'the mine subpackage loads only when opened')
  await host.tap('我的活动')
  await host.waitForRoute('packages/mine/pages/activities/index')
  assert.ok(host.loadedPackages.has('packages/mine/'))
  await host.waitFor(EVENT)
  await host.tap('入场券', { within: EVENT })
  await host.waitFor('请向现场组织者出示')
  await host.until(
    () => host.all('wx-image').find((img) => String(host.attr(img, 'src')).startsWith('data:image/png;base64,')),
    'the ticket QR code',
  )
  const ticket = host.cloudCalls.find((c) => c.name === 'checkin' && c.data.action === 'ticket')
  assert.ok(ticket?.result.ok, 'the ticket came from the checkin function')
})
