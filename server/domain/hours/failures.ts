/** Why the hours ledger refuses a change or a request, as data (the `hours` function's table gives the words). */
import type { LedgerFailure } from './ledger'

export type HoursFailure =
  | LedgerFailure
  /** Hours are closed only once the event has ended. */
  | { kind: 'eventNotEnded' }
  /** Make-ups only once the event has started. */
  | { kind: 'eventNotStarted' }
  /** The event records participation only: no hours to give. */
  | { kind: 'participationOnly' }
  /** Another correction of the same entry landed first. */
  | { kind: 'correctionRaced' }
  /** Only pending entries can be declined. */
  | { kind: 'notPending'; status: 'approved' | 'declined' }
  /** The registration a make-up names does not exist. */
  | { kind: 'registrationMissing' }
  /** Make-ups are for people who held a seat. */
  | { kind: 'notSeatedForMakeup' }
  /** A make-up day outside the event's schedule. */
  | { kind: 'dayNotScheduled' }
  /** A make-up names a photo that was not uploaded for its event (not a name the server gave out for it). */
  | { kind: 'evidenceNotUploaded' }
  /** A make-up's photos are for the event's organisers, the district admin and the person it is for. */
  | { kind: 'notEvidenceViewer' }
  /** A certificate names the holder: a real name is needed. */
  | { kind: 'realNameMissing' }
  /** No approved hours in the period asked for. */
  | { kind: 'noApprovedHours' }
  /** The district's sums are for its admins. */
  | { kind: 'notDistrictAdmin'; task: 'report' | 'export' }
