/**
 * WeChat-only: photos for a 补录 (make-up hours) go to CloudBase storage with wx.cloud.uploadFile,
 * under the private names the hours function hands out (wx.chooseImage stubbed: the photo the
 * organiser picks).
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { useBackend } from './support/backend'
import { cloud } from './support/cloud'
import { WeappHost } from './support/host'

const ORGANISER = 'dev:organiser'
const UNIT = '中国邮政镇江分公司团委'

const backend = useBackend()
before(() => backend.start())

test('a 补录 photo is uploaded with wx.cloud.uploadFile to the name the server gave', async () => {
  const event = await backend.pool.query<{ id: string }>(
    `select a.id from activity a join org_unit u on u.id = a.unit_id join activity_category c on c.code = a.category
      where u.name = $1 and c.awards_service_hours and a.end_at < now() and a.state = 'published'
      order by a.end_at desc limit 1`,
    [UNIT],
  )
  assert.ok(event.rows[0], 'the demo has a finished volunteer event of the unit')
  const host = new WeappHost(backend)
  host.openid = ORGANISER
  const photo = Buffer.from('ffd8ffe000104a464946', 'hex')
  const path = host.tempFile(photo, 'jpg')
  host.stub('chooseImage', { tempFilePaths: [path], tempFiles: [{ path, size: photo.length, type: 'image' }] })
  await host.launch('packages/organiser/pages/hours/index', { id: event.rows[0].id })
  await host.waitFor('补录')
  await host.tap('补录')
  await host.waitFor('添加照片')
  await host.tap('添加照片')
  const uploaded = await host.until(() => host.callsOf('cloud.uploadFile')[0], 'wx.cloud.uploadFile')
  assert.equal(uploaded.filePath, path)
  const given = host.cloudCalls.find((c) => c.name === 'hours' && c.result.ok && /upload/i.test(String(c.data.action)))
  assert.ok(given, 'the name came from the hours function')
  const names = JSON.stringify(given.result.data)
  assert.ok(names.includes(String(uploaded.cloudPath)), 'uploaded under the name the server gave')
  const stored = [...cloud.storage.entries()].find(([id]) => id.endsWith(String(uploaded.cloudPath)))
  assert.deepEqual(stored?.[1], photo)
})
