/**
 * A booking for an event and the event: the event takes its place from the booking once the
 * booking holds the slot (the venue's name and facility, address and location, written as an
 * edit in the event's change log); cancelling the event releases its bookings that have not
 * started.
 *
 * Each side runs in its own transaction after the other committed, so no transaction ever holds
 * an event row and a facility row together (booking writers lock the facility first, event edits
 * lock the event first: holding both could deadlock).
 */
import { cancelDeadline } from '../../domain/venue/rules'
import { checkTransition, diff } from '../../domain/event-rules'
import { fieldsOf, findActivity, logChange, updateActivityFields, type EventFields } from '../../store/activities'
import { inTransaction } from '../../store/tx'
import {
  findBooking,
  findVenue,
  lockFacility,
  setBookingState,
  upcomingEventBookings,
  type BookingRecord,
} from '../../store/venues'
import type { AppContext } from '../context'

/** The reason written on the event's change log and on released bookings (people read both). */
export const PLACED_BY_BOOKING = '场地预订'
export const RELEASED_WITH_EVENT = '活动已取消'

/** The booked place onto the event, if the booking is for an event that can still be edited. */
export async function placeEventAt(ctx: AppContext, b: BookingRecord): Promise<void> {
  if (!b.activityId || b.kind !== 'booking' || b.state !== 'approved') return
  const activityId = b.activityId
  const venue = await findVenue(ctx.db, b.districtId, b.venueId)
  if (!venue) return
  await inTransaction(ctx.db, async (tx) => {
    const activity = await findActivity(tx, activityId, true)
    if (!activity || checkTransition(activity.state, 'edit')) return
    const current = fieldsOf(activity)
    const next: EventFields = {
      ...current,
      placeName: `${venue.name} ${b.facilityName}`.slice(0, 100),
      placeAddress: venue.address || current.placeAddress,
      location:
        venue.latitude !== null && venue.longitude !== null
          ? { latitude: venue.latitude, longitude: venue.longitude }
          : current.location,
    }
    const changes = diff(current as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>)
    if (!Object.keys(changes).length) return
    await updateActivityFields(tx, activity.id, next, ctx.now)
    await logChange(tx, activity.id, b.bookedBy, 'edited', changes, PLACED_BY_BOOKING, ctx.now)
  })
}

/**
 * After an event was cancelled: its requests are withdrawn and its approved bookings given back,
 * those that have not started and whose cancellation deadline has not passed (later ones stay for
 * the venue's owner to release, as when the booker cancels). Answers how many were released.
 */
export async function releaseEventBookings(
  ctx: AppContext,
  districtId: string,
  activityId: string,
  byUserId: string,
): Promise<number> {
  const bookings = await upcomingEventBookings(ctx.db, districtId, activityId, ctx.now)
  let released = 0
  for (const seen of bookings) {
    if (seen.state === 'approved' && ctx.now.getTime() > cancelDeadline(seen.start, seen.cancelHours).getTime()) {
      continue
    }
    released += await inTransaction(ctx.db, async (tx) => {
      // Lock order: the facility, then the booking (as every writer of bookings).
      await lockFacility(tx, seen.districtId, seen.facilityId)
      const b = await findBooking(tx, seen.districtId, seen.id, true)
      if (!b || (b.state !== 'pending' && b.state !== 'approved')) return 0
      await setBookingState(tx, b.districtId, b.id, {
        state: 'cancelled',
        reason: RELEASED_WITH_EVENT,
        decidedBy: byUserId,
        at: ctx.now,
      })
      return 1
    })
  }
  return released
}
