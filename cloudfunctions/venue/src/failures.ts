/** The venue function's answers to its use cases' failures: stable codes and Chinese messages. */
import type { VenueFailure } from '../../../server/app/venue/failures'
import type { ClashTime } from '../../../server/domain/venue/clash'
import { commonFailures, type FailureTable } from '../../../server/runtime/failures'

const WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']
const MISSING = {
  venue: '场地',
  facility: '场地设施',
  booking: '预订',
  unit: '单位',
  activity: '活动',
  group: '青年团体',
} as const

/** "2026-11-26" → "11月26日". */
const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`

/** "11月26日 19:00–21:00", or across days "11月26日 22:00–11月27日 02:00". */
export const clashWords = (c: ClashTime) =>
  `${monthDay(c.day)} ${c.from}–${c.toDay ? `${monthDay(c.toDay)} ` : ''}${c.to}`

const hours = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} 小时` : `${minutes} 分钟`)

export const venueFailures: FailureTable<VenueFailure> = {
  ...commonFailures,
  missing: ({ what }) => ({ code: 'NOT_FOUND', message: `${MISSING[what]}不存在或已下线` }),
  notVenueEditor: { code: 'FORBIDDEN', message: '只有场地所属单位的管理员或团区委可以修改场地' },
  notVenueOwner: { code: 'FORBIDDEN', message: '只有场地所属单位或团区委可以处理预订' },
  notUsageViewer: { code: 'FORBIDDEN', message: '只有团区委或场地所属单位可以查看场地使用情况' },
  notUnitOrganiser: { code: 'FORBIDDEN', message: '只有本单位的组织者可以办理预订' },
  unitNotAdmitted: { code: 'CONFLICT', message: '单位通过审核后才能使用场地' },
  activityNotOfUnit: {
    code: 'INVALID_INPUT',
    message: '只能关联本单位的活动',
    fields: { activityId: '不是本单位的活动' },
  },
  duplicateVenueName: { code: 'CONFLICT', message: '已有同名场地', fields: { name: '名称已存在' } },
  duplicateFacilityName: { code: 'CONFLICT', message: '该场地已有同名设施', fields: { name: '名称已存在' } },
  hoursOverlap: ({ weekday }) => ({
    code: 'INVALID_INPUT',
    message: `${WEEKDAYS[weekday]}的开放时段有重叠`,
    fields: { hours: '时段重叠' },
  }),
  hoursEmptyRange: {
    code: 'INVALID_INPUT',
    message: '开放时段的结束时间须晚于开始时间',
    fields: { hours: '时段无效' },
  },
  exceptionOverlap: ({ day }) => ({
    code: 'INVALID_INPUT',
    message: `${monthDay(day)}的特殊时段有重叠`,
    fields: { exceptions: '时段重叠' },
  }),
  exceptionTwice: ({ day }) => ({
    code: 'INVALID_INPUT',
    message: `${monthDay(day)}重复设置了特殊安排`,
    fields: { exceptions: '日期重复' },
  }),
  notADay: { code: 'INVALID_INPUT', message: '日期不存在', fields: { exceptions: '日期无效' } },
  rulesInconsistent: {
    code: 'INVALID_INPUT',
    message: '预订规则不一致：最短、最长时长须为时段长度的整数倍，且最长不短于最短',
    fields: { slotMinutes: '规则不一致' },
  },
  emptyRange: { code: 'INVALID_INPUT', message: '结束时间须晚于开始时间', fields: { endAt: '须晚于开始时间' } },
  inPast: { code: 'BOOKING_RULE', message: '该时段已过，无法预订' },
  tooSoon: ({ leadMinutes }) => ({ code: 'BOOKING_RULE', message: `请至少提前 ${hours(leadMinutes)}预订` }),
  tooFarAhead: ({ maxDaysAhead }) => ({ code: 'BOOKING_RULE', message: `最多只能预订 ${maxDaysAhead} 天内的时段` }),
  slotMisaligned: ({ slotMinutes }) => ({
    code: 'BOOKING_RULE',
    message: `请按 ${slotMinutes} 分钟一个时段预订，从整时段开始`,
  }),
  tooShort: ({ minMinutes }) => ({ code: 'BOOKING_RULE', message: `每次至少预订 ${hours(minMinutes)}` }),
  tooLong: ({ maxMinutes }) => ({ code: 'BOOKING_RULE', message: `每次最多预订 ${hours(maxMinutes)}` }),
  venueClosed: { code: 'VENUE_CLOSED', message: '该时段场地不开放，请选择开放时间内的时段' },
  bookingConflict: ({ clash, block }) => ({
    code: 'BOOKING_CONFLICT',
    message: block
      ? `该时段场地暂停开放（${clashWords(clash)}），请选择其他时段`
      : `该时段已被预订（${clashWords(clash)}），请选择其他时段`,
  }),
  recurringConflict: ({ days }) => ({
    code: 'BOOKING_CONFLICT',
    message: `以下日期的时段已被占用，全部未预订：${days.map(monthDay).join('、')}`,
  }),
  notMarkable: { code: 'CONFLICT', message: '只有已通过的预订可以登记使用情况' },
  notStarted: { code: 'CONFLICT', message: '预订开始后才能登记使用情况' },
  notPending: { code: 'CONFLICT', message: '该预订已处理过' },
  notCancellable: { code: 'CONFLICT', message: '该预订已结束或已取消，无法取消' },
  declineWithoutReason: { code: 'INVALID_INPUT', message: '拒绝时请填写原因', fields: { reason: '不能为空' } },
  cancelTooLate: ({ cancelHours }) => ({
    code: 'CANCEL_TOO_LATE',
    message: `开始前 ${cancelHours} 小时内不能取消，请联系场地方`,
  }),
  alreadyStarted: { code: 'CANCEL_TOO_LATE', message: '预订已开始，无法取消，请联系场地方' },
  notGroupLeader: { code: 'FORBIDDEN', message: '只有团体负责人可以以团体名义预约' },
  groupCannotBook: ({ state }) => ({
    code: 'CONFLICT',
    message: state === 'suspended' ? '该团体已被暂停，暂不能预约场地' : '团体通过审核后才能预约场地',
  }),
  facilityUnitsOnly: { code: 'BOOKING_RULE', message: '该场地只对成员单位开放预约' },
  groupBookingWithEvent: {
    code: 'INVALID_INPUT',
    message: '以团体名义预约不能关联活动',
    fields: { activityId: '团体预约不关联活动' },
  },
}
