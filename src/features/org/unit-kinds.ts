import type { UnitKind, UnitStatus } from '@api/org'

/**
 * Copy of UNIT_KIND_NAMES from types/api/org.ts: that module imports zod at runtime, and pages
 * import the contract as types only. The Record type makes a new kind a compile error here.
 */
export const UNIT_KIND_NAMES: Record<UnitKind, string> = {
  agency: '机关',
  state_owned: '国企',
  finance: '金融',
  new_economy: '两新组织',
  school: '学校',
  community: '社区',
  other: '其他',
}

export const UNIT_KINDS = Object.keys(UNIT_KIND_NAMES) as UnitKind[]

export const UNIT_STATUS_NAMES: Record<UnitStatus, string> = {
  pending: '待审核',
  admitted: '已加入',
  rejected: '已驳回',
}

export const UNIT_ROLE_NAMES = { admin: '管理员', organiser: '组织者' } as const
