/**
 * Everything the functions need from WeChat, behind one small interface.
 * - WechatPlatform (wechat.ts): wx-server-sdk inside CloudBase.
 * - LocalPlatform (local.ts): a real local implementation for `npm start` and tests.
 */
import type { Pool } from 'pg'

/** The verified caller. Only the platform may produce one; never built from the event. */
export interface Caller {
  openid: string
}

/** The second argument CloudBase (or the local host) passes to `main`. */
export interface FunctionContext {
  request_id?: string
  /** Local host only: the signed dev session from the Authorization header. */
  devSessionToken?: string
  /** Local host only: set by its scheduler (never from a request) when it runs a timer action. */
  trigger?: 'timer'
  [key: string]: unknown
}

export interface SubscribeMessage {
  toOpenid: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

export interface TextCheck {
  safe: boolean
  /** Chinese reason shown to the author when unsafe. */
  reason?: string
}

export interface Platform {
  readonly kind: 'wechat' | 'local'
  /** The verified caller, or null for an anonymous visitor. */
  caller(context: FunctionContext): Caller | null
  /** True only when a scheduler, not a client, made this call (timer actions such as the sweeps). */
  isScheduledRun(context: FunctionContext): boolean
  /** A mini-program code (PNG) that opens `page` with `scene` (≤ 32 chars). */
  miniProgramCode(scene: string, page: string): Promise<Buffer>
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>
  /** Content-safety check of user-written text before it is published. */
  checkText(text: string, author: Caller): Promise<TextCheck>
  /**
   * Stores a file, private: no permanent public link to it exists. `fileId` names it (a CloudBase
   * fileID in WeChat, `local://<path>` locally). The caller puts an unguessable part in `cloudPath`.
   */
  uploadFile(cloudPath: string, content: Buffer): Promise<{ fileId: string }>
  /**
   * A short-lived download link to a stored file (about ten minutes from `now`): CloudBase's
   * temporary file URL in WeChat, a signed, expiring /files/... link on the local host.
   */
  fileLink(fileId: string, now: Date): Promise<string>
  /**
   * How a client uploads one file to `cloudPath` (an upload name the server chose): null in WeChat, where
   * the mini-program calls `wx.cloud.uploadFile` itself under the storage rule; locally, a signed,
   * expiring PUT link to the host (the stand-in for cloud storage).
   */
  uploadTicket(cloudPath: string, now: Date): Promise<string | null>
  /**
   * Links to many stored files at once (a list's images), in order: one getTempFileURL call per 50 in
   * WeChat. Null for a file that cannot be linked (gone), so one missing image does not fail a list.
   */
  fileLinks(fileIds: string[], now: Date): Promise<(string | null)[]>
  /**
   * The phone number behind a code from WeChat's phone-number button (`e.detail.code`): WeChat's
   * `phonenumber.getPhoneNumber`; locally, the stand-in code the host issues (phone-code.ts), read
   * at `now`. Null when the code is refused (unknown, used or expired). A mainland number comes
   * back as its 11 digits; any other with its `+<country code>` in front.
   */
  phoneNumber(code: string, now: Date): Promise<string | null>
}

/** How long a file link (Platform.fileLink) works: long enough to tap it, too short to pass around. */
export const FILE_LINK_TTL_SECONDS = 10 * 60

export interface PlatformDeps {
  pool: () => Pool
}
