/**
 * Published images (event covers, venue photos): uploaded to names the server gives the publishing
 * unit (or the district), saved only when they are that publisher's own uploads or https addresses,
 * and shown to everyone through short-lived links, never at a lasting address.
 */
import type { ActivityCard, ActivityDetail, ManagedActivity } from '@api/activity'
import type { UploadsResponse } from '@api/org'
import type { VenueDetail, VenueSummary } from '@api/venue'
import { main as activity } from '../../cloudfunctions/activity/src'
import { main as org } from '../../cloudfunctions/org/src'
import { setClockOffset } from '../../server/runtime/clock'
import { call, expectOk } from '../support/call'
import { JPEG, PNG, useFileHost } from '../support/file-host'
import { PEOPLE, createEvent, eventRequest, useWorld } from '../support/world'
import { createVenue, venue, venueRequest } from './venue-fixtures'

jest.setTimeout(60_000)

const w = useWorld()
const host = useFileHost(w)
afterAll(() => setClockOffset(0))

const namesFor = (unitId: string | null, files: string[], as: string) =>
  call<UploadsResponse>(org, 'imageUploads', { unitId, files }, as)

/** Uploads `photo` as an image of `unitId` (null: the district) and answers its file id. */
async function uploaded(unitId: string | null, photo: Buffer, as: string): Promise<string> {
  const { uploads } = expectOk(await namesFor(unitId, ['jpg'], as))
  return host.upload(uploads[0].uploadUrl!, photo)
}

/** What a link serves, or its status when it serves nothing. */
async function served(link: string | null): Promise<Buffer | number> {
  if (!link) return 0
  const res = await host.http(link, { method: 'GET' })
  return res.status === 200 ? res.body : res.status
}

const refusedImage = { ok: false, code: 'INVALID_INPUT', message: '图片无效，请重新上传图片' }

describe('upload names for images', () => {
  test("a unit's organisers (and the district admin) get names under the unit, ending in 128 random bits", async () => {
    for (const who of [PEOPLE.orgA, PEOPLE.admin]) {
      const { uploads } = expectOk(await namesFor(w.unitA, ['jpg', 'png'], who))
      expect(uploads.map((u) => u.cloudPath)).toEqual([
        expect.stringMatching(new RegExp(`^images/${w.districtId}/${w.unitA}/[0-9a-f]{32}\\.jpg$`)),
        expect.stringMatching(new RegExp(`^images/${w.districtId}/${w.unitA}/[0-9a-f]{32}\\.png$`)),
      ])
    }
  })

  test("the district's own images: the district admin only", async () => {
    const { uploads } = expectOk(await namesFor(null, ['jpg'], PEOPLE.admin))
    expect(uploads[0].cloudPath).toMatch(new RegExp(`^images/${w.districtId}/district/[0-9a-f]{32}\\.jpg$`))
    expect(await namesFor(null, ['jpg'], PEOPLE.orgA)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('another unit, a young person, nobody signed in: no names', async () => {
    const refused = { ok: false, code: 'FORBIDDEN', message: '只有本单位组织者可以上传图片' }
    expect(await namesFor(w.unitA, ['jpg'], PEOPLE.orgB)).toMatchObject(refused)
    expect(await namesFor(w.unitA, ['jpg'], PEOPLE.youth)).toMatchObject(refused)
    expect(await call(org, 'imageUploads', { unitId: w.unitA, files: ['jpg'] })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    })
  })
})

describe('event covers', () => {
  let cover: string
  let event: ManagedActivity
  beforeAll(async () => {
    cover = await uploaded(w.unitA, JPEG, PEOPLE.orgA)
    event = await createEvent(w, { title: '青年植树', coverUrl: cover })
    expectOk(await call(activity, 'publish', { id: event.id }, PEOPLE.orgA))
  })

  test('the organiser gets the stored cover back to save, and a link that serves it', async () => {
    expect(event.coverSource).toBe(cover)
    expect(event.coverUrl).toMatch(/^\/files\/images\/.+\?exp=\d+&sig=/)
    expect(await served(event.coverUrl)).toEqual(JPEG)
  })

  test('everyone sees the cover through a link, in the list and on the detail; the bare path serves nothing', async () => {
    const detail = expectOk(await call<ActivityDetail>(activity, 'get', { id: event.id }))
    expect(detail).not.toHaveProperty('coverSource')
    expect(await served(detail.coverUrl)).toEqual(JPEG)
    const list = expectOk(await call<{ items: ActivityCard[] }>(activity, 'list', { limit: 50 }))
    const card = list.items.find((i) => i.id === event.id)!
    expect(await served(card.coverUrl)).toEqual(JPEG)
    expect(await served(`/files/${cover.slice('local://'.length)}`)).toBe(403)
  })

  test('the link works for ten minutes, then serves nothing', async () => {
    const detail = expectOk(await call<ActivityDetail>(activity, 'get', { id: event.id }))
    setClockOffset(11 * 60_000)
    try {
      expect(await served(detail.coverUrl)).toBe(403)
    } finally {
      setClockOffset(0)
    }
    expect(await served(detail.coverUrl)).toEqual(JPEG)
  })

  test("another unit's image, a made-up name or an old /files/ path is refused; an https address is kept", async () => {
    const theirs = await uploaded(w.unitB, PNG, PEOPLE.orgB)
    expect(await call(activity, 'create', eventRequest(w, { coverUrl: theirs }), PEOPLE.orgA)).toMatchObject(
      refusedImage,
    )
    const madeUp = `local://images/${w.districtId}/${w.unitA}/cover.jpg`
    expect(await call(activity, 'create', eventRequest(w, { coverUrl: madeUp }), PEOPLE.orgA)).toMatchObject(
      refusedImage,
    )
    expect(
      await call(activity, 'update', { id: event.id, coverUrl: theirs, reason: '换封面' }, PEOPLE.orgA),
    ).toMatchObject(refusedImage)
    expect(await call(activity, 'create', eventRequest(w, { coverUrl: '/files/x.jpg' }), PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    const https = await createEvent(w, { coverUrl: 'https://example.com/tree.jpg' })
    expect(https).toMatchObject({
      coverUrl: 'https://example.com/tree.jpg',
      coverSource: 'https://example.com/tree.jpg',
    })
  })
})

describe('venue photos', () => {
  let photos: string[]
  let detail: VenueDetail
  beforeAll(async () => {
    photos = [await uploaded(w.unitB, JPEG, PEOPLE.orgB), await uploaded(w.unitB, PNG, PEOPLE.orgB)]
    detail = await createVenue(w, { photos: [...photos, 'https://example.com/court.jpg'] })
  })

  test('the owner keeps the stored photos to save; everyone sees them through links', async () => {
    expect(detail.photoSources).toEqual([...photos, 'https://example.com/court.jpg'])
    const seen = expectOk(await call<VenueDetail>(venue, 'venue', { venueId: detail.id }))
    expect(seen.photoSources).toEqual([])
    expect(await served(seen.photos[0])).toEqual(JPEG)
    expect(await served(seen.photos[1])).toEqual(PNG)
    expect(seen.photos[2]).toBe('https://example.com/court.jpg')
  })

  test('the list shows the first photo, through a link', async () => {
    const { items } = expectOk(await call<{ items: VenueSummary[] }>(venue, 'venues', {}))
    expect(await served(items.find((v) => v.id === detail.id)!.cover)).toEqual(JPEG)
  })

  test("another unit's image is refused; photos already there may stay", async () => {
    const theirs = await uploaded(w.unitA, JPEG, PEOPLE.orgA)
    expect(await call(venue, 'createVenue', venueRequest(w, { photos: [theirs] }), PEOPLE.orgB)).toMatchObject(
      refusedImage,
    )
    expect(
      await call(venue, 'updateVenue', { venueId: detail.id, photos: [photos[1], theirs] }, PEOPLE.orgB),
    ).toMatchObject(refusedImage)
    const kept = expectOk(
      await call<VenueDetail>(venue, 'updateVenue', { venueId: detail.id, photos: [photos[1]] }, PEOPLE.orgB),
    )
    expect(kept.photoSources).toEqual([photos[1]])
  })
})
