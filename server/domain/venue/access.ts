/**
 * Who may do what with venues, on top of the district's roles (server/domain/policy.ts):
 * - edit a venue and its facilities: the owner unit's admin, or the district admin (who also owns district venues);
 * - run bookings (approve, decline, block, see pending, cancel any time): any organiser of the owner unit, or the district admin;
 * - book: an organiser of an admitted unit of the venue's district (the district admin too, for any unit);
 * - see the whole contact phone: members of any unit of the district and the district admin.
 */
import { isDistrictAdmin, roleIn, type Actor } from '../policy'

export interface VenueRef {
  districtId: string
  ownerUnitId: string | null
}

export const venueCan = {
  edit: (actor: Actor | null, venue: VenueRef) =>
    isDistrictAdmin(actor, venue.districtId) || (!!venue.ownerUnitId && roleIn(actor, venue.ownerUnitId) === 'admin'),
  runBookings: (actor: Actor | null, venue: VenueRef) =>
    isDistrictAdmin(actor, venue.districtId) || (!!venue.ownerUnitId && roleIn(actor, venue.ownerUnitId) !== null),
  bookFor: (actor: Actor | null, unit: { id: string; districtId: string }) =>
    roleIn(actor, unit.id) !== null || isDistrictAdmin(actor, unit.districtId),
  /** `memberOfDistrict`: the caller belongs to at least one admitted unit of the venue's district. */
  seeContact: (actor: Actor | null, venue: VenueRef, memberOfDistrict: boolean) =>
    isDistrictAdmin(actor, venue.districtId) || memberOfDistrict,
}
