/**
 * Closing an event's hours: each person's standing scans become pending day entries by the hour
 * rules, re-closing refreshes pending ones (approved, declined, on-notice and hand-adjusted ones
 * are final), and where check-in was used a seat nobody checked in for becomes a no-show. Lock
 * order: the activity row, then the entries it writes.
 */
import type { ActivityHoursRequest, DayHours, HoursPreview } from '@api/hours'
import { dailySpans, serviceHours } from '../../domain/checkin/hours'
import { CHECKOUT_GRACE_MINUTES } from '../../domain/checkin/window'
import type { HoursFailure } from '../../domain/hours/failures'
import { shanghaiDay } from '../../domain/shanghai-time'
import { eventScans, loadCheckinEvent, type CheckinEvent, type ScanRow } from '../../store/checkin'
import {
  audit,
  eventsDueForClosing,
  lockActivity,
  markHoursClosed,
  markNoShows,
  upsertScanEntry,
} from '../../store/hours'
import { inTransaction, type Db } from '../../store/tx'
import type { AppContext, SignedInContext } from '../context'
import { approveNoticed } from './notice'
import { eventForOrganiser } from '../organiser'
import { refuse } from '../refusal'
import { earnsServiceHours } from '../../domain/event'

/** What each person's standing scans earn, per Shanghai day, by the hour rules and the event's settings. */
export async function computeHours(db: Db, e: CheckinEvent): Promise<HoursPreview> {
  const rows = await eventScans(db, e.id)
  const schedule = dailySpans(e.startAt, e.endAt)
  const byRegistration = new Map<string, ScanRow[]>()
  for (const r of rows) byRegistration.set(r.registrationId, [...(byRegistration.get(r.registrationId) ?? []), r])
  return {
    awardsHours: earnsServiceHours(e),
    items: [...byRegistration.entries()].map(([registrationId, scans]) => {
      const days: DayHours[] = serviceHours({
        schedule,
        awardsHours: earnsServiceHours(e),
        minShare: e.hoursMinShare,
        stepHours: e.hoursStep,
        scans: scans.map((x) => ({ kind: x.direction, at: x.scannedAt })),
      })
      // A scan far from the venue is a signal, not proof: that day's hours wait for a person to look.
      const farDays = new Set(scans.filter((x) => x.needsReview).map((x) => shanghaiDay(x.scannedAt)))
      for (const d of days) if (farDays.has(d.day)) d.flags = [...d.flags, 'far_from_venue']
      return {
        registrationId,
        person: { nickname: scans[0].nickname, realName: scans[0].realName },
        days,
        totalHours: days.reduce((sum, d) => sum + d.hours, 0),
      }
    }),
  }
}

/** A day a person must look at before it counts: no check-out (0 h until confirmed), or a scan far from the venue. */
const needsReview = (d: DayHours) => d.status === 'needs_review' || d.flags.includes('far_from_venue')

/** Closes (or re-closes) the event's hours inside the caller's transaction. */
export async function closeEventHours(
  tx: Db,
  e: CheckinEvent,
  now: Date,
  by: string | null,
): Promise<{ pending: number; needsReview: number }> {
  await lockActivity(tx, e.id)
  const preview = await computeHours(tx, e)
  let pending = 0
  let reviews = 0
  for (const item of preview.items) {
    for (const d of item.days) {
      const written = await upsertScanEntry(tx, {
        activityId: e.id,
        registrationId: item.registrationId,
        day: d.day,
        minutes: d.presentMinutes,
        hours: d.hours,
        needsReview: needsReview(d),
        flags: d.flags,
      })
      // Counted only when written: entries decided, on notice or adjusted by hand are left as they are.
      if (!written) continue
      pending++
      if (needsReview(d)) reviews++
      if (written.inserted) {
        await audit(tx, {
          entryId: written.id,
          activityId: e.id,
          at: now,
          by,
          action: 'close',
          before: null,
          after: { hours: d.hours, status: 'pending' },
        })
      }
    }
  }
  // Where check-in was used, a confirmed place nobody checked in for is a no-show (the attendance
  // record sign-up rules read); organisers can still correct it on the roster.
  await markNoShows(tx, e.id, now)
  await markHoursClosed(tx, e.id, now)
  return { pending, needsReview: reviews }
}

export async function previewHours(ctx: SignedInContext, input: ActivityHoursRequest): Promise<HoursPreview> {
  const { e } = await eventForOrganiser(ctx, input.activityId, 'hours')
  return computeHours(ctx.db, e)
}

export async function closeHours(ctx: SignedInContext, input: ActivityHoursRequest) {
  const { actor, e } = await eventForOrganiser(ctx, input.activityId, 'hours')
  if (ctx.now < e.endAt) refuse<HoursFailure>({ kind: 'eventNotEnded' })
  return inTransaction(ctx.db, (tx) => closeEventHours(tx, e, ctx.now, actor.userId))
}

/**
 * The timer's sweep: events whose check-out has closed get their hours closed once (no
 * check-out: into review), then entries whose notice ended are approved.
 */
export async function sweepHours(ctx: AppContext): Promise<{ closed: number; approved: number }> {
  const due = await eventsDueForClosing(ctx.db, new Date(ctx.now.getTime() - CHECKOUT_GRACE_MINUTES * 60_000), 50)
  let closed = 0
  for (const id of due) {
    const e = await loadCheckinEvent(ctx.db, id)
    if (!e || e.hoursClosedAt) continue
    await inTransaction(ctx.db, (tx) => closeEventHours(tx, e, ctx.now, null))
    closed++
  }
  return { closed, approved: await approveNoticed(ctx.db, ctx.now) }
}
