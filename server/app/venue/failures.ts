/** Every failure the venue use cases answer with; the venue function's table words each one. */
import type { CommonFailure } from '../../domain/failure'
import type { ClashTime } from '../../domain/venue/clash'
import type { HoursFailure } from '../../domain/venue/hours'
import type { BookingRequestFailure, CancelFailure, RulesFailure } from '../../domain/venue/rules'
import type { GroupBookingFailure } from '../../domain/youth-group'

export type VenueFailure =
  | CommonFailure
  | HoursFailure
  | RulesFailure
  | BookingRequestFailure
  | CancelFailure
  | GroupBookingFailure
  | { kind: 'missing'; what: 'venue' | 'facility' | 'booking' | 'unit' | 'activity' | 'group' }
  /** Editing a venue or its facilities: the owner unit's admin or the district admin. */
  | { kind: 'notVenueEditor' }
  /** Approving, declining, blocking, the pending list: the owner unit's organisers or the district admin. */
  | { kind: 'notVenueOwner' }
  /** Booking for a unit, or seeing its bookings: the unit's organisers (or the district admin). */
  | { kind: 'notUnitOrganiser' }
  | { kind: 'unitNotAdmitted' }
  | { kind: 'activityNotOfUnit' }
  | { kind: 'duplicateVenueName' }
  | { kind: 'duplicateFacilityName' }
  /** The time is held by another booking or a block: its time. */
  | { kind: 'bookingConflict'; clash: ClashTime; block: boolean }
  /** A recurring booking: the series' dates that clash (nothing was written). */
  | { kind: 'recurringConflict'; days: string[] }
  /** The usage report: the district admin, or the organisers of a unit that owns venues (its own). */
  | { kind: 'notUsageViewer' }
  /** Used / no-show: only an approved booking (or one already marked, to correct it), once it has started. */
  | { kind: 'notMarkable' }
  | { kind: 'notStarted' }
  | { kind: 'notPending' }
  | { kind: 'notCancellable' }
  | { kind: 'declineWithoutReason' }
