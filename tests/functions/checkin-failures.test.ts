/** The `checkin` failure table answers every refusal with the code and Chinese message the API gave before the typed failures. */
import { checkinFailures, explainCheckin } from '../../cloudfunctions/checkin/src/failures'
import type { Failure } from '../../server/domain/failure'
import { answerFor, type FailureTable } from '../../server/runtime/failures'

const answer = (failure: Failure) => answerFor(failure, checkinFailures as FailureTable<Failure>)

test.each([
  [{ kind: 'badToken', reason: 'malformed' }, 'CODE_INVALID', '无法识别的二维码'],
  [{ kind: 'badToken', reason: 'bad_version' }, 'CODE_INVALID', '二维码版本不受支持，请更新小程序'],
  [{ kind: 'badToken', reason: 'bad_signature' }, 'CODE_INVALID', '二维码无效'],
  [{ kind: 'badToken', reason: 'wrong_kind' }, 'CODE_INVALID', '这不是签到码'],
  [{ kind: 'badToken', reason: 'wrong_event' }, 'WRONG_EVENT', '这不是本活动的二维码'],
  [{ kind: 'badToken', reason: 'wrong_direction' }, 'CODE_INVALID', '签到码与签退码用错了'],
  [{ kind: 'badToken', reason: 'expired' }, 'CODE_EXPIRED', '二维码已过期，请扫描现场最新的二维码'],
  [{ kind: 'badToken', reason: 'future' }, 'CODE_EXPIRED', '二维码时间异常，请稍后重试'],
  [{ kind: 'badShortCode' }, 'CODE_INVALID', '签到码不正确或已过期，请输入现场最新的 6 位数字'],
  [{ kind: 'noSiteCode' }, 'CODE_INVALID', '签到码不正确'],
  [{ kind: 'ticketReissued' }, 'CODE_EXPIRED', '该入场券已被重新签发，请出示最新的入场券'],
  [{ kind: 'unknownTicket' }, 'NOT_REGISTERED', '找不到该报名'],
  [{ kind: 'noTicket' }, 'NOT_REGISTERED', '只有报名成功的活动才有入场券'],
  [{ kind: 'scanInFuture' }, 'INVALID_INPUT', '扫描时间晚于当前时间，请检查手机时间'],
  [{ kind: 'eventCancelled', synced: false }, 'CHECKIN_CLOSED', '活动已取消'],
  [{ kind: 'notOpenYet', opensMinutes: 45, synced: false }, 'CHECKIN_CLOSED', '签到将于活动开始前 45 分钟开放'],
  [{ kind: 'windowClosed', direction: 'in', synced: false }, 'CHECKIN_CLOSED', '活动已结束，签到已关闭'],
  [{ kind: 'windowClosed', direction: 'out', synced: false }, 'CHECKIN_CLOSED', '签退已关闭（活动结束 1 小时后关闭）'],
  [{ kind: 'eventCancelled', synced: true }, 'CHECKIN_CLOSED', '扫描时间不在签到时段内'],
  [{ kind: 'notOpenYet', opensMinutes: 60, synced: true }, 'CHECKIN_CLOSED', '扫描时间不在签到时段内'],
  [{ kind: 'windowClosed', direction: 'out', synced: true }, 'CHECKIN_CLOSED', '扫描时间不在签到时段内'],
  [{ kind: 'notRegistered' }, 'NOT_REGISTERED', '你没有报名本活动，请联系现场组织者'],
  [{ kind: 'notSeated', state: 'waitlisted' }, 'REGISTRATION_CANCELLED', '你仍在候补中，尚未获得名额'],
  [{ kind: 'notSeated', state: 'cancelled' }, 'REGISTRATION_CANCELLED', '该报名已取消或未通过，不能签到'],
  [{ kind: 'notCheckedIn', synced: false }, 'NOT_CHECKED_IN', '请先签到再签退'],
  [{ kind: 'notCheckedIn', synced: true }, 'NOT_CHECKED_IN', '签退前没有签到记录'],
  [
    { kind: 'alreadyScanned', direction: 'in', keptAt: new Date('2026-06-06T01:05:00Z') },
    'CONFLICT',
    '该票已于 09:05 签到（可能在其他设备），以最早一次为准',
  ],
  [
    { kind: 'badIdentityCode', reason: 'malformed' },
    'CODE_INVALID',
    '无法识别的身份码，请扫描对方「我的身份码」页面上的二维码',
  ],
  [{ kind: 'badIdentityCode', reason: 'bad_version' }, 'CODE_INVALID', '身份码版本不受支持，请对方更新小程序'],
  [{ kind: 'badIdentityCode', reason: 'bad_signature' }, 'CODE_INVALID', '身份码无效'],
  [{ kind: 'badIdentityCode', reason: 'expired' }, 'CODE_EXPIRED', '身份码已过期，请对方刷新后重新出示'],
  [{ kind: 'badIdentityCode', reason: 'future' }, 'CODE_EXPIRED', '身份码时间异常，请稍后重试'],
  [{ kind: 'identityCodeSpent' }, 'CODE_EXPIRED', '该身份码已在其他活动使用，请对方刷新后重新出示'],
  [{ kind: 'unknownPerson' }, 'CODE_INVALID', '身份码无效'],
  [{ kind: 'alreadyRegistered' }, 'ALREADY_REGISTERED', '对方已报名本活动（候补或待审核中），请在名单中处理'],
  [{ kind: 'full' }, 'FULL', '名额已满，无法现场报名'],
  [{ kind: 'notOrganiser', task: 'showCode' }, 'FORBIDDEN', '只有本活动的组织者可以出示签到码'],
  [{ kind: 'notOrganiser', task: 'scanTicket' }, 'FORBIDDEN', '只有本活动的组织者可以验票'],
  [{ kind: 'notOrganiser', task: 'viewBoard' }, 'FORBIDDEN', '只有本活动的组织者可以查看签到情况'],
  [{ kind: 'notOrganiser', task: 'offlineRoster' }, 'FORBIDDEN', '只有本活动的组织者可以下载验票名单'],
  [{ kind: 'notOrganiser', task: 'syncScans' }, 'FORBIDDEN', '只有本活动的组织者可以同步验票记录'],
  [{ kind: 'notOrganiser', task: 'walkIn' }, 'FORBIDDEN', '只有本活动的组织者可以登记现场报名'],
  [{ kind: 'notFound', thing: 'activity' }, 'NOT_FOUND', '活动不存在或已下线'],
] as [Failure, string, string][])('%j → %s %s', (failure, code, message) => {
  expect(answer(failure)).toEqual({ code, message })
})

test('a sync outcome reads a refusal as the API would; an unmapped kind is a bug, not an answer', () => {
  expect(explainCheckin({ kind: 'full' })).toEqual({ code: 'FULL', message: '名额已满，无法现场报名' })
  expect(() => explainCheckin({ kind: 'noSuchKind' })).toThrow(/unmapped/)
})
