/** Check in or check out. */
export const DIRECTIONS = ['in', 'out'] as const
export type Direction = (typeof DIRECTIONS)[number]

/** The 6 digits shown under the rotating QR code, typed where no camera is available (H5). */
export const SHORT_CODE = /^[0-9]{6}$/

/** At most this many queued ticket scans per sync call. */
export const MAX_SYNC_BATCH = 200

/**
 * What an identity code (身份码) looks like: 56 URL-safe characters. The scanner refuses anything
 * else (a ticket, a site code, a web address) before calling; the server alone judges the rest.
 */
export const IDENTITY_CODE = /^[A-Za-z0-9_-]{56}$/
