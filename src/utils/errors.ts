import { ApiError } from '@/services/cloud'

/** The text to show for a failed call: the server's Chinese message, or a generic one. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message
  return '出了点问题，请稍后重试'
}

export function errorCode(err: unknown): string | null {
  return err instanceof ApiError ? err.code : null
}

/** Field-level messages of an INVALID_INPUT answer, keyed by field path ({} otherwise). */
export function errorFields(err: unknown): Record<string, string> {
  return err instanceof ApiError && err.fields ? err.fields : {}
}
