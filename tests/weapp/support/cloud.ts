/**
 * The CloudBase side of the weapp host: a fresh PostgreSQL (embedded, migrated, demo-seeded) for the
 * suite, and the REAL cloud functions (host/functions.ts, the modules `npm run build:cloud` bundles)
 * run under the WeChat platform, with `wx-server-sdk` replaced by a stand-in whose getWXContext()
 * answers the OPENID of the person making the call — as CloudBase attaches it to a client's call.
 * The stand-in's openapi (subscribe messages, phone numbers, content check, codes) and storage are
 * recorded in `cloud.log` / `cloud.storage` so tests can check what reached WeChat's edge.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import Module from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Pool } from 'pg'
import { functions } from '../../../host/functions'
import { migrate } from '../../../host/migrate'
import { startPostgres } from '../../../host/postgres'
import { seedIfEmpty } from '../../../host/seed'
import { closePool, getPool } from '../../../server/store/pool'

export interface WxContext {
  OPENID?: string
  APPID: string
  SOURCE: string
}

interface CallRecord {
  api: string
  args: unknown
}

const als = new AsyncLocalStorage<WxContext>()

/** What reached WeChat's server-side edge (openapi calls, storage). */
export const cloud = {
  log: [] as CallRecord[],
  /** fileID → bytes, uploaded by the client (wx.cloud.uploadFile) or the functions (sdk.uploadFile). */
  storage: new Map<string, Buffer>(),
  /** Phone-button codes WeChat would exchange: code → phone number. */
  phoneCodes: new Map<string, string>(),
  calls(api: string): unknown[] {
    return cloud.log.filter((c) => c.api === api).map((c) => c.args)
  },
}

const ENV_ID = 'qingju-test'

function fileIdOf(cloudPath: string): string {
  return `cloud://${ENV_ID}.7169-${ENV_ID}/${cloudPath.replace(/^\/+/, '')}`
}

export function tempUrlOf(fileId: string): string {
  return `https://7169-${ENV_ID}.tcb.qcloud.la/${fileId.split('/').slice(3).join('/')}?sign=test`
}

/** Stores bytes as CloudBase storage would; answers the fileID. */
export function storeFile(cloudPath: string, content: Buffer): string {
  const id = fileIdOf(cloudPath)
  cloud.storage.set(id, content)
  return id
}

const sdk = {
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init() {},
  getWXContext(): Partial<WxContext> {
    return als.getStore() ?? {}
  },
  async uploadFile({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) {
    cloud.log.push({ api: 'uploadFile', args: { cloudPath } })
    return { fileID: storeFile(cloudPath, fileContent) }
  },
  async getTempFileURL({ fileList }: { fileList: { fileID: string; maxAge: number }[] }) {
    return {
      fileList: fileList.map(({ fileID }) =>
        cloud.storage.has(fileID)
          ? { fileID, tempFileURL: tempUrlOf(fileID), status: 0 }
          : { fileID, tempFileURL: '', status: 1, errMsg: 'STORAGE_FILE_NONEXIST' },
      ),
    }
  },
  openapi: {
    wxacode: {
      async getUnlimited(args: { scene: string; page: string }) {
        cloud.log.push({ api: 'wxacode.getUnlimited', args })
        // A PNG signature is enough: the client only shows the image.
        return { buffer: Buffer.from('89504e470d0a1a0a', 'hex') }
      },
    },
    subscribeMessage: {
      async send(args: unknown) {
        cloud.log.push({ api: 'subscribeMessage.send', args })
        return { errCode: 0 }
      },
    },
    phonenumber: {
      async getPhoneNumber({ code }: { code: string }) {
        cloud.log.push({ api: 'phonenumber.getPhoneNumber', args: { code } })
        const phone = cloud.phoneCodes.get(code)
        if (!phone) throw Object.assign(new Error('invalid code'), { errCode: 40029 })
        cloud.phoneCodes.delete(code)
        return { phoneInfo: { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86' } }
      },
    },
    security: {
      async msgSecCheck(args: { content: string }) {
        cloud.log.push({ api: 'security.msgSecCheck', args })
        return { result: { suggest: /赌博|博彩/.test(args.content) ? 'risky' : 'pass', label: 100 } }
      },
    },
  },
}

let shimInstalled = false
/** `require('wx-server-sdk')` (lazily, inside WechatPlatform) resolves to the stand-in. */
function installSdkShim(): void {
  if (shimInstalled) return
  shimInstalled = true
  const M = Module as unknown as {
    _resolveFilename(request: string, ...rest: unknown[]): string
    _cache: Record<string, unknown>
  }
  const original = M._resolveFilename
  const fake = join(tmpdir(), 'wx-server-sdk-stand-in.js')
  M._cache[fake] = { id: fake, filename: fake, loaded: true, exports: sdk, children: [], paths: [] }
  M._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (request === 'wx-server-sdk') return fake
    return original.call(this, request, ...rest)
  }
}

export interface Backend {
  pool: Pool
  /** Runs a cloud function as CloudBase does for a client call by `openid` (anonymous when null). */
  callFunction(name: string, data: unknown, openid: string | null): Promise<unknown>
  stop(): Promise<void>
}

/** Starts PostgreSQL in a temp dir, migrates and seeds the demo data, and loads the functions. */
export async function startBackend(): Promise<Backend> {
  installSdkShim()
  const dataDir = mkdtempSync(join(tmpdir(), 'qingju-weapp-'))
  const pg = await startPostgres({ dataDir: join(dataDir, 'pg'), durable: false })
  process.env.DATABASE_URL = pg.url
  delete process.env.QINGJU_PLATFORM // the WeChat platform, with the stand-in sdk
  process.env.QINGJU_TICKET_SECRET = randomBytes(16).toString('hex')
  process.env.QINGJU_CALL_LIMIT = 'off'
  process.env.PG_POOL_MAX = '5'
  await migrate(getPool())
  await seedIfEmpty(getPool())
  return {
    pool: getPool(),
    async callFunction(name, data, openid) {
      const main = functions[name]
      if (!main)
        throw Object.assign(new Error(`cloud.callFunction:fail FunctionName parameter could not be found`), {
          errCode: -501000,
        })
      const context = { OPENID: openid ?? undefined, APPID: 'wx-qingju-test', SOURCE: 'wx_client' }
      return als.run(context, () => main(data, { request_id: randomBytes(8).toString('hex') }))
    },
    async stop() {
      await closePool()
      await pg.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
