/** The org function's answers to its use cases' failures: today's codes and Chinese messages. */
import type { OrgFailure } from '../../../server/app/org/failures'
import type { LeaderItem } from '../../../server/domain/youth-group'
import { commonFailures, type FailureTable } from '../../../server/runtime/failures'

/** What a youth group's leader must add before applying. */
const LEADER_ITEMS: Record<LeaderItem, { add: string; field: string }> = {
  phone: { add: '绑定手机号', field: '请绑定手机号' },
  realName: { add: '填写真实姓名', field: '请填写真实姓名' },
}

const NOT_REVIEWER = {
  review: '只有团区委管理员可以审核成员单位',
  seePending: '只有团区委管理员可以查看待审核的申请',
} as const

const NOT_UNIT_ADMIN = {
  edit: '只有本单位管理员可以修改单位信息',
  invite: '只有本单位管理员可以邀请组织者',
  setRoles: '只有本单位管理员或团区委可以调整成员',
} as const

export const orgFailures: FailureTable<OrgFailure> = {
  ...commonFailures,
  duplicateUnitName: { code: 'CONFLICT', message: '该单位名称已存在，请勿重复申请', fields: { name: '名称已存在' } },
  rejectWithoutReason: { code: 'INVALID_INPUT', message: '驳回时请填写原因', fields: { reason: '不能为空' } },
  notReviewer: ({ to }) => ({ code: 'FORBIDDEN', message: NOT_REVIEWER[to] }),
  alreadyReviewed: { code: 'CONFLICT', message: '该申请已审核过' },
  notUnitAdmin: ({ to }) => ({ code: 'FORBIDDEN', message: NOT_UNIT_ADMIN[to] }),
  unitNotAdmitted: { code: 'CONFLICT', message: '单位通过审核后才能邀请组织者' },
  inviteInvalid: { code: 'NOT_FOUND', message: '邀请码无效或已过期' },
  inviteUsedUp: { code: 'CONFLICT', message: '邀请码使用次数已满，请联系单位管理员重新生成' },
  outsiderNeedsInvite: { code: 'FORBIDDEN', message: '请通过邀请码邀请新成员' },
  lastAdmin: { code: 'CONFLICT', message: '单位至少需要一名管理员' },
  notAuditor: { code: 'FORBIDDEN', message: '只有团区委管理员可以查看操作记录' },
  invalidCursor: { code: 'INVALID_INPUT', message: '分页参数无效', fields: { cursor: '格式不正确' } },
  leaderIdentityMissing: ({ missing }) => ({
    code: 'IDENTITY_REQUIRED',
    message: `申请青年团体需要先${missing.map((m) => LEADER_ITEMS[m].add).join('、')}`,
    fields: Object.fromEntries(missing.map((m) => [m, LEADER_ITEMS[m].field])),
  }),
  tooManyGroups: ({ max }) => ({ code: 'CONFLICT', message: `每人最多负责 ${max} 个青年团体` }),
  groupNotPending: { code: 'CONFLICT', message: '该团体申请已审核过' },
  groupNotApproved: { code: 'CONFLICT', message: '只能暂停已通过审核的团体' },
  declineGroupWithoutReason: { code: 'INVALID_INPUT', message: '不通过时请填写原因', fields: { reason: '不能为空' } },
  groupMissing: { code: 'NOT_FOUND', message: '团体不存在' },
  duplicateGroupName: { code: 'CONFLICT', message: '该团体名称已存在，请换一个名称', fields: { name: '名称已存在' } },
  notGroupReviewer: { code: 'FORBIDDEN', message: '只有团区委管理员可以审核青年团体' },
}
