/**
 * The pure side of the rate limits (server/domain/rate-limit.ts): the verdict and the batching of
 * the limit on every signed-in call (`callTally`), whose slack is instances × (batch − 1).
 */
import { CALL_BATCH, callTally, overLimit, RATE_LIMITS, type CallTally } from '../../server/domain/rate-limit'

const calls = RATE_LIMITS.calls

test('a call passes in memory until the 10th, which is sent', () => {
  for (let unsent = 0; unsent < CALL_BATCH - 1; unsent++) expect(callTally(calls, { seen: 0, unsent })).toBe('pass')
  expect(callTally(calls, { seen: 0, unsent: CALL_BATCH - 1 })).toBe('send')
  expect(callTally(calls, { seen: 100, unsent: 3 })).toBe('pass')
})

test('near the limit every call is sent; past it every call is refused without a statement', () => {
  expect(callTally(calls, { seen: 290, unsent: 0 })).toBe('send')
  expect(callTally(calls, { seen: 285, unsent: 5 })).toBe('send')
  expect(callTally(calls, { seen: 280, unsent: 9 })).toBe('send')
  expect(callTally(calls, { seen: 300, unsent: 0 })).toBe('send')
  expect(callTally(calls, { seen: 301, unsent: 0 })).toBe('refuse')
})

/** Simulates instances sharing one counter, calls going round-robin; answers how many were admitted. */
function admitted(instances: number, total: number): number {
  let shared = 0
  let ok = 0
  const tallies: CallTally[] = Array.from({ length: instances }, () => ({ seen: 0, unsent: 0 }))
  for (let i = 0; i < total; i++) {
    const t = tallies[i % instances]
    const next = callTally(calls, t)
    if (next === 'refuse') continue
    t.unsent++
    if (next === 'send') {
      shared += t.unsent
      t.unsent = 0
      t.seen = Math.max(t.seen, shared)
      if (overLimit(calls, t.seen, new Date(0))) continue
    }
    ok++
  }
  return ok
}

test('one instance admits exactly the limit; n instances at most limit + n × (batch − 1)', () => {
  expect(admitted(1, 1000)).toBe(300)
  for (const n of [2, 3, 5, 10]) {
    const got = admitted(n, 5000)
    expect(got).toBeGreaterThanOrEqual(300)
    expect(got).toBeLessThanOrEqual(300 + n * (CALL_BATCH - 1))
  }
})
