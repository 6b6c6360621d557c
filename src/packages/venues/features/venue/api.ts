/** The venue pages' calls of the `venue` function (and the unit's events, for linking a booking). */
import type {
  BlockRequest,
  BookRecurringRequest,
  BookRequest,
  Booking,
  Facility,
  FacilityCreateRequest,
  FacilityKind,
  FacilityUpdateRequest,
  GeoPoint,
  VenueCreateRequest,
  VenueDetail,
  VenueTier,
  VenueUpdateRequest,
} from '@api/venue'
import { callFunction } from '@/services/cloud'

export function listVenues(filter: {
  near: GeoPoint | null
  facilityKind: FacilityKind | null
  tier: VenueTier | null
  freeAt?: { startAt: string; endAt: string } | null
}) {
  return callFunction('venue', 'venues', {
    ...(filter.near ? { near: filter.near } : {}),
    ...(filter.facilityKind ? { facilityKind: filter.facilityKind } : {}),
    ...(filter.tier ? { tier: filter.tier } : {}),
    ...(filter.freeAt ? { freeAt: filter.freeAt } : {}),
  })
}

export const getVenue = (venueId: string) => callFunction('venue', 'venue', { venueId })

export const getGrid = (facilityId: string, weekOf: string | null) =>
  callFunction('venue', 'grid', weekOf ? { facilityId, weekOf } : { facilityId })

export const book = (req: BookRequest): Promise<Booking> => callFunction('venue', 'book', req)

export const bookRecurring = (req: BookRecurringRequest): Promise<{ items: Booking[] }> =>
  callFunction('venue', 'bookRecurring', req)

export const blockPeriod = (req: BlockRequest): Promise<Booking> => callFunction('venue', 'block', req)

export const unitBookings = (unitId: string, past: boolean) => callFunction('venue', 'unitBookings', { unitId, past })

export const cancelBooking = (bookingId: string, reason: string) =>
  callFunction('venue', 'cancel', reason ? { bookingId, reason } : { bookingId })

export const ownerPending = (ownerUnitId: string | null) => callFunction('venue', 'ownerPending', { ownerUnitId })

export const approveBooking = (bookingId: string) => callFunction('venue', 'approve', { bookingId })

export const declineBooking = (bookingId: string, reason: string) =>
  callFunction('venue', 'decline', { bookingId, reason })

/** The unit's events a booking may be linked to (published or draft, not cancelled or finished). */
export async function unitEvents(unitId: string): Promise<{ id: string; title: string; startAt: string }[]> {
  const page = await callFunction('activity', 'manageList', { unitId, limit: 50 })
  return page.items
    .filter((a) => a.state === 'published' || a.state === 'draft')
    .map((a) => ({ id: a.id, title: a.title, startAt: a.startAt }))
}

// The owner's side: registering and editing venues and their facilities.
export const createVenue = (req: VenueCreateRequest): Promise<VenueDetail> => callFunction('venue', 'createVenue', req)

export const updateVenue = (req: VenueUpdateRequest): Promise<VenueDetail> => callFunction('venue', 'updateVenue', req)

export const createFacility = (req: FacilityCreateRequest): Promise<Facility> =>
  callFunction('venue', 'createFacility', req)

export const updateFacility = (req: FacilityUpdateRequest): Promise<Facility> =>
  callFunction('venue', 'updateFacility', req)
/** The caller's approved youth groups, to book as one on facilities open to groups. */
export async function myApprovedGroups(): Promise<{ id: string; name: string }[]> {
  const { items } = await callFunction('org', 'myYouthGroups', {})
  return items.filter((g) => g.state === 'approved').map((g) => ({ id: g.id, name: g.name }))
}
