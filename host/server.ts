/**
 * The local host's HTTP server:
 *   GET  /*                  the H5 build (dist/h5)
 *   GET  /files/<path>?exp=&sig=  a stored file, only through a signed link that has not expired
 *   PUT  /upload/<path>?exp=&sig= one new photo, only with the upload ticket an action issued (uploads.ts)
 *   POST /api/<function>     {action, data} → the function's main(event, context), answered as JSON
 *   GET  /api/_dev/personas  the demo people one can act as
 *   POST /api/_dev/login     {persona, name?} → a signed dev session token (LOCAL ONLY)
 *   POST /api/_dev/phone-code {phone} → a short-lived code for session.bindPhone, the stand-in for
 *                            WeChat's phone-number button (LOCAL ONLY; a signed-in dev session only)
 *   POST /api/_dev/clock     {offsetMs} → shifts the actions' clock (only with QINGJU_TEST_CLOCK=1; GET reads it)
 * Identity reaches the function only as the context's signed dev session, as OPENID does in CloudBase.
 */
import { setClockOffset, systemClock } from '../server/runtime/clock'
import { randomUUID } from 'crypto'
import { existsSync } from 'fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http'
import type { Pool } from 'pg'
import sirv from 'sirv'
import { precompressStatic } from './precompress'
import {
  DEV_PERSONAS,
  devClockRequest,
  devLoginRequest,
  devPhoneCodeRequest,
  type DevLoginResponse,
  type DevPhoneCodeResponse,
  type DevPersona,
  type DevPersonaInfo,
} from '@api/dev-login'
import type { ApiResult } from '@api/result'
import type { FunctionMain } from '../server/runtime/function'
import { issueDevSession, verifyDevSession } from '../server/platform/dev-session'
import { issuePhoneCode } from '../server/platform/phone-code'
import { signedPathOf } from '../server/platform/file-link'
import { DEMO_PEOPLE } from './seed'
import { receiveUpload } from './uploads'

const MAX_BODY_BYTES = 100 * 1024 // CloudBase's callFunction payload limit is about this size

export interface HostOptions {
  functions: Record<string, FunctionMain>
  staticDir: string | null
  /** LocalPlatform's file storage, served under /files/ (exports) only through signed, expiring links. */
  filesDir: string
  /** The key of those links (QINGJU_FILES_SECRET, kept in the data dir). */
  filesSecret: string
  devSessionSecret: string
  pool: () => Pool
}

const PERSONA_LABELS: Record<DevPersona, string> = {
  youth: '青年（报名、参加活动）',
  organiser: '成员单位组织者（中国邮政镇江分公司团委）',
  district_admin: '团区委管理员',
  new: '新用户（首次使用）',
}

function send(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(json)
}

const failure = (code: string, message: string) => ({ ok: false, code, message })

async function readJson(
  req: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; tooLarge: boolean }> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    // Keep draining past the limit so the client reads our 413 instead of a reset connection.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer)
  }
  if (size > MAX_BODY_BYTES) return { ok: false, tooLarge: true }
  try {
    const text = Buffer.concat(chunks).toString('utf8')
    return { ok: true, value: text ? JSON.parse(text) : {} }
  } catch {
    return { ok: false, tooLarge: false }
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization
  return h && h.startsWith('Bearer ') ? h.slice(7).trim() : undefined
}

/**
 * The H5 build, compressed: brotli or gzip copies are made once (precompress.ts) before sirv lists the
 * folder, and sirv picks the one the browser accepts. Hashed assets are immutable, so browsers keep them.
 */
function staticSite(dir: string) {
  precompressStatic(dir)
  return sirv(dir, {
    single: true,
    etag: true,
    dev: false,
    brotli: true,
    gzip: true,
    setHeaders(res, pathname) {
      if (/\.[0-9a-f]{8}\.(js|css)$/.test(pathname))
        res.setHeader('cache-control', 'public, max-age=31536000, immutable')
    },
  })
}

export function createHostServer(options: HostOptions): Server {
  const serveStatic = options.staticDir && existsSync(options.staticDir) ? staticSite(options.staticDir) : null

  // dev mode: files appear at run time (exports), so sirv must not cache the listing.
  const serveFiles = sirv(options.filesDir, { dev: true, etag: true })

  /** A stored file, only through a signed link that has not expired (file-link.ts); never a listing. */
  function serveFile(req: IncomingMessage, res: ServerResponse, url: URL) {
    const signed = signedPathOf(url, '/files/', options.filesSecret, systemClock(), 'files')
    if (!signed.ok) {
      return send(
        res,
        403,
        failure('FORBIDDEN', signed.expired ? '下载链接已过期，请重新导出' : '下载链接无效，请重新导出'),
      )
    }
    // sirv reads the path alone; the query has done its work.
    req.url = url.pathname.slice('/files'.length)
    res.setHeader('cache-control', 'private, no-store')
    return serveFiles(req, res, () => send(res, 404, failure('NOT_FOUND', '文件不存在')))
  }

  async function devLogin(res: ServerResponse, body: unknown) {
    const parsed = devLoginRequest.safeParse(body)
    if (!parsed.success) {
      return send(
        res,
        400,
        failure('INVALID_INPUT', `persona 须为 ${DEV_PERSONAS.join(' / ')} 之一；name 为 1–16 个字`),
      )
    }
    const { persona: p, name } = parsed.data
    // A named newcomer is the same person every time the same name is used; unnamed ones are fresh.
    const openid = p === 'new' ? `dev:new:${name ?? randomUUID()}` : DEMO_PEOPLE[p].openid
    const nickname = p === 'new' ? (name ?? '新朋友') : DEMO_PEOPLE[p].nickname
    await options
      .pool()
      .query(`insert into app_user (openid, nickname) values ($1, $2) on conflict (openid) do nothing`, [
        openid,
        nickname,
      ])
    const data: DevLoginResponse = { token: issueDevSession(openid, options.devSessionSecret), persona: p, nickname }
    send(res, 200, { ok: true, data } satisfies ApiResult<DevLoginResponse>)
  }

  /**
   * The stand-in for WeChat's phone-number button: a signed code, valid five minutes, for the typed
   * number (phone-code.ts). Only for a signed-in dev session, as the button is only in a signed-in app.
   */
  function devPhoneCode(req: IncomingMessage, res: ServerResponse, body: unknown) {
    const token = bearer(req)
    if (!token || !verifyDevSession(token, options.devSessionSecret)) {
      return send(res, 401, failure('UNAUTHENTICATED', '请先登录'))
    }
    const parsed = devPhoneCodeRequest.safeParse(body)
    if (!parsed.success) return send(res, 400, failure('INVALID_INPUT', '请填写手机号'))
    const data: DevPhoneCodeResponse = {
      code: issuePhoneCode(parsed.data.phone, options.devSessionSecret, systemClock()),
    }
    return send(res, 200, { ok: true, data } satisfies ApiResult<DevPhoneCodeResponse>)
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname.startsWith('/files/') && (req.method === 'GET' || req.method === 'HEAD')) {
      return serveFile(req, res, url)
    }
    if (url.pathname.startsWith('/upload/') && req.method === 'PUT') {
      return receiveUpload(req, res, url, options, send)
    }
    if (!url.pathname.startsWith('/api/')) {
      if (serveStatic && (req.method === 'GET' || req.method === 'HEAD')) {
        return serveStatic(req, res, () => send(res, 404, failure('NOT_FOUND', '页面不存在')))
      }
      return send(res, 404, failure('NOT_FOUND', '页面不存在'))
    }
    const name = url.pathname.slice('/api/'.length)
    if (name === '_dev/personas' && req.method === 'GET') {
      const items: DevPersonaInfo[] = DEV_PERSONAS.map((persona) => ({
        persona,
        label: PERSONA_LABELS[persona],
        nickname: persona === 'new' ? '新朋友' : DEMO_PEOPLE[persona].nickname,
      }))
      return send(res, 200, { ok: true, data: { items } })
    }
    if (name === '_dev/clock' && req.method === 'GET' && process.env.QINGJU_TEST_CLOCK === '1') {
      return send(res, 200, { ok: true, data: { now: systemClock().toISOString() } })
    }
    if (req.method !== 'POST') return send(res, 405, failure('INVALID_INPUT', '请使用 POST'))
    const body = await readJson(req)
    if (!body.ok) {
      return send(
        res,
        body.tooLarge ? 413 : 400,
        failure('INVALID_INPUT', body.tooLarge ? '请求内容过大' : '请求内容不是有效的 JSON'),
      )
    }
    if (name === '_dev/login') return devLogin(res, body.value)
    if (name === '_dev/phone-code') return devPhoneCode(req, res, body.value)
    if (name === '_dev/clock' && process.env.QINGJU_TEST_CLOCK === '1') {
      // End-to-end tests only: shift the clock every action reads, e.g. to check out hours later.
      // A bad value changes nothing: it is refused before the clock is touched.
      const parsed = devClockRequest.safeParse(body.value)
      if (!parsed.success) return send(res, 400, failure('INVALID_INPUT', '时钟偏移须为一年以内的整数毫秒'))
      setClockOffset(parsed.data.offsetMs)
      return send(res, 200, { ok: true, data: { now: systemClock().toISOString() } })
    }
    const main = Object.prototype.hasOwnProperty.call(options.functions, name) ? options.functions[name] : undefined
    if (!main) return send(res, 404, failure('NOT_FOUND', `云函数 ${name.slice(0, 40)} 不存在`))
    const result = await main(body.value, { request_id: randomUUID(), devSessionToken: bearer(req) })
    send(res, 200, result)
  }

  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(
        JSON.stringify({
          level: 'error',
          msg: 'host request failed',
          err: err instanceof Error ? err.stack : String(err),
        }),
      )
      if (!res.headersSent) send(res, 500, failure('INTERNAL', '服务开小差了，请稍后重试'))
      else res.end()
    })
  })
}
