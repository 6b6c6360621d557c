/**
 * The owner approves or declines a request; the booker (before the deadline) or the owner (any
 * time) cancels. Approving is the moment a request takes the slot: the exclusion constraint lets
 * only one of two overlapping approvals commit, whoever approves, however close together.
 */
import type * as z from 'zod'
import type { Booking, bookingCancelRequest, bookingDecideRequest, bookingMarkRequest } from '@api/venue'
import { homeDistrictId, templates } from '../../config'
import { venueCan } from '../../domain/venue/access'
import { checkCancel } from '../../domain/venue/rules'
import { clashTime } from '../../domain/venue/clash'
import { inTransaction, pgCode } from '../../store/tx'
import {
  findBooking,
  findBookings,
  lockFacility,
  setBookingOutcome,
  setBookingState,
  type BookingRecord,
} from '../../store/venues'
import { findOpenid } from '../../store/users'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { sendNotices } from '../notify'
import { allow, check, refuse } from '../refusal'
import type { VenueFailure } from './failures'
import { placeEventAt } from './event-link'
import { toBooking } from './present'
import { EXCLUSION_VIOLATION, refuseClash } from './bookings'
import { facilityOrMissing } from './venues'

async function bookingOrMissing(
  tx: Parameters<typeof findBooking>[0],
  id: string,
  forUpdate = false,
): Promise<BookingRecord> {
  return (
    (await findBooking(tx, homeDistrictId(), id, forUpdate)) ??
    refuse<VenueFailure>({ kind: 'missing', what: 'booking' })
  )
}

async function tellBooker(ctx: SignedInContext, b: BookingRecord): Promise<void> {
  // A youth group's booking: its leader hears of it, on the page of their groups.
  const openid = await findOpenid(ctx.db, b.groupLeaderId ?? b.bookedBy)
  if (!openid) return
  const { day, from } = clashTime(b.start, b.end)
  await sendNotices(ctx, [
    {
      toOpenid: openid,
      templateId: templates.bookingDecision(),
      // The pages' subpackage: src/packages/venues (my unit's bookings).
      page: b.groupId
        ? 'packages/mine/pages/youth-groups/index'
        : `packages/venues/pages/bookings/index?unitId=${b.unitId ?? ''}`,
      data: {
        thing1: { value: `${b.venueName} ${b.facilityName}`.slice(0, 20) },
        phrase2: { value: b.state === 'approved' ? '已通过' : '未通过' },
        thing3: { value: (b.reason ?? `${day} ${from}`).slice(0, 20) },
      },
    },
  ])
}

async function decide(
  ctx: SignedInContext,
  input: z.output<typeof bookingDecideRequest>,
  state: 'approved' | 'declined',
): Promise<Booking> {
  if (state === 'declined' && !input.reason) refuse<VenueFailure>({ kind: 'declineWithoutReason' })
  const actor = await requireActor(ctx)
  let current: BookingRecord | null = null
  try {
    const seen = await bookingOrMissing(ctx.db, input.bookingId)
    await inTransaction(ctx.db, async (tx) => {
      // Lock order: the facility, then the booking (as every writer of holding bookings).
      await lockFacility(tx, seen.districtId, seen.facilityId)
      const b = await bookingOrMissing(tx, input.bookingId, true)
      current = b
      allow<VenueFailure>(venueCan.runBookings(actor, { districtId: b.districtId, ownerUnitId: b.ownerUnitId }), {
        kind: 'notVenueOwner',
      })
      if (b.state !== 'pending') refuse<VenueFailure>({ kind: 'notPending' })
      if (state === 'approved' && b.start.getTime() <= ctx.now.getTime()) refuse<VenueFailure>({ kind: 'inPast' })
      await setBookingState(tx, b.districtId, b.id, {
        state,
        reason: input.reason ?? null,
        decidedBy: actor.userId,
        at: ctx.now,
      })
    })
  } catch (err) {
    const b = current as BookingRecord | null
    if (b && pgCode(err) === EXCLUSION_VIOLATION) {
      await refuseClash(ctx.db, await facilityOrMissing(ctx.db, b.facilityId), [{ start: b.start, end: b.end }])
    }
    throw err
  }
  const [updated] = await findBookings(ctx.db, homeDistrictId(), [input.bookingId])
  // After the commit: a message that cannot be sent must not undo the decision.
  await tellBooker(ctx, updated)
  await placeEventAt(ctx, updated)
  return toBooking(updated)
}

export const approveBooking = (ctx: SignedInContext, input: z.output<typeof bookingDecideRequest>) =>
  decide(ctx, input, 'approved')
export const declineBooking = (ctx: SignedInContext, input: z.output<typeof bookingDecideRequest>) =>
  decide(ctx, input, 'declined')

export async function cancelBooking(
  ctx: SignedInContext,
  input: z.output<typeof bookingCancelRequest>,
): Promise<Booking> {
  const actor = await requireActor(ctx)
  await inTransaction(ctx.db, async (tx) => {
    const b = await bookingOrMissing(tx, input.bookingId, true)
    const owner = venueCan.runBookings(actor, { districtId: b.districtId, ownerUnitId: b.ownerUnitId })
    const booker =
      b.kind === 'booking' &&
      (b.groupId
        ? b.groupLeaderId === actor.userId
        : !!b.unitId && venueCan.bookFor(actor, { id: b.unitId, districtId: b.districtId }))
    allow<VenueFailure>(owner || booker, { kind: 'notUnitOrganiser' })
    if (b.state !== 'pending' && b.state !== 'approved') refuse<VenueFailure>({ kind: 'notCancellable' })
    if (b.end.getTime() <= ctx.now.getTime()) refuse<VenueFailure>({ kind: 'notCancellable' })
    // Withdrawing a request is always possible; giving back a held slot respects the deadline.
    if (b.state === 'approved') check(checkCancel(b.start, b.cancelHours, ctx.now, owner ? 'owner' : 'booker'))
    await setBookingState(tx, b.districtId, b.id, {
      state: 'cancelled',
      reason: input.reason ?? null,
      decidedBy: actor.userId,
      at: ctx.now,
    })
  })
  const [updated] = await findBookings(ctx.db, homeDistrictId(), [input.bookingId])
  return toBooking(updated)
}

/**
 * The owner records what happened once an approved booking started: used, or no-show. Both keep
 * the slot held (the time is gone either way); a marked booking can be marked again to correct it.
 */
export async function markBooking(ctx: SignedInContext, input: z.output<typeof bookingMarkRequest>): Promise<Booking> {
  const actor = await requireActor(ctx)
  await inTransaction(ctx.db, async (tx) => {
    const b = await bookingOrMissing(tx, input.bookingId, true)
    allow<VenueFailure>(venueCan.runBookings(actor, { districtId: b.districtId, ownerUnitId: b.ownerUnitId }), {
      kind: 'notVenueOwner',
    })
    if (b.kind !== 'booking' || !['approved', 'used', 'no_show'].includes(b.state)) {
      refuse<VenueFailure>({ kind: 'notMarkable' })
    }
    if (b.start.getTime() > ctx.now.getTime()) refuse<VenueFailure>({ kind: 'notStarted' })
    await setBookingOutcome(tx, b.districtId, b.id, { state: input.outcome, markedBy: actor.userId, at: ctx.now })
  })
  const [updated] = await findBookings(ctx.db, homeDistrictId(), [input.bookingId])
  return toBooking(updated)
}
