export const ENTRY_KINDS = ['scan', 'makeup', 'reversal', 'correction'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]
export const ENTRY_STATUSES = ['pending', 'approved', 'declined'] as const
export type EntryStatus = (typeof ENTRY_STATUSES)[number]

/**
 * Every flag a day's hours may carry, defined once for the server's hour rules and the pages: the
 * rules' own (server/domain/checkin/hours.ts), far_from_venue (a scan that day was beyond the
 * event's radius; set when hours are closed) and adjusted (set by hand by an organiser).
 */
export const HOURS_FLAGS = [
  'repeated_check_in',
  'check_out_without_check_in',
  'missing_check_out',
  'extra_pairs_ignored',
  'far_from_venue',
  'adjusted',
] as const
export type HoursFlag = (typeof HOURS_FLAGS)[number]

/** How a day's hours came out (DayHours.status); the last three also appear among an entry's flags. */
export const DAY_STATUSES = ['ok', 'needs_review', 'below_minimum', 'participation_only'] as const
export type DayStatus = (typeof DAY_STATUSES)[number]
