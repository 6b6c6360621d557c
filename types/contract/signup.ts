/** Kinds of a sign-up form question. */
export const QUESTION_KINDS = ['text', 'single', 'multi'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

export const REGISTRATION_STATES = [
  'applied',
  'pending',
  'offered',
  'confirmed',
  'waitlisted',
  'rejected',
  'declined',
  'expired',
  'cancelled',
  'attended',
  'no_show',
] as const
export type RegistrationState = (typeof REGISTRATION_STATES)[number]

/** A registration holds a seat in these states. */
export const SEAT_HOLDING: RegistrationState[] = ['offered', 'confirmed']
/** One of these per person and event at most. */
export const ACTIVE_STATES: RegistrationState[] = ['applied', 'pending', 'offered', 'confirmed', 'waitlisted']

/** The tabs of 我的活动. */
export const MY_TABS = ['upcoming', 'past', 'waitlist'] as const
export type MyTab = (typeof MY_TABS)[number]

/** ID document types, as the national volunteer systems list them (the export's 证件类型 column). */
export const ID_TYPES = [
  '居民身份证',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '护照',
  '外国人永久居留身份证',
] as const
export type IdType = (typeof ID_TYPES)[number]

/** The roster's attendance filter (after check-in opens): 已签到 / 未签到. */
export const ROSTER_ATTENDANCE = ['checkedIn', 'notCheckedIn'] as const
export type RosterAttendance = (typeof ROSTER_ATTENDANCE)[number]

/** What a notice to everyone confirmed is about. */
export const NOTICE_KINDS = ['time', 'place', 'other'] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]
/** Shown to organisers and sent as the subscribe message's phrase field (≤ 5 characters). */
export const NOTICE_KIND_NAMES: Record<NoticeKind, string> = { time: '时间变更', place: '地点变更', other: '其他通知' }
/** A notice's text goes in a thing field of the subscribe message: WeChat allows at most 20 characters. */
export const NOTICE_TEXT_MAX = 20
/** Notices per event per Shanghai calendar day. */
export const NOTICE_DAILY_LIMIT = 3
