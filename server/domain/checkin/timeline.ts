/**
 * Where a late-arriving scan (queued offline on an organiser's phone) fits in a person's scans.
 *
 * Scans arrive out of order: device A recorded a check-in online at 09:05 while device B,
 * offline, had scanned the same ticket at 09:00 and syncs at noon. The rule is "the earliest
 * wins": of two consecutive scans in the same direction, the earlier stands and the later is
 * reported (if it is the one arriving) or marked superseded (if it was already recorded).
 */
export type Direction = 'in' | 'out'

export interface TimelineScan {
  id: string
  direction: Direction
  at: Date
}

export type Placement =
  /** Record it; `supersedes` is a later scan in the same direction it displaces, if any. */
  | { kind: 'insert'; supersedes: string | null }
  /** The same way was scanned earlier with nothing in between: keep that one, report this. */
  | { kind: 'conflict'; keptId: string }
  /** A check-out with no check-in before it. */
  | { kind: 'not_checked_in' }

/** `timeline`: the person's standing (not superseded) scans for the event, in any order. */
export function placeScan(timeline: readonly TimelineScan[], incoming: { direction: Direction; at: Date }): Placement {
  const at = incoming.at.getTime()
  if (!Number.isFinite(at)) throw new RangeError('incoming.at must be a valid date')
  const sorted = [...timeline].sort((a, b) => a.at.getTime() - b.at.getTime())
  // A scan at the same instant as a recorded one counts as after it: the recorded one came first.
  const prev = sorted.filter((s) => s.at.getTime() <= at).at(-1)
  const next = sorted.find((s) => s.at.getTime() > at)
  if (prev && prev.direction === incoming.direction) return { kind: 'conflict', keptId: prev.id }
  if (incoming.direction === 'out' && !prev) return { kind: 'not_checked_in' }
  return { kind: 'insert', supersedes: next && next.direction === incoming.direction ? next.id : null }
}
