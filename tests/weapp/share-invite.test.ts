/**
 * WeChat-only: onShareAppMessage. The unit console generates an invite code (org function) and its
 * share button (open-type="share") hands WeChat a card whose path opens 加入单位 with that code.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { useBackend } from './support/backend'
import { WeappHost } from './support/host'

const ORGANISER = 'dev:organiser'
const UNIT = '中国邮政镇江分公司团委'

const backend = useBackend()
before(() => backend.start())

test('the invite is shared as a card that opens 加入单位 with the code', async () => {
  const host = new WeappHost(backend)
  host.openid = ORGANISER
  await host.launch('pages/me/index')
  await host.waitFor(UNIT)
  await host.tap(UNIT)
  await host.waitForRoute('packages/organiser/pages/unit/index')
  await host.waitFor('生成邀请码')
  const before = host.pageHook('onShareAppMessage', { from: 'menu' }) as { path: string }
  assert.equal(before.path, '/pages/index/index', 'no invite yet: the share card opens the home page')
  await host.tap('生成邀请码')
  const created = await host.until(
    () => host.cloudCalls.find((c) => c.name === 'org' && c.result.ok && /invite/i.test(String(c.data.action))),
    'the invite from the org function',
  )
  const code = (created.result.data as { code: string }).code
  await host.waitFor(code)
  await host.tap('分享给好友', { within: '邀请组织者' })
  assert.equal(host.shares.length, 1)
  assert.deepEqual(host.shares[0], {
    title: `邀请你成为「${UNIT}」的活动组织者`,
    path: `/packages/organiser/pages/join/index?code=${code}`,
  })
})
