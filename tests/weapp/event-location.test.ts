/**
 * WeChat-only: the event editor (organiser subpackage) fills the map position from
 * wx.chooseLocation (stubbed at the edge: the place the organiser picks on WeChat's map); opening
 * the map again starts from the chosen point.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { useBackend } from './support/backend'
import { WeappHost } from './support/host'

const ORGANISER = 'dev:organiser'
const UNIT = '中国邮政镇江分公司团委'
const PICKED = { name: '青年之家', address: '镇江市润州区中山西路 1 号', latitude: 32.2043, longitude: 119.4312 }

const backend = useBackend()
before(() => backend.start())

test('the event editor takes its map position from wx.chooseLocation', async () => {
  const unit = await backend.pool.query<{ id: string }>('select id from org_unit where name = $1', [UNIT])
  const host = new WeappHost(backend)
  host.openid = ORGANISER
  host.stub('chooseLocation', PICKED)
  await host.launch('packages/organiser/pages/event/index', { unitId: unit.rows[0].id })
  await host.waitFor('选择位置')
  assert.ok(host.text().includes('未设置'))
  await host.tap('选择位置')
  await host.waitFor('32.20430, 119.43120')
  await host.tap('选择位置')
  await host.until(() => host.callsOf('chooseLocation').length === 2, 'the second map opening')
  assert.deepEqual(host.callsOf('chooseLocation'), [{}, { latitude: 32.2043, longitude: 119.4312 }])
})
