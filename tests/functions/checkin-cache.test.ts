/** The self-scan read cache of events (server/store/checkin.ts): reused for 5 s, only once the code key exists. */
import { loadCheckinEventForScan } from '../../server/store/checkin'
import { useWorld, publishedEvent } from '../support/world'

const w = useWorld()
afterEach(() => jest.restoreAllMocks())

test('an event with a code key is read once per 5 s; an edit shows after that', async () => {
  const e = await publishedEvent(w)
  await w.db.query("update activity set checkin_secret = '\\x0102'::bytea where id = $1", [e.id])
  let now = 1_000_000
  jest.spyOn(Date, 'now').mockImplementation(() => now)
  expect((await loadCheckinEventForScan(w.db, e.id))!.title).toBe(e.title)
  await w.db.query("update activity set title = '改名后的活动' where id = $1", [e.id])
  now += 4_000
  expect((await loadCheckinEventForScan(w.db, e.id))!.title).toBe(e.title)
  now += 1_500
  expect((await loadCheckinEventForScan(w.db, e.id))!.title).toBe('改名后的活动')
})

test('an event without a code key yet is never cached (its key may be created any moment)', async () => {
  const e = await publishedEvent(w)
  jest.spyOn(Date, 'now').mockImplementation(() => 2_000_000)
  expect((await loadCheckinEventForScan(w.db, e.id))!.checkinSecret).toBeNull()
  await w.db.query("update activity set checkin_secret = '\\x0304'::bytea where id = $1", [e.id])
  expect((await loadCheckinEventForScan(w.db, e.id))!.checkinSecret).not.toBeNull()
})
