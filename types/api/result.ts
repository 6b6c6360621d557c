/**
 * The envelope every cloud-function action answers with, and the stable error codes.
 * Pages branch on `code`; `message` is Chinese text fit to show a user as is.
 */
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
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiSuccess<T> {
  ok: true
  data: T
}

export interface ApiFailure {
  ok: false
  code: ErrorCode
  message: string
  /** Present on INTERNAL errors: quote it when reporting a problem. */
  requestId?: string
  /** Field-level problems for INVALID_INPUT, keyed by dotted path. */
  fields?: Record<string, string>
}

export type ApiResult<T> = ApiSuccess<T> | ApiFailure

/** What a client sends to a cloud function: the action name and its payload. */
export interface FunctionEvent<A extends string = string, D = unknown> {
  action: A
  data?: D
}
