/**
 * Picks the platform: the local stand-ins only when the local host or tests say so (and only in
 * builds that contain them), WeChat otherwise.
 */
import { getPool } from '../store/pool'
import { createLocalPlatform } from './local-factory'
import type { Platform } from './platform'
import { WechatPlatform } from './wechat'

let platform: Platform | null = null

export function currentPlatform(): Platform {
  if (!platform) {
    if (process.env.QINGJU_PLATFORM === 'local') {
      // A CloudBase bundle has no local platform: refuse rather than quietly fall back to WeChat.
      if (!createLocalPlatform) throw new Error('QINGJU_PLATFORM=local, but this build has no local platform')
      platform = createLocalPlatform({ pool: getPool })
    } else {
      platform = new WechatPlatform()
    }
  }
  return platform
}
