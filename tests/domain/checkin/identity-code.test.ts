import fc from 'fast-check'
import {
  IDENTITY_CODE_LENGTH,
  IDENTITY_FUTURE_SKEW_SLOTS,
  IDENTITY_SLOT_MS,
  identityRotatesAt,
  identitySlotOf,
  identityValidUntil,
  issueIdentityCode,
  openIdentityCode,
  verifyIdentityCode,
  type IdentityCodeFailure,
} from '../../../server/domain/checkin/identity-code'
import { issueSiteCode, issueTicket } from '../../../server/domain/checkin/token'

const SECRET = 't'.repeat(32)
const OTHER_SECRET = 'x'.repeat(32)
const PERSON = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
const OTHER_PERSON = '3761801e-5a81-43b9-b054-c0ee46b73f1f'
// 09:00:10 Shanghai on 14 March 2026, 10 s into its slot.
const NOW = new Date('2026-03-14T01:00:10.000Z')

const later = (slots: number, from = NOW) => new Date(from.getTime() + slots * IDENTITY_SLOT_MS)
const code = (now = NOW, userId = PERSON, secret = SECRET) => issueIdentityCode({ secret, userId, now })
const verify = (token: unknown, now = NOW) => verifyIdentityCode(token, { secret: SECRET, now })
const patched = (token: string, edit: (b: Buffer) => void) => {
  const b = Buffer.from(token, 'base64url')
  edit(b)
  return b.toString('base64url')
}
const failure = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason)

describe('identity code format', () => {
  test('is 56 URL-safe characters, naming the person it was issued for', () => {
    expect(code()).toMatch(/^[A-Za-z0-9_-]{56}$/)
    expect(IDENTITY_CODE_LENGTH).toBe(56)
    expect(verify(code())).toEqual({ ok: true, claims: { userId: PERSON, slot: identitySlotOf(NOW) } })
    expect(verify(code(NOW, OTHER_PERSON))).toMatchObject({ ok: true, claims: { userId: OTHER_PERSON } })
    expect(verify(code(NOW, PERSON.toUpperCase()))).toMatchObject({ ok: true, claims: { userId: PERSON } })
  })
  test('never shows the person id: not in the bytes, and two codes of one person look unrelated', () => {
    const hex = PERSON.replace(/-/g, '')
    const a = code()
    const b = code()
    expect(a).not.toBe(b)
    for (const c of [a, b]) {
      expect(Buffer.from(c, 'base64url').toString('hex')).not.toContain(hex.slice(0, 8))
      expect(c).not.toContain(PERSON)
    }
    // The sealed id differs between two codes of the same slot (salted).
    expect(Buffer.from(a, 'base64url').subarray(14, 30)).not.toEqual(Buffer.from(b, 'base64url').subarray(14, 30))
  })
  test('rotates each minute and lives at most two', () => {
    expect(identityRotatesAt(NOW)).toEqual(new Date('2026-03-14T01:01:00.000Z'))
    expect(identityValidUntil(NOW)).toEqual(new Date('2026-03-14T01:02:00.000Z'))
  })
  test('refuses bad options loudly (bugs, not input)', () => {
    expect(() => issueIdentityCode({ secret: 'short', userId: PERSON, now: NOW })).toThrow(/secret/)
    expect(() => issueIdentityCode({ secret: SECRET, userId: 'not-a-uuid', now: NOW })).toThrow(/UUID/)
    expect(() => issueIdentityCode({ secret: SECRET, userId: PERSON, now: new Date(NaN) })).toThrow(/Date/)
  })
})

describe('identity code freshness', () => {
  test.each<[string, number, IdentityCodeFailure | 'ok']>([
    ['in its own minute', 0, 'ok'],
    ['in the next minute', 1, 'ok'],
    ['two minutes later (a screenshot)', 2, 'expired'],
    ['a day later', 1440, 'expired'],
    ['one minute before it was issued (verifier clock behind)', -IDENTITY_FUTURE_SKEW_SLOTS, 'ok'],
    ['two minutes before it was issued', -IDENTITY_FUTURE_SKEW_SLOTS - 1, 'future'],
  ])('a code checked %s: %s', (_label, slots, expected) => {
    expect(failure(verify(code(), later(slots)))).toBe(expected)
  })
  test('expires exactly at identityValidUntil', () => {
    const until = identityValidUntil(NOW)
    expect(verify(code(), new Date(until.getTime() - 1)).ok).toBe(true)
    expect(failure(verify(code(), until))).toBe('expired')
  })
  test('open reads an expired code (for a replayed nonce); verify refuses it', () => {
    expect(openIdentityCode(code(), { secret: SECRET })).toMatchObject({ ok: true, claims: { userId: PERSON } })
    expect(failure(verify(code(), later(5)))).toBe('expired')
  })
})

describe('every refusal has its reason', () => {
  const valid = code()
  test.each<[string, () => unknown, IdentityCodeFailure]>([
    ['empty string', () => '', 'malformed'],
    ['not a string', () => 42, 'malformed'],
    ['one character short', () => valid.slice(0, -1), 'malformed'],
    ['one character long', () => valid + 'A', 'malformed'],
    ['a padding character', () => valid.slice(0, -1) + '=', 'malformed'],
    ['Chinese characters of the right length', () => '青'.repeat(IDENTITY_CODE_LENGTH), 'malformed'],
    ['a phone number', () => '13905112222', 'malformed'],
    ['a person id', () => PERSON, 'malformed'],
    [
      'a site code',
      () => issueSiteCode({ secret: SECRET, eventId: OTHER_PERSON, direction: 'in', now: NOW }),
      'malformed',
    ],
    [
      'a ticket',
      () => issueTicket({ secret: SECRET, registrationId: PERSON, eventId: OTHER_PERSON, ticketVersion: 1 }),
      'malformed',
    ],
    ['another kind byte', () => patched(valid, (b) => void (b[1] = 0x74)), 'malformed'],
    ['another format version', () => patched(valid, (b) => void (b[0] = 2)), 'bad_version'],
    ['signed with another secret', () => code(NOW, PERSON, OTHER_SECRET), 'bad_signature'],
    ['a flipped MAC bit', () => patched(valid, (b) => void (b[41] ^= 1)), 'bad_signature'],
    ['a flipped person bit', () => patched(valid, (b) => void (b[20] ^= 1)), 'bad_signature'],
    ['a slot moved forward', () => patched(valid, (b) => void (b[7] += 2)), 'bad_signature'],
    ['a changed salt', () => patched(valid, (b) => void (b[9] ^= 0x80)), 'bad_signature'],
  ])('%s', (_label, token, reason) => {
    expect(verify(token())).toEqual({ ok: false, reason })
  })
  test('no change of any single byte names someone else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 41 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const r = verify(patched(valid, (b) => void (b[at] ^= flip)))
        expect(r.ok).toBe(false)
      }),
    )
  })
})
