/** Registered youth groups (青年社团 / 青年自组织): the zod-free constants pages and server share. */

export const YOUTH_GROUP_KINDS = ['interest', 'volunteer', 'self_organised', 'other'] as const
export type YouthGroupKind = (typeof YOUTH_GROUP_KINDS)[number]
export const YOUTH_GROUP_KIND_NAMES: Record<YouthGroupKind, string> = {
  interest: '兴趣社团',
  volunteer: '志愿服务队',
  self_organised: '青年自组织',
  other: '其他',
}

/** pending → approved | declined (with a reason); approved → suspended (with a reason). */
export const YOUTH_GROUP_STATES = ['pending', 'approved', 'declined', 'suspended'] as const
export type YouthGroupState = (typeof YOUTH_GROUP_STATES)[number]
export const YOUTH_GROUP_STATE_NAMES: Record<YouthGroupState, string> = {
  pending: '待审核',
  approved: '已通过',
  declined: '未通过',
  suspended: '已暂停',
}

/** A person leads at most this many groups that are pending, approved or suspended. */
export const MAX_GROUPS_PER_LEADER = 3
/** Members a group declares: at least 3 people. */
export const YOUTH_GROUP_MIN_SIZE = 3
export const YOUTH_GROUP_MAX_SIZE = 10000
