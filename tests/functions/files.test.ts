/**
 * Exported files (rosters, the district hours sheet, the annual list) are private: stored at an
 * unguessable name and reached only through a short-lived link the export action returns: on the
 * local host a signed, expiring /files/... link, in CloudBase a temporary file URL.
 */
const tempUrls: { fileID: string; maxAge: number }[][] = []
jest.mock(
  'wx-server-sdk',
  () => ({
    init: () => {},
    DYNAMIC_CURRENT_ENV: 'env',
    getWXContext: () => ({}),
    uploadFile: async ({ cloudPath }: { cloudPath: string }) => ({ fileID: `cloud://env.bucket/${cloudPath}` }),
    getTempFileURL: async ({ fileList }: { fileList: { fileID: string; maxAge: number }[] }) => {
      tempUrls.push(fileList)
      return {
        fileList: fileList.map((f) => ({
          fileID: f.fileID,
          status: 0,
          tempFileURL: `https://bucket.tcb.qcloud.la/${f.fileID.slice('cloud://env.bucket/'.length)}?sign=t`,
        })),
      }
    },
  }),
  { virtual: true },
)

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs'
import type { Server } from 'http'
import type { AddressInfo } from 'net'
import { tmpdir } from 'os'
import { join } from 'path'
import type { ManagedActivity } from '@api/activity'
import type { ExportResult } from '@api/plan'
import type { SignupActions } from '@api/signup'
import { main as activity } from '../../cloudfunctions/activity/src'
import { main as hours } from '../../cloudfunctions/hours/src'
import { main as plan } from '../../cloudfunctions/plan/src'
import { actions as signupActions, main as signup } from '../../cloudfunctions/signup/src'
import { createHostServer } from '../../host/server'
import { signFileLink } from '../../server/platform/file-link'
import { WechatPlatform } from '../../server/platform/wechat'
import { setClockOffset } from '../../server/runtime/clock'
import { createFunction } from '../../server/runtime/function'
import { call, expectOk } from '../support/call'
import { createEvent, PEOPLE, publishedEvent, useWorld } from '../support/world'

interface Exported {
  fileName: string
  fileId: string
  url: string
}

const root = mkdtempSync(join(tmpdir(), 'qingju-files-'))
const filesDir = join(root, 'files')
const secret = process.env.QINGJU_FILES_SECRET!
const w = useWorld()
let server: Server
let base: string

beforeAll(async () => {
  mkdirSync(filesDir)
  process.env.QINGJU_FILES_DIR = filesDir
  server = createHostServer({
    functions: {},
    staticDir: null,
    filesDir,
    filesSecret: secret,
    devSessionSecret: process.env.QINGJU_DEV_SESSION_SECRET!,
    pool: () => w.db,
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  setClockOffset(0)
  await new Promise<void>((ok) => server.close(() => ok()))
})

async function get(link: string, method = 'GET') {
  const res = await fetch(`${base}${link}`, { method })
  const body = Buffer.from(await res.arrayBuffer())
  return { status: res.status, type: res.headers.get('content-type') ?? '', body }
}

/** The stored path a local link names (the part between /files/ and the query). */
const pathOf = (link: string) => decodeURIComponent(new URL(link, 'http://x').pathname.slice('/files/'.length))
const queryOf = (link: string) => new URL(link, 'http://x').searchParams

/** Nothing of the file came back: a Chinese JSON refusal instead. */
function refused(res: { status: number; type: string; body: Buffer }, message: RegExp) {
  expect(res.status).toBe(403)
  expect(res.type).toMatch(/^application\/json/)
  const json = JSON.parse(res.body.toString('utf8')) as { ok: boolean; code: string; message: string }
  expect(json).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(json.message).toMatch(message)
  expect(json.message).toMatch(/^[^A-Za-z]*$/)
}

async function rosterOfUnitA(): Promise<Exported> {
  const e = await publishedEvent(w)
  return expectOk(await call<Exported>(signup, 'exportRoster', { activityId: e.id }, PEOPLE.orgA))
}

async function rosterOfUnitB(): Promise<Exported> {
  const draft = await createEvent(w, { unitId: w.unitB, planLineId: w.lineB, title: '乙单位读书会' }, PEOPLE.orgB)
  const e = expectOk(await call<ManagedActivity>(activity, 'publish', { id: draft.id }, PEOPLE.orgB))
  return expectOk(await call<Exported>(signup, 'exportRoster', { activityId: e.id }, PEOPLE.orgB))
}

describe('names', () => {
  test('every export is stored under a random name of at least 128 bits, never the same twice', async () => {
    const e = await publishedEvent(w)
    // The same event exported twice at the same instant: only the random part tells the files apart.
    const instant = new Date()
    const frozen = createFunction<SignupActions>('signup', signupActions, { clock: () => instant })
    const first = expectOk(await call<Exported>(frozen, 'exportRoster', { activityId: e.id }, PEOPLE.orgA))
    const second = expectOk(await call<Exported>(frozen, 'exportRoster', { activityId: e.id }, PEOPLE.orgA))
    const sheet = expectOk(await call<Exported>(hours, 'exportSheet', { year: w.year }, PEOPLE.admin))
    const list = expectOk(await call<ExportResult>(plan, 'exportXlsx', { year: w.year }, PEOPLE.admin))
    const paths = [first, second, sheet, list].map((f) => pathOf(f.url))
    expect(new Set(paths).size).toBe(4)
    for (const [i, path] of paths.entries()) {
      expect(path).toMatch(/-[A-Za-z0-9_-]{22}\.xlsx$/)
      expect([first, second, sheet, list][i].fileId).toBe(`local://${path}`)
    }
    expect(paths[0].replace(/-[A-Za-z0-9_-]{22}\.xlsx$/, '')).toBe(paths[1].replace(/-[A-Za-z0-9_-]{22}\.xlsx$/, ''))
  })
})

describe('the local host serves a file only through a fresh, signed link for that file', () => {
  test('a fresh link the export returned downloads the file itself', async () => {
    const exported = await rosterOfUnitA()
    expect(exported.url).toMatch(/^\/files\/exports\/rosters\/.+\.xlsx\?exp=\d+&sig=[A-Za-z0-9_-]+$/)
    const res = await get(exported.url)
    expect(res.status).toBe(200)
    expect(res.body.equals(readFileSync(join(filesDir, pathOf(exported.url))))).toBe(true)
    expect(res.body.subarray(0, 2).toString()).toBe('PK') // an .xlsx is a zip
    expect((await get(exported.url, 'HEAD')).status).toBe(200)
  })

  test('the district hours sheet and the annual list come with working links too', async () => {
    const sheet = expectOk(await call<Exported>(hours, 'exportSheet', { year: w.year }, PEOPLE.admin))
    const list = expectOk(await call<ExportResult>(plan, 'exportXlsx', { year: w.year }, PEOPLE.admin))
    for (const link of [sheet.url, list.url]) {
      const res = await get(link)
      expect(res.status).toBe(200)
      expect(res.body.subarray(0, 2).toString()).toBe('PK')
    }
  })

  test('no link: the bare path, the folder, a made-up name all give nothing', async () => {
    const exported = await rosterOfUnitA()
    const bare = `/files/${pathOf(exported.url)}`
    refused(await get(bare), /下载链接无效/)
    const head = await get(bare, 'HEAD')
    expect(head.status).toBe(403)
    expect(head.body.length).toBe(0)
    refused(await get(`${bare}?exp=${queryOf(exported.url).get('exp')}`), /下载链接无效/)
    refused(await get('/files/exports/rosters/'), /下载链接无效/)
    refused(await get('/files/'), /下载链接无效/)
  })

  test('an expired link gives nothing: signed in the past, or the clock moved past its ten minutes', async () => {
    const exported = await rosterOfUnitA()
    const path = pathOf(exported.url)
    refused(await get(signFileLink(path, secret, new Date(Date.now() - 11 * 60_000))), /已过期/)
    expect((await get(exported.url)).status).toBe(200)
    setClockOffset(9 * 60_000)
    try {
      expect((await get(exported.url)).status).toBe(200)
      setClockOffset(10 * 60_000 + 1000)
      refused(await get(exported.url), /已过期/)
    } finally {
      setClockOffset(0)
    }
  })

  test('a tampered link gives nothing: another signature, a later expiry, another secret', async () => {
    const exported = await rosterOfUnitA()
    const path = pathOf(exported.url)
    const q = queryOf(exported.url)
    const exp = q.get('exp')!
    const sig = q.get('sig')!
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1)
    refused(await get(`/files/${path}?exp=${exp}&sig=${flipped}`), /下载链接无效/)
    refused(await get(`/files/${path}?exp=${Number(exp) + 3600}&sig=${sig}`), /下载链接无效/)
    refused(await get(`/files/${path}?exp=${exp}&sig=${sig.slice(0, -1)}`), /下载链接无效/)
    refused(await get(`/files/${path}?exp=${exp}&sig=`), /下载链接无效/)
    refused(await get(signFileLink(path, 'another-secret', new Date())), /下载链接无效/)
  })

  test("another unit's link applied to this file gives nothing", async () => {
    const mine = await rosterOfUnitA()
    const theirs = await rosterOfUnitB()
    expect((await get(theirs.url)).status).toBe(200)
    const q = queryOf(theirs.url)
    refused(await get(`/files/${pathOf(mine.url)}?exp=${q.get('exp')}&sig=${q.get('sig')}`), /下载链接无效/)
  })

  test('a signed link does not lead out of the files folder', async () => {
    writeFileSync(join(root, 'outside.txt'), 'secret')
    const res = await get(signFileLink('../outside.txt', secret, new Date()))
    expect(res.body.toString()).not.toBe('secret')
    expect(res.status).not.toBe(200)
  })
})

describe('CloudBase', () => {
  test('uploads give no public link, and the link is a temporary URL of ten minutes', async () => {
    const wechat = new WechatPlatform()
    const stored = await wechat.uploadFile('exports/rosters/x-abc.xlsx', Buffer.from('PK'))
    expect(stored).toEqual({ fileId: 'cloud://env.bucket/exports/rosters/x-abc.xlsx' })
    expect(await wechat.fileLink(stored.fileId, new Date())).toBe(
      'https://bucket.tcb.qcloud.la/exports/rosters/x-abc.xlsx?sign=t',
    )
    expect(tempUrls).toEqual([[{ fileID: stored.fileId, maxAge: 600 }]])
  })

  test('the mini-program uploads photos itself (wx.cloud.uploadFile): no upload ticket', async () => {
    expect(await new WechatPlatform().uploadTicket('evidence/a/b/c/x.jpg', new Date())).toBeNull()
  })
})
