/**
 * Rules an event's schedule and lifecycle must keep, checked before anything is written.
 * Throws AppError with a Chinese message naming the rule.
 */
import { AppError, invalidInput } from '../runtime/errors'

export type EventState = 'draft' | 'published' | 'cancelled' | 'finished'

export interface Schedule {
  startAt: Date
  endAt: Date
  signupOpensAt: Date
  signupClosesAt: Date
}

/** Multi-day events (a camp, a week of job shadowing) are fine; a month is the ceiling. */
export const MAX_EVENT_DAYS = 31

export function checkSchedule(s: Schedule): void {
  const fields: Record<string, string> = {}
  if (s.endAt <= s.startAt) fields.endAt = '结束时间须晚于开始时间'
  else if (s.endAt.getTime() - s.startAt.getTime() > MAX_EVENT_DAYS * 86_400_000)
    fields.endAt = `活动时长不能超过 ${MAX_EVENT_DAYS} 天`
  if (s.signupClosesAt <= s.signupOpensAt) fields.signupClosesAt = '报名截止须晚于报名开始'
  else if (s.signupClosesAt > s.startAt) fields.signupClosesAt = '报名截止不能晚于活动开始'
  const first = Object.values(fields)[0]
  if (first) throw invalidInput(first, fields)
}

export function checkCapacity(capacity: number, seatsTaken: number): void {
  if (capacity < seatsTaken) {
    throw new AppError('CONFLICT', `已有 ${seatsTaken} 人报名，名额不能少于 ${seatsTaken}`, {
      capacity: `不能少于 ${seatsTaken}`,
    })
  }
}

type Transition = 'edit' | 'publish' | 'cancel' | 'finish'

const ALLOWED: Record<Transition, EventState[]> = {
  edit: ['draft', 'published'],
  publish: ['draft'],
  cancel: ['draft', 'published'],
  finish: ['published'],
}

const STATE_NAMES: Record<EventState, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
  finished: '已结项',
}

export function checkTransition(state: EventState, transition: Transition): void {
  if (!ALLOWED[transition].includes(state)) {
    const verb = { edit: '修改', publish: '发布', cancel: '取消', finish: '结项' }[transition]
    throw new AppError('CONFLICT', `活动当前为「${STATE_NAMES[state]}」，不能${verb}`)
  }
}

/** Publishing needs a start still ahead; finishing needs the event to have begun. */
export function checkPublishable(s: Schedule, now: Date): void {
  if (s.startAt <= now) throw new AppError('CONFLICT', '活动开始时间已过，请修改时间后再发布')
}

export function checkFinishable(s: Schedule, now: Date): void {
  if (s.startAt > now) throw new AppError('CONFLICT', '活动尚未开始，不能结项')
}

/** Field-by-field differences for the change log: field → [before, after]. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {}
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue
    const old = before[key]
    const same =
      old instanceof Date && value instanceof Date
        ? old.getTime() === value.getTime()
        : JSON.stringify(old) === JSON.stringify(value)
    if (!same) changes[key] = [serialise(old), serialise(value)]
  }
  return changes
}

const serialise = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null))
