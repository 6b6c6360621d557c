/** A clashing booking's time as Shanghai wall-clock facts (the failure table words them). */
import { shanghaiClock, shanghaiDay } from '../shanghai-time'

export interface ClashTime {
  day: string
  from: string
  /** The end's day, when it is not `day`. */
  toDay: string | null
  to: string
}

export function clashTime(start: Date, end: Date): ClashTime {
  // An end at midnight reads as 24:00 of the start's day.
  const lastMoment = new Date(end.getTime() - 1)
  const sameDay = shanghaiDay(lastMoment) === shanghaiDay(start)
  const to = sameDay && shanghaiClock(end) === '00:00' ? '24:00' : shanghaiClock(end)
  return { day: shanghaiDay(start), from: shanghaiClock(start), toDay: sameDay ? null : shanghaiDay(end), to }
}
