/**
 * In the WeChat build: a visitor who opens the public verify page (subpackage `verify`, as from a
 * certificate's link) checks a certificate the young person issued; and a call that fails shows
 * the server's Chinese message (sign-up closed between opening the sheet and submitting).
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { useBackend } from './support/backend'
import { WeappHost } from './support/host'

const YOUTH = 'dev:youth'
const EVENT = '青年读书会：《平凡的世界》'

const backend = useBackend()
before(() => backend.start())

test('a visitor verifies a certificate on the public verify page', async () => {
  await backend.pool.query("update app_user set real_name = '李青' where openid = $1", [YOUTH])
  const issued = (await backend.callFunction(
    'hours',
    { action: 'certificate', data: { from: '2020-01-01', to: '2026-12-31' } },
    YOUTH,
  )) as { ok: boolean; data: { code: string }; message?: string }
  assert.ok(issued.ok, `the demo young person has approved hours: ${issued.message}`)
  const host = new WeappHost(backend)
  host.openid = null // not signed in: verify is public
  await host.launch('packages/verify/pages/verify/index')
  assert.ok(host.loadedPackages.has('packages/verify/'))
  await host.waitFor('志愿服务证明查验')
  await host.input('wx-input', issued.data.code)
  await host.tap('查验')
  await host.waitFor('证明真实有效')
  assert.ok(host.text().includes(`验证码：${issued.data.code}`))
  const call = host.cloudCalls.find((c) => c.name === 'hours' && c.data.action === 'verify')
  assert.ok(call?.result.ok)

  await host.input('wx-input', 'QJAAAA-AAAAAA')
  await host.tap('查验')
  await host.waitFor('未查到该证明')
})

test('a failing call shows the server’s Chinese message', async () => {
  const host = new WeappHost(backend)
  host.openid = YOUTH
  host.stub('requestSubscribeMessage', ({ tmplIds }) =>
    Object.fromEntries((tmplIds as string[]).map((id) => [id, 'reject'])),
  )
  await host.launch()
  await host.waitFor(EVENT)
  await host.tap(EVENT)
  await host.waitFor('立即报名')
  await host.tap('立即报名')
  await host.tap('同意并继续')
  await host.waitFor('确认报名参加本次活动？')
  // Meanwhile sign-up closes.
  await backend.pool.query("update activity set signup_closes_at = now() - interval '1 minute' where title = $1", [
    EVENT,
  ])
  await host.tap('提交报名')
  const failed = await host.until(
    () => host.cloudCalls.find((c) => c.name === 'signup' && !c.result.ok),
    'the refused sign-up',
  )
  const message = String(failed.result.message)
  assert.match(message, /[\u4e00-\u9fa5]/, 'the message is Chinese')
  assert.doesNotMatch(message, /[A-Za-z_]{3,}/, 'no identifiers in the message')
  await host.waitFor(message)
})
