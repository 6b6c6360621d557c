/** Shared venues (阵地): the zod-free constants pages and server share. */

/** 旗舰店 / 功能店 / 共营店 (青年之家 tiers) and 成员单位阵地, as stable codes. */
export const VENUE_TIERS = ['flagship', 'functional', 'partner', 'unit'] as const
export type VenueTier = (typeof VENUE_TIERS)[number]
export const VENUE_TIER_NAMES: Record<VenueTier, string> = {
  flagship: '旗舰店',
  functional: '功能店',
  partner: '共营店',
  unit: '成员单位阵地',
}

export const FACILITY_KINDS = [
  'badminton_court',
  'table_tennis',
  'basketball_court',
  'gym',
  'yoga_room',
  'meeting_room',
  'activity_room',
  'reading_area',
  'cafe_space',
] as const
export type FacilityKind = (typeof FACILITY_KINDS)[number]
export const FACILITY_KIND_NAMES: Record<FacilityKind, string> = {
  badminton_court: '羽毛球场',
  table_tennis: '乒乓球台',
  basketball_court: '篮球场',
  gym: '健身房',
  yoga_room: '瑜伽室',
  meeting_room: '会议室',
  activity_room: '活动室',
  reading_area: '阅览区',
  cafe_space: '咖啡空间',
}

/** Who may book a facility: member units of the district, or also registered youth groups. */
export const FACILITY_BOOKERS = ['units', 'units_and_groups'] as const
export type FacilityBookers = (typeof FACILITY_BOOKERS)[number]

export const BOOKING_STATES = ['pending', 'approved', 'declined', 'cancelled', 'used', 'no_show'] as const
export type BookingState = (typeof BOOKING_STATES)[number]
export const BOOKING_STATE_NAMES: Record<BookingState, string> = {
  pending: '待审批',
  approved: '已预订',
  declined: '未通过',
  cancelled: '已取消',
  used: '已使用',
  no_show: '未到场',
}
/** The states that hold the slot (the database's exclusion constraint covers exactly these). */
export const HOLDING_STATES = ['approved', 'used', 'no_show'] as const satisfies readonly BookingState[]

export const BOOKING_KINDS = ['booking', 'block'] as const
export type BookingKind = (typeof BOOKING_KINDS)[number]

/** A grid slot: free, taken (a booking or the owner's block), awaiting approval, closed, or already past. */
export const SLOT_STATES = ['free', 'taken', 'pending', 'closed', 'past'] as const
export type SlotState = (typeof SLOT_STATES)[number]

/** Recurring bookings: every week, at most this many weeks. */
export const MAX_RECURRING_WEEKS = 26
/** Wall-clock time in Shanghai, "HH:MM"; "24:00" only as a closing time. */
export const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/
export const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Photos one venue may show. */
export const MAX_VENUE_PHOTOS = 9
