/** The local host's demo people (never part of the WeChat build). */
export const DEV_PERSONAS = ['youth', 'organiser', 'district_admin', 'new'] as const
export type DevPersona = (typeof DEV_PERSONAS)[number]

/** The local host's test clock moves at most this far from real time (a year and a bit). */
export const MAX_CLOCK_OFFSET_MS = 400 * 24 * 3600_000
