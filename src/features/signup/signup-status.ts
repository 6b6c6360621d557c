/** What the detail page's sign-up bar says and offers, from the event, its settings and my registration. */
import type { ActivityDetail } from '@api/activity'
import type { Registration, SignupSummary } from '@api/signup'
import { formatDateTime } from '@/utils/time'
import { ACTIVE_STATES } from '@contract/signup'
import type { Direction } from '@contract/checkin'

export type BarAction = 'signup' | 'offer' | 'login' | 'none'

export interface BarStatus {
  /** The main button's text. */
  label: string
  action: BarAction
  /** A line above the buttons explaining the state. */
  note: string | null
  /** Label of the sheet's submit button when action is 'signup'. */
  submitLabel: string
}

type EventTimes = Pick<ActivityDetail, 'phase' | 'signupOpensAt' | 'signupClosesAt' | 'startAt'>

/** Every quota has all its seats taken. */
export function isFull(summary: SignupSummary): boolean {
  return summary.quotas.length > 0 && summary.quotas.every((q) => q.taken >= q.capacity)
}

export function seatsLeftOf(summary: SignupSummary): number {
  return summary.quotas.reduce((sum, q) => sum + Math.max(0, q.capacity - q.taken), 0)
}

function status(label: string, action: BarAction, note: string | null = null, submitLabel = '提交报名'): BarStatus {
  return { label, action, note, submitLabel }
}

export function barStatus(
  a: EventTimes,
  summary: SignupSummary | null,
  mine: Registration | null,
  signedIn: boolean,
  now: Date = new Date(),
  /** My last scan at this event, if any: a held place that has been used reads differently. */
  lastScan: Direction | null = null,
): BarStatus {
  if (mine && ACTIVE_STATES.includes(mine.state)) {
    switch (mine.state) {
      case 'applied':
        return status('已提交申请', 'none', '报名截止后由组织者选人或抽签，结果会通知你')
      case 'pending':
        return status('报名审核中', 'none', '已提交，等待组织者审核')
      case 'offered':
        return status(
          '待确认',
          'offer',
          mine.offerExpiresAt
            ? `名额已为你保留，请在 ${formatDateTime(mine.offerExpiresAt, now)} 前确认参加`
            : '名额已为你保留，请确认参加',
        )
      case 'confirmed':
        if (lastScan === 'in') return status('已签到', 'none', '离场时请签退，记录本次参与')
        if (lastScan === 'out') return status('已签退', 'none', '感谢参与')
        return status('已报名', 'none', '报名成功，请准时参加')
      case 'waitlisted':
        return status(
          mine.waitlistPosition ? `候补第 ${mine.waitlistPosition} 位` : '候补中',
          'none',
          summary?.settings.promotion === 'off'
            ? '如有名额空出，组织者会联系你'
            : '有名额空出时按顺序递补，届时会通知你',
        )
    }
  }
  if (a.phase === 'cancelled') return status('活动已取消', 'none')
  if (a.phase === 'finished') return status('活动已结束', 'none')
  if (a.phase === 'ongoing') return status('活动进行中', 'none')
  const t = now.getTime()
  if (t < Date.parse(a.signupOpensAt))
    return status('报名未开始', 'none', `${formatDateTime(a.signupOpensAt, now)} 开放报名`)
  if (t >= Date.parse(a.signupClosesAt) || t >= Date.parse(a.startAt)) return status('报名已截止', 'none')
  if (mine?.state === 'rejected') return status('报名未通过', 'none', mine.reason ? `原因：${mine.reason}` : null)
  const again =
    mine && ['cancelled', 'declined', 'expired'].includes(mine.state) ? '你已取消过报名，可以重新报名' : null
  if (!signedIn) return status('登录后报名', 'login')
  if (!summary) return status('报名', 'none', '报名信息加载失败，请下拉刷新')
  const s = summary.settings
  if (s.allocation === 'select') {
    return status('申请报名', 'signup', again ?? '报名截止后由组织者选人或抽签', '提交申请')
  }
  if (isFull(summary)) {
    return s.waitlist
      ? status('已满（可候补）', 'signup', again ?? '名额已满，可加入候补，有人退出时按顺序递补', '加入候补')
      : status('已满', 'none', '名额已满')
  }
  if (s.approvalRequired) return status('立即报名', 'signup', again ?? '报名需经组织者审核')
  return status('立即报名', 'signup', again)
}

/** The message after a successful sign-up, by the state the server put it in. */
export function resultText(reg: Registration): string {
  switch (reg.state) {
    case 'confirmed':
      return '报名成功'
    case 'waitlisted':
      return reg.waitlistPosition ? `已加入候补，第 ${reg.waitlistPosition} 位` : '已加入候补'
    case 'pending':
      return '已提交，等待审核'
    case 'applied':
      return '申请已提交'
    case 'offered':
      return '名额已保留，请确认'
    default:
      return '已提交'
  }
}
