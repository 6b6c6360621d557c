/** The org function's answers to its use cases' failures: today's codes and Chinese messages. */
import type { OrgFailure } from '../../../server/app/org/failures'
import { commonFailures, type FailureTable } from '../../../server/runtime/failures'

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
}
