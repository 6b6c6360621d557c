/**
 * The edge where typed failures become answers: one table per function maps each failure kind to
 * a stable API code and the Chinese message a person reads. Common failures are mapped once here.
 */
import type { ErrorCode } from '@api/result'
import type { CommonFailure, Failure, Thing } from '../domain/failure'
import type { ImageFailure } from '../domain/files/uploads'

export interface FailureAnswer {
  code: Exclude<ErrorCode, 'INTERNAL'>
  message: string
  fields?: Record<string, string>
}

/** Every kind of `F` mapped to its answer (fixed, or built from the failure's facts). */
export type FailureTable<F extends Failure> = {
  readonly [K in F['kind']]: FailureAnswer | ((failure: Extract<F, { kind: K }>) => FailureAnswer)
}

const THING_NAMES: Record<Thing, string> = {
  activity: '活动',
  registration: '报名记录',
  unit: '单位',
  member: '成员',
  planLine: '清单条目',
  plan: '年度活动清单',
  user: '用户',
  hoursEntry: '时长记录',
  certificate: '证书',
  invite: '邀请码',
}

/** A wait in words: minutes up to an hour, then hours (rounded up). */
export function waitText(minutes: number): string {
  return minutes <= 60 ? `${minutes} 分钟` : `${Math.ceil(minutes / 60)} 小时`
}

export const commonFailures: FailureTable<CommonFailure> = {
  notFound: ({ thing }) => ({ code: 'NOT_FOUND', message: `${THING_NAMES[thing]}不存在或已下线` }),
  forbidden: { code: 'FORBIDDEN', message: '没有权限进行此操作' },
  contentRejected: ({ reason }) => ({
    code: 'CONTENT_REJECTED',
    message: reason ?? '内容未通过安全检测，请修改后再提交',
  }),
  rateLimited: ({ retryMinutes }) => ({
    code: 'RATE_LIMITED',
    message: `操作过于频繁，请 ${waitText(retryMinutes)}后再试`,
  }),
}

/** Published images (event covers, venue photos): the same words in every function that saves one. */
export const imageFailures: FailureTable<ImageFailure> = {
  imageNotUploaded: { code: 'INVALID_INPUT', message: '图片无效，请重新上传图片' },
  notImagePublisher: { code: 'FORBIDDEN', message: '只有本单位组织者可以上传图片' },
}

const own = (table: object, kind: string) => Object.prototype.hasOwnProperty.call(table, kind)

/** The answer for `failure` from `table` (then the common and image tables), or null when nobody mapped it. */
export function answerFor(failure: Failure, table: FailureTable<Failure> | undefined): FailureAnswer | null {
  const entry =
    (table && own(table, failure.kind) ? table[failure.kind] : undefined) ??
    (own(commonFailures, failure.kind) ? (commonFailures as FailureTable<Failure>)[failure.kind] : undefined) ??
    (own(imageFailures, failure.kind) ? (imageFailures as FailureTable<Failure>)[failure.kind] : undefined)
  if (!entry) return null
  return typeof entry === 'function' ? entry(failure) : entry
}
