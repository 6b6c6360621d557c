/** Category codes of the annual activity list. Names and order live in the database. */
export const CATEGORY_CODE = /^[a-z][a-z_]{1,31}$/

/** District ids look like `runzhou`; the list defaults to the deployment's home district. */
export const DISTRICT_ID = /^[a-z][a-z0-9_]{1,31}$/

/**
 * Browse filter by lifecycle, all relative to "now":
 * - active: not yet ended (the default home list)
 * - open: sign-up window open and seats may remain (报名中)
 * - upcoming: not started, sign-up not open now (即将开始)
 * - ongoing: started, not ended (进行中)
 * - finished: ended (已结束), newest first
 */
export const ACTIVITY_STATUS_FILTERS = ['active', 'open', 'upcoming', 'ongoing', 'finished'] as const
export type ActivityStatusFilter = (typeof ACTIVITY_STATUS_FILTERS)[number]

/** The lifecycle state of one activity as shown on its card. */
export const ACTIVITY_PHASES = ['open', 'upcoming', 'ongoing', 'finished', 'cancelled'] as const
export type ActivityPhase = (typeof ACTIVITY_PHASES)[number]

/** An event's state as its organisers manage it. */
export const EVENT_STATES = ['draft', 'published', 'cancelled', 'finished'] as const
export type EventState = (typeof EVENT_STATES)[number]
