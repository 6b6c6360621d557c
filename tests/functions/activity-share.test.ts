/**
 * activity.posterCode: the mini-program code on an activity's 朋友圈 poster. Published activities
 * only; the scene fits WeChat's 32 characters and reads back to the activity; the code is made once
 * per activity and kept (activity_share_code), later posters reuse the stored file.
 */
import type { ActivityActions, ActivityPosterCode, ManagedActivity } from '@api/activity'
import { activityOfScene, activityScene } from '@contract/share'
import { actions, main as activity } from '../../cloudfunctions/activity/src'
import { currentPlatform } from '../../server/platform'
import type { Platform } from '../../server/platform/platform'
import { createFunction } from '../../server/runtime/function'
import { call, expectOk } from '../support/call'
import { useFileHost } from '../support/file-host'
import { PEOPLE, createEvent, publishedEvent, useWorld } from '../support/world'

const w = useWorld()
const host = useFileHost(w)

/** The codes WeChat was asked for, with what it answered. */
const made: { scene: string; page: string; png: Buffer }[] = []
let posterCode: (id: string, as?: string) => ReturnType<typeof call<ActivityPosterCode>>

beforeAll(() => {
  process.env.QINGJU_FILES_DIR = host.filesDir // where the local platform stores files
  const base = currentPlatform()
  const counting: Platform = Object.assign(Object.create(base) as Platform, {
    async miniProgramCode(scene: string, page: string) {
      const png = await base.miniProgramCode(scene, page)
      made.push({ scene, page, png })
      return png
    },
  })
  const fn = createFunction<ActivityActions>('activity', actions, { platform: () => counting })
  posterCode = (id, as) => call<ActivityPosterCode>(fn, 'posterCode', { id }, as)
})

test('a published activity’s code opens the activity page with a scene that reads back to it', async () => {
  const e = await publishedEvent(w, { title: '海报活动' })
  const code = expectOk(await posterCode(e.id)) // anyone: not signed in
  expect(code.activityId).toBe(e.id)
  expect(code.page).toBe('pages/activity/index')
  expect(code.scene).toBe(e.id.replace(/-/g, ''))
  expect(code.scene.length).toBeLessThanOrEqual(32)
  expect(activityOfScene(code.scene)).toBe(e.id)
  // WeChat hands the page its scene URL-encoded.
  expect(activityOfScene(encodeURIComponent(code.scene))).toBe(e.id)
  expect(made).toHaveLength(1)
  expect(made[0]).toMatchObject({ scene: code.scene, page: 'pages/activity/index' })
  const served = await host.http(code.codeUrl)
  expect(served.status).toBe(200)
  expect(served.body.equals(made[0].png)).toBe(true)
})

test('the code is made once per activity: later posters reuse the stored file', async () => {
  const e = await publishedEvent(w, { title: '再次生成海报' })
  const before = made.length
  const first = expectOk(await posterCode(e.id, PEOPLE.youth))
  const again = expectOk(await posterCode(e.id, PEOPLE.orgB))
  expect(made.length - before).toBe(1)
  expect(again.scene).toBe(first.scene)
  expect((await host.http(again.codeUrl)).body.equals(made[made.length - 1].png)).toBe(true)
  const rows = await w.db.query<{ file_id: string }>(
    'select file_id from activity_share_code where district_id = $1 and activity_id = $2',
    [w.districtId, e.id],
  )
  expect(rows.rows).toHaveLength(1)
  // The stored file id is the cache: without it the code is made again (and kept again).
  await w.db.query('delete from activity_share_code where activity_id = $1', [e.id])
  expectOk(await posterCode(e.id))
  expect(made.length - before).toBe(2)
  expect((await w.db.query('select 1 from activity_share_code where activity_id = $1', [e.id])).rowCount).toBe(1)
})

test('drafts, cancelled and finished activities have no poster code', async () => {
  const draft = await createEvent(w, { title: '海报草稿' })
  const cancelled = await publishedEvent(w, { title: '海报已取消' })
  expectOk(await call<ManagedActivity>(activity, 'cancel', { id: cancelled.id, reason: '天气原因' }, PEOPLE.orgA))
  const finished = await publishedEvent(w, { title: '海报已结项' })
  await w.db.query("update activity set state = 'finished' where id = $1", [finished.id])
  const before = made.length
  for (const id of [draft.id, cancelled.id, finished.id, '7d3f0c8e-5a4b-4c2d-9e1f-0a1b2c3d4e5f']) {
    expect(await posterCode(id, PEOPLE.orgA)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  }
  expect(made.length).toBe(before)
})

test('a scene is the id without dashes, and only a well-formed one reads back', () => {
  const id = '0f8e1c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b'
  expect(activityScene(id)).toBe('0f8e1c2a3b4d4e5f8a9b0c1d2e3f4a5b')
  expect(activityOfScene('0F8E1C2A3B4D4E5F8A9B0C1D2E3F4A5B')).toBe(id)
  expect(activityOfScene(id)).toBe(id)
  for (const bad of [
    '',
    null,
    undefined,
    'abc',
    '0f8e1c2a3b4d4e5f8a9b0c1d2e3f4a5',
    '%E0%A4%A',
    'zf8e1c2a3b4d4e5f8a9b0c1d2e3f4a5b',
  ])
    expect(activityOfScene(bad)).toBeNull()
})
