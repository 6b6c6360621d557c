/** Cloud function `venue`: shared venues (阵地) — venues, facilities, availability and bookings. */
import {
  blockRequest,
  bookRecurringRequest,
  bookRequest,
  bookingCancelRequest,
  bookingDecideRequest,
  bookingMarkRequest,
  facilityCreateRequest,
  facilityUpdateRequest,
  gridRequest,
  groupBookingsRequest,
  ownerPendingRequest,
  unitBookingsRequest,
  usageRequest,
  venueCreateRequest,
  venueGetRequest,
  venueListRequest,
  venueUpdateRequest,
  type VenueActions,
} from '@api/venue'
import { block, book, bookRecurring } from '../../../server/app/venue/bookings'
import { approveBooking, cancelBooking, declineBooking, markBooking } from '../../../server/app/venue/decisions'
import type { VenueFailure } from '../../../server/app/venue/failures'
import { bookingsOfGroup, bookingsOfUnit, facilityGrid, pendingForOwner } from '../../../server/app/venue/lists'
import { exportVenueUsage, venueUsage } from '../../../server/app/venue/usage'
import {
  createFacility,
  createVenue,
  editFacility,
  editVenue,
  venueDetail,
  venueList,
} from '../../../server/app/venue/venues'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { venueFailures } from './failures'

export const actions = withFailures<VenueActions, VenueFailure>(
  {
    createVenue: action({
      access: 'signed_in',
      input: venueCreateRequest,
      handle: (input, ctx) => createVenue(ctx, input),
    }),
    updateVenue: action({
      access: 'signed_in',
      input: venueUpdateRequest,
      handle: (input, ctx) => editVenue(ctx, input),
    }),
    createFacility: action({
      access: 'signed_in',
      input: facilityCreateRequest,
      handle: (input, ctx) => createFacility(ctx, input),
    }),
    updateFacility: action({
      access: 'signed_in',
      input: facilityUpdateRequest,
      handle: (input, ctx) => editFacility(ctx, input),
    }),
    venues: action({ access: 'public', input: venueListRequest, handle: (input, ctx) => venueList(ctx, input) }),
    venue: action({
      access: 'public',
      input: venueGetRequest,
      handle: (input, ctx) => venueDetail(ctx, input.venueId),
    }),
    grid: action({ access: 'public', input: gridRequest, handle: (input, ctx) => facilityGrid(ctx, input) }),
    book: action({ access: 'signed_in', input: bookRequest, handle: (input, ctx) => book(ctx, input) }),
    bookRecurring: action({
      access: 'signed_in',
      input: bookRecurringRequest,
      handle: (input, ctx) => bookRecurring(ctx, input),
    }),
    approve: action({
      access: 'signed_in',
      input: bookingDecideRequest,
      handle: (input, ctx) => approveBooking(ctx, input),
    }),
    decline: action({
      access: 'signed_in',
      input: bookingDecideRequest,
      handle: (input, ctx) => declineBooking(ctx, input),
    }),
    cancel: action({
      access: 'signed_in',
      input: bookingCancelRequest,
      handle: (input, ctx) => cancelBooking(ctx, input),
    }),
    mark: action({ access: 'signed_in', input: bookingMarkRequest, handle: (input, ctx) => markBooking(ctx, input) }),
    block: action({ access: 'signed_in', input: blockRequest, handle: (input, ctx) => block(ctx, input) }),
    unitBookings: action({
      access: 'signed_in',
      input: unitBookingsRequest,
      handle: (input, ctx) => bookingsOfUnit(ctx, input),
    }),
    ownerPending: action({
      access: 'signed_in',
      input: ownerPendingRequest,
      handle: (input, ctx) => pendingForOwner(ctx, input),
    }),
    groupBookings: action({
      access: 'signed_in',
      input: groupBookingsRequest,
      handle: (input, ctx) => bookingsOfGroup(ctx, input),
    }),
    usage: action({ access: 'signed_in', input: usageRequest, handle: (input, ctx) => venueUsage(ctx, input) }),
    exportUsage: action({
      access: 'signed_in',
      input: usageRequest,
      handle: (input, ctx) => exportVenueUsage(ctx, input),
    }),
  },
  venueFailures,
)

export const main = createFunction<VenueActions>('venue', actions)
