/**
 * The `hours` function's failure table: every hours failure kind answers the code and Chinese
 * message the API answered before the failures were typed (pages and browser tests rely on them).
 */
import { hoursFailures } from '../../../cloudfunctions/hours/src/failures'
import type { Failure } from '../../../server/domain/failure'
import { answerFor, type FailureTable } from '../../../server/runtime/failures'

describe('the hours failure table', () => {
  test.each([
    [{ kind: 'reversalLocked' }, 'ENTRY_LOCKED', '冲正记录不能调整'],
    [{ kind: 'declinedLocked' }, 'ENTRY_LOCKED', '未通过的记录不能调整，请改用补录'],
    [{ kind: 'alreadyCorrected' }, 'ENTRY_LOCKED', '该记录已被更正，请调整更正后的记录'],
    [{ kind: 'notOnStep', stepHours: 0.5 }, 'INVALID_INPUT', '时长须为 0.5 小时的整数倍'],
    [{ kind: 'makeupNotPositive' }, 'INVALID_INPUT', '补录时长须大于 0'],
    [
      { kind: 'overLimit', hoursLeft: 2.5, makeup: true },
      'HOURS_OVER_LIMIT',
      '超出活动排期时长，本人最多还可补录 2.5 小时',
    ],
    [{ kind: 'overLimit', hoursLeft: 1, makeup: false }, 'HOURS_OVER_LIMIT', '超出活动排期时长，本人最多还可记 1 小时'],
    [{ kind: 'eventNotEnded' }, 'CONFLICT', '活动结束后才能汇总时长'],
    [{ kind: 'eventNotStarted' }, 'CONFLICT', '活动开始后才能补录时长'],
    [{ kind: 'participationOnly' }, 'CONFLICT', '该活动只记录参与，不计志愿时长'],
    [{ kind: 'correctionRaced' }, 'ENTRY_LOCKED', '该记录已被更正，请刷新后调整更正后的记录'],
    [{ kind: 'notPending', status: 'approved' }, 'ENTRY_LOCKED', '已确认的时长不能驳回，请用调整更正为 0'],
    [{ kind: 'notPending', status: 'declined' }, 'ENTRY_LOCKED', '该记录已未通过'],
    [{ kind: 'registrationMissing' }, 'NOT_FOUND', '报名不存在或已下线'],
    [{ kind: 'notSeatedForMakeup' }, 'CONFLICT', '只能为报名成功的人补录时长'],
    [{ kind: 'realNameMissing' }, 'PROFILE_INCOMPLETE', '证明需要写明真实姓名，请先在个人资料中填写'],
    [{ kind: 'noApprovedHours' }, 'NOT_FOUND', '所选时段内没有已确认的志愿服务时长'],
    [{ kind: 'notDistrictAdmin', task: 'report' }, 'FORBIDDEN', '只有团区委管理员可以查看时长统计'],
    [{ kind: 'notDistrictAdmin', task: 'export' }, 'FORBIDDEN', '只有团区委管理员可以导出时长'],
    [{ kind: 'notOrganiser', task: 'hours' }, 'FORBIDDEN', '只有本活动的组织者可以处理时长'],
    [{ kind: 'notFound', thing: 'hoursEntry' }, 'NOT_FOUND', '时长记录不存在或已下线'],
  ] as [Failure, string, string][])('%j → %s %s', (failure, code, message) => {
    expect(answerFor(failure, hoursFailures as FailureTable<Failure>)).toEqual({ code, message })
  })

  test('a make-up day off the schedule names the field', () => {
    expect(answerFor({ kind: 'dayNotScheduled' }, hoursFailures as FailureTable<Failure>)).toEqual({
      code: 'INVALID_INPUT',
      message: '补录日期须在活动日程内',
      fields: { day: '不在活动日程内' },
    })
  })
})
