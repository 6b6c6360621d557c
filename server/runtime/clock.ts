/**
 * The clock every action reads (`ctx.now`). In production it is the system clock. The local
 * host can shift it for end-to-end tests (check in now, check out "three hours later") when
 * started with QINGJU_TEST_CLOCK=1; nothing in a deployed function can shift it.
 */
import { MAX_CLOCK_OFFSET_MS } from '@contract/dev-login'

let offsetMs = 0

export const systemClock = (): Date => new Date(Date.now() + offsetMs)

/** Moves the clock by `ms` from real time (0 puts it back). For the local host's test endpoint only. */
export function setClockOffset(ms: number): void {
  if (!Number.isInteger(ms) || Math.abs(ms) > MAX_CLOCK_OFFSET_MS) throw new RangeError('offset out of range')
  offsetMs = ms
}
