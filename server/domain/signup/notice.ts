/** Rules of notices to everyone confirmed for an event (the roster's "notify everyone confirmed"): when one may be sent. Pure. */
import { NOTICE_DAILY_LIMIT } from '@contract/signup'
import type { EventState } from '../event'
import { SHANGHAI_OFFSET_MS, shanghaiDay } from '../shanghai-time'
import type { SignupFailure } from './failures'

/** The start of the Shanghai calendar day `now` falls in: the limit counts notices from then. */
export function noticeDayStart(now: Date): Date {
  return new Date(Date.parse(`${shanghaiDay(now)}T00:00:00Z`) - SHANGHAI_OFFSET_MS)
}

/**
 * A notice goes out only for a published event that has not ended, and at most NOTICE_DAILY_LIMIT
 * times per event a day (`sentToday` counted under the event's notice lock).
 */
export function checkNotice(
  event: { state: EventState; endAt: Date },
  sentToday: number,
  now: Date,
): SignupFailure | null {
  if (event.state !== 'published' || now >= event.endAt) return { kind: 'noticeEventOver' }
  if (sentToday >= NOTICE_DAILY_LIMIT) return { kind: 'noticeLimit', limit: NOTICE_DAILY_LIMIT }
  return null
}

/** Notices still allowed today. */
export const noticesLeft = (sentToday: number): number => Math.max(0, NOTICE_DAILY_LIMIT - sentToday)
