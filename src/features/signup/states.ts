/** Registration states as people see them. */
import { REGISTRATION_STATES, type RegistrationState } from '@contract/signup'

export const STATE_NAMES: Record<RegistrationState, string> = {
  applied: '已申请',
  pending: '审核中',
  offered: '待确认',
  confirmed: '已报名',
  waitlisted: '候补中',
  rejected: '未通过',
  declined: '已放弃',
  expired: '已过期',
  cancelled: '已取消',
  attended: '已到场',
  no_show: '缺席',
}

/** The roster's filter order: the contract's own order. */
export const STATE_ORDER: readonly RegistrationState[] = REGISTRATION_STATES

type TagColor = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'danger'

export const STATE_COLORS: Record<RegistrationState, TagColor> = {
  applied: 'info',
  pending: 'warning',
  offered: 'danger',
  confirmed: 'success',
  waitlisted: 'warning',
  rejected: 'default',
  declined: 'default',
  expired: 'default',
  cancelled: 'default',
  attended: 'success',
  no_show: 'danger',
}

/** "85%"; "暂无记录" without any record. */
export function rateText(rate: number | null): string {
  return rate === null ? '暂无记录' : `${Math.round(rate * 100)}%`
}

/** The state with its detail: "候补第 3 位", "待确认", … */
export function stateLabel(state: RegistrationState, waitlistPosition: number | null): string {
  if (state === 'waitlisted' && waitlistPosition) return `候补第 ${waitlistPosition} 位`
  return STATE_NAMES[state]
}
