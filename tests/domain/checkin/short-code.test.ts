/** 6-digit manual codes: derived from the event secret, direction and slot; accepted for the same slots as QR codes. */
import fc from 'fast-check'
import { SLOT_MS, shortSiteCode, slotOf, verifyShortCode } from '../../../server/domain/checkin/token'

const SECRET = Buffer.alloc(32, 7)
const EVENT = '11111111-2222-4333-8444-555555555555'
const OTHER = '11111111-2222-4333-8444-666666666666'
const T0 = new Date('2026-11-21T01:00:05Z')

describe('short site codes', () => {
  test('six digits, stable within a slot, different per direction, slot, event and secret', () => {
    const slot = slotOf(T0)
    const code = shortSiteCode({ secret: SECRET, eventId: EVENT, direction: 'in', slot })
    expect(code).toMatch(/^[0-9]{6}$/)
    expect(shortSiteCode({ secret: SECRET, eventId: EVENT, direction: 'in', slot })).toBe(code)
    const others = [
      shortSiteCode({ secret: SECRET, eventId: EVENT, direction: 'out', slot }),
      shortSiteCode({ secret: SECRET, eventId: EVENT, direction: 'in', slot: slot + 1 }),
      shortSiteCode({ secret: SECRET, eventId: OTHER, direction: 'in', slot }),
      shortSiteCode({ secret: Buffer.alloc(32, 8), eventId: EVENT, direction: 'in', slot }),
    ]
    for (const o of others) expect(o).not.toBe(code)
  })

  test('accepted in the current and previous slot and one ahead; refused two slots back', () => {
    const slot = slotOf(T0)
    const at = (s: number, direction: 'in' | 'out' = 'in') =>
      shortSiteCode({ secret: SECRET, eventId: EVENT, direction, slot: s })
    const verify = (code: string) => verifyShortCode(code, { secret: SECRET, eventId: EVENT, now: T0 })
    expect(verify(at(slot))).toEqual({ ok: true, claims: { eventId: EVENT, direction: 'in', slot } })
    expect(verify(at(slot - 1))).toMatchObject({ ok: true, claims: { slot: slot - 1 } })
    expect(verify(at(slot + 1))).toMatchObject({ ok: true, claims: { slot: slot + 1 } })
    expect(verify(at(slot, 'out'))).toMatchObject({ ok: true, claims: { direction: 'out' } })
    expect(verify(at(slot - 2))).toEqual({ ok: false, reason: 'bad_signature' })
    expect(verifyShortCode(at(slot), { secret: SECRET, eventId: OTHER, now: T0 })).toEqual({
      ok: false,
      reason: 'bad_signature',
    })
  })

  test('anything but six digits is malformed', () => {
    for (const bad of ['', '12345', '1234567', '12345a', ' 123456', 123456, null]) {
      expect(verifyShortCode(bad, { secret: SECRET, eventId: EVENT, now: T0 })).toEqual({
        ok: false,
        reason: 'malformed',
      })
    }
  })

  test('property: a code issued at any instant verifies for 30 s after its slot ends, never after 60 s', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }),
        fc.constantFrom('in' as const, 'out' as const),
        (ms, direction) => {
          const slot = Math.floor(ms / SLOT_MS)
          const code = shortSiteCode({ secret: SECRET, eventId: EVENT, direction, slot })
          const endOfNext = new Date((slot + 2) * SLOT_MS - 1)
          const twoLater = new Date((slot + 2) * SLOT_MS)
          expect(verifyShortCode(code, { secret: SECRET, eventId: EVENT, now: endOfNext }).ok).toBe(true)
          // Two slots later it fails unless another accepted slot happens to share the 6 digits (1 in 250,000).
          const later = verifyShortCode(code, { secret: SECRET, eventId: EVENT, now: twoLater })
          if (later.ok) expect(later.claims.slot).not.toBe(slot)
        },
      ),
      { numRuns: 300 },
    )
  })
})
