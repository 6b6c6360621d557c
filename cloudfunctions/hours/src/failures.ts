/** The `hours` function's failure table: each hours failure kind → its API code and Chinese message. */
import type { OrganiserFailure } from '../../../server/app/organiser'
import type { HoursFailure } from '../../../server/domain/hours/failures'
import type { FailureTable } from '../../../server/runtime/failures'

export const hoursFailures: FailureTable<HoursFailure | OrganiserFailure> = {
  reversalLocked: { code: 'ENTRY_LOCKED', message: '冲正记录不能调整' },
  declinedLocked: { code: 'ENTRY_LOCKED', message: '未通过的记录不能调整，请改用补录' },
  alreadyCorrected: { code: 'ENTRY_LOCKED', message: '该记录已被更正，请调整更正后的记录' },
  notOnStep: ({ stepHours }) => ({ code: 'INVALID_INPUT', message: `时长须为 ${stepHours} 小时的整数倍` }),
  makeupNotPositive: { code: 'INVALID_INPUT', message: '补录时长须大于 0' },
  overLimit: ({ hoursLeft, makeup }) => ({
    code: 'HOURS_OVER_LIMIT',
    message: `超出活动排期时长，本人最多还可${makeup ? '补录' : '记'} ${hoursLeft} 小时`,
  }),
  eventNotEnded: { code: 'CONFLICT', message: '活动结束后才能汇总时长' },
  eventNotStarted: { code: 'CONFLICT', message: '活动开始后才能补录时长' },
  participationOnly: { code: 'CONFLICT', message: '该活动只记录参与，不计志愿时长' },
  correctionRaced: { code: 'ENTRY_LOCKED', message: '该记录已被更正，请刷新后调整更正后的记录' },
  notPending: ({ status }) => ({
    code: 'ENTRY_LOCKED',
    message: status === 'approved' ? '已确认的时长不能驳回，请用调整更正为 0' : '该记录已未通过',
  }),
  registrationMissing: { code: 'NOT_FOUND', message: '报名不存在或已下线' },
  notSeatedForMakeup: { code: 'CONFLICT', message: '只能为报名成功的人补录时长' },
  dayNotScheduled: { code: 'INVALID_INPUT', message: '补录日期须在活动日程内', fields: { day: '不在活动日程内' } },
  evidenceNotUploaded: { code: 'INVALID_INPUT', message: '证明照片无效，请重新选择照片上传' },
  notEvidenceViewer: { code: 'FORBIDDEN', message: '只有活动组织者和本人可以查看证明照片' },
  realNameMissing: { code: 'PROFILE_INCOMPLETE', message: '证明需要写明真实姓名，请先在个人资料中填写' },
  noApprovedHours: { code: 'NOT_FOUND', message: '所选时段内没有已确认的志愿服务时长' },
  notDistrictAdmin: ({ task }) => ({
    code: 'FORBIDDEN',
    message: task === 'report' ? '只有团区委管理员可以查看时长统计' : '只有团区委管理员可以导出时长',
  }),
  notOrganiser: { code: 'FORBIDDEN', message: '只有本活动的组织者可以处理时长' },
}
