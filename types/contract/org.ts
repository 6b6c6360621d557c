export const UNIT_KINDS = ['agency', 'state_owned', 'finance', 'new_economy', 'school', 'community', 'other'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]
/** Display names of unit kinds (机关/国企/金融/两新组织/学校/社区/其他). */
export const UNIT_KIND_NAMES: Record<UnitKind, string> = {
  agency: '机关',
  state_owned: '国企',
  finance: '金融',
  new_economy: '两新组织',
  school: '学校',
  community: '社区',
  other: '其他',
}

export const UNIT_STATUSES = ['pending', 'admitted', 'rejected'] as const
export type UnitStatus = (typeof UNIT_STATUSES)[number]
export const UNIT_ROLES = ['admin', 'organiser'] as const
export type UnitRole = (typeof UNIT_ROLES)[number]

/** Invite codes: 8 characters without the look-alikes 0/O, 1/I/L. */
export const INVITE_CODE = /^[2-9A-HJKMNP-Z]{8}$/
