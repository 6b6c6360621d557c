/** The stable error codes every action may answer with (see types/api/result.ts for the envelope). */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_ACTION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CONTENT_REJECTED',
  // Sign-up refusals, each its own code so pages can say exactly why.
  'SIGNUP_CLOSED',
  'FULL',
  'ALREADY_REGISTERED',
  'NOT_ELIGIBLE',
  'PROFILE_INCOMPLETE',
  'DEADLINE_PASSED',
  // Check-in refusals.
  'CODE_INVALID',
  'CODE_EXPIRED',
  'WRONG_EVENT',
  'CHECKIN_CLOSED',
  'NOT_REGISTERED',
  'REGISTRATION_CANCELLED',
  'NOT_CHECKED_IN',
  // Hours refusals.
  'HOURS_OVER_LIMIT',
  'ENTRY_LOCKED',
  // Too many attempts in a short time (rate limits): the message says when to try again.
  'RATE_LIMITED',
  // Privacy: the guide agreed to is not the current one; the last admin of a unit or district cannot delete the account.
  'PRIVACY_OUTDATED',
  'LAST_ADMIN',
  // Venue bookings: the slot is taken, the venue is closed then, a booking rule, a late cancellation.
  'BOOKING_CONFLICT',
  'VENUE_CLOSED',
  'BOOKING_RULE',
  'CANCEL_TOO_LATE',
  // Tiered identity: a sign-up lacks a phone, a real name or a birth date; an under-14 lacks a guardian's consent.
  'IDENTITY_REQUIRED',
  'GUARDIAN_CONSENT_REQUIRED',
  // Ratings: only people who attended may rate, and only within the window after the event.
  'NOT_ATTENDED',
  'RATING_CLOSED',
  // Surveys: answering one that is not open (a draft or closed).
  'SURVEY_CLOSED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]
