/**
 * A person's identity code (身份码): shown on their own screen, scanned by an organiser to register
 * them on the spot and check them in. Showing it is the consent: only someone who sees the
 * person's screen can scan it, and it lives two minutes at most.
 *
 * Format: base64url, no padding, of
 *
 *   v(1) kind(1) slot(6) salt(6) sealed-person(16) mac(12) = 42 bytes → 56 chars
 *
 * v = 0x01; kind = 'p' (person); slot = floor(unix ms / 60 000), unsigned 48-bit big-endian;
 * salt = 6 random bytes per code; sealed-person = the person's id (UUID bytes) XOR the first 16
 * bytes of HMAC-SHA256(key, 'seal' ‖ slot ‖ salt): the code never shows the id, and two codes of
 * one person look unrelated. mac = HMAC-SHA256(key, every preceding byte) truncated to 96 bits.
 * key = HMAC-SHA256(secret, 'qingju identity code v1'): the server-wide ticket secret, under a
 * label of its own, so no ticket or site code can be read as an identity code (their lengths and
 * kind bytes differ as well).
 *
 * A code is accepted in its own slot and the next one (so it works for 60–120 s), and up to
 * IDENTITY_FUTURE_SKEW_SLOTS ahead of the verifier's clock. 42 bytes is a multiple of 3: one
 * spelling per code (see token.ts).
 *
 * Verification never throws on the code, whatever it is; it may throw on the server's own
 * options (a missing secret, an invalid clock).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto'

/** An identity code changes every minute. */
export const IDENTITY_SLOT_MS = 60_000
/** Codes from this many slots ahead of the verifier's clock are accepted (clocks of two instances differ). */
export const IDENTITY_FUTURE_SKEW_SLOTS = 1
export const IDENTITY_CODE_LENGTH = 56

const FORMAT_VERSION = 0x01
const KIND_PERSON = 0x70 // 'p'
const BYTES = 42
const SALT_BYTES = 6
const MAC_BYTES = 12
const MIN_SECRET_BYTES = 16
const MAX_SLOT = 2 ** 48 - 1
const BASE64URL = /^[A-Za-z0-9_-]+$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Every reason an identity code is refused; stable strings, mapped to messages by the function. */
export const IDENTITY_CODE_FAILURES = [
  'malformed', // not an identity code: length, characters, kind byte
  'bad_version', // well-formed but of a format version we do not read
  'bad_signature', // forged or tampered, or signed with another secret
  'expired', // older than the previous slot: a photo or a screenshot of an old code
  'future', // ahead of the clock by more than IDENTITY_FUTURE_SKEW_SLOTS
] as const
export type IdentityCodeFailure = (typeof IDENTITY_CODE_FAILURES)[number]

export interface IdentityClaims {
  userId: string
  slot: number
}

export type Opened<R extends IdentityCodeFailure> = { ok: true; claims: IdentityClaims } | { ok: false; reason: R }

export function identitySlotOf(now: Date): number {
  const ms = now instanceof Date ? now.getTime() : NaN
  if (!Number.isFinite(ms)) throw new TypeError('now must be a valid Date')
  return Math.floor(ms / IDENTITY_SLOT_MS)
}

/** When the code of `now`'s slot is replaced on screen. */
export function identityRotatesAt(now: Date): Date {
  return new Date((identitySlotOf(now) + 1) * IDENTITY_SLOT_MS)
}

/** The last instant a code issued at `now` is still accepted (exclusive). */
export function identityValidUntil(now: Date): Date {
  return new Date((identitySlotOf(now) + 2) * IDENTITY_SLOT_MS)
}

export function issueIdentityCode(opts: { secret: string | Buffer; userId: string; now: Date; salt?: Buffer }): string {
  const key = keyOf(opts.secret)
  if (typeof opts.userId !== 'string' || !UUID.test(opts.userId)) throw new TypeError('userId must be a UUID')
  const slot = identitySlotOf(opts.now)
  if (slot < 0 || slot > MAX_SLOT) throw new RangeError('now is outside the encodable range')
  const salt = opts.salt ?? randomBytes(SALT_BYTES)
  if (salt.length !== SALT_BYTES) throw new TypeError(`salt must be ${SALT_BYTES} bytes`)
  const body = Buffer.alloc(BYTES - MAC_BYTES)
  body[0] = FORMAT_VERSION
  body[1] = KIND_PERSON
  body.writeUIntBE(slot, 2, 6)
  salt.copy(body, 8)
  xorInto(body, 14, Buffer.from(opts.userId.replace(/-/g, ''), 'hex'), seal(key, body.subarray(2, 14)))
  return Buffer.concat([body, mac(key, body)]).toString('base64url')
}

/**
 * Checks the code's structure and signature and reads whom it names, WITHOUT judging its age:
 * a replayed walk-in (same nonce) is answered as before even once the code has expired. Call
 * `identityCodeAge` next for anything new.
 */
export function openIdentityCode(
  token: unknown,
  opts: { secret: string | Buffer },
): Opened<'malformed' | 'bad_version' | 'bad_signature'> {
  const key = keyOf(opts.secret)
  if (typeof token !== 'string' || token.length !== IDENTITY_CODE_LENGTH || !BASE64URL.test(token))
    return { ok: false, reason: 'malformed' }
  const b = Buffer.from(token, 'base64url')
  if (b.length !== BYTES) return { ok: false, reason: 'malformed' }
  if (b[0] !== FORMAT_VERSION) return { ok: false, reason: 'bad_version' }
  if (b[1] !== KIND_PERSON) return { ok: false, reason: 'malformed' }
  const split = BYTES - MAC_BYTES
  if (!timingSafeEqual(mac(key, b.subarray(0, split)), b.subarray(split))) return { ok: false, reason: 'bad_signature' }
  const person = Buffer.alloc(16)
  xorInto(person, 0, b.subarray(14, 30), seal(key, b.subarray(2, 14)))
  return { ok: true, claims: { userId: uuidString(person), slot: b.readUIntBE(2, 6) } }
}

/** Whether an opened code is too old or too far ahead for `now`; null when it is current. */
export function identityCodeAge(claims: IdentityClaims, now: Date): 'expired' | 'future' | null {
  const current = identitySlotOf(now)
  if (claims.slot < current - 1) return 'expired'
  if (claims.slot > current + IDENTITY_FUTURE_SKEW_SLOTS) return 'future'
  return null
}

/**
 * What names one code, as opposed to its person: its MAC, unforgeable and different for every code.
 * Only for a code `openIdentityCode` accepted.
 */
export function identityCodeId(token: string): Buffer {
  return Buffer.from(token, 'base64url').subarray(BYTES - MAC_BYTES)
}

/** The instant after which `identityCodeAge` refuses a code of this slot. */
export function identityCodeExpiry(claims: IdentityClaims): Date {
  return new Date((claims.slot + 2) * IDENTITY_SLOT_MS)
}

/** Opens a code and judges its age: the whole check for a fresh scan. */
export function verifyIdentityCode(
  token: unknown,
  opts: { secret: string | Buffer; now: Date },
): Opened<IdentityCodeFailure> {
  const opened = openIdentityCode(token, opts)
  if (!opened.ok) return opened
  const age = identityCodeAge(opened.claims, opts.now)
  return age ? { ok: false, reason: age } : opened
}

function keyOf(secret: string | Buffer): Buffer {
  const raw = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.isBuffer(secret) ? secret : null
  if (!raw || raw.length < MIN_SECRET_BYTES) throw new TypeError(`secret must be at least ${MIN_SECRET_BYTES} bytes`)
  return createHmac('sha256', raw).update('qingju identity code v1').digest()
}

function seal(key: Buffer, slotAndSalt: Buffer): Buffer {
  return createHmac('sha256', key).update('seal').update(slotAndSalt).digest().subarray(0, 16)
}

function mac(key: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES)
}

function xorInto(target: Buffer, at: number, a: Buffer, b: Buffer): void {
  for (let i = 0; i < 16; i++) target[at + i] = a[i] ^ b[i]
}

function uuidString(b: Buffer): string {
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
