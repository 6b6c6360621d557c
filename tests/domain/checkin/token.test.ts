import fc from 'fast-check'
import {
  FUTURE_SKEW_SLOTS,
  SITE_CODE_LENGTH,
  SLOT_MS,
  TICKET_LENGTH,
  TOKEN_FAILURES,
  issueSiteCode,
  issueTicket,
  nextRotationAt,
  peekSiteCode,
  slotOf,
  verifySiteCode,
  verifyTicket,
  type Direction,
  type TokenFailure,
} from '../../../server/domain/checkin/token'

const SECRET = Buffer.from('e'.repeat(32))
const OTHER_SECRET = Buffer.from('x'.repeat(32))
const TICKET_SECRET = 't'.repeat(32)
const EVENT = '3761801e-5a81-43b9-b054-c0ee46b73f1f'
const OTHER_EVENT = '9b2f0c4e-1d2a-4e8f-a3b1-5c6d7e8f9a0b'
const REGISTRATION = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
// 09:00:10 Shanghai on 14 March 2026, 10 s into its slot.
const NOW = new Date('2026-03-14T01:00:10.000Z')
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

const later = (slots: number, from = NOW) => new Date(from.getTime() + slots * SLOT_MS)
const siteCode = (direction: Direction = 'in', now = NOW, secret = SECRET, eventId = EVENT) =>
  issueSiteCode({ secret, eventId, direction, now })
const ticket = (ticketVersion = 1) =>
  issueTicket({ secret: TICKET_SECRET, registrationId: REGISTRATION, eventId: EVENT, ticketVersion })
const verify = (token: string, now = NOW, direction?: Direction) =>
  verifySiteCode(token, { secret: SECRET, eventId: EVENT, now, direction })
/** Decodes a token, lets `edit` change its bytes, re-encodes: valid characters, altered content. */
const patched = (token: string, edit: (b: Buffer) => void) => {
  const b = Buffer.from(token, 'base64url')
  edit(b)
  return b.toString('base64url')
}
const failure = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason)

describe('site code format', () => {
  test('is 48 URL-safe characters', () => {
    expect(siteCode()).toMatch(/^[A-Za-z0-9_-]{48}$/)
    expect(SITE_CODE_LENGTH).toBe(48)
  })
  test('changes with the slot, the direction and the event, and not within a slot', () => {
    expect(siteCode('in', later(1))).not.toBe(siteCode())
    expect(siteCode('out')).not.toBe(siteCode())
    expect(siteCode('in', NOW, SECRET, OTHER_EVENT)).not.toBe(siteCode())
    expect(siteCode('in', new Date(NOW.getTime() + 19_999))).toBe(siteCode())
  })
  test('the screen refreshes at the next slot boundary', () => {
    expect(nextRotationAt(NOW)).toEqual(new Date('2026-03-14T01:00:30.000Z'))
  })
  test('peek reads the event before the secret is known, without vouching for it', () => {
    expect(peekSiteCode(siteCode('out'))).toEqual({
      ok: true,
      claims: { eventId: EVENT, direction: 'out', slot: slotOf(NOW) },
    })
    expect(peekSiteCode(siteCode('in', NOW, OTHER_SECRET))).toMatchObject({ ok: true })
    expect(peekSiteCode(ticket())).toEqual({ ok: false, reason: 'wrong_kind' })
    expect(peekSiteCode('')).toEqual({ ok: false, reason: 'malformed' })
  })
  test('an event id in upper case is the same event', () => {
    const r = verifySiteCode(siteCode('in', NOW, SECRET, EVENT.toUpperCase()), {
      secret: SECRET,
      eventId: EVENT,
      now: NOW,
    })
    expect(r).toEqual({ ok: true, claims: { eventId: EVENT, direction: 'in', slot: slotOf(NOW) } })
  })
})

describe('site code freshness', () => {
  test.each<[string, number, TokenFailure | 'ok']>([
    ['in its own slot', 0, 'ok'],
    ['in the next slot (shown just before a rotation, scanned just after)', 1, 'ok'],
    ['two slots later (a photo of an old code)', 2, 'expired'],
    ['an hour later', 120, 'expired'],
    ['one slot before it was issued (verifier clock behind)', -FUTURE_SKEW_SLOTS, 'ok'],
    ['two slots before it was issued', -FUTURE_SKEW_SLOTS - 1, 'future'],
  ])('a code checked %s: %s', (_label, slots, expected) => {
    expect(failure(verify(siteCode(), later(slots)))).toBe(expected)
  })
  test('the previous slot ends exactly at the boundary after it', () => {
    const issued = new Date(slotOf(NOW) * SLOT_MS) // first instant of the slot
    expect(verify(siteCode('in', issued), new Date(issued.getTime() + 2 * SLOT_MS - 1)).ok).toBe(true)
    expect(failure(verify(siteCode('in', issued), new Date(issued.getTime() + 2 * SLOT_MS)))).toBe('expired')
  })
})

describe('every refusal has its own reason', () => {
  const valid = siteCode('in')
  test.each<[string, () => ReturnType<typeof verifySiteCode>, TokenFailure]>([
    ['empty string', () => verify(''), 'malformed'],
    ['one character short', () => verify(valid.slice(0, -1)), 'malformed'],
    ['one character long', () => verify(valid + 'A'), 'malformed'],
    ['huge input', () => verify('A'.repeat(1_000_000)), 'malformed'],
    ['a padding character', () => verify(valid.slice(0, -1) + '='), 'malformed'],
    ['standard base64 characters', () => verify('+' + valid.slice(1)), 'malformed'],
    ['surrounding whitespace', () => verify(` ${valid.slice(1)}`), 'malformed'],
    ['Chinese characters of the right length', () => verify('青'.repeat(SITE_CODE_LENGTH)), 'malformed'],
    [
      'an unknown kind byte',
      () =>
        verify(
          patched(valid, (b) => {
            b[1] = 0x78
          }),
        ),
      'malformed',
    ],
    [
      'a ticket kind byte at site-code length',
      () =>
        verify(
          patched(valid, (b) => {
            b[1] = 0x74
          }),
        ),
      'malformed',
    ],
    ['not a string at all (untyped caller)', () => verify(null as unknown as string), 'malformed'],
    [
      'another format version',
      () =>
        verify(
          patched(valid, (b) => {
            b[0] = 2
          }),
        ),
      'bad_version',
    ],
    [
      'format version zero',
      () =>
        verify(
          patched(valid, (b) => {
            b[0] = 0
          }),
        ),
      'bad_version',
    ],
    ['a ticket', () => verify(ticket()), 'wrong_kind'],
    ['a code of another event', () => verify(siteCode('in', NOW, SECRET, OTHER_EVENT)), 'wrong_event'],
    ['a forged code of another event', () => verify(siteCode('in', NOW, OTHER_SECRET, OTHER_EVENT)), 'wrong_event'],
    ['a code signed with another secret', () => verify(siteCode('in', NOW, OTHER_SECRET)), 'bad_signature'],
    [
      'a flipped MAC bit',
      () =>
        verify(
          patched(valid, (b) => {
            b[35] ^= 1
          }),
        ),
      'bad_signature',
    ],
    [
      'a direction relabelled in→out',
      () =>
        verify(
          patched(valid, (b) => {
            b[1] = 0x6f
          }),
          NOW,
          'out',
        ),
      'bad_signature',
    ],
    [
      'a slot moved forward',
      () =>
        verify(
          patched(valid, (b) => {
            b[23] += 2
          }),
          later(2),
        ),
      'bad_signature',
    ],
    ['a check-in code used to check out', () => verify(valid, NOW, 'out'), 'wrong_direction'],
    ['a check-out code used to check in', () => verify(siteCode('out'), NOW, 'in'), 'wrong_direction'],
    ['an old code', () => verify(valid, later(2)), 'expired'],
    ['a code from the future', () => verify(siteCode('in', later(5))), 'future'],
  ])('%s', (_label, run, reason) => {
    expect(run()).toEqual({ ok: false, reason })
  })
  test('a code of the expected direction is accepted', () => {
    expect(verify(siteCode('out'), NOW, 'out')).toMatchObject({ ok: true, claims: { direction: 'out' } })
  })
  test('the ticket reasons', () => {
    const t = ticket()
    expect(verifyTicket(siteCode(), { secret: TICKET_SECRET })).toEqual({ ok: false, reason: 'wrong_kind' })
    expect(verifyTicket(t.slice(0, 48), { secret: TICKET_SECRET })).toEqual({ ok: false, reason: 'malformed' })
    expect(
      verifyTicket(
        patched(t, (b) => {
          b[0] = 9
        }),
        { secret: TICKET_SECRET },
      ),
    ).toEqual({ ok: false, reason: 'bad_version' })
    expect(
      verifyTicket(
        patched(t, (b) => {
          b[35] = 2
        }),
        { secret: TICKET_SECRET },
      ),
    ).toEqual({ ok: false, reason: 'bad_signature' })
    expect(verifyTicket(t, { secret: TICKET_SECRET, eventId: OTHER_EVENT })).toEqual({
      ok: false,
      reason: 'wrong_event',
    })
  })
  test('the reason list has no duplicates', () => {
    expect(new Set(TOKEN_FAILURES).size).toBe(TOKEN_FAILURES.length)
  })
})

describe('misconfiguration is a bug, not a refusal', () => {
  test.each([
    ['an empty secret', () => verifySiteCode(siteCode(), { secret: '', eventId: EVENT, now: NOW })],
    ['a short secret', () => issueSiteCode({ secret: 'short', eventId: EVENT, direction: 'in', now: NOW })],
    ['an invalid clock', () => verifySiteCode(siteCode(), { secret: SECRET, eventId: EVENT, now: new Date(NaN) })],
    [
      'an event id that is not a UUID',
      () => issueSiteCode({ secret: SECRET, eventId: '42', direction: 'in', now: NOW }),
    ],
    [
      'a ticket version out of range',
      () => issueTicket({ secret: TICKET_SECRET, registrationId: REGISTRATION, eventId: EVENT, ticketVersion: 70_000 }),
    ],
  ])('%s throws', (_label, run) => {
    expect(run).toThrow()
  })
})

describe('tickets', () => {
  test('are 64 URL-safe characters carrying their claims', () => {
    expect(TICKET_LENGTH).toBe(64)
    expect(ticket(7)).toMatch(/^[A-Za-z0-9_-]{64}$/)
    expect(verifyTicket(ticket(7), { secret: TICKET_SECRET, eventId: EVENT })).toEqual({
      ok: true,
      claims: { registrationId: REGISTRATION, eventId: EVENT, ticketVersion: 7 },
    })
  })
  test('a re-issued ticket differs, and its version tells the old one apart', () => {
    expect(ticket(2)).not.toBe(ticket(1))
    const old = verifyTicket(ticket(1), { secret: TICKET_SECRET })
    expect(old.ok && old.claims.ticketVersion).toBe(1)
  })
  test('a ticket is not a raw record id', () => {
    expect(ticket()).not.toContain(REGISTRATION.replace(/-/g, ''))
  })
})

const uuid = fc.uuid()
const direction = fc.constantFrom<Direction>('in', 'out')
// 2000 to 2100: the years a code can be shown in.
const instant = fc.integer({ min: 946_684_800_000, max: 4_102_444_800_000 }).map((ms) => new Date(ms))
const base64urlChar = fc.constantFrom(...BASE64URL.split(''))

describe('properties', () => {
  test('a code verifies in its slot and the next, and is expired two slots later', () => {
    fc.assert(
      fc.property(uuid, direction, instant, fc.integer({ min: 0, max: SLOT_MS - 1 }), (eventId, dir, now, offset) => {
        const code = issueSiteCode({ secret: SECRET, eventId, direction: dir, now })
        const slotStart = slotOf(now) * SLOT_MS
        const at = (slot: number) => new Date(slotStart + slot * SLOT_MS + offset)
        const opts = { secret: SECRET, eventId, direction: dir }
        const same = verifySiteCode(code, { ...opts, now: at(0) })
        expect(same).toEqual({
          ok: true,
          claims: { eventId: eventId.toLowerCase(), direction: dir, slot: slotOf(now) },
        })
        expect(verifySiteCode(code, { ...opts, now: at(1) }).ok).toBe(true)
        expect(verifySiteCode(code, { ...opts, now: at(2) })).toEqual({ ok: false, reason: 'expired' })
      }),
    )
  })

  test('changing any one character of a valid code or ticket never verifies', () => {
    fc.assert(
      fc.property(uuid, direction, fc.boolean(), fc.nat(), base64urlChar, (eventId, dir, isTicket, pos, ch) => {
        const valid = isTicket
          ? issueTicket({ secret: TICKET_SECRET, registrationId: REGISTRATION, eventId, ticketVersion: 3 })
          : issueSiteCode({ secret: SECRET, eventId, direction: dir, now: NOW })
        const i = pos % valid.length
        fc.pre(valid[i] !== ch)
        const mutated = valid.slice(0, i) + ch + valid.slice(i + 1)
        const r = isTicket
          ? verifyTicket(mutated, { secret: TICKET_SECRET })
          : verifySiteCode(mutated, { secret: SECRET, eventId, now: NOW })
        expect(r.ok).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  test('arbitrary strings never throw and never verify', () => {
    const anyString = fc.oneof(
      fc.string({ maxLength: 10_000 }),
      fc.string({ unit: 'binary', maxLength: 10_000 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      // Right length and alphabet: these get past the cheap checks and reach the version and MAC.
      fc.string({ unit: base64urlChar, minLength: SITE_CODE_LENGTH, maxLength: SITE_CODE_LENGTH }),
      fc.string({ unit: base64urlChar, minLength: TICKET_LENGTH, maxLength: TICKET_LENGTH }),
    )
    fc.assert(
      fc.property(anyString, (s) => {
        expect(verifySiteCode(s, { secret: SECRET, eventId: EVENT, now: NOW }).ok).toBe(false)
        expect(verifyTicket(s, { secret: TICKET_SECRET }).ok).toBe(false)
        expect(() => peekSiteCode(s)).not.toThrow()
      }),
      { numRuns: 500 },
    )
  })

  test('random bytes behind a valid header never verify', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 34, maxLength: 34 }), direction, (rest, dir) => {
        const bytes = Buffer.concat([Buffer.from([1, dir === 'in' ? 0x69 : 0x6f]), Buffer.from(rest)])
        const r = verifySiteCode(bytes.toString('base64url'), { secret: SECRET, eventId: EVENT, now: NOW })
        expect(['bad_signature', 'wrong_event']).toContain(failure(r))
      }),
    )
  })

  test('no truncation or extension of a valid token verifies', () => {
    fc.assert(
      fc.property(
        uuid,
        direction,
        fc.boolean(),
        fc.nat(),
        fc.string({ unit: base64urlChar, minLength: 1, maxLength: 20 }),
        (eventId, dir, cut, n, tail) => {
          const code = issueSiteCode({ secret: SECRET, eventId, direction: dir, now: NOW })
          const t = issueTicket({ secret: TICKET_SECRET, registrationId: REGISTRATION, eventId, ticketVersion: 0 })
          const edit = (s: string) => (cut ? s.slice(0, n % s.length) : s + tail)
          expect(verifySiteCode(edit(code), { secret: SECRET, eventId, now: NOW }).ok).toBe(false)
          expect(verifyTicket(edit(t), { secret: TICKET_SECRET }).ok).toBe(false)
        },
      ),
    )
  })

  test('every prefix of a valid code is malformed', () => {
    const code = siteCode()
    for (let n = 0; n < code.length; n++) expect(verify(code.slice(0, n))).toEqual({ ok: false, reason: 'malformed' })
  })

  test('tickets round-trip, and another secret is a bad signature', () => {
    fc.assert(
      fc.property(uuid, uuid, fc.integer({ min: 0, max: 0xffff }), (registrationId, eventId, ticketVersion) => {
        const t = issueTicket({ secret: TICKET_SECRET, registrationId, eventId, ticketVersion })
        expect(verifyTicket(t, { secret: TICKET_SECRET, eventId })).toEqual({
          ok: true,
          claims: { registrationId: registrationId.toLowerCase(), eventId: eventId.toLowerCase(), ticketVersion },
        })
        expect(verifyTicket(t, { secret: 'another-ticket-secret-32-bytes!!' })).toEqual({
          ok: false,
          reason: 'bad_signature',
        })
      }),
    )
  })
})
