/**
 * Registration states as people see them. The list is copied from types/api/signup.ts
 * (REGISTRATION_STATES lives in a zod module, which must not enter the bundle).
 */
import type { RegistrationState } from '@api/signup'

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

export const STATE_ORDER: RegistrationState[] = [
  'applied',
  'pending',
  'offered',
  'confirmed',
  'waitlisted',
  'rejected',
  'declined',
  'expired',
  'cancelled',
  'attended',
  'no_show',
]

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

/** Copied from the contract's ACTIVE_STATES: at most one of these per person and event. */
export const ACTIVE: RegistrationState[] = ['applied', 'pending', 'offered', 'confirmed', 'waitlisted']

/** "85%"; "暂无记录" without any record. */
export function rateText(rate: number | null): string {
  return rate === null ? '暂无记录' : `${Math.round(rate * 100)}%`
}

/** The state with its detail: "候补第 3 位", "待确认", … */
export function stateLabel(state: RegistrationState, waitlistPosition: number | null): string {
  if (state === 'waitlisted' && waitlistPosition) return `候补第 ${waitlistPosition} 位`
  return STATE_NAMES[state]
}
