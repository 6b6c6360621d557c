/**
 * Check-in in the WeChat build, two phones on one database: the organiser opens the event's 签到码
 * page (organiser subpackage, loaded when first opened) and shows the rotating code; the volunteer
 * taps 扫码签到 on the activity page (CheckinBar), WeChat's camera (`wx.scanCode`, stubbed at the
 * edge: it reads the code the organiser's phone shows) hands the token to checkin.scan, and the
 * scan is in the database. The location prompt is refused, as a user may: the scan still counts.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { useBackend } from './support/backend'
import { WeappHost } from './support/host'

const ORGANISER = 'dev:organiser' // manages 中国邮政镇江分公司团委
const VOLUNTEER = 'dev:youth' // holds a place at the event
const UNIT = '中国邮政镇江分公司团委'
const EVENT = '邮政青年志愿林补植' // under way now: check-in is open

const backend = useBackend()
let shown: { token: string; shortCode: string } | null = null

before(() => backend.start())

test('the organiser opens the event’s 签到码 page in the organiser subpackage', async () => {
  const host = new WeappHost(backend)
  host.openid = ORGANISER
  await host.launch('pages/me/index')
  await host.waitFor(UNIT)
  await host.tap(UNIT)
  await host.waitForRoute('packages/organiser/pages/unit/index')
  assert.ok(host.loadedPackages.has('packages/organiser/'))
  await host.waitFor('活动管理')
  await host.tap('活动管理')
  await host.waitForRoute('packages/organiser/pages/events/index')
  await host.waitFor(EVENT)
  await host.tap(EVENT)
  await host.waitForRoute('packages/organiser/pages/event/index')
  await host.waitFor('签到码')
  await host.tap('签到码')
  await host.waitForRoute('packages/organiser/pages/checkin-code/index')
  await host.waitFor('秒后更新')
  const answer = host.cloudCalls.filter((c) => c.name === 'checkin' && c.data.action === 'siteCode').at(-1)
  assert.ok(answer?.result.ok, 'the code came from checkin.siteCode')
  const code = answer.result.data as { token: string; shortCode: string; qrDataUrl: string }
  assert.ok(host.text().includes(code.shortCode), 'the 6 digits are shown')
  const qr = host.all('wx-image').find((img) => host.attr(img, 'src') === code.qrDataUrl)
  assert.ok(qr, 'the QR code of that token is shown')
  assert.equal(host.stack.length, 5, 'me → unit → events → event → 签到码')
  shown = code
})

test('the volunteer scans it with WeChat’s camera from the activity page and is checked in', async () => {
  assert.ok(shown, 'the organiser’s phone showed a code')
  const host = new WeappHost(backend) // another phone
  host.openid = VOLUNTEER
  host.stub('scanCode', { result: shown.token, scanType: 'QR_CODE', charSet: 'utf-8' })
  host.stub('getLocation', { errMsg: 'getLocation:fail auth deny' })
  await host.launch()
  await host.waitFor(EVENT)
  await host.tap(EVENT)
  await host.waitForRoute('pages/activity/index')
  await host.waitFor('尚未签到') // the check-in bar (the description also says 扫码签到)
  await host.tap('扫码签到')
  await host.waitFor('签到成功')
  assert.deepEqual(host.callsOf('scanCode'), [{ onlyFromCamera: true, scanType: ['qrCode'] }])
  const scan = host.cloudCalls.find((c) => c.name === 'checkin' && c.data.action === 'scan')
  assert.equal((scan?.data.data as { token?: string }).token, shown.token)
  const rows = await backend.pool.query<{ direction: string }>(
    `select s.direction from checkin_scan s join app_user u on u.id = s.user_id
      join activity a on a.id = s.activity_id where u.openid = $1 and a.title = $2`,
    [VOLUNTEER, EVENT],
  )
  assert.deepEqual(rows.rows, [{ direction: 'in' }])
})
