/** The `checkin` function's failure table: each check-in failure kind → its API code and Chinese message. */
import type { CheckinFailure } from '../../../server/domain/checkin/failures'
import type { IdentityCodeFailure } from '../../../server/domain/checkin/identity-code'
import type { TokenFailure } from '../../../server/domain/checkin/token'
import type { OrganiserFailure, OrganiserTask } from '../../../server/app/organiser'
import { shanghaiClock } from '../../../server/domain/shanghai-time'
import type { Failure } from '../../../server/domain/failure'
import type { RateLimitFailure } from '../../../server/domain/rate-limit'
import type { IdentityItem, SignupFailure } from '../../../server/domain/signup/failures'
import { answerFor, type FailureAnswer, type FailureTable } from '../../../server/runtime/failures'

const TOKEN_ANSWERS: Record<TokenFailure, FailureAnswer> = {
  malformed: { code: 'CODE_INVALID', message: '无法识别的二维码' },
  bad_version: { code: 'CODE_INVALID', message: '二维码版本不受支持，请更新小程序' },
  bad_signature: { code: 'CODE_INVALID', message: '二维码无效' },
  wrong_kind: { code: 'CODE_INVALID', message: '这不是签到码' },
  wrong_event: { code: 'WRONG_EVENT', message: '这不是本活动的二维码' },
  wrong_direction: { code: 'CODE_INVALID', message: '签到码与签退码用错了' },
  expired: { code: 'CODE_EXPIRED', message: '二维码已过期，请扫描现场最新的二维码' },
  future: { code: 'CODE_EXPIRED', message: '二维码时间异常，请稍后重试' },
}

/** A scanned identity code (身份码) the codec refused: what the organiser reads, never who it names. */
const IDENTITY_CODE_ANSWERS: Record<IdentityCodeFailure, FailureAnswer> = {
  malformed: { code: 'CODE_INVALID', message: '无法识别的身份码，请扫描对方「我的身份码」页面上的二维码' },
  bad_version: { code: 'CODE_INVALID', message: '身份码版本不受支持，请对方更新小程序' },
  bad_signature: { code: 'CODE_INVALID', message: '身份码无效' },
  expired: { code: 'CODE_EXPIRED', message: '身份码已过期，请对方刷新后重新出示' },
  future: { code: 'CODE_EXPIRED', message: '身份码时间异常，请稍后重试' },
}

export const ORGANISER_TASKS: Record<OrganiserTask, string> = {
  showCode: '出示签到码',
  scanTicket: '验票',
  viewBoard: '查看签到情况',
  offlineRoster: '下载验票名单',
  syncScans: '同步验票记录',
  walkIn: '登记现场报名',
  hours: '处理时长',
}

export const notOrganiser = ({ task }: OrganiserFailure): FailureAnswer => ({
  code: 'FORBIDDEN',
  message: `只有本活动的组织者可以${ORGANISER_TASKS[task]}`,
})

/** An offline scan's time outside the window reads the same whichever edge it missed. */
const SYNCED_OUTSIDE: FailureAnswer = { code: 'CHECKIN_CLOSED', message: '扫描时间不在签到时段内' }

/** Past a rate limit: when to try again, in minutes. */
export const rateLimited = ({ retryMinutes }: RateLimitFailure): FailureAnswer => ({
  code: 'RATE_LIMITED',
  message: `尝试次数过多，请 ${retryMinutes} 分钟后再试`,
})

const MISSING_NAMES: Record<IdentityItem, string> = {
  phone: '绑定手机号',
  realName: '填写真实姓名',
  birthDate: '填写出生日期',
}

/** Told to the organiser scanning: what the person must add on their own phone before joining on site. */
function WALK_IN_IDENTITY(because: SignupFailure): FailureAnswer {
  if (because.kind === 'identityMissing') {
    return {
      code: 'IDENTITY_REQUIRED',
      message: `对方需先在青聚「我的」中${because.missing.map((m) => MISSING_NAMES[m]).join('、')}，才能现场报名`,
    }
  }
  if (because.kind === 'guardianConsentRequired') {
    return {
      code: 'GUARDIAN_CONSENT_REQUIRED',
      message: '对方未满 14 周岁，需先在个人资料中记录监护人同意，才能现场报名',
    }
  }
  if (because.kind === 'minorAtMixer') {
    return { code: 'NOT_ELIGIBLE', message: `交友联谊活动仅限年满 ${because.minAge} 周岁的青年参加` }
  }
  return { code: 'NOT_ELIGIBLE', message: '对方不符合本活动的报名条件' }
}

export const checkinFailures: FailureTable<CheckinFailure | OrganiserFailure | RateLimitFailure> = {
  badToken: ({ reason }) => TOKEN_ANSWERS[reason],
  badShortCode: { code: 'CODE_INVALID', message: '签到码不正确或已过期，请输入现场最新的 6 位数字' },
  noSiteCode: { code: 'CODE_INVALID', message: '签到码不正确' },
  ticketReissued: { code: 'CODE_EXPIRED', message: '该入场券已被重新签发，请出示最新的入场券' },
  unknownTicket: { code: 'NOT_REGISTERED', message: '找不到该报名' },
  noTicket: { code: 'NOT_REGISTERED', message: '只有报名成功的活动才有入场券' },
  nonceTaken: { code: 'CONFLICT', message: '扫码请求编号重复，请重新扫码' },
  scanInFuture: { code: 'INVALID_INPUT', message: '扫描时间晚于当前时间，请检查手机时间' },
  eventCancelled: ({ synced }) => (synced ? SYNCED_OUTSIDE : { code: 'CHECKIN_CLOSED', message: '活动已取消' }),
  notOpenYet: ({ synced, opensMinutes }) =>
    synced ? SYNCED_OUTSIDE : { code: 'CHECKIN_CLOSED', message: `签到将于活动开始前 ${opensMinutes} 分钟开放` },
  windowClosed: ({ synced, direction }) =>
    synced
      ? SYNCED_OUTSIDE
      : {
          code: 'CHECKIN_CLOSED',
          message: direction === 'in' ? '活动已结束，签到已关闭' : '签退已关闭（活动结束 1 小时后关闭）',
        },
  notRegistered: { code: 'NOT_REGISTERED', message: '你没有报名本活动，请联系现场组织者' },
  notSeated: ({ state }) => ({
    code: 'REGISTRATION_CANCELLED',
    message: state === 'waitlisted' ? '你仍在候补中，尚未获得名额' : '该报名已取消或未通过，不能签到',
  }),
  notCheckedIn: ({ synced }) => ({ code: 'NOT_CHECKED_IN', message: synced ? '签退前没有签到记录' : '请先签到再签退' }),
  alreadyScanned: ({ direction, keptAt }) => ({
    code: 'CONFLICT',
    message: `该票已于 ${shanghaiClock(keptAt)} ${direction === 'in' ? '签到' : '签退'}（可能在其他设备），以最早一次为准`,
  }),
  badIdentityCode: ({ reason }) => IDENTITY_CODE_ANSWERS[reason],
  identityCodeSpent: { code: 'CODE_EXPIRED', message: '该身份码已在其他活动使用，请对方刷新后重新出示' },
  unknownPerson: IDENTITY_CODE_ANSWERS.bad_signature,
  walkInIdentity: ({ because }) => WALK_IN_IDENTITY(because),
  alreadyRegistered: { code: 'ALREADY_REGISTERED', message: '对方已报名本活动（候补或待审核中），请在名单中处理' },
  full: { code: 'FULL', message: '名额已满，无法现场报名' },
  notOrganiser,
  rateLimited,
}

/** A refusal as a sync outcome reads it: the same answer the API would give. */
export function explainCheckin(failure: Failure): FailureAnswer {
  const answer = answerFor(failure, checkinFailures as FailureTable<Failure>)
  if (!answer) throw new Error(`unmapped check-in failure ${failure.kind}`)
  return answer
}
