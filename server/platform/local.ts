/**
 * LOCAL PLATFORM — stands in for WeChat where WeChat cannot be reached (`npm start`, tests).
 * Same interface as WechatPlatform, real behaviour:
 * - identity: a signed dev session (dev-session.ts) issued by the local login page;
 * - mini-program codes: a QR code rendered by the `qrcode` library;
 * - subscribe messages: rows in the local_outbox table;
 * - content safety: a small local rule set (WeChat's msgSecCheck in production);
 * - phone numbers: the code of WeChat's phone button is stood in for by a signed, short-lived code the
 *   host issues for a typed number at /api/_dev/phone-code (phone-code.ts);
 * - files: written under QINGJU_FILES_DIR (default ./.data/files), reached only through links signed
 *   with QINGJU_FILES_SECRET that expire (file-link.ts; the host checks them on /files/...).
 */
import { mkdir, writeFile } from 'fs/promises'
import { dirname, join, normalize } from 'path'
import QRCode from 'qrcode'
import { verifyDevSession } from './dev-session'
import { signFileLink, signUploadTicket } from './file-link'
import { readPhoneCode } from './phone-code'
import type { Caller, FunctionContext, Platform, PlatformDeps, SubscribeMessage, TextCheck } from './platform'

const LOCAL_FILE_PREFIX = 'local://'

// A deliberately small list: enough to exercise the rejection path end to end.
const BLOCKED_WORDS = ['赌博', '博彩', '色情', '毒品', '代开发票', '刷单']

export class LocalPlatform implements Platform {
  readonly kind = 'local' as const

  constructor(
    private readonly deps: PlatformDeps,
    private readonly secret = process.env.QINGJU_DEV_SESSION_SECRET ?? '',
    private readonly filesDir = process.env.QINGJU_FILES_DIR ?? join(process.cwd(), '.data', 'files'),
    private readonly filesSecret = process.env.QINGJU_FILES_SECRET ?? '',
  ) {}

  caller(context: FunctionContext): Caller | null {
    const token = context.devSessionToken
    if (typeof token !== 'string' || !token) return null
    const openid = verifyDevSession(token, this.secret)
    return openid ? { openid } : null
  }

  isScheduledRun(context: FunctionContext): boolean {
    // The local host's HTTP route builds the context itself, so only its scheduler can set this.
    return context.trigger === 'timer'
  }

  async miniProgramCode(scene: string, page: string): Promise<Buffer> {
    return QRCode.toBuffer(`qingju://${page}?scene=${encodeURIComponent(scene)}`, {
      type: 'png',
      margin: 1,
      width: 430,
    })
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    await this.deps
      .pool()
      .query('insert into local_outbox (recipient, template, payload) values ($1, $2, $3)', [
        message.toOpenid,
        message.templateId,
        JSON.stringify({ page: message.page, data: message.data }),
      ])
  }

  async checkText(text: string): Promise<TextCheck> {
    const hit = BLOCKED_WORDS.find((word) => text.includes(word))
    return hit ? { safe: false, reason: `内容含有不适宜发布的词语「${hit}」，请修改后再提交` } : { safe: true }
  }

  async uploadFile(cloudPath: string, content: Buffer): Promise<{ fileId: string }> {
    const relative = normalize(cloudPath)
      .replace(/^(\.\.(\/|\\|$))+/, '')
      .replace(/^\/+/, '')
    const target = join(this.filesDir, relative)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, content)
    return { fileId: `${LOCAL_FILE_PREFIX}${relative.split('\\').join('/')}` }
  }

  async fileLink(fileId: string, now: Date): Promise<string> {
    if (!fileId.startsWith(LOCAL_FILE_PREFIX)) throw new Error('not a local file id')
    return signFileLink(fileId.slice(LOCAL_FILE_PREFIX.length), this.filesSecret, now)
  }

  async fileLinks(fileIds: string[], now: Date): Promise<(string | null)[]> {
    return fileIds.map((id) =>
      id.startsWith(LOCAL_FILE_PREFIX) ? signFileLink(id.slice(LOCAL_FILE_PREFIX.length), this.filesSecret, now) : null,
    )
  }

  async uploadTicket(cloudPath: string, now: Date): Promise<string | null> {
    return signUploadTicket(cloudPath, this.filesSecret, now)
  }

  async phoneNumber(code: string, now: Date): Promise<string | null> {
    return readPhoneCode(code, this.secret, now)
  }
}
