/**
 * Failures an action may answer with. Throw `AppError` from domain or handler code;
 * the dispatcher turns it into `{ ok: false, code, message }`. Anything else becomes INTERNAL.
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

export const notFound = (what = '内容') => new AppError('NOT_FOUND', `${what}不存在或已下线`)
export const forbidden = (message = '没有权限进行此操作') => new AppError('FORBIDDEN', message)
export const unauthenticated = () => new AppError('UNAUTHENTICATED', '请先登录')
export const invalidInput = (message: string, fields?: Record<string, string>) =>
  new AppError('INVALID_INPUT', message, fields)
