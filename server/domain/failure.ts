/**
 * A refusal as data. Domain rules answer `Failure | null` (or a value) instead of throwing; the
 * application services raise it with `refuse` to end a use case; each function's failure table at
 * the edge turns a kind into an API code and its Chinese message. Nothing here is user text.
 */
export interface Failure<K extends string = string> {
  readonly kind: K
}

/** Things a caller can ask for that may not exist (or may not be theirs to see). */
export type Thing =
  | 'activity'
  | 'registration'
  | 'unit'
  | 'member'
  | 'planLine'
  | 'plan'
  | 'user'
  | 'hoursEntry'
  | 'certificate'
  | 'invite'

/** Failures any use case may answer with; every function's table maps them. */
export type CommonFailure =
  | { kind: 'notFound'; thing: Thing }
  | { kind: 'forbidden' }
  | { kind: 'contentRejected'; reason?: string }
  /** A rate limit (domain/rate-limit.ts): refused until its window ends, in `retryMinutes` (rounded up). */
  | { kind: 'rateLimited'; retryMinutes: number }
