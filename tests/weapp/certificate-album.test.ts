/**
 * WeChat-only: the certificate (mine subpackage) is drawn on a 2d canvas node and saved with
 * wx.canvasToTempFilePath + wx.saveImageToPhotosAlbum (stubbed at the edge; its call is checked).
 * The certificate itself is issued by the real hours function.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { useBackend } from './support/backend'
import { WeappHost } from './support/host'

const YOUTH = 'dev:youth'

const backend = useBackend()
before(async () => {
  await backend.start()
  await backend.pool.query("update app_user set real_name = '李青' where openid = $1", [YOUTH])
})

test('issue a certificate and save it to the photo album', async () => {
  const host = new WeappHost(backend)
  host.openid = YOUTH
  host.stub('saveImageToPhotosAlbum', {})
  await host.launch('packages/mine/pages/certificate/index')
  await host.waitFor('开具志愿服务证明')
  await host.tap('开具证明')
  await host.waitFor('保存到相册')
  const issued = host.cloudCalls.find((c) => c.name === 'hours' && c.data.action === 'certificate')
  assert.ok(issued?.result.ok, 'issued by the hours function')
  const code = (issued.result.data as { code: string }).code
  assert.ok(host.text().includes(code), 'the page shows the verification code')
  await host.until(() => host.canvases.some((c) => c.drawn.length > 0), 'the certificate drawn on its canvas')
  await host.tap('保存到相册')
  await host.waitForToast('已保存到相册')
  const [snapshot] = host.callsOf('canvasToTempFilePath')
  assert.ok(Number(snapshot?.drawn) > 0, 'the certificate was drawn on the canvas before the snapshot')
  const saved = host.callsOf('saveImageToPhotosAlbum')
  assert.equal(saved.length, 1)
  assert.match(String(saved[0].filePath), /^wxfile:\/\/tmp_\d+\.png$/)
})
