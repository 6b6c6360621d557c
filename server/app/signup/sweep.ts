/**
 * The scheduled sweep: expired offers pass to the next in line, lines of started events close,
 * seats left free beside a waiting line are mended, and reminders go out a day ahead.
 */
import {
  closeStartedLines,
  findRegistration,
  loadSignupEvent,
  offersDue,
  quotasToSettle,
  remindersDue,
  claimReminder,
  setRegistrationState,
} from '../../store/signups'
import { deleteEndedWindows } from '../../store/rate-limits'
import { inTransaction } from '../../store/tx'
import type { AppContext } from '../context'
import { sendNotices } from '../notify'
import { noticeFor, REASONS } from './notices'
import { freeSeat, settleFreedSeats } from './promotion'

const REMINDER_HOURS = 24

export async function sweep(
  ctx: AppContext,
): Promise<{ expired: number; promoted: number; reminded: number; linesClosed: number }> {
  let expired = 0
  let promoted = 0
  let reminded = 0
  for (const due of await offersDue(ctx.db, ctx.now)) {
    const notices = await inTransaction(ctx.db, async (tx) => {
      const e = (await loadSignupEvent(tx, due.activityId, true))!
      const r = (await findRegistration(tx, due.id, true))!
      // Someone may have accepted or declined since the query above.
      if (r.state !== 'offered' || !r.offerExpiresAt || r.offerExpiresAt > ctx.now) return []
      const freed = await freeSeat(tx, e, r, ctx.now)
      await setRegistrationState(tx, r.id, 'expired', ctx.now, { reason: REASONS.offerExpired })
      expired++
      return freed
    })
    promoted += notices.length
    await sendNotices(ctx, notices)
  }
  const linesClosed = await closeStartedLines(ctx.db, ctx.now, REASONS.lineClosed)
  // Safety net: a seat freed while someone waits, whose after-commit check never ran (a crash).
  for (const q of await quotasToSettle(ctx.db, ctx.now)) {
    const settled = await settleFreedSeats(ctx.db, (await loadSignupEvent(ctx.db, q.activityId))!, q.key, ctx.now)
    promoted += settled.length
    await sendNotices(ctx, settled)
  }
  for (const r of await remindersDue(ctx.db, ctx.now, REMINDER_HOURS)) {
    // Claim first so two sweeps never send the same reminder twice.
    if (!(await claimReminder(ctx.db, r.id, ctx.now))) continue
    const event = (await loadSignupEvent(ctx.db, r.activityId))!
    await sendNotices(ctx, [await noticeFor(ctx.db, r.userId, event, 'reminder')])
    reminded++
  }
  await deleteEndedWindows(ctx.db, ctx.now) // rate-limit counters whose window has ended
  return { expired, promoted, reminded, linesClosed }
}
