/**
 * The H5 build leaves the local host compressed: brotli or gzip as the browser accepts, the same bytes
 * after decoding, long caching for hashed assets, and copies remade when a rebuild changes a file.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'fs'
import { get, type Server } from 'http'
import type { AddressInfo } from 'net'
import { tmpdir } from 'os'
import { join } from 'path'
import { brotliDecompressSync, gunzipSync } from 'zlib'
import { precompressStatic } from '../../host/precompress'
import { createHostServer } from '../../host/server'

const site = mkdtempSync(join(tmpdir(), 'qingju-static-'))
const script = `${'export function card(a){return a.title+"·"+a.place}\n'.repeat(400)}`
const html = `<!doctype html><html><head><title>青聚</title></head><body>${'<div></div>'.repeat(200)}</body></html>`
mkdirSync(join(site, 'js'))
writeFileSync(join(site, 'js', 'app.1a2b3c4d.js'), script)
writeFileSync(join(site, 'index.html'), html)
writeFileSync(join(site, 'tiny.css'), 'a{color:red}')

let server: Server
let port = 0

beforeAll(async () => {
  server = createHostServer({
    functions: {},
    staticDir: site,
    filesDir: join(site, 'files'),
    filesSecret: 'test-secret',
    devSessionSecret: 'test-secret',
    pool: () => {
      throw new Error('no database in this test')
    },
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise<void>((ok) => server.close(() => ok()))
})

/** Raw bytes and headers (fetch would decode the body and hide what crossed the wire). */
function raw(path: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((ok, fail) => {
    const req = get({ port, path, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', fail)
  })
}

test('a browser that accepts brotli gets brotli, decoding to the built file, cached for a year', async () => {
  const res = await raw('/js/app.1a2b3c4d.js', 'gzip, deflate, br')
  expect(res.status).toBe(200)
  expect(res.headers['content-encoding']).toBe('br')
  expect(res.headers.vary).toMatch(/Accept-Encoding/i)
  expect(res.headers['cache-control']).toMatch(/immutable/)
  expect(res.body.length).toBeLessThan(script.length / 10)
  expect(brotliDecompressSync(res.body).toString()).toBe(script)
})

test('gzip when brotli is not accepted; the page itself is compressed but not cached forever', async () => {
  const res = await raw('/', 'gzip')
  expect(res.headers['content-encoding']).toBe('gzip')
  expect(gunzipSync(res.body).toString()).toBe(html)
  expect(String(res.headers['cache-control'] ?? '')).not.toMatch(/immutable/)
})

test('plain bytes for a client that accepts no encoding, and for files too small to gain', async () => {
  const plain = await raw('/js/app.1a2b3c4d.js')
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(plain.body.toString()).toBe(script)
  const tiny = await raw('/tiny.css', 'br')
  expect(tiny.headers['content-encoding']).toBeUndefined()
  expect(tiny.body.toString()).toBe('a{color:red}')
})

test('a rebuilt file gets fresh copies; unchanged files are not compressed again', () => {
  expect(precompressStatic(site)).toMatchObject({ files: 2, written: 0 })
  const file = join(site, 'index.html')
  const rebuilt = html.replace('青聚', '青聚 新版')
  writeFileSync(file, rebuilt)
  // After its copies, by the file system's clock (the test clock is fixed).
  const later = new Date(statSync(`${file}.br`).mtimeMs + 5_000)
  utimesSync(file, later, later)
  expect(precompressStatic(site)).toMatchObject({ files: 2, written: 1 })
  expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(rebuilt)
})
