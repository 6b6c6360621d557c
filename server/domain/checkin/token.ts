/**
 * Signed check-in tokens: rotating on-site codes (shown on the organiser's screen, scanned by
 * volunteers) and personal tickets (shown by a volunteer, scanned by the organiser).
 *
 * Format (both kinds): base64url, no padding, of
 *
 *   site code  v(1) kind(1) event(16) slot(6)                  mac(12) = 36 bytes → 48 chars
 *   ticket     v(1) kind(1) registration(16) event(16) tv(2)   mac(12) = 48 bytes → 64 chars
 *
 * v = 0x01; kind = 'i' | 'o' (site code in/out) or 't' (ticket); slot = floor(unix ms / 30 000),
 * unsigned 48-bit big-endian; tv = ticket version, unsigned 16-bit; mac = HMAC-SHA256 over every
 * preceding byte, truncated to 96 bits. A forger gets one online guess per request, so 96 bits
 * is ample. Version and kind are inside the MAC, so a token cannot be relabelled.
 *
 * Both byte counts are multiples of 3 on purpose: every base64url character then carries
 * 6 meaningful bits, so there is exactly one spelling of each token and changing any character
 * changes the bytes (with padding bits, two spellings could decode alike).
 *
 * Verification never throws on the token, whatever it is: it answers
 * `{ ok: true, claims } | { ok: false, reason }`. It may throw on the server's own options
 * (a missing secret, an invalid clock), which are bugs to surface, not input.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto'

/** A site code changes every 30 s. */
export const SLOT_MS = 30_000
/**
 * Codes from up to this many slots ahead of the verifier's clock are still accepted: codes are
 * issued by one function instance and checked by another, whose clocks may differ slightly.
 */
export const FUTURE_SKEW_SLOTS = 1
export const SITE_CODE_LENGTH = 48
export const TICKET_LENGTH = 64
export const MAX_TICKET_VERSION = 0xffff

const FORMAT_VERSION = 0x01
const KIND_IN = 0x69 // 'i'
const KIND_OUT = 0x6f // 'o'
const KIND_TICKET = 0x74 // 't'
const MAC_BYTES = 12
const SITE_BYTES = 36
const TICKET_BYTES = 48
const MIN_SECRET_BYTES = 16
const MAX_SLOT = 2 ** 48 - 1
const BASE64URL = /^[A-Za-z0-9_-]+$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type Direction = 'in' | 'out'
export type Secret = string | Buffer

/** Every reason a token is refused; stable strings, safe to store and to map to messages. */
export const TOKEN_FAILURES = [
  'malformed', // not a token of ours: length, characters, unknown kind byte
  'bad_version', // well-formed but of a format version we do not read
  'bad_signature', // forged or tampered, or signed with another secret
  'wrong_kind', // a ticket where a site code is expected, or the reverse
  'wrong_event', // a genuine-looking code or ticket of another event
  'wrong_direction', // a check-in code used to check out, or the reverse
  'expired', // older than the previous slot: e.g. a photo of an old code
  'future', // ahead of the clock by more than FUTURE_SKEW_SLOTS
] as const
export type TokenFailure = (typeof TOKEN_FAILURES)[number]

export type Verified<C, R extends TokenFailure = TokenFailure> = { ok: true; claims: C } | { ok: false; reason: R }

export interface SiteCodeClaims {
  eventId: string
  direction: Direction
  slot: number
}

export interface TicketClaims {
  registrationId: string
  eventId: string
  /** Compare with the registration's current ticket version: a re-issue makes older tickets stale. */
  ticketVersion: number
}

export type TicketFailure = 'malformed' | 'bad_version' | 'bad_signature' | 'wrong_kind' | 'wrong_event'

/** A fresh per-event (or server-wide ticket) secret, for the caller to store. */
export function generateSecret(): Buffer {
  return randomBytes(32)
}

/** The rotation slot an instant falls in. */
export function slotOf(now: Date): number {
  return Math.floor(instantMs(now) / SLOT_MS)
}

/** When the code of the slot `now` falls in is replaced, so a screen knows when to refresh. */
export function nextRotationAt(now: Date): Date {
  return new Date((slotOf(now) + 1) * SLOT_MS)
}

export function issueSiteCode(opts: { secret: Secret; eventId: string; direction: Direction; now: Date }): string {
  const key = secretBytes(opts.secret)
  const event = uuidBytes(opts.eventId)
  if (!event) throw new TypeError('eventId must be a UUID')
  if (opts.direction !== 'in' && opts.direction !== 'out') throw new TypeError('direction must be in or out')
  const slot = slotOf(opts.now)
  if (slot < 0 || slot > MAX_SLOT) throw new RangeError('now is outside the encodable range')
  const body = Buffer.alloc(SITE_BYTES - MAC_BYTES)
  body[0] = FORMAT_VERSION
  body[1] = opts.direction === 'in' ? KIND_IN : KIND_OUT
  event.copy(body, 2)
  body.writeUIntBE(slot, 18, 6)
  return Buffer.concat([body, mac(key, body)]).toString('base64url')
}

/**
 * Reads a site code WITHOUT checking its signature: only so the caller can find which event's
 * secret to verify it with. Never trust these claims; call verifySiteCode next.
 */
export function peekSiteCode(token: unknown): Verified<SiteCodeClaims, 'malformed' | 'bad_version' | 'wrong_kind'> {
  const opened = openToken(token, 'site')
  if (!opened.ok) return opened
  const b = opened.bytes
  return {
    ok: true,
    claims: {
      eventId: uuidString(b.subarray(2, 18)),
      direction: b[1] === KIND_IN ? 'in' : 'out',
      slot: b.readUIntBE(18, 6),
    },
  }
}

/**
 * Accepts a code of `eventId` from the current or the previous slot (a code shown at 09:00:29
 * and scanned at 09:00:31 still works), or up to FUTURE_SKEW_SLOTS ahead.
 * Pass `direction` when the action expects one (checking in accepts only 'in' codes).
 */
export function verifySiteCode(
  token: unknown,
  opts: { secret: Secret; eventId: string; now: Date; direction?: Direction },
): Verified<SiteCodeClaims> {
  const key = secretBytes(opts.secret)
  const current = slotOf(opts.now)
  const opened = openToken(token, 'site')
  if (!opened.ok) return opened
  const b = opened.bytes
  // Checked before the signature: the secret is per event, so a genuine code of another event
  // would otherwise look forged. The answer says only "not this event's code".
  const expected = uuidBytes(opts.eventId)
  if (!expected || !expected.equals(b.subarray(2, 18))) return { ok: false, reason: 'wrong_event' }
  if (!macMatches(key, b)) return { ok: false, reason: 'bad_signature' }
  const direction: Direction = b[1] === KIND_IN ? 'in' : 'out'
  if (opts.direction && opts.direction !== direction) return { ok: false, reason: 'wrong_direction' }
  const slot = b.readUIntBE(18, 6)
  if (slot < current - 1) return { ok: false, reason: 'expired' }
  if (slot > current + FUTURE_SKEW_SLOTS) return { ok: false, reason: 'future' }
  return { ok: true, claims: { eventId: uuidString(expected), direction, slot } }
}

/**
 * The site code as 6 digits, for typing in where no camera is available. Derived from the same
 * per-event secret, direction and slot (HMAC-SHA256 under a separate label, first 32 bits mod
 * 10^6), so it rotates with the QR code. 6 digits give a guesser 3 chances in a million per
 * request across the accepted slots; that is enough for a code that lives 60 s and checks in
 * only someone already registered.
 */
export function shortSiteCode(opts: { secret: Secret; eventId: string; direction: Direction; slot: number }): string {
  const key = secretBytes(opts.secret)
  const event = uuidBytes(opts.eventId)
  if (!event) throw new TypeError('eventId must be a UUID')
  if (!Number.isInteger(opts.slot) || opts.slot < 0 || opts.slot > MAX_SLOT)
    throw new RangeError('slot is outside the encodable range')
  // 'short-v1'(8) kind(1) event(16) slot(6)
  const body = Buffer.alloc(31)
  body.write('short-v1', 0, 'latin1')
  body[8] = opts.direction === 'in' ? KIND_IN : KIND_OUT
  event.copy(body, 9)
  body.writeUIntBE(opts.slot, 25, 6)
  const n = createHmac('sha256', key).update(body).digest().readUInt32BE(0) % 1_000_000
  return String(n).padStart(6, '0')
}

/**
 * Finds which direction a typed 6-digit code is for, among the slots verifySiteCode accepts.
 * Answers 'malformed' for anything not 6 digits and 'bad_signature' when no slot matches (a
 * mistyped or an old code look alike: there is no way to tell them apart from 6 digits).
 */
export function verifyShortCode(
  code: unknown,
  opts: { secret: Secret; eventId: string; now: Date },
): Verified<SiteCodeClaims, 'malformed' | 'bad_signature'> {
  if (typeof code !== 'string' || !/^[0-9]{6}$/.test(code)) return { ok: false, reason: 'malformed' }
  const current = slotOf(opts.now)
  for (let slot = current + FUTURE_SKEW_SLOTS; slot >= current - 1; slot--) {
    for (const direction of ['in', 'out'] as const) {
      const expected = Buffer.from(shortSiteCode({ secret: opts.secret, eventId: opts.eventId, direction, slot }))
      if (timingSafeEqual(expected, Buffer.from(code)))
        return { ok: true, claims: { eventId: opts.eventId.toLowerCase(), direction, slot } }
    }
  }
  return { ok: false, reason: 'bad_signature' }
}

/** A personal ticket; tickets do not expire by time: the event's schedule and state decide. */
export function issueTicket(opts: {
  secret: Secret
  registrationId: string
  eventId: string
  ticketVersion: number
}): string {
  const key = secretBytes(opts.secret)
  const registration = uuidBytes(opts.registrationId)
  const event = uuidBytes(opts.eventId)
  if (!registration || !event) throw new TypeError('registrationId and eventId must be UUIDs')
  const v = opts.ticketVersion
  if (!Number.isInteger(v) || v < 0 || v > MAX_TICKET_VERSION)
    throw new RangeError(`ticketVersion must be an integer in 0..${MAX_TICKET_VERSION}`)
  const body = Buffer.alloc(TICKET_BYTES - MAC_BYTES)
  body[0] = FORMAT_VERSION
  body[1] = KIND_TICKET
  registration.copy(body, 2)
  event.copy(body, 18)
  body.writeUInt16BE(v, 34)
  return Buffer.concat([body, mac(key, body)]).toString('base64url')
}

/**
 * Checks a ticket's signature (and, if given, that it is for `eventId`). The caller then checks
 * claims.ticketVersion against the registration's current version.
 */
export function verifyTicket(
  token: unknown,
  opts: { secret: Secret; eventId?: string },
): Verified<TicketClaims, TicketFailure> {
  const key = secretBytes(opts.secret)
  const opened = openToken(token, 'ticket')
  if (!opened.ok) return opened
  const b = opened.bytes
  if (!macMatches(key, b)) return { ok: false, reason: 'bad_signature' }
  const eventId = uuidString(b.subarray(18, 34))
  // The ticket secret is server-wide, so here the event is judged on signed data.
  if (opts.eventId !== undefined && opts.eventId.toLowerCase() !== eventId) return { ok: false, reason: 'wrong_event' }
  return {
    ok: true,
    claims: { registrationId: uuidString(b.subarray(2, 18)), eventId, ticketVersion: b.readUInt16BE(34) },
  }
}

type Opened = { ok: true; bytes: Buffer } | { ok: false; reason: 'malformed' | 'bad_version' | 'wrong_kind' }

/** Structural checks shared by both kinds, cheapest first: length before any decoding. */
function openToken(token: unknown, want: 'site' | 'ticket'): Opened {
  if (typeof token !== 'string') return { ok: false, reason: 'malformed' }
  if (token.length !== SITE_CODE_LENGTH && token.length !== TICKET_LENGTH) return { ok: false, reason: 'malformed' }
  // Buffer.from(…, 'base64url') silently skips foreign characters and accepts '+/=': refuse them first.
  if (!BASE64URL.test(token)) return { ok: false, reason: 'malformed' }
  const bytes = Buffer.from(token, 'base64url')
  if (bytes[0] !== FORMAT_VERSION) return { ok: false, reason: 'bad_version' }
  const kind = bytes[1]
  const size = kind === KIND_IN || kind === KIND_OUT ? SITE_BYTES : kind === KIND_TICKET ? TICKET_BYTES : -1
  if (bytes.length !== size) return { ok: false, reason: 'malformed' }
  if ((kind === KIND_TICKET) !== (want === 'ticket')) return { ok: false, reason: 'wrong_kind' }
  return { ok: true, bytes }
}

function mac(key: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES)
}

function macMatches(key: Buffer, bytes: Buffer): boolean {
  const split = bytes.length - MAC_BYTES
  // Equal lengths by construction, as timingSafeEqual requires.
  return timingSafeEqual(mac(key, bytes.subarray(0, split)), bytes.subarray(split))
}

function secretBytes(secret: Secret): Buffer {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.isBuffer(secret) ? secret : null
  if (!key || key.length < MIN_SECRET_BYTES) throw new TypeError(`secret must be at least ${MIN_SECRET_BYTES} bytes`)
  return key
}

function instantMs(now: Date): number {
  const ms = now instanceof Date ? now.getTime() : NaN
  if (!Number.isFinite(ms)) throw new TypeError('now must be a valid Date')
  return ms
}

function uuidBytes(id: unknown): Buffer | null {
  return typeof id === 'string' && UUID.test(id) ? Buffer.from(id.replace(/-/g, ''), 'hex') : null
}

function uuidString(b: Buffer): string {
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
