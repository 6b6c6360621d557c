/**
 * When scanning is open. Check-in: from N minutes before the start (per event, default 60) to
 * the end. Check-out: the same, plus CHECKOUT_GRACE_MINUTES after the end, so people who stay
 * to the last minute can check out as they leave; credit is clipped to the schedule anyway.
 */
export const CHECKOUT_GRACE_MINUTES = 60

const MINUTE = 60_000

export function scanWindow(
  e: { startAt: Date; endAt: Date; opensMinutes: number },
  direction: 'in' | 'out',
): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(e.startAt.getTime() - e.opensMinutes * MINUTE),
    closesAt: new Date(e.endAt.getTime() + (direction === 'out' ? CHECKOUT_GRACE_MINUTES * MINUTE : 0)),
  }
}
