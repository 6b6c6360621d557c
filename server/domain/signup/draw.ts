/**
 * Reproducible fair draws for apply-then-select events: a seeded shuffle. The same seed over the
 * same applicants (ordered by id) gives the same order, so anyone can re-run and check a draw.
 */
import { createHash } from 'crypto'

/** mulberry32 over a 32-bit state derived from the seed's SHA-256. */
function rng(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0)
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fisher–Yates over the ids sorted first, so input order cannot sway the result. */
export function drawOrder(ids: string[], seed: string): string[] {
  const order = [...ids].sort()
  const next = rng(seed)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  return order
}
