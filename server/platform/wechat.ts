/**
 * WeChat CloudBase platform: wx-server-sdk, which CloudBase provides to each function
 * (kept external in the bundle and listed in every function's package.json).
 */
import {
  FILE_LINK_TTL_SECONDS,
  type Caller,
  type FunctionContext,
  type Platform,
  type SubscribeMessage,
  type TextCheck,
} from './platform'

interface WxServerSdk {
  init(options: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  getWXContext(): { OPENID?: string; APPID?: string; UNIONID?: string; SOURCE?: string }
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList: { fileID: string; tempFileURL: string; status: number; errMsg?: string }[]
  }>
  openapi: {
    wxacode: {
      getUnlimited(options: { scene: string; page: string; checkPath?: boolean }): Promise<{ buffer: Buffer }>
    }
    subscribeMessage: {
      send(options: {
        touser: string
        templateId: string
        page: string
        data: SubscribeMessage['data']
      }): Promise<unknown>
    }
    phonenumber: {
      getPhoneNumber(options: { code: string }): Promise<{
        phoneInfo?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string }
      }>
    }
    security: {
      msgSecCheck(options: {
        openid: string
        scene: number
        version: number
        content: string
      }): Promise<{ result?: { suggest?: string; label?: number } }>
    }
  }
}

/** WeChat's error codes for a phone code it will not exchange (invalid, or already used). */
const PHONE_CODE_REFUSED = [40029, 40163]

let sdk: WxServerSdk | null = null
function cloud(): WxServerSdk {
  if (!sdk) {
    // Loaded lazily: only CloudBase has it installed.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdk = require('wx-server-sdk') as WxServerSdk
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  }
  return sdk
}

/** getTempFileURL takes at most 50 files a call. */
const TEMP_URL_BATCH = 50

export class WechatPlatform implements Platform {
  readonly kind = 'wechat' as const

  caller(_context: FunctionContext): Caller | null {
    const { OPENID } = cloud().getWXContext()
    return OPENID ? { openid: OPENID } : null
  }

  isScheduledRun(_context: FunctionContext): boolean {
    // SOURCE names the whole call chain; a timer trigger's own run is exactly 'wx_trigger'
    // (a client call is 'wx_client', and a function called by another carries ',scf').
    return cloud().getWXContext().SOURCE === 'wx_trigger'
  }

  async miniProgramCode(scene: string, page: string): Promise<Buffer> {
    const res = await cloud().openapi.wxacode.getUnlimited({ scene, page, checkPath: false })
    return res.buffer
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    await cloud().openapi.subscribeMessage.send({
      touser: message.toOpenid,
      templateId: message.templateId,
      page: message.page,
      data: message.data,
    })
  }

  async checkText(text: string, author: Caller): Promise<TextCheck> {
    // msgSecCheck v2, scene 2 = comment/article. Longer texts are checked in 2,500-char slices.
    for (let i = 0; i < text.length; i += 2500) {
      const res = await cloud().openapi.security.msgSecCheck({
        openid: author.openid,
        scene: 2,
        version: 2,
        content: text.slice(i, i + 2500),
      })
      if (res.result?.suggest && res.result.suggest !== 'pass') {
        return { safe: false, reason: '内容未通过微信内容安全检测，请修改后再提交' }
      }
    }
    return { safe: true }
  }

  async phoneNumber(code: string, _now: Date): Promise<string | null> {
    let res: Awaited<ReturnType<WxServerSdk['openapi']['phonenumber']['getPhoneNumber']>>
    try {
      res = await cloud().openapi.phonenumber.getPhoneNumber({ code })
    } catch (err) {
      // 40029: an invalid code (unknown or expired), 40163: a used one; anything else is a fault of the call.
      if (PHONE_CODE_REFUSED.includes((err as { errCode?: number }).errCode ?? 0)) return null
      throw err
    }
    const info = res.phoneInfo
    if (!info?.purePhoneNumber) return null
    const country = info.countryCode ?? '86'
    return country === '86' ? info.purePhoneNumber : `+${country}${info.purePhoneNumber}`
  }

  async uploadFile(cloudPath: string, content: Buffer): Promise<{ fileId: string }> {
    // The client gets only a temporary URL (fileLink). CloudBase's default storage rule is public read,
    // under which temporary URLs never expire: the environment's storage rule must make exports private.
    const res = await cloud().uploadFile({ cloudPath, fileContent: content })
    return { fileId: res.fileID }
  }

  async fileLinks(fileIds: string[], _now: Date): Promise<(string | null)[]> {
    const links: (string | null)[] = []
    for (let i = 0; i < fileIds.length; i += TEMP_URL_BATCH) {
      const batch = fileIds.slice(i, i + TEMP_URL_BATCH)
      const res = await cloud().getTempFileURL({
        fileList: batch.map((fileID) => ({ fileID, maxAge: FILE_LINK_TTL_SECONDS })),
      })
      const byId = new Map(res.fileList.map((f) => [f.fileID, f.status === 0 && f.tempFileURL ? f.tempFileURL : null]))
      links.push(...batch.map((id) => byId.get(id) ?? null))
    }
    return links
  }

  async uploadTicket(_cloudPath: string, _now: Date): Promise<string | null> {
    // The mini-program uploads with wx.cloud.uploadFile to the name the server gave; the storage rule
    // (creator-only read and write) keeps it private, and others see it only through fileLink.
    return null
  }

  async fileLink(fileId: string, _now: Date): Promise<string> {
    const res = await cloud().getTempFileURL({ fileList: [{ fileID: fileId, maxAge: FILE_LINK_TTL_SECONDS }] })
    const file = res.fileList[0]
    if (!file || file.status !== 0 || !file.tempFileURL) {
      throw new Error(`getTempFileURL failed: ${file?.errMsg ?? 'no file in the answer'}`)
    }
    return file.tempFileURL
  }
}
