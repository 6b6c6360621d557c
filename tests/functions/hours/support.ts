/**
 * Builders for the hours function tests: an event's functions on a clock of their own, people who
 * sign up, and events whose volunteers scanned in and out at given offsets from the start. Every
 * situation is built through the real `activity`, `signup`, `checkin` and `hours` functions; only
 * the organiser's on-site code is minted here from the event's key (what `siteCode` signs, without
 * drawing its QR image, which costs about a second a call and is tested with check-in).
 */
import { shanghaiDay } from '../../../server/domain/shanghai-time'
import type { CheckinActions } from '@api/checkin'
import type { AuditRecord, EventHours, HoursActions, LedgerEntry, MyHours } from '@api/hours'
import type { ActivityCreateRequest, ManagedActivity } from '@api/activity'
import type { Registration } from '@api/signup'
import { actions as checkinActions } from '../../../cloudfunctions/checkin/src'
import { actions as hoursActions } from '../../../cloudfunctions/hours/src'
import { main as signup } from '../../../cloudfunctions/signup/src'
import { generateSecret, issueSiteCode, type Direction } from '../../../server/domain/checkin/token'
import { createFunction, type FunctionMain } from '../../../server/runtime/function'
import { ensureSiteSecret } from '../../../server/store/checkin'
import { call, expectOk } from '../../support/call'
import { withPhones } from '../../support/people'
import { PEOPLE, publishedEvent, type World } from '../../support/world'

export const HOUR = 3600_000
export const MINUTE = 60_000
export const DAY = 24 * HOUR
/** Every event the builders make is 2 hours long; its hours can be closed from here on. */
export const END = 3 * HOUR

let nonces = 0
const nonce = () => `hours-nonce-${++nonces}`

/** An event's functions with their clock at the event's start + offset. */
export function clocks(startMs: number) {
  const checkinAt = (offset: number) =>
    createFunction<CheckinActions>('checkin', checkinActions, { clock: () => new Date(startMs + offset) })
  const hoursAt = (offset: number) =>
    createFunction<HoursActions>('hours', hoursActions, { clock: () => new Date(startMs + offset) })
  return { checkinAt, hoursAt }
}

/**
 * A person with a bound phone (sign-ups need one); with a real name when given one (an event that
 * records hours needs it to take a sign-up).
 */
export async function person(w: World, openid: string, realName?: string): Promise<void> {
  await w.db.query(
    'insert into app_user (openid, nickname, real_name, phone) values ($1, $1, $2, $3) on conflict do nothing',
    [openid, realName ?? null, realName ? '13900001111' : null],
  )
  await withPhones(w.db, [openid])
}

export async function signedUp(who: string, activityId: string): Promise<Registration> {
  return expectOk(
    await call<Registration>(
      signup,
      'signup',
      { activityId, idempotencyKey: `k-${who.replace(/\W/g, '_')}-${activityId.slice(0, 8)}` },
      who,
    ),
  )
}

/** The Shanghai day an event starting at `startMs` (in the morning) takes place on. */
export const shanghaiDayOf = (startMs: number) => shanghaiDay(new Date(startMs))

/** When a volunteer scanned in and out, from the start (null: never checked out). */
export type Scans = [inAt: number, outAt: number | null]
export interface ScanPlace {
  latitude: number
  longitude: number
}

export interface EventWithScans {
  e: ManagedActivity
  s0: number
  /** The Shanghai day of the event. */
  day: string
  /** Registration id by openid. */
  regs: Record<string, string>
  checkinAt: (offset: number) => FunctionMain
  hoursAt: (offset: number) => FunctionMain
  /** One scan through the real `checkin.scan`, with a site code of that moment. */
  scanAt: (who: string, direction: Direction, offset: number, location?: ScanPlace) => Promise<void>
}

/**
 * A 2-hour tree planting (it records service hours) of unit A, with volunteers who sign up and scan
 * in and out at the given offsets. Each volunteer is a person named 志愿者 + the openid's last two
 * characters, so every openid must be new to the test file.
 */
export async function eventWithScans(
  w: World,
  scans: Record<string, Scans>,
  overrides: Partial<ActivityCreateRequest> = {},
): Promise<EventWithScans> {
  const e = await publishedEvent(w, {
    capacity: 20,
    category: 'tree_planting',
    recordsServiceHours: true,
    ...overrides,
  })
  const s0 = Date.parse(e.startAt)
  const { checkinAt, hoursAt } = clocks(s0)
  const secret = await ensureSiteSecret(w.db, e.id, generateSecret())
  const scanAt = async (who: string, direction: Direction, offset: number, location?: ScanPlace) => {
    const token = issueSiteCode({ secret, eventId: e.id, direction, now: new Date(s0 + offset) })
    expectOk(await call(checkinAt(offset), 'scan', { token, nonce: nonce(), ...(location ? { location } : {}) }, who))
  }
  const regs: Record<string, string> = {}
  for (const who of Object.keys(scans)) {
    await person(w, who, `志愿者${who.slice(-2)}`)
    regs[who] = (await signedUp(who, e.id)).id
  }
  for (const [who, [inAt, outAt]] of Object.entries(scans)) {
    await scanAt(who, 'in', inAt)
    if (outAt !== null) await scanAt(who, 'out', outAt)
  }
  return { e, s0, day: shanghaiDayOf(s0), regs, checkinAt, hoursAt, scanAt }
}

/** Calls an hours action as the organiser (unit A's admin) and expects it to succeed. */
export async function asOrganiser<T = unknown>(fn: FunctionMain, action: string, data: unknown): Promise<T> {
  return expectOk(await call<T>(fn, action, data, PEOPLE.orgA))
}

/** The event's closed hours, as the organiser reviews them after the end. */
export async function closed(ev: EventWithScans): Promise<{ pending: number; needsReview: number }> {
  return asOrganiser(ev.hoursAt(END), 'close', { activityId: ev.e.id })
}

/** Closes the event's hours and confirms them (approved at once unless a notice period is set). */
export async function closedAndConfirmed(ev: EventWithScans) {
  await closed(ev)
  return asOrganiser<{ approved: number; onNotice: number; leftForReview: number }>(ev.hoursAt(END), 'confirm', {
    activityId: ev.e.id,
  })
}

/** The organiser's review screen of the event at the given time (default: after the end). */
export const reviewOf = (ev: EventWithScans, at = END) =>
  asOrganiser<EventHours>(ev.hoursAt(at), 'review', { activityId: ev.e.id })

/** The review screen's entry of one volunteer (the first, when there are several days or lines). */
export async function entryOf(ev: EventWithScans, who: string): Promise<LedgerEntry> {
  const entry = (await reviewOf(ev)).entries.find((x) => x.person.nickname === who)
  if (!entry) throw new Error(`no entry for ${who}`)
  return entry
}

export const historyOf = (ev: EventWithScans, entryId: string, at = END) =>
  asOrganiser<AuditRecord[]>(ev.hoursAt(at), 'history', { entryId })

/** My hours, as the person sees them at the given time from the event's start. */
export const mineAt = async (ev: EventWithScans, who: string, at = END) =>
  expectOk(await call<MyHours>(ev.hoursAt(at), 'mine', undefined, who))

/** A refusal as the API answers it. */
export const refusal = (code: string, message?: string) =>
  message === undefined ? { ok: false, code } : { ok: false, code, message }

/**
 * Three volunteers of a typical morning, their openids made from `prefix`: `full` arrives 10
 * minutes early and leaves a minute before the end (119 of 120 minutes), `late` arrives 45
 * minutes late and leaves with `full` (74 of 120 minutes, above the 60 % share), `open` never checks out.
 */
export const threeVolunteers = (prefix: string): Record<string, Scans> => ({
  [`${prefix}:full`]: [-10 * MINUTE, 2 * HOUR - MINUTE],
  [`${prefix}:late`]: [45 * MINUTE, 2 * HOUR - MINUTE],
  [`${prefix}:open`]: [0, null],
})

/** About 11 km north of the venue (32.2 N, 119.43 E), beyond the default 500 m check-in radius. */
export const FAR_AWAY: ScanPlace = { latitude: 32.3, longitude: 119.43 }
export const AT_THE_VENUE: ScanPlace = { latitude: 32.2, longitude: 119.43 }

/**
 * An event where `who` checked in far from the venue and out at it, 119 of 120 minutes, and
 * `seatedOnly` hold a place but never scanned; its hours closed after the end.
 */
export async function closedWithFarScan(
  w: World,
  who: string,
  seatedOnly: string[] = [],
): Promise<EventWithScans & { closeAnswer: { pending: number; needsReview: number } }> {
  const ev = await eventWithScans(w, {})
  for (const openid of [who, ...seatedOnly]) {
    await person(w, openid, `志愿者${openid.slice(-2)}`)
    ev.regs[openid] = (await signedUp(openid, ev.e.id)).id
  }
  await ev.scanAt(who, 'in', 0, FAR_AWAY)
  await ev.scanAt(who, 'out', 2 * HOUR - MINUTE, AT_THE_VENUE)
  return { ...ev, closeAnswer: await closed(ev) }
}
