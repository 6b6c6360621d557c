/**
 * Make-up evidence photos are private from end to end: the server hands out every upload name (under
 * the event's unit, 128 random bits), the local host takes a photo only with the ticket for that very
 * name, a make-up may name only photos uploaded for its event, and the photos are seen only through
 * short-lived links that the event's organisers, the district admin and the person themselves get.
 */
import { readFileSync } from 'fs'
import { join } from 'path'
import type { ManagedActivity } from '@api/activity'
import type { EvidencePhotosResponse, EvidenceUploadsResponse, LedgerEntry } from '@api/hours'
import { main as activity } from '../../../cloudfunctions/activity/src'
import { main as hours } from '../../../cloudfunctions/hours/src'
import { signFileLink, signUploadTicket } from '../../../server/platform/file-link'
import { setClockOffset } from '../../../server/runtime/clock'
import { call, expectOk } from '../../support/call'
import { JPEG, PNG, useFileHost } from '../../support/file-host'
import { PEOPLE, createEvent, useWorld } from '../../support/world'
import { END, HOUR, MINUTE, closed, eventWithScans, refusal, type EventWithScans } from './support'

jest.setTimeout(60_000)

const w = useWorld()
const host = useFileHost(w)
const { filesDir, secret, http } = host

afterAll(() => setClockOffset(0))

/** Refused with a Chinese JSON answer and nothing of any file. */
function refusedWith(res: { status: number; body: Buffer }, status: number, message: RegExp) {
  expect(res.status).toBe(status)
  const json = JSON.parse(res.body.toString('utf8')) as { ok: boolean; message: string }
  expect(json.ok).toBe(false)
  expect(json.message).toMatch(message)
  expect(json.message).toMatch(/^[^A-Za-z]*$/)
}

const pathOf = (link: string) =>
  decodeURIComponent(new URL(link, 'http://x').pathname.replace(/^\/(files|upload)\//, ''))

const uploadsFor = async (activityId: string, files: string[], as: string = PEOPLE.orgA) =>
  call<EvidenceUploadsResponse>(hours, 'evidenceUploads', { activityId, files }, as)

/** Asks for names as unit A's organiser and uploads the photos to them; answers the fileIds. */
async function uploadPhotos(ev: EventWithScans, photos: Buffer[]): Promise<string[]> {
  const { uploads } = expectOk(
    await uploadsFor(
      ev.e.id,
      photos.map(() => 'jpg'),
    ),
  )
  const ids: string[] = []
  for (const [i, u] of uploads.entries()) {
    const res = await http(u.uploadUrl!, { method: 'PUT', body: photos[i] })
    expect(res.status).toBe(200)
    ids.push((JSON.parse(res.body.toString()) as { data: { fileId: string } }).data.fileId)
  }
  return ids
}

let ev: EventWithScans
let other: EventWithScans
/** Unit B's own event, with unit B's organiser. */
let theirs: ManagedActivity
beforeAll(async () => {
  ev = await eventWithScans(w, { 'ev:late': [HOUR + 30 * MINUTE, 2 * HOUR] })
  other = await eventWithScans(w, { 'ev:other': [0, 2 * HOUR] })
  await closed(ev)
  const draft = await createEvent(w, { unitId: w.unitB, planLineId: w.lineB, title: '乙单位植树' }, PEOPLE.orgB)
  theirs = expectOk(await call<ManagedActivity>(activity, 'publish', { id: draft.id }, PEOPLE.orgB))
})

const makeup = (fileIds: string[], as: string = PEOPLE.orgA) =>
  call<LedgerEntry>(
    ev.hoursAt(END),
    'makeup',
    {
      registrationId: ev.regs['ev:late'],
      day: ev.day,
      hours: 0.5,
      reason: '签到设备故障',
      evidence: { note: '现场合影', fileIds },
    },
    as,
  )

describe('upload names', () => {
  test('each photo gets its own private name under the event, ending in 128 random bits, with a ticket', async () => {
    const { uploads } = expectOk(await uploadsFor(ev.e.id, ['jpg', 'png', 'jpg']))
    expect(uploads).toHaveLength(3)
    const prefix = `evidence/${w.districtId}/${w.unitA}/${ev.e.id}/`
    for (const u of uploads) {
      expect(u.cloudPath.startsWith(prefix)).toBe(true)
      expect(u.cloudPath.slice(prefix.length)).toMatch(/^[0-9a-f]{32}\.(jpg|png)$/)
      expect(u.uploadUrl).toMatch(/^\/upload\/evidence\/.+\?exp=\d+&sig=[A-Za-z0-9_-]+$/)
      expect(pathOf(u.uploadUrl!)).toBe(u.cloudPath)
    }
    expect(new Set(uploads.map((u) => u.cloudPath)).size).toBe(3)
  })

  test("only the event's organisers get names: not a young person, not another unit", async () => {
    const notOrganiser = refusal('FORBIDDEN', '只有本活动的组织者可以处理时长')
    expect(await uploadsFor(ev.e.id, ['jpg'], PEOPLE.youth)).toMatchObject(notOrganiser)
    expect(await uploadsFor(ev.e.id, ['jpg'], PEOPLE.orgB)).toMatchObject(notOrganiser)
  })

  test('bad requests: no photos, too many, a kind that is not a photo', async () => {
    for (const files of [[], ['jpg', 'jpg', 'jpg', 'jpg', 'jpg', 'jpg', 'jpg'], ['exe'], ['../x']]) {
      expect(await uploadsFor(ev.e.id, files)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
  })
})

describe('the local host takes a photo only with its ticket', () => {
  test('the ticket stores the photo once at its name; a second upload to it is refused', async () => {
    const { uploads } = expectOk(await uploadsFor(ev.e.id, ['jpg']))
    const res = await http(uploads[0].uploadUrl!, { method: 'PUT', body: JPEG })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body.toString())).toEqual({ ok: true, data: { fileId: `local://${uploads[0].cloudPath}` } })
    expect(readFileSync(join(filesDir, uploads[0].cloudPath)).equals(JPEG)).toBe(true)
    refusedWith(await http(uploads[0].uploadUrl!, { method: 'PUT', body: PNG }), 409, /已上传/)
    expect(readFileSync(join(filesDir, uploads[0].cloudPath)).equals(JPEG)).toBe(true)
  })

  test('no ticket, a tampered one, an expired one, or a download link used to upload: nothing is written', async () => {
    const { uploads } = expectOk(await uploadsFor(ev.e.id, ['jpg']))
    const path = uploads[0].cloudPath
    const q = new URL(uploads[0].uploadUrl!, 'http://x').searchParams
    refusedWith(await http(`/upload/${path}`, { method: 'PUT', body: JPEG }), 403, /上传链接无效/)
    refusedWith(
      await http(`/upload/${path}?exp=${Number(q.get('exp')) + 600}&sig=${q.get('sig')}`, {
        method: 'PUT',
        body: JPEG,
      }),
      403,
      /上传链接无效/,
    )
    const downloadLink = signFileLink(path, secret, new Date())
    refusedWith(await http(downloadLink.replace('/files/', '/upload/'), { method: 'PUT', body: JPEG }), 403, /无效/)
    refusedWith(
      await http(signUploadTicket(path, secret, new Date(Date.now() - 11 * MINUTE)), { method: 'PUT', body: JPEG }),
      403,
      /已过期/,
    )
    // A validly signed name that is not an upload name (an export's folder) is refused too.
    refusedWith(
      await http(signUploadTicket('exports/rosters/x.xlsx', secret, new Date()), { method: 'PUT', body: JPEG }),
      403,
      /上传链接无效/,
    )
    expect(() => readFileSync(join(filesDir, path))).toThrow()
  })

  test('only photos: other bytes are refused', async () => {
    const { uploads } = expectOk(await uploadsFor(ev.e.id, ['jpg']))
    refusedWith(
      await http(uploads[0].uploadUrl!, { method: 'PUT', body: Buffer.from('<html>not a photo</html>') }),
      400,
      /照片/,
    )
  })
})

describe('a make-up names only photos uploaded for its own event', () => {
  test("names made up, another event's, the same one twice, or a public link are refused; nothing is written", async () => {
    const [mine] = await uploadPhotos(ev, [JPEG])
    const { uploads: elsewhere } = expectOk(await uploadsFor(other.e.id, ['jpg']))
    const { uploads: unitB } = expectOk(await uploadsFor(theirs.id, ['jpg'], PEOPLE.orgB))
    const bad = [
      [`local://${unitB[0].cloudPath}`],
      [`local://evidence/${w.districtId}/${w.unitA}/${ev.e.id}/guess.jpg`],
      [`local://${elsewhere[0].cloudPath}`],
      [mine, mine],
      ['https://example.com/photo.jpg'],
      [`local://evidence/${w.districtId}/${w.unitA}/${ev.e.id}/../../x/${'a'.repeat(32)}.jpg`],
    ]
    const before = await w.db.query("select count(*)::int as n from service_hours where kind = 'makeup'")
    for (const fileIds of bad) {
      expect(await makeup(fileIds)).toMatchObject(refusal('INVALID_INPUT', '证明照片无效，请重新选择照片上传'))
    }
    const after = await w.db.query("select count(*)::int as n from service_hours where kind = 'makeup'")
    expect(after.rows[0].n).toBe(before.rows[0].n)
  })
})

describe('seeing the photos', () => {
  let entry: LedgerEntry
  let fileIds: string[]
  beforeAll(async () => {
    fileIds = await uploadPhotos(ev, [JPEG, PNG])
    entry = expectOk(await makeup(fileIds))
  })

  const photosOf = (as: string) => call<EvidencePhotosResponse>(hours, 'evidencePhotos', { entryId: entry.id }, as)

  test('the ledger tells how many photos, never their names', async () => {
    expect(entry.evidence).toEqual({ note: '现场合影', photoCount: 2 })
    expect(JSON.stringify(entry)).not.toContain('evidence/')
  })

  test('the organiser, the district admin and the person get working links to exactly those photos', async () => {
    for (const who of [PEOPLE.orgA, PEOPLE.admin, 'ev:late']) {
      const { urls } = expectOk(await photosOf(who))
      expect(urls.map(pathOf)).toEqual(fileIds.map((id) => id.slice('local://'.length)))
      const [first, second] = await Promise.all(urls.map((u) => http(u, { method: 'GET' })))
      expect(first.status).toBe(200)
      expect(first.body.equals(JPEG)).toBe(true)
      expect(second.body.equals(PNG)).toBe(true)
    }
  })

  test('another unit, a young person who is not the one, an unknown entry: no links', async () => {
    const notViewer = refusal('FORBIDDEN', '只有活动组织者和本人可以查看证明照片')
    expect(await photosOf(PEOPLE.orgB)).toMatchObject(notViewer)
    expect(await photosOf(PEOPLE.youth)).toMatchObject(notViewer)
    expect(await photosOf('ev:other')).toMatchObject(notViewer)
    expect(await call(hours, 'evidencePhotos', { entryId: entry.id })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    })
    expect(await call(hours, 'evidencePhotos', { entryId: '999999999' }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })

  test('no link, an expired link, or another unit’s link gives nothing', async () => {
    const { urls } = expectOk(await photosOf(PEOPLE.orgA))
    refusedWith(await http(`/files/${pathOf(urls[0])}`, { method: 'GET' }), 403, /下载链接无效/)
    // Unit B's organiser uploads a photo for unit B's event and holds a working link to it ...
    const { uploads } = expectOk(await uploadsFor(theirs.id, ['jpg'], PEOPLE.orgB))
    expect((await http(uploads[0].uploadUrl!, { method: 'PUT', body: PNG })).status).toBe(200)
    const theirLink = signFileLink(uploads[0].cloudPath, secret, new Date())
    expect((await http(theirLink, { method: 'GET' })).body.equals(PNG)).toBe(true)
    // ... which, put on unit A's photo, gives nothing.
    const q = new URL(theirLink, 'http://x').searchParams
    refusedWith(
      await http(`/files/${pathOf(urls[0])}?exp=${q.get('exp')}&sig=${q.get('sig')}`, { method: 'GET' }),
      403,
      /下载链接无效/,
    )
    setClockOffset(10 * MINUTE + 1000)
    try {
      refusedWith(await http(urls[0], { method: 'GET' }), 403, /已过期/)
    } finally {
      setClockOffset(0)
    }
    expect((await http(urls[0], { method: 'GET' })).status).toBe(200)
  })
})
