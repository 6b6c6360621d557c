export const ENTRY_KINDS = ['scan', 'makeup', 'reversal', 'correction'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]
export const ENTRY_STATUSES = ['pending', 'approved', 'declined'] as const
export type EntryStatus = (typeof ENTRY_STATUSES)[number]

/**
 * Review flags on a day's hours, as types/api/hours.ts `HoursFlag` lists them: from the hour rules
 * (server/domain/checkin/hours.ts), plus far_from_venue and adjusted. A page test keeps the two equal.
 */
export const HOURS_FLAGS = [
  'repeated_check_in',
  'check_out_without_check_in',
  'missing_check_out',
  'extra_pairs_ignored',
  'far_from_venue',
  'adjusted',
] as const

/** How a day's hours came out (DayHours.status); the last three also appear among an entry's flags. */
export const DAY_STATUSES = ['ok', 'needs_review', 'below_minimum', 'participation_only'] as const
export type DayStatus = (typeof DAY_STATUSES)[number]
