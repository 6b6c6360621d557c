import type { UnitRole, UnitStatus } from '@contract/org'

export { UNIT_KINDS, UNIT_KIND_NAMES } from '@contract/org'

export const UNIT_STATUS_NAMES: Record<UnitStatus, string> = {
  pending: '待审核',
  admitted: '已加入',
  rejected: '已驳回',
}

export const UNIT_ROLE_NAMES: Record<UnitRole, string> = { admin: '管理员', organiser: '组织者' }
