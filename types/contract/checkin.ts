/** Check in or check out. */
export const DIRECTIONS = ['in', 'out'] as const
export type Direction = (typeof DIRECTIONS)[number]

/** The 6 digits shown under the rotating QR code, typed where no camera is available (H5). */
export const SHORT_CODE = /^[0-9]{6}$/

/** At most this many queued ticket scans per sync call. */
export const MAX_SYNC_BATCH = 200
