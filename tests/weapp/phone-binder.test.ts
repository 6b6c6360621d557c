/**
 * WeChat-only: PhoneBinder's getPhoneNumber button. The user allows it in WeChat's dialog (the
 * `getPhoneNumber` stub answers the button's one-time code); session.bindPhone exchanges the code
 * through wx-server-sdk's openapi (the stand-in knows which number WeChat verified for it) and the
 * number is bound in the database.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { useBackend } from './support/backend'
import { cloud } from './support/cloud'
import { WeappHost } from './support/host'

const NEWCOMER = 'o-newcomer-phone'
const CODE = 'e31968a7f94cc5ee25fafc2aef2773f0'

const backend = useBackend()
before(() => backend.start())

test('a newcomer binds the phone WeChat verified, from the profile page', async () => {
  cloud.phoneCodes.set(CODE, '13912345678')
  const host = new WeappHost(backend)
  host.openid = NEWCOMER
  host.stub('getPhoneNumber', { errMsg: 'getPhoneNumber:ok', code: CODE })
  await host.launch('packages/mine/pages/profile/index')
  await host.waitFor(/同意并继续|绑定手机号/)
  if (host.text().includes('同意并继续')) await host.tap('同意并继续')
  await host.waitFor('未绑定')
  await host.tap('绑定手机号')
  await host.waitFor('绑定手机号（微信授权）')
  await host.tap('绑定手机号（微信授权）')
  await host.until(
    () => host.cloudCalls.find((c) => c.name === 'session' && c.data.action === 'bindPhone'),
    'session.bindPhone',
  )
  assert.deepEqual(host.callsOf('getPhoneNumber').length, 1)
  assert.deepEqual(cloud.calls('phonenumber.getPhoneNumber'), [{ code: CODE }])
  const row = await backend.pool.query<{ phone: string }>('select phone from app_user where openid = $1', [NEWCOMER])
  assert.equal(row.rows[0]?.phone, '13912345678')
  await host.waitFor('139')
})
