/**
 * WeChat-only: sharing an activity. The page hands WeChat a chat card (onShareAppMessage: the title,
 * the page with the activity's id, the cover) and a 朋友圈 card (onShareTimeline with a query); its
 * 生成海报 opens the poster page (subpackage `share`), which draws the poster with the mini-program
 * code from activity.posterCode (wxacode.getUnlimited at WeChat's edge, scene = the id without dashes)
 * and saves it with wx.saveImageToPhotosAlbum; the code's scene opens the activity page.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { useBackend } from './support/backend'
import { cloud } from './support/cloud'
import { WeappHost } from './support/host'

const YOUTH = 'dev:youth'
const EVENT = '青年读书会：《平凡的世界》'
const COVER = 'https://img.example.com/covers/reading-club.jpg'

const backend = useBackend()
let id = ''
before(async () => {
  await backend.start()
  const row = await backend.pool.query<{ id: string }>(
    'update activity set cover_url = $2 where title = $1 returning id',
    [EVENT, COVER],
  )
  id = row.rows[0].id
})

test('an activity opened by id shares its title, its page and its cover, to a chat and to 朋友圈', async () => {
  const host = new WeappHost(backend)
  host.openid = YOUTH
  await host.launch('pages/activity/index', { id })
  await host.waitFor('生成海报')
  const card = { title: EVENT, path: `/pages/activity/index?id=${id}`, imageUrl: COVER }
  assert.deepEqual(host.pageHook('onShareAppMessage', { from: 'menu' }), card)
  await host.tap('分享给好友')
  assert.deepEqual(host.shares, [card])
  assert.deepEqual(host.pageHook('onShareTimeline'), { title: EVENT, query: `id=${id}`, imageUrl: COVER })
})

test('生成海报 draws the poster with the activity’s code and saves it to the album', async () => {
  const host = new WeappHost(backend)
  host.openid = YOUTH
  host.stub('saveImageToPhotosAlbum', {})
  await host.launch('pages/activity/index', { id })
  await host.waitFor('生成海报')
  assert.ok(!host.loadedPackages.has('packages/share/'), 'the poster code loads only when opened')
  await host.tap('生成海报')
  await host.waitForRoute('packages/share/pages/poster/index')
  assert.ok(host.loadedPackages.has('packages/share/'))
  const scene = id.replace(/-/g, '')
  const code = await host.until(
    () => host.cloudCalls.find((c) => c.name === 'activity' && c.data.action === 'posterCode'),
    'activity.posterCode',
  )
  assert.deepEqual(code.data.data, { id })
  assert.equal((code.result.data as { scene: string }).scene, scene)
  assert.deepEqual(cloud.calls('wxacode.getUnlimited'), [{ scene, page: 'pages/activity/index', checkPath: false }])
  const canvas = await host.until(
    () => host.canvases.find((c) => c.drawn.includes(`fillText(${EVENT})`)),
    'the poster drawn with the title',
  )
  assert.ok(canvas.drawn.includes('fillText(长按识别小程序码)'), 'the code’s caption')
  assert.equal(canvas.drawn.filter((d) => d.startsWith('drawImage')).length, 2, 'the cover and the code')
  await host.waitFor('保存到相册后')
  await host.tap('保存到相册')
  await host.waitForToast('已保存到相册')
  const [snapshot] = host.callsOf('canvasToTempFilePath')
  assert.ok(Number(snapshot?.drawn) > 0, 'the poster was drawn before the snapshot')
  const saved = host.callsOf('saveImageToPhotosAlbum')
  assert.equal(saved.length, 1)
  assert.match(String(saved[0].filePath), /^wxfile:\/\/tmp_\d+\.png$/)

  // A second poster of the same activity reuses the stored code: WeChat is not asked again.
  await host.navigate('navigateBack')
  await host.tap('生成海报')
  await host.waitForRoute('packages/share/pages/poster/index')
  await host.until(
    () => host.cloudCalls.filter((c) => c.data.action === 'posterCode' && c.result.ok).length === 2,
    'the second posterCode',
  )
  assert.equal(cloud.calls('wxacode.getUnlimited').length, 1)
})

test('the code’s scene opens the activity page on that activity', async () => {
  const host = new WeappHost(backend)
  host.openid = YOUTH
  // As WeChat opens a page from a scanned code: the scene URL-encoded in the query.
  await host.launch('pages/activity/index', { scene: encodeURIComponent(id.replace(/-/g, '')) })
  await host.waitFor(EVENT)
  await host.waitFor('立即报名')
  const get = host.cloudCalls.find((c) => c.name === 'activity' && c.data.action === 'get')
  assert.deepEqual(get?.data.data, { id })
})
