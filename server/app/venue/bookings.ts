/**
 * Booking a facility: once, every week for N weeks (all or nothing), and the owner's blocks.
 * No double booking is decided here: the database's exclusion constraint (booking_no_overlap)
 * refuses a second holding booking over the same time, and we answer its error with the time of
 * the booking that holds it. The reads before the insert only make the refusal's words better.
 */
import { randomUUID } from 'crypto'
import type * as z from 'zod'
import type { Booking, blockRequest, bookRecurringRequest, bookRequest } from '@api/venue'
import { homeDistrictId } from '../../config'
import type { Actor } from '../../domain/policy'
import { shanghaiDay } from '../../domain/shanghai-time'
import { venueCan } from '../../domain/venue/access'
import { DAY_MS, addDays } from '../../domain/venue/calendar'
import { clashTime } from '../../domain/venue/clash'
import { openingIntervals, type Interval } from '../../domain/venue/hours'
import { weeklyOccurrences } from '../../domain/venue/recurrence'
import { checkBookingRequest } from '../../domain/venue/rules'
import { checkGroupBooking } from '../../domain/youth-group'
import type { Db } from '../../store/tx'
import { findYouthGroup } from '../../store/youth-groups'
import { inTransaction, pgCode } from '../../store/tx'
import {
  activityUnit,
  findBookings,
  findUnitBrief,
  holdingOverlaps,
  insertBookings,
  lockFacility,
  venueHours,
  type BookingWrite,
  type FacilityRecord,
  type VenueRecord,
} from '../../store/venues'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { allow, check, refuse } from '../refusal'
import type { VenueFailure } from './failures'
import { placeEventAt } from './event-link'
import { toBooking } from './present'
import { facilityOrMissing, venueOrMissing } from './venues'

/** SQLSTATE of an exclusion-constraint violation. */
export const EXCLUSION_VIOLATION = '23P01'

/** Refuses with the first holding booking over `ranges` (after an insert lost the race, or before one). */
export async function refuseClash(db: Db, facility: FacilityRecord, ranges: Interval[]): Promise<never> {
  const [clash] = await holdingOverlaps(db, facility.districtId, facility.id, ranges)
  if (!clash)
    refuse<VenueFailure>({ kind: 'bookingConflict', clash: clashTime(ranges[0].start, ranges[0].end), block: false })
  return refuse<VenueFailure>({
    kind: 'bookingConflict',
    clash: clashTime(clash.start, clash.end),
    block: clash.kind === 'block',
  })
}

/** The opening intervals covering [from, to) (with a day on each side for overnight hours). */
async function openingAround(db: Db, venue: VenueRecord, from: Date, to: Date): Promise<Interval[]> {
  const first = addDays(shanghaiDay(from), -1)
  const last = addDays(shanghaiDay(to), 1)
  const { weekly, exceptions } = await venueHours(db, venue.districtId, venue.id, first, last)
  return openingIntervals(weekly, exceptions, new Date(from.getTime() - DAY_MS), new Date(to.getTime() + DAY_MS))
}

interface Prepared {
  actor: Actor
  facility: FacilityRecord
  venue: VenueRecord
  state: 'pending' | 'approved'
  /** Who books: a unit, or a youth group (exactly one; the schema checks it). */
  unitId: string | null
  groupId: string | null
}

/** Who books for which unit or youth group, on what, and whether it needs the owner's approval. */
async function prepare(ctx: SignedInContext, input: z.output<typeof bookRequest>): Promise<Prepared> {
  const actor = await requireActor(ctx)
  const facility = await facilityOrMissing(ctx.db, input.facilityId)
  // The owner's own people book their own facility without asking themselves.
  const stateFor = (venue: VenueRecord) =>
    facility.needsApproval && !venueCan.runBookings(actor, venue) ? 'pending' : 'approved'
  if (input.groupId) {
    const [venue, group] = await Promise.all([
      venueOrMissing(ctx.db, facility.venueId),
      findYouthGroup(ctx.db, facility.districtId, input.groupId),
    ])
    if (!group) refuse<VenueFailure>({ kind: 'missing', what: 'group' })
    check(checkGroupBooking({ group, callerId: actor.userId, bookers: facility.bookers, activityId: input.activityId }))
    return { actor, facility, venue, state: stateFor(venue), unitId: null, groupId: group.id }
  }
  const unitId = input.unitId ?? refuse<VenueFailure>({ kind: 'missing', what: 'unit' })
  const [venue, unit] = await Promise.all([venueOrMissing(ctx.db, facility.venueId), findUnitBrief(ctx.db, unitId)])
  if (!unit || unit.districtId !== facility.districtId) refuse<VenueFailure>({ kind: 'missing', what: 'unit' })
  allow<VenueFailure>(venueCan.bookFor(actor, unit), { kind: 'notUnitOrganiser' })
  if (unit.status !== 'admitted') refuse<VenueFailure>({ kind: 'unitNotAdmitted' })
  if (input.activityId) {
    const runBy = await activityUnit(ctx.db, input.activityId)
    if (!runBy) refuse<VenueFailure>({ kind: 'missing', what: 'activity' })
    if (runBy !== unit.id) refuse<VenueFailure>({ kind: 'activityNotOfUnit' })
  }
  return { actor, facility, venue, state: stateFor(venue), unitId: unit.id, groupId: null }
}

function writes(p: Prepared, input: z.output<typeof bookRequest>, ranges: Interval[], recurrenceId: string | null) {
  return ranges.map((r): BookingWrite => ({
    districtId: p.facility.districtId,
    facilityId: p.facility.id,
    kind: 'booking',
    unitId: p.unitId,
    groupId: p.groupId,
    bookedBy: p.actor.userId,
    start: r.start,
    end: r.end,
    purpose: input.purpose,
    activityId: input.activityId,
    state: p.state,
    reason: null,
    recurrenceId,
  }))
}

/**
 * Inserts the bookings in one statement, writers of one facility in turn (lock order: the facility,
 * then its bookings); a lost race on the slot answers the clashing booking.
 */
async function write(db: Db, items: BookingWrite[], onClash: () => Promise<never>): Promise<string[]> {
  try {
    return await inTransaction(db, async (tx) => {
      await lockFacility(tx, items[0].districtId, items[0].facilityId)
      return insertBookings(tx, items)
    })
  } catch (err) {
    if (pgCode(err) === EXCLUSION_VIOLATION) return onClash()
    throw err
  }
}

export async function book(ctx: SignedInContext, input: z.output<typeof bookRequest>): Promise<Booking> {
  const p = await prepare(ctx, input)
  const range = { start: new Date(input.startAt), end: new Date(input.endAt) }
  check(
    checkBookingRequest(
      p.facility,
      await openingAround(ctx.db, p.venue, range.start, range.end),
      range.start,
      range.end,
      ctx.now,
    ),
  )
  await ensureSafeText(ctx, input.purpose)
  // A request that waits for approval must not ask for a time already held (approval would fail anyway).
  if (p.state === 'pending' && (await holdingOverlaps(ctx.db, p.facility.districtId, p.facility.id, [range])).length) {
    await refuseClash(ctx.db, p.facility, [range])
  }
  const [id] = await write(ctx.db, writes(p, input, [range], null), () => refuseClash(ctx.db, p.facility, [range]))
  const [booking] = await findBookings(ctx.db, p.facility.districtId, [id])
  // After the commit: the event takes its place from a booking that holds the slot.
  await placeEventAt(ctx, booking)
  return toBooking(booking)
}

/** Every week for `weeks` weeks: every date passes the rules and is free, or nothing is written. */
export async function bookRecurring(
  ctx: SignedInContext,
  input: z.output<typeof bookRecurringRequest>,
): Promise<{ items: Booking[] }> {
  const p = await prepare(ctx, input)
  const ranges = weeklyOccurrences(new Date(input.startAt), new Date(input.endAt), input.weeks)
  const opening = await openingAround(ctx.db, p.venue, ranges[0].start, ranges[ranges.length - 1].end)
  for (const r of ranges) check(checkBookingRequest(p.facility, opening, r.start, r.end, ctx.now))
  await ensureSafeText(ctx, input.purpose)
  const clashingDays = async (): Promise<never> => {
    const held = await holdingOverlaps(ctx.db, p.facility.districtId, p.facility.id, ranges)
    const days = ranges
      .filter((r) => held.some((h) => h.start.getTime() < r.end.getTime() && r.start.getTime() < h.end.getTime()))
      .map((r) => shanghaiDay(r.start))
    return refuse<VenueFailure>({ kind: 'recurringConflict', days })
  }
  if ((await holdingOverlaps(ctx.db, p.facility.districtId, p.facility.id, ranges)).length) await clashingDays()
  const ids = await write(ctx.db, writes(p, input, ranges, randomUUID()), clashingDays)
  const items = await findBookings(ctx.db, p.facility.districtId, ids)
  await placeEventAt(ctx, items[0])
  return { items: items.map(toBooking) }
}

/** The owner closes a period of a facility; it holds the time like a booking (existing bookings must go first). */
export async function block(ctx: SignedInContext, input: z.output<typeof blockRequest>): Promise<Booking> {
  const actor = await requireActor(ctx)
  const facility = await facilityOrMissing(ctx.db, input.facilityId)
  const venue = await venueOrMissing(ctx.db, facility.venueId)
  allow<VenueFailure>(venueCan.runBookings(actor, venue), { kind: 'notVenueOwner' })
  const range = { start: new Date(input.startAt), end: new Date(input.endAt) }
  if (range.end.getTime() <= range.start.getTime()) refuse<VenueFailure>({ kind: 'emptyRange' })
  await ensureSafeText(ctx, input.reason)
  const item: BookingWrite = {
    districtId: homeDistrictId(),
    facilityId: facility.id,
    kind: 'block',
    unitId: venue.ownerUnitId,
    groupId: null,
    bookedBy: actor.userId,
    start: range.start,
    end: range.end,
    purpose: input.reason,
    activityId: null,
    state: 'approved',
    reason: input.reason,
    recurrenceId: null,
  }
  const [id] = await write(ctx.db, [item], () => refuseClash(ctx.db, facility, [range]))
  const [booking] = await findBookings(ctx.db, facility.districtId, [id])
  return toBooking(booking)
}
