/** Reading bookings: a facility's week grid (public), a unit's bookings, an owner's pending requests. */
import type * as z from 'zod'
import type {
  Booking,
  WeekGrid,
  gridRequest,
  groupBookingsRequest,
  ownerPendingRequest,
  unitBookingsRequest,
} from '@api/venue'
import { homeDistrictId } from '../../config'
import { shanghaiDay } from '../../domain/shanghai-time'
import { isDistrictAdmin } from '../../domain/policy'
import { venueCan } from '../../domain/venue/access'
import { DAY_MS, addDays, dayStart, weekMonday } from '../../domain/venue/calendar'
import { weekGrid } from '../../domain/venue/grid'
import { openingIntervals } from '../../domain/venue/hours'
import {
  bookingsBetween,
  findUnitBrief,
  groupBookings,
  ownerPending,
  unitBookings,
  venueHours,
} from '../../store/venues'
import { findYouthGroup } from '../../store/youth-groups'
import { requireActor } from '../actor'
import type { AppContext, SignedInContext } from '../context'
import { allow, refuse } from '../refusal'
import type { VenueFailure } from './failures'
import { toBooking, toFacility } from './present'
import { facilityOrMissing, venueOrMissing } from './venues'

const LIST_LIMIT = 200

export async function facilityGrid(ctx: AppContext, input: z.output<typeof gridRequest>): Promise<WeekGrid> {
  const facility = await facilityOrMissing(ctx.db, input.facilityId)
  const monday = weekMonday(input.weekOf ?? shanghaiDay(ctx.now))
  const from = dayStart(monday)
  const to = new Date(from.getTime() + 7 * DAY_MS)
  const [venue, hours, bookings] = await Promise.all([
    venueOrMissing(ctx.db, facility.venueId),
    venueHours(ctx.db, facility.districtId, facility.venueId, addDays(monday, -1), addDays(monday, 7)),
    bookingsBetween(ctx.db, facility.districtId, facility.id, from, to),
  ])
  // A day on each side, so an evening open across midnight joins its night.
  const opening = openingIntervals(
    hours.weekly,
    hours.exceptions,
    new Date(from.getTime() - DAY_MS),
    new Date(to.getTime() + DAY_MS),
  )
  const days = weekGrid({
    monday,
    slotMinutes: facility.slotMinutes,
    opening,
    bookings: bookings.map((b) => ({ start: b.start, end: b.end, holding: b.state !== 'pending' })),
    now: ctx.now,
  })
  return {
    facility: toFacility(facility),
    venueId: venue.id,
    venueName: venue.name,
    weekOf: monday,
    days: days.map((d) => ({
      day: d.day,
      slots: d.slots.map((s) => ({ startAt: s.start.toISOString(), endAt: s.end.toISOString(), state: s.state })),
    })),
  }
}

export async function bookingsOfUnit(
  ctx: SignedInContext,
  input: z.output<typeof unitBookingsRequest>,
): Promise<{ items: Booking[] }> {
  const actor = await requireActor(ctx)
  const unit = await findUnitBrief(ctx.db, input.unitId)
  if (!unit || unit.districtId !== homeDistrictId()) refuse<VenueFailure>({ kind: 'missing', what: 'unit' })
  allow<VenueFailure>(venueCan.bookFor(actor, unit), { kind: 'notUnitOrganiser' })
  const rows = await unitBookings(
    ctx.db,
    unit.districtId,
    unit.id,
    input.past ? null : ctx.now,
    LIST_LIMIT,
    input.activityId ?? null,
  )
  return { items: rows.map(toBooking) }
}

export async function pendingForOwner(
  ctx: SignedInContext,
  input: z.output<typeof ownerPendingRequest>,
): Promise<{ items: Booking[] }> {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  if (input.ownerUnitId) {
    const unit = await findUnitBrief(ctx.db, input.ownerUnitId)
    if (!unit || unit.districtId !== districtId) refuse<VenueFailure>({ kind: 'missing', what: 'unit' })
  }
  allow<VenueFailure>(venueCan.runBookings(actor, { districtId, ownerUnitId: input.ownerUnitId }), {
    kind: 'notVenueOwner',
  })
  return { items: (await ownerPending(ctx.db, districtId, input.ownerUnitId, LIST_LIMIT)).map(toBooking) }
}

/** A youth group's bookings: its leader sees (and cancels) them; the district admin sees them too. */
export async function bookingsOfGroup(
  ctx: SignedInContext,
  input: z.output<typeof groupBookingsRequest>,
): Promise<{ items: Booking[] }> {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  const group = await findYouthGroup(ctx.db, districtId, input.groupId)
  if (!group) refuse<VenueFailure>({ kind: 'missing', what: 'group' })
  allow<VenueFailure>(group.leaderId === actor.userId || isDistrictAdmin(actor, districtId), {
    kind: 'notGroupLeader',
  })
  const rows = await groupBookings(ctx.db, districtId, group.id, input.past ? null : ctx.now, LIST_LIMIT)
  return { items: rows.map(toBooking) }
}
