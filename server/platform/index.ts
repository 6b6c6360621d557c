/** Picks the platform: LocalPlatform only when the local host or tests say so, WeChat otherwise. */
import { getPool } from '../store/pool'
import { LocalPlatform } from './local'
import type { Platform } from './platform'
import { WechatPlatform } from './wechat'

let platform: Platform | null = null

export function currentPlatform(): Platform {
  if (!platform) {
    platform = process.env.QINGJU_PLATFORM === 'local' ? new LocalPlatform({ pool: getPool }) : new WechatPlatform()
  }
  return platform
}
