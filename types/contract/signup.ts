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
