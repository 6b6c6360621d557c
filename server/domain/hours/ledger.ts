/**
 * Rules of the service-hours ledger, as pure functions (no database, no clock of their own).
 *
 * - Entries move pending → approved | declined; approved entries are locked. Changing one means
 *   a `reversal` (minus its hours) and a `correction` (the new hours), both approved at once.
 * - A person's hours for one event never exceed its scheduled time: make-up entries (补录) and
 *   adjustments are checked against what the person already has that is not declined.
 * - Hours an organiser types must be a multiple of the event's step (0.5 h by default).
 * - Confirming with a notice period (公示) leaves entries pending until the notice ends.
 */

export type EntryKind = 'scan' | 'makeup' | 'reversal' | 'correction'
export type EntryStatus = 'pending' | 'approved' | 'declined'

export interface LedgerLine {
  id: string
  kind: EntryKind
  status: EntryStatus
  hours: number
  replacesId: string | null
}

const EPS = 1e-9

/** Whether `hours` is a whole number of `step`s (0.1-steps included, despite binary floats). */
export function onStep(hours: number, step: number): boolean {
  if (!(step > 0)) throw new RangeError('step must be positive')
  const n = hours / step
  return Math.abs(n - Math.round(n)) < 1e-6
}

/** `hours` rounded down to the step: what the scheduled time can yield at most. */
export function floorToStep(hours: number, step: number): number {
  if (!(step > 0)) throw new RangeError('step must be positive')
  return Math.round(Math.floor(hours / step + 1e-6) * step * 100) / 100
}

/**
 * Hours that count for one person and event from the lines that stand: approved and pending
 * lines (declined ones are out), corrections replacing what they reverse. Pending lines count
 * here because they may still be approved: a cap checked against approved hours alone would
 * let two make-ups pass while both wait.
 */
export function standingHours(lines: readonly LedgerLine[]): number {
  return round1(lines.filter((l) => l.status !== 'declined').reduce((sum, l) => sum + l.hours, 0))
}

/** Approved hours: what totals and certificates show. */
export function approvedHours(lines: readonly LedgerLine[]): number {
  return round1(lines.filter((l) => l.status === 'approved').reduce((sum, l) => sum + l.hours, 0))
}

/**
 * How many more hours a person may get for an event (make-up or an adjustment upward), given
 * its scheduled hours and the person's lines; `without` leaves one line out (the one being
 * adjusted, whose hours are being replaced).
 */
export function hoursLeft(scheduledHours: number, lines: readonly LedgerLine[], without?: string): number {
  const others = lines.filter(
    (l) => l.id !== without && !(without && l.kind === 'reversal' && l.replacesId === without),
  )
  return Math.max(0, round1(scheduledHours - standingHours(others)))
}

export type AdjustPlan =
  /** A pending entry takes the new hours in place (with an audit record). */
  | { kind: 'edit' }
  /** An approved entry stays; a reversal and a correction are written, both approved. */
  | { kind: 'correct'; reversal: { hours: number }; correction: { hours: number } }

/** Why a ledger change is refused, as data. */
export type LedgerFailure =
  | { kind: 'reversalLocked' }
  | { kind: 'declinedLocked' }
  | { kind: 'alreadyCorrected' }
  | { kind: 'notOnStep'; stepHours: number }
  | { kind: 'makeupNotPositive' }
  | { kind: 'overLimit'; hoursLeft: number; makeup: boolean }

/**
 * How to change an entry's hours to `hours`, or why not. Checks: the entry is not declined, not
 * a reversal, not already corrected; `hours` is on the step; the person's total stays within
 * the schedule.
 */
export function planAdjustment(opts: {
  entry: LedgerLine
  lines: readonly LedgerLine[]
  hours: number
  stepHours: number
  scheduledHours: number
}): AdjustPlan | LedgerFailure {
  const { entry, lines, hours } = opts
  if (entry.kind === 'reversal') return { kind: 'reversalLocked' }
  if (entry.status === 'declined') return { kind: 'declinedLocked' }
  if (entry.status === 'approved' && lines.some((l) => l.kind === 'reversal' && l.replacesId === entry.id)) {
    return { kind: 'alreadyCorrected' }
  }
  if (!onStep(hours, opts.stepHours)) return { kind: 'notOnStep', stepHours: opts.stepHours }
  const left = hoursLeft(opts.scheduledHours, lines, entry.id)
  if (hours > left + EPS) return { kind: 'overLimit', hoursLeft: left, makeup: false }
  if (entry.status === 'pending') return { kind: 'edit' }
  return { kind: 'correct', reversal: { hours: -entry.hours }, correction: { hours } }
}

/** Checks a make-up entry (补录) against the step and the schedule cap: null when it may be written. */
export function checkMakeup(opts: {
  hours: number
  lines: readonly LedgerLine[]
  stepHours: number
  scheduledHours: number
}): LedgerFailure | null {
  if (!(opts.hours > 0)) return { kind: 'makeupNotPositive' }
  if (!onStep(opts.hours, opts.stepHours)) return { kind: 'notOnStep', stepHours: opts.stepHours }
  const left = hoursLeft(opts.scheduledHours, opts.lines)
  if (opts.hours > left + EPS) return { kind: 'overLimit', hoursLeft: left, makeup: true }
  return null
}

/** An adjustment plan, or false for a refusal. */
export const isPlan = (p: AdjustPlan | LedgerFailure): p is AdjustPlan => p.kind === 'edit' || p.kind === 'correct'

/** When confirmed entries become approved: at once without a notice period, else after it. */
export function noticeEnds(confirmedAt: Date, noticeDays: number): Date | null {
  if (!Number.isInteger(noticeDays) || noticeDays < 0) throw new RangeError('noticeDays must be a non-negative integer')
  return noticeDays === 0 ? null : new Date(confirmedAt.getTime() + noticeDays * 86_400_000)
}

function round1(n: number): number {
  return Math.round(n * 10) / 10
}
