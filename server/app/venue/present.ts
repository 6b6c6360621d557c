/** Records → API answers. */
import type { Booking, Facility, VenueDetail, VenueSummary } from '@api/venue'
import { maskPhone } from '../../domain/privacy'
import { formatClock } from '../../domain/venue/calendar'
import type { BookingRecord, ExceptionRow, FacilityRecord, VenueRecord, WeeklyRow } from '../../store/venues'
import { shownImage, type ImageLinks } from '../images'

export function toSummary(v: VenueRecord, links: ImageLinks, distanceMeters: number | null = null): VenueSummary {
  return {
    id: v.id,
    name: v.name,
    tier: v.tier,
    address: v.address,
    location: v.latitude !== null && v.longitude !== null ? { latitude: v.latitude, longitude: v.longitude } : null,
    ownerUnitId: v.ownerUnitId,
    ownerName: v.ownerName,
    cover: shownImage(links, v.photos[0]),
    facilityKinds: v.facilityKinds,
    distanceMeters,
  }
}

export function toFacility(f: FacilityRecord): Facility {
  const { districtId: _districtId, ...rest } = f
  return rest
}

const clockRange = (r: { opens: number; closes: number }) => ({
  opens: formatClock(r.opens),
  closes: formatClock(r.closes),
})

export function toDetail(
  v: VenueRecord,
  links: ImageLinks,
  extra: {
    weekly: WeeklyRow[]
    exceptions: ExceptionRow[]
    facilities: FacilityRecord[]
    wholeContact: boolean
    canEdit: boolean
    canRunBookings: boolean
  },
): VenueDetail {
  return {
    ...toSummary(v, links),
    photos: v.photos.map((p) => shownImage(links, p)).filter((p): p is string => p !== null),
    photoSources: extra.canEdit ? v.photos : [],
    intro: v.intro,
    contactName: v.contactName,
    contactPhone: extra.wholeContact || !v.contactPhone ? v.contactPhone : maskPhone(v.contactPhone),
    contactMasked: !extra.wholeContact && !!v.contactPhone,
    hours: extra.weekly.map((h) => ({ weekday: h.weekday, ...clockRange(h) })),
    exceptions: extra.exceptions.map((e) => ({ day: e.day, ranges: e.ranges.map(clockRange), note: e.note })),
    facilities: extra.facilities.map(toFacility),
    canEdit: extra.canEdit,
    canRunBookings: extra.canRunBookings,
  }
}

export function toBooking(b: BookingRecord): Booking {
  return {
    id: b.id,
    kind: b.kind,
    facilityId: b.facilityId,
    facilityName: b.facilityName,
    venueId: b.venueId,
    venueName: b.venueName,
    unitId: b.unitId,
    unitName: b.unitName,
    groupId: b.groupId,
    groupName: b.groupName,
    // Only the group's leader, the venue's owners and the district admin ever read a group's booking.
    leaderContact: b.groupId ? { name: b.groupLeaderName ?? '', phone: b.groupLeaderPhone ?? '' } : null,
    startAt: b.start.toISOString(),
    endAt: b.end.toISOString(),
    purpose: b.purpose,
    activityId: b.activityId,
    state: b.state,
    reason: b.reason,
    recurrenceId: b.recurrenceId,
    decidedAt: b.decidedAt?.toISOString() ?? null,
    createdAt: b.createdAt.toISOString(),
  }
}
