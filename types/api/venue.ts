/**
 * API contract of the `venue` cloud function: shared venues (阵地) of the district's member units,
 * their facilities, availability and bookings. Times are ISO instants; days and clock times are
 * Asia/Shanghai wall-clock.
 */
import * as z from 'zod'
import { instant, phone, text } from './common'

import {
  CLOCK_TIME,
  DAY,
  FACILITY_BOOKERS,
  FACILITY_KINDS,
  MAX_RECURRING_WEEKS,
  MAX_VENUE_PHOTOS,
  VENUE_TIERS,
  type BookingKind,
  type BookingState,
  type FacilityBookers,
  type FacilityKind,
  type SlotState,
  type VenueTier,
} from '../contract/venue'

export {
  BOOKING_STATES,
  BOOKING_STATE_NAMES,
  FACILITY_KINDS,
  FACILITY_KIND_NAMES,
  SLOT_STATES,
  VENUE_TIERS,
  VENUE_TIER_NAMES,
  type BookingKind,
  type BookingState,
  type FacilityBookers,
  type FacilityKind,
  type SlotState,
  type VenueTier,
} from '../contract/venue'

const clock = () => z.string().regex(CLOCK_TIME, { message: '请按 24 小时制填写，例如 09:30' })
const day = () => z.string().regex(DAY, { message: '请按年-月-日填写，例如 2026-03-10' })
const point = () => z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
const fileId = () =>
  z
    .string()
    .trim()
    .min(1)
    .max(300)
    .regex(/^(cloud:\/\/|local:\/\/|https:\/\/)\S+$/)

const range = { opens: clock(), closes: clock() }
export const weeklyHoursInput = z.array(z.strictObject({ weekday: z.number().int().min(1).max(7), ...range })).max(42)
export const hoursExceptionInput = z
  .array(
    z.strictObject({
      day: day(),
      /** Empty: closed all day; otherwise these ranges replace the weekday's. */
      ranges: z.array(z.strictObject(range)).max(6),
      note: text(0, 60).default(''),
    }),
  )
  .max(120)

const venueFields = {
  name: text(2, 60).meta({ label: '场馆名称' }),
  tier: z.enum(VENUE_TIERS),
  address: text(0, 120).default(''),
  location: point().nullable().default(null),
  photos: z.array(fileId()).max(MAX_VENUE_PHOTOS).default([]),
  intro: text(0, 1000).default(''),
  contactName: text(0, 20).default(''),
  contactPhone: z.union([phone(), z.literal('')]).default(''),
  hours: weeklyHoursInput.meta({ label: '开放时段' }).default([]),
  exceptions: hoursExceptionInput.default([]),
}

export const venueCreateRequest = z.strictObject({
  /** The owning member unit; null: the district's own venue (district admin only). */
  ownerUnitId: z.uuid().nullable(),
  ...venueFields,
})
export type VenueCreateRequest = z.input<typeof venueCreateRequest>

export const venueUpdateRequest = z.strictObject({
  venueId: z.uuid(),
  name: venueFields.name.optional(),
  tier: venueFields.tier.optional(),
  address: text(0, 120).optional(),
  location: point().nullable().optional(),
  photos: z.array(fileId()).max(MAX_VENUE_PHOTOS).optional(),
  intro: text(0, 1000).optional(),
  contactName: text(0, 20).optional(),
  contactPhone: z.union([phone(), z.literal('')]).optional(),
  /** Given: replaces the weekly hours (or the exceptions) whole. */
  hours: weeklyHoursInput.meta({ label: '开放时段' }).optional(),
  exceptions: hoursExceptionInput.optional(),
})
export type VenueUpdateRequest = z.input<typeof venueUpdateRequest>

const ruleFields = {
  bookers: z.enum(FACILITY_BOOKERS),
  needsApproval: z.boolean(),
  slotMinutes: z.number().int().min(5).max(240),
  minMinutes: z.number().int().min(5).max(1440),
  maxMinutes: z.number().int().min(5).max(10080),
  maxDaysAhead: z.number().int().min(0).max(366),
  leadMinutes: z.number().int().min(0).max(20160),
  cancelHours: z.number().int().min(0).max(720),
}

export const facilityCreateRequest = z.strictObject({
  venueId: z.uuid(),
  kind: z.enum(FACILITY_KINDS),
  name: text(1, 40).meta({ label: '设施名称' }),
  seats: z.number().int().min(1).max(10000).nullable().default(null),
  bookers: ruleFields.bookers.default('units'),
  needsApproval: ruleFields.needsApproval.default(false),
  slotMinutes: ruleFields.slotMinutes.default(30),
  minMinutes: ruleFields.minMinutes.default(30),
  maxMinutes: ruleFields.maxMinutes.default(240),
  maxDaysAhead: ruleFields.maxDaysAhead.default(14),
  leadMinutes: ruleFields.leadMinutes.default(60),
  cancelHours: ruleFields.cancelHours.default(24),
})
export type FacilityCreateRequest = z.input<typeof facilityCreateRequest>

export const facilityUpdateRequest = z.strictObject({
  facilityId: z.uuid(),
  kind: z.enum(FACILITY_KINDS).optional(),
  name: text(1, 40).meta({ label: '设施名称' }).optional(),
  seats: z.number().int().min(1).max(10000).nullable().optional(),
  bookers: ruleFields.bookers.optional(),
  needsApproval: ruleFields.needsApproval.optional(),
  slotMinutes: ruleFields.slotMinutes.optional(),
  minMinutes: ruleFields.minMinutes.optional(),
  maxMinutes: ruleFields.maxMinutes.optional(),
  maxDaysAhead: ruleFields.maxDaysAhead.optional(),
  leadMinutes: ruleFields.leadMinutes.optional(),
  cancelHours: ruleFields.cancelHours.optional(),
})
export type FacilityUpdateRequest = z.input<typeof facilityUpdateRequest>

/** The longest range a "free at …" question may ask about. */
export const FREE_AT_MAX_HOURS = 12

const freeAtRange = () =>
  z
    .strictObject({ startAt: instant(), endAt: instant() })
    .refine((r) => Date.parse(r.endAt) > Date.parse(r.startAt), { message: '结束时间应晚于开始时间' })
    .refine((r) => Date.parse(r.endAt) - Date.parse(r.startAt) <= FREE_AT_MAX_HOURS * 3600_000, {
      message: `空闲时段最长 ${FREE_AT_MAX_HOURS} 小时`,
    })

export const venueListRequest = z
  .strictObject({
    /** Sort by distance from here (附近); without it, by name. */
    near: point().optional(),
    facilityKind: z.enum(FACILITY_KINDS).optional(),
    tier: z.enum(VENUE_TIERS).optional(),
    /** Only venues with a facility (of `facilityKind`, if given) open and unbooked for the whole range. */
    freeAt: freeAtRange().optional(),
  })
  .default({})
export type VenueListRequest = z.input<typeof venueListRequest>

export const venueGetRequest = z.strictObject({ venueId: z.uuid() })
export type VenueGetRequest = z.input<typeof venueGetRequest>

export const gridRequest = z.strictObject({
  facilityId: z.uuid(),
  /** Any Shanghai day of the wanted week (the grid starts on its Monday); default: this week. */
  weekOf: day().optional(),
})
export type GridRequest = z.input<typeof gridRequest>

const bookShape = z.strictObject({
  facilityId: z.uuid(),
  /** The booking unit: the caller organises it. Exactly one of unitId and groupId. */
  unitId: z.uuid().optional(),
  /** Or a registered youth group the caller leads (approved; facilities open to groups; no event). */
  groupId: z.uuid().optional(),
  startAt: instant(),
  endAt: instant(),
  purpose: text(1, 100),
  activityId: z.uuid().nullable().default(null),
})

/** Exactly one booker: a unit or a youth group. */
const oneBooker = (b: { unitId?: string; groupId?: string }, ctx: z.RefinementCtx) => {
  if (!b.unitId === !b.groupId) {
    ctx.addIssue({
      code: 'custom',
      path: [b.unitId ? 'groupId' : 'unitId'],
      message: b.unitId ? '单位和团体只能选择一个' : '请选择以哪个单位或团体的名义预约',
    })
  }
}

export const bookRequest = bookShape.superRefine(oneBooker)
export type BookRequest = z.input<typeof bookRequest>

export const bookRecurringRequest = bookShape
  .extend({ weeks: z.number().int().min(2).max(MAX_RECURRING_WEEKS) })
  .superRefine(oneBooker)
export type BookRecurringRequest = z.input<typeof bookRecurringRequest>

export const bookingDecideRequest = z.strictObject({
  bookingId: z.uuid(),
  /** Required when declining: the booker sees it. */
  reason: text(0, 100).optional(),
})
export type BookingDecideRequest = z.input<typeof bookingDecideRequest>

export const bookingMarkRequest = z.strictObject({
  bookingId: z.uuid(),
  /** What happened once the booking started: the unit came (used) or did not (no_show). */
  outcome: z.enum(['used', 'no_show']),
})
export type BookingMarkRequest = z.input<typeof bookingMarkRequest>

export const bookingCancelRequest = z.strictObject({ bookingId: z.uuid(), reason: text(0, 100).optional() })
export type BookingCancelRequest = z.input<typeof bookingCancelRequest>

export const blockRequest = z.strictObject({
  facilityId: z.uuid(),
  startAt: instant(),
  endAt: instant(),
  reason: text(1, 100),
})
export type BlockRequest = z.input<typeof blockRequest>

export const unitBookingsRequest = z.strictObject({
  unitId: z.uuid(),
  /** Include bookings that ended (default: upcoming and current only). */
  past: z.boolean().default(false),
  /** Only this event's bookings (the cancel dialog's offer to release them). */
  activityId: z.uuid().optional(),
})
export type UnitBookingsRequest = z.input<typeof unitBookingsRequest>

/** A youth group's bookings, for its leader (or the district admin). */
export const groupBookingsRequest = z.strictObject({
  groupId: z.uuid(),
  /** Include bookings that ended (default: upcoming and current only). */
  past: z.boolean().default(false),
})
export type GroupBookingsRequest = z.input<typeof groupBookingsRequest>

export const ownerPendingRequest = z.strictObject({
  /** The owner unit; null: the district's own venues. */
  ownerUnitId: z.uuid().nullable(),
})
export type OwnerPendingRequest = z.input<typeof ownerPendingRequest>

export const usageRequest = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** One month of the year; without it, the whole year (Shanghai calendar). */
  month: z.number().int().min(1).max(12).optional(),
  /** One venue; without it, every venue the caller may see (all for the district admin, else their units'). */
  venueId: z.uuid().optional(),
})
export type UsageRequest = z.input<typeof usageRequest>

export interface GeoPoint {
  latitude: number
  longitude: number
}

export interface OpeningRange {
  opens: string
  closes: string
}

export interface VenueSummary {
  id: string
  name: string
  tier: VenueTier
  address: string
  location: GeoPoint | null
  ownerUnitId: string | null
  /** The owner unit's name, or the district's. */
  ownerName: string
  /** The first photo, through a link that works for minutes (null without photos). */
  cover: string | null
  facilityKinds: FacilityKind[]
  /** Metres from `near`, when asked. */
  distanceMeters: number | null
  /** With `freeAt` only: the facilities (of the asked kind) open and unbooked for the whole range. */
  freeFacilities?: FreeFacility[]
}

export interface FreeFacility {
  id: string
  kind: FacilityKind
  name: string
}

export interface Facility {
  id: string
  venueId: string
  kind: FacilityKind
  name: string
  seats: number | null
  bookers: FacilityBookers
  needsApproval: boolean
  slotMinutes: number
  minMinutes: number
  maxMinutes: number
  maxDaysAhead: number
  leadMinutes: number
  cancelHours: number
}

export interface VenueDetail extends VenueSummary {
  /** Every photo, through links that work for minutes. */
  photos: string[]
  /**
   * The photos as stored (https addresses or uploaded images' file ids), to send back when saving;
   * for those who may edit the venue only (empty for everyone else).
   */
  photoSources: string[]
  intro: string
  contactName: string
  /** Whole for signed-in members of the district's units and the district admin; masked (139****2233) to others. */
  contactPhone: string
  contactMasked: boolean
  hours: (OpeningRange & { weekday: number })[]
  /** Exceptions from today on. */
  exceptions: { day: string; ranges: OpeningRange[]; note: string }[]
  facilities: Facility[]
  /** The caller may edit the venue / run its bookings. */
  canEdit: boolean
  canRunBookings: boolean
}

export interface GridSlotView {
  startAt: string
  endAt: string
  state: SlotState
}

export interface WeekGrid {
  facility: Facility
  venueId: string
  venueName: string
  /** The Monday (Shanghai) the grid starts on. */
  weekOf: string
  days: { day: string; slots: GridSlotView[] }[]
}

export interface Booking {
  id: string
  kind: BookingKind
  facilityId: string
  facilityName: string
  venueId: string
  venueName: string
  unitId: string | null
  unitName: string | null
  /** A youth group's booking (unitId null): the group, and its leader to call (owners, the leader, the district admin). */
  groupId?: string | null
  groupName?: string | null
  leaderContact?: { name: string; phone: string } | null
  startAt: string
  endAt: string
  purpose: string
  activityId: string | null
  state: BookingState
  reason: string | null
  recurrenceId: string | null
  decidedAt: string | null
  createdAt: string
}

export interface MonthUsage {
  /** "2026-11" */
  month: string
  openHours: number
  capacityHours: number
  bookedHours: number
  share: number
  bookings: number
}

/** One venue's usage in the period. */
export interface VenueUsageLine {
  venueId: string
  venueName: string
  ownerUnitId: string | null
  ownerName: string
  facilities: number
  /** Hours the venue was open (weekly hours with closures and special days applied). */
  openHours: number
  /** openHours × facilities: what could have been booked. */
  capacityHours: number
  /** Approved and used bookings, clipped to the period. */
  bookedHours: number
  /** bookedHours ÷ capacityHours, 0–1 (阵地使用率). */
  share: number
  /** Bookings that held a slot (approved, used, no-show), by the month they start. */
  bookings: number
  noShows: number
  byMonth: MonthUsage[]
}

export interface UsageCell {
  venueId: string
  venueName: string
  unitId: string | null
  /** A youth group's bookings (unitId null); unitName is then the group's name. */
  groupId?: string | null
  unitName: string
  month: string
  bookings: number
  noShows: number
  bookedHours: number
}

export interface UsageParty {
  /** Null: the district (its own venues), or a youth group (groupId). */
  unitId: string | null
  /** A registered youth group as a borrower; unitName is then the group's name. */
  groupId?: string | null
  unitName: string
  bookings: number
  hours: number
}

export interface UsageExchange {
  lenderUnitId: string | null
  lenderName: string
  borrowerUnitId: string | null
  /** A youth group that borrowed (borrowerUnitId null). */
  borrowerGroupId?: string | null
  borrowerName: string
  bookings: number
  hours: number
}

export interface VenueUsage {
  year: number
  month: number | null
  venues: VenueUsageLine[]
  /** Bookings per venue, booking unit and month. */
  cells: UsageCell[]
  /** 串门: owners whose venues other units booked, and the units that booked others' venues; most hours first. */
  lenders: UsageParty[]
  borrowers: UsageParty[]
  exchanges: UsageExchange[]
  totals: { bookings: number; bookedHours: number; capacityHours: number; share: number }
}

export interface UsageExport {
  fileName: string
  fileId: string
  /** A link that expires in 10 minutes. */
  url: string
}

export interface VenueActions {
  createVenue: { request: VenueCreateRequest; response: VenueDetail }
  updateVenue: { request: VenueUpdateRequest; response: VenueDetail }
  createFacility: { request: FacilityCreateRequest; response: Facility }
  updateFacility: { request: FacilityUpdateRequest; response: Facility }
  venues: { request: VenueListRequest; response: { items: VenueSummary[] } }
  venue: { request: VenueGetRequest; response: VenueDetail }
  grid: { request: GridRequest; response: WeekGrid }
  book: { request: BookRequest; response: Booking }
  bookRecurring: { request: BookRecurringRequest; response: { items: Booking[] } }
  approve: { request: BookingDecideRequest; response: Booking }
  decline: { request: BookingDecideRequest; response: Booking }
  cancel: { request: BookingCancelRequest; response: Booking }
  block: { request: BlockRequest; response: Booking }
  unitBookings: { request: UnitBookingsRequest; response: { items: Booking[] } }
  ownerPending: { request: OwnerPendingRequest; response: { items: Booking[] } }
  /** A youth group's bookings: its leader (or the district admin) sees and cancels them. */
  groupBookings: { request: GroupBookingsRequest; response: { items: Booking[] } }
  mark: { request: BookingMarkRequest; response: Booking }
  usage: { request: UsageRequest; response: VenueUsage }
  exportUsage: { request: UsageRequest; response: UsageExport }
}
