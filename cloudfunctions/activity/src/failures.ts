/** The activity function's answers to its use cases' failures: today's codes and Chinese messages. */
import type { ActivityFailure } from '../../../server/app/activity/failures'
import type { EventState, Transition } from '../../../server/domain/event-rules'
import { commonFailures, type FailureTable } from '../../../server/runtime/failures'
import { capacityFailures } from '../../signup/src/failures'

const STATE_NAMES: Record<EventState, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
  finished: '已结项',
}

const VERBS: Record<Transition, string> = { edit: '修改', publish: '发布', cancel: '取消', finish: '结项' }

const NOT_ORGANISER = {
  manage: '只有本单位的组织者可以管理该活动',
  post: '只有本单位的组织者可以发布活动',
  view: '只有本单位的组织者可以查看',
} as const

export const activityFailures: FailureTable<ActivityFailure> = {
  ...commonFailures,
  ...capacityFailures,
  badSchedule: (f) => {
    const fields: Record<string, string> = {}
    if (f.endAt === 'endBeforeStart') fields.endAt = '结束时间须晚于开始时间'
    if (f.endAt === 'tooLong') fields.endAt = `活动时长不能超过 ${f.maxDays} 天`
    if (f.signupClosesAt === 'closesBeforeOpens') fields.signupClosesAt = '报名截止须晚于报名开始'
    if (f.signupClosesAt === 'closesAfterStart') fields.signupClosesAt = '报名截止不能晚于活动开始'
    return { code: 'INVALID_INPUT', message: Object.values(fields)[0], fields }
  },
  capacityBelowTaken: ({ seatsTaken }) => ({
    code: 'CONFLICT',
    message: `已有 ${seatsTaken} 人报名，名额不能少于 ${seatsTaken}`,
    fields: { capacity: `不能少于 ${seatsTaken}` },
  }),
  transitionNotAllowed: ({ state, transition }) => ({
    code: 'CONFLICT',
    message: `活动当前为「${STATE_NAMES[state]}」，不能${VERBS[transition]}`,
  }),
  startPassed: { code: 'CONFLICT', message: '活动开始时间已过，请修改时间后再发布' },
  notStartedYet: { code: 'CONFLICT', message: '活动尚未开始，不能结项' },
  adhocNotAllowed: { code: 'FORBIDDEN', message: '本区仅允许发布年度活动清单内的活动，请选择清单条目' },
  lineNotOfUnit: {
    code: 'INVALID_INPUT',
    message: '请选择本单位的年度清单条目',
    fields: { planLineId: '不属于本单位' },
  },
  lineNotPublished: { code: 'INVALID_INPUT', message: '该年度清单尚未发布', fields: { planLineId: '清单未发布' } },
  notOrganiser: ({ to }) => ({ code: 'FORBIDDEN', message: NOT_ORGANISER[to] }),
  unitNotAdmitted: { code: 'CONFLICT', message: '单位通过审核后才能发布活动' },
  unknownCategory: { code: 'INVALID_INPUT', message: '活动类别不存在', fields: { category: '取值无效' } },
  badCursor: { code: 'INVALID_INPUT', message: '分页参数无效，请刷新后重试', fields: { cursor: '格式不正确' } },
}
