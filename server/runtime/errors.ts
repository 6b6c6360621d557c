/**
 * The dispatcher's own refusals (an unknown action, an invalid payload, no caller, a timer action
 * called by a client). Use cases never throw these: they raise typed failures (server/app/refusal.ts)
 * that each function's failure table answers. Anything else becomes INTERNAL.
 */
import type { ErrorCode } from '@api/result'

export class AppError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL'>,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const unauthenticated = () => new AppError('UNAUTHENTICATED', '请先登录')
export const invalidInput = (message: string, fields?: Record<string, string>) =>
  new AppError('INVALID_INPUT', message, fields)
