/** Entries whose public notice (公示) has ended become approved, with an audit record saying so. */
import { approveNoticedEntries } from '../../store/hours'
import type { Db } from '../../store/tx'

/** The audit reason of an approval by the end of the notice period. */
const NOTICE_ENDED = '公示期满'

export const approveNoticed = (db: Db, now: Date, scope: { activityId?: string; userId?: string } = {}) =>
  approveNoticedEntries(db, now, NOTICE_ENDED, scope)
