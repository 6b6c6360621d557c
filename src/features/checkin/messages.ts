/**
 * Words for check-in results. The server's message is always shown as is (it says exactly why);
 * the title by code tells at a glance what to do next.
 */
import type { Direction } from '@contract/checkin'

export type { Direction }

export const VERB: Record<Direction, string> = { in: '签到', out: '签退' }

const TITLES: Record<string, string> = {
  CODE_INVALID: '二维码无效',
  CODE_EXPIRED: '二维码已过期',
  WRONG_EVENT: '不是本活动的二维码',
  CHECKIN_CLOSED: '不在签到时间内',
  NOT_REGISTERED: '未报名本活动',
  REGISTRATION_CANCELLED: '报名无效',
  NOT_CHECKED_IN: '尚未签到',
  NETWORK: '网络异常',
}

/** Titles when the person typed the 6 digits instead of scanning: there was no QR code to blame. */
const TYPED_TITLES: Record<string, string> = {
  CODE_INVALID: '签到码不正确',
  CODE_EXPIRED: '签到码已过期',
  WRONG_EVENT: '不是本活动的签到码',
}

/** "二维码已过期" (or "签到码已过期" when typed), or "签到失败" for codes without a title of their own. */
export function failureTitle(code: string | null, verb: string, typed = false): string {
  return (code && ((typed && TYPED_TITLES[code]) || TITLES[code])) || `${verb}失败`
}

/** Errors worth sending again unchanged: the call may not have arrived, or the server stumbled. */
export function retryable(code: string | null): boolean {
  return code === 'NETWORK' || code === 'INTERNAL' || code === null
}

/** The next action of a person at the event: check out after an open check-in, otherwise check in. */
export function nextDirection(lastDirection: Direction | null): Direction {
  return lastDirection === 'in' ? 'out' : 'in'
}

/** The button's words: after a check-out, checking in again starts a second session, and says so. */
export function actionLabel(lastDirection: Direction | null): string {
  return lastDirection === 'out' ? '再次签到' : VERB[nextDirection(lastDirection)]
}
