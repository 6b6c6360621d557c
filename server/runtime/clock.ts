/**
 * The clock every action reads (`ctx.now`). In production it is the system clock. The local
 * host can shift it for end-to-end tests (check in now, check out "three hours later") when
 * started with QINGJU_TEST_CLOCK=1; nothing in a deployed function can shift it.
 */
let offsetMs = 0

export const systemClock = (): Date => new Date(Date.now() + offsetMs)

/** Moves the clock by `ms` from real time (0 puts it back). For the local host's test endpoint only. */
export function setClockOffset(ms: number): void {
  if (!Number.isFinite(ms)) throw new RangeError('offset must be finite')
  offsetMs = ms
}
