/** Where a line of the annual list stands. */
export const LINE_STATES = ['planned', 'posted', 'held', 'overdue'] as const
export type LineState = (typeof LINE_STATES)[number]
