/**
 * The envelope every cloud-function action answers with, and the stable error codes.
 * Pages branch on `code`; `message` is Chinese text fit to show a user as is.
 */
import type { ErrorCode } from '../contract/result'

// The codes live in a zod-free module pages may import; re-exported for existing imports.
export { ERROR_CODES, type ErrorCode } from '../contract/result'

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
