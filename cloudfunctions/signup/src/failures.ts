/** The signup function's answers to its refusals: each failure kind's API code and the Chinese message people read. */
import type {
  AnswerProblem,
  IdentityItem,
  OrganiserAct,
  SettingsProblem,
  SignupFailure,
} from '../../../server/domain/signup/failures'
import type { RateLimitFailure } from '../../../server/domain/rate-limit'
import type { FailureAnswer, FailureTable } from '../../../server/runtime/failures'

const ANSWER_PROBLEMS: Record<AnswerProblem, string> = {
  unknownQuestion: '没有这个问题',
  required: '必填',
  notText: '应为文字',
  badOption: '选项无效',
  notMultiple: '应为多选',
  noQuotaChosen: '请选择一个有名额的选项',
}

const ORGANISER_ACTS: Record<OrganiserAct, string> = {
  changeRegistration: '只有本活动的组织者可以操作报名',
  editSettings: '只有本活动的组织者可以修改报名设置',
  viewRoster: '只有本活动的组织者可以查看报名名单',
  draw: '只有本活动的组织者可以抽签',
  pick: '只有本活动的组织者可以选人',
  exportRoster: '只有本活动的组织者可以导出名单',
  sendNotice: '只有本活动的组织者可以发送通知',
}

/** INVALID_INPUT naming the first problem in the message, with every field's problem in `fields`. */
function invalid(prefix: string, fields: Record<string, string>): FailureAnswer {
  const first = Object.values(fields)[0]
  return { code: 'INVALID_INPUT', message: `${prefix}：${first}`, fields }
}

const mapValues = <P extends string>(problems: Record<string, P>, text: (p: P) => string): Record<string, string> =>
  Object.fromEntries(Object.entries(problems).map(([field, p]) => [field, text(p)]))

const ageLimit = ({ minAge, maxAge }: { minAge: number | null; maxAge: number | null }): FailureAnswer => ({
  code: 'NOT_ELIGIBLE',
  message: `本活动限 ${minAge ?? 0}–${maxAge ?? '不限'} 岁报名`,
})

const quotaName = (key: string) => key || '全部'

/** What to add, per missing item: the message alone (one item), and the field's note for the sheet. */
const IDENTITY_ITEMS: Record<IdentityItem, { alone: string; add: string; field: string }> = {
  phone: { alone: '报名需要先绑定手机号', add: '绑定手机号', field: '请绑定手机号' },
  realName: { alone: '本活动要求实名报名，请填写真实姓名', add: '填写真实姓名', field: '请填写真实姓名' },
  birthDate: { alone: '本活动需要核实年龄，请填写出生日期', add: '填写出生日期', field: '请填写出生日期' },
}

/** IDENTITY_REQUIRED naming what to add; `fields` lists every missing item (phone, realName, birthDate) for the sheet. */
function identityRequired(missing: IdentityItem[]): FailureAnswer {
  return {
    code: 'IDENTITY_REQUIRED',
    message:
      missing.length === 1
        ? IDENTITY_ITEMS[missing[0]].alone
        : `报名前请先${missing.map((m) => IDENTITY_ITEMS[m].add).join('、')}`,
    fields: Object.fromEntries(missing.map((m) => [m, IDENTITY_ITEMS[m].field])),
  }
}

/**
 * The refusal of `resizeCapacity` (server/app/signup/capacity.ts), which the activity function's
 * edit raises: its failure table spreads this in.
 */
export const capacityFailures: FailureTable<Extract<SignupFailure, { kind: 'capacitySetByQuotas' }>> = {
  capacitySetByQuotas: {
    code: 'CONFLICT',
    message: '该活动按配额报名，请在报名设置中调整各配额名额',
    fields: { capacity: '请调整配额' },
  },
}

export const signupFailures: FailureTable<SignupFailure | RateLimitFailure> = {
  signupNotOpen: { code: 'SIGNUP_CLOSED', message: '报名尚未开始' },
  signupClosed: { code: 'SIGNUP_CLOSED', message: '报名已截止' },
  eventCancelled: { code: 'SIGNUP_CLOSED', message: '活动已取消' },
  eventFinished: { code: 'SIGNUP_CLOSED', message: '活动已结束' },
  leagueMembersOnly: { code: 'NOT_ELIGIBLE', message: '本活动仅限共青团员报名' },
  birthDateMissing: { code: 'PROFILE_INCOMPLETE', message: '本活动有年龄要求，请先在个人资料中填写出生日期' },
  tooYoung: ageLimit,
  tooOld: ageLimit,
  attendanceTooLow: ({ required, actual }) => ({
    code: 'NOT_ELIGIBLE',
    message: `本活动要求到场率不低于 ${Math.round(required * 100)}%，你近期的到场率为 ${Math.round(actual * 100)}%`,
  }),
  identityMissing: ({ missing }) => identityRequired(missing),
  minorAtMixer: ({ minAge }) => ({ code: 'NOT_ELIGIBLE', message: `交友联谊活动仅限年满 ${minAge} 周岁的青年报名` }),
  guardianConsentRequired: {
    code: 'GUARDIAN_CONSENT_REQUIRED',
    message: '未满 14 周岁报名需要监护人同意，请先在个人资料中填写监护人信息并确认同意',
  },
  previouslyRejected: { code: 'NOT_ELIGIBLE', message: '你的报名未通过组织者审核，如有疑问请联系组织者' },
  alreadyRegistered: { code: 'ALREADY_REGISTERED', message: '你已报名该活动' },
  invalidAnswers: ({ problems }) =>
    invalid(
      '报名信息有误',
      mapValues(problems, (p) => ANSWER_PROBLEMS[p]),
    ),
  invalidSettings: ({ problems, quotaTotal, capacity }) =>
    invalid(
      '报名设置有误',
      mapValues(problems, (p: SettingsProblem) =>
        p === 'quotaTotalNotCapacity'
          ? `各配额之和（${quotaTotal}）须等于活动名额（${capacity}）`
          : SETTINGS_PROBLEMS[p],
      ),
    ),
  invalidBirthDate: { code: 'INVALID_INPUT', message: '出生日期无效', fields: { birthDate: '取值无效' } },
  invalidCursor: { code: 'INVALID_INPUT', message: '分页参数无效', fields: { cursor: '格式不正确' } },
  reasonRequired: { code: 'INVALID_INPUT', message: '请填写原因', fields: { reason: '不能为空' } },
  noSuchQuota: { code: 'INVALID_INPUT', message: '没有这个名额分组', fields: { quotaKey: '取值无效' } },
  full: { code: 'FULL', message: '名额已满' },
  fullNoWaitlist: { code: 'FULL', message: '名额已满，无法通过' },
  quotaFull: ({ quotaKey }) => ({ code: 'FULL', message: `「${quotaName(quotaKey)}」名额已满` }),
  cancelDeadlinePassed: ({ hours }) => ({
    code: 'DEADLINE_PASSED',
    message: `活动开始前 ${hours} 小时内不能自行取消，请联系组织者`,
  }),
  notCancellable: { code: 'DEADLINE_PASSED', message: '当前状态不能取消' },
  noOffer: { code: 'CONFLICT', message: '没有待确认的名额' },
  offerExpired: { code: 'DEADLINE_PASSED', message: '确认时间已过，名额已让给下一位' },
  notPending: { code: 'CONFLICT', message: '只有待审核的报名可以通过' },
  registrationEnded: { code: 'CONFLICT', message: '该报名已结束' },
  notPromotable: { code: 'CONFLICT', message: '只能递补候补、申请或待审核的报名' },
  notPickable: { code: 'CONFLICT', message: '只能选择待抽签或候补的申请' },
  attendanceBeforeStart: { code: 'CONFLICT', message: '活动开始后才能登记到场情况' },
  attendanceNotConfirmed: { code: 'CONFLICT', message: '只能为已确认的报名登记到场情况' },
  notOrganiser: ({ act }) => ({ code: 'FORBIDDEN', message: ORGANISER_ACTS[act] }),
  settingsLocked: { code: 'CONFLICT', message: '活动已结束或已取消，不能修改报名设置' },
  quotaInUse: ({ quotaKey }) => ({ code: 'CONFLICT', message: `配额「${quotaName(quotaKey)}」已有报名，不能删除` }),
  quotaBelowTaken: ({ quotaKey, taken }) => ({
    code: 'CONFLICT',
    message: `配额「${quotaName(quotaKey)}」已占用 ${taken} 个名额，不能少于此数`,
  }),
  ...capacityFailures,
  drawNotNeeded: { code: 'CONFLICT', message: '该活动为先到先得，无需抽签' },
  firstComeFirstServed: { code: 'CONFLICT', message: '该活动为先到先得' },
  drawBeforeClose: { code: 'CONFLICT', message: '报名截止后才能抽签' },
  nothingToDraw: { code: 'CONFLICT', message: '没有待抽签的申请' },
  noticeEventOver: { code: 'CONFLICT', message: '活动已结束或已取消，不能再发送通知' },
  noticeLimit: ({ limit }) => ({ code: 'RATE_LIMITED', message: `每个活动每天最多发送 ${limit} 条通知，请明天再发` }),
  rateLimited: ({ retryMinutes }) => ({ code: 'RATE_LIMITED', message: `操作过于频繁，请 ${retryMinutes} 分钟后再试` }),
}

const SETTINGS_PROBLEMS: Record<Exclude<SettingsProblem, 'quotaTotalNotCapacity'>, string> = {
  duplicateQuestionIds: '问题编号重复',
  tooFewOptions: '选择题至少需要两个选项',
  maxAgeBelowMinAge: '最大年龄不能小于最小年龄',
  quotaQuestionUnfit: '配额须基于一个必答的单选题',
  quotasNotOptions: '配额须与该单选题的选项一一对应',
  quotaQuestionMissing: '设置配额时须指定依据的问题',
}
