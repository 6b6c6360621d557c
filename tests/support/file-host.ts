/**
 * The local host's file routes for a test file: a host server on a free port, serving a fresh files
 * folder with the test secret (GET /files/… through signed links, PUT /upload/… with tickets).
 */
import { mkdirSync, mkdtempSync } from 'fs'
import type { Server } from 'http'
import type { AddressInfo } from 'net'
import { tmpdir } from 'os'
import { join } from 'path'
import { createHostServer } from '../../host/server'
import type { World } from './world'

export interface FileHost {
  filesDir: string
  secret: string
  /** A request to the host; the body comes back whole. */
  http(link: string, init?: { method: string; body?: Buffer }): Promise<{ status: number; body: Buffer }>
  /** PUTs `photo` to an upload ticket and answers the stored file's id. */
  upload(uploadUrl: string, photo: Buffer): Promise<string>
}

// The first bytes of real photos: the host stores images only.
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF test photo')])
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR....'),
])

export function useFileHost(w: World): FileHost {
  const filesDir = join(mkdtempSync(join(tmpdir(), 'qingju-files-')), 'files')
  const secret = process.env.QINGJU_FILES_SECRET!
  let server: Server
  let base = ''
  beforeAll(async () => {
    mkdirSync(filesDir)
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
    await new Promise<void>((ok) => server.close(() => ok()))
  })
  const http: FileHost['http'] = async (link, init) => {
    const res = await fetch(
      `${base}${link}`,
      init && { method: init.method, body: init.body && new Uint8Array(init.body) },
    )
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) }
  }
  return {
    filesDir,
    secret,
    http,
    async upload(uploadUrl, photo) {
      const res = await http(uploadUrl, { method: 'PUT', body: photo })
      if (res.status !== 200) throw new Error(`upload refused: ${res.status} ${res.body.toString()}`)
      return (JSON.parse(res.body.toString()) as { data: { fileId: string } }).data.fileId
    },
  }
}
