/**
 * Every Node-side test file runs on one fixed clock: `Date` starts at TEST_NOW (10:00 in Shanghai)
 * and moves on with real time, so fixtures built "ten days from now" always start at the same hour
 * of the same day, whatever the wall clock says (a 2-hour event never crosses Shanghai midnight
 * because the suite happens to run at 15:00 UTC). Only `Date` is shifted: timers, the event loop
 * and PostgreSQL keep real time (nothing in our SQL reads the database clock for a rule).
 */
export const TEST_NOW = new Date('2026-11-25T02:00:00.000Z')

const RealDate = Date
const offsetMs = TEST_NOW.getTime() - RealDate.now()

class ShiftedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offsetMs)
    else super(...(args as [string | number | Date]))
  }

  static now(): number {
    return RealDate.now() + offsetMs
  }

  // Dates made by Node itself or before the shift are Dates too.
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof RealDate
  }
}

globalThis.Date = ShiftedDate as DateConstructor
