/**
 * Organisers review an event's hours: the ledger screen, the event's hour settings, adjusting an
 * entry (a pending one in place, an approved one by a reversal and a correction), declining,
 * make-up entries (补录) and confirming (at once, or after a public notice). Every change writes
 * its audit record in the same transaction. Lock order: the entry (or the registration for a
 * make-up), then what is written for it.
 */
import type {
  ActivityHoursRequest,
  AdjustRequest,
  AuditRecord,
  ConfirmRequest,
  DeclineRequest,
  EventHours,
  HistoryRequest,
  HoursSettings,
  HoursSettingsRequest,
  LedgerEntry,
  MakeupRequest,
} from '@api/hours'
import { scheduledDays, scheduledHours } from '../../domain/checkin/hours'
import type { HoursFailure } from '../../domain/hours/failures'
import { checkMakeup, floorToStep, isPlan, noticeEnds, planAdjustment } from '../../domain/hours/ledger'
import { shanghaiDay } from '../../domain/shanghai-time'
import { loadCheckinEvent, type CheckinEvent } from '../../store/checkin'
import {
  audit,
  auditOf,
  confirmPending,
  countLeftForReview,
  declineEntry,
  eventEntries,
  findEntry,
  insertCorrectionLine,
  insertMakeup,
  lockRegistration,
  markAttendedFromMakeup,
  registrationLines,
  registrationRef,
  reviewPeople,
  setPendingHours,
  updateHoursSettings,
  type EntryRow,
} from '../../store/hours'
import { PG, inTransaction, pgCode } from '../../store/tx'
import type { SignedInContext } from '../context'
import { checkEvidenceFiles } from './evidence'
import { approveNoticed } from './notice'
import { eventForOrganiser } from '../organiser'
import { check, found, refuse } from '../refusal'
import { earnsServiceHours } from '../../domain/event'

export const toLedgerEntry = (r: EntryRow): LedgerEntry => ({
  id: r.id,
  activityId: r.activityId,
  registrationId: r.registrationId,
  person: { nickname: r.nickname, realName: r.realName },
  day: r.day,
  kind: r.kind,
  hours: r.hours,
  minutes: r.minutes,
  status: r.status,
  needsReview: r.needsReview,
  flags: r.flags,
  reason: r.reason,
  evidence: r.evidence ? { note: r.evidence.note, photoCount: r.evidence.fileIds.length } : null,
  replacesId: r.replacesId,
  noticeUntil: r.noticeUntil?.toISOString() ?? null,
  corrected: r.corrected,
  createdAt: r.createdAt.toISOString(),
})

const settingsOf = (e: CheckinEvent): HoursSettings => ({
  minShare: e.hoursMinShare,
  stepHours: e.hoursStep,
  noticeDays: e.hoursNoticeDays,
  checkinOpensMinutes: e.checkinOpensMinutes,
  checkinRadiusMeters: e.checkinRadiusM,
})

/** The most hours any one person can have for the event: its schedule, on the step. */
const capOf = (e: CheckinEvent) => floorToStep(scheduledHours(e.startAt, e.endAt), e.hoursStep)

/** The entry and its event, for one of the event's organisers. */
async function managedEntry(ctx: SignedInContext, entryId: string) {
  const entry = found(await findEntry(ctx.db, entryId), 'hoursEntry')
  const { actor, e } = await eventForOrganiser(ctx, entry.activityId, 'hours')
  return { actor, e, entry }
}

export async function reviewHours(ctx: SignedInContext, input: ActivityHoursRequest): Promise<EventHours> {
  const { e } = await eventForOrganiser(ctx, input.activityId, 'hours')
  await approveNoticed(ctx.db, ctx.now, { activityId: e.id })
  const rows = await eventEntries(ctx.db, e.id)
  const people = await reviewPeople(ctx.db, e.id)
  const totals = new Map<string, number>()
  for (const r of rows)
    if (r.status === 'approved') totals.set(r.registrationId, (totals.get(r.registrationId) ?? 0) + r.hours)
  return {
    activity: {
      id: e.id,
      title: e.title,
      startAt: e.startAt.toISOString(),
      endAt: e.endAt.toISOString(),
      ended: ctx.now >= e.endAt,
      awardsHours: earnsServiceHours(e),
      scheduledHours: capOf(e),
      hoursClosedAt: e.hoursClosedAt?.toISOString() ?? null,
    },
    settings: settingsOf(e),
    entries: rows.map(toLedgerEntry),
    people: people.map((r) => ({ registrationId: r.id, person: { nickname: r.nickname, realName: r.realName } })),
    days: scheduledDays(e.startAt, e.endAt).map((d) => d.day),
    totals: [...totals.entries()].map(([registrationId, hours]) => ({
      registrationId,
      approvedHours: Math.round(hours * 10) / 10,
    })),
  }
}

export async function changeHoursSettings(ctx: SignedInContext, input: HoursSettingsRequest): Promise<HoursSettings> {
  const { e } = await eventForOrganiser(ctx, input.activityId, 'hours')
  await updateHoursSettings(ctx.db, e.id, input)
  return settingsOf((await loadCheckinEvent(ctx.db, e.id))!)
}

export async function adjustEntry(ctx: SignedInContext, input: AdjustRequest): Promise<LedgerEntry> {
  const { actor, e } = await managedEntry(ctx, input.entryId)
  if (!earnsServiceHours(e) && input.hours > 0) refuse<HoursFailure>({ kind: 'participationOnly' })
  try {
    const id = await inTransaction(ctx.db, async (tx) => {
      // Locked, then read again: two organisers adjusting at once see each other.
      const entry = (await findEntry(tx, input.entryId, true))!
      const lines = await registrationLines(tx, entry.registrationId)
      const plan = planAdjustment({
        entry: {
          id: entry.id,
          kind: entry.kind,
          status: entry.status,
          hours: entry.hours,
          replacesId: entry.replacesId,
        },
        lines,
        hours: input.hours,
        stepHours: e.hoursStep,
        scheduledHours: capOf(e),
      })
      if (!isPlan(plan)) return refuse(plan)
      const before = { hours: entry.hours, status: entry.status }
      const change = { activityId: e.id, at: ctx.now, by: actor.userId, reason: input.reason }
      if (plan.kind === 'edit') {
        await setPendingHours(tx, entry.id, input.hours, input.reason)
        await audit(tx, {
          ...change,
          entryId: entry.id,
          action: 'adjust',
          before,
          after: { hours: input.hours, status: 'pending' },
        })
        return entry.id
      }
      // Approved: the entry stays as it was; a reversal cancels it and a correction replaces it.
      const line = { replaces: entry, reason: input.reason, by: actor.userId, at: ctx.now }
      const reversal = await insertCorrectionLine(tx, { ...line, kind: 'reversal', hours: plan.reversal.hours })
      const correction = await insertCorrectionLine(tx, { ...line, kind: 'correction', hours: plan.correction.hours })
      await audit(tx, {
        ...change,
        entryId: reversal,
        action: 'correct',
        before,
        after: { hours: plan.reversal.hours, status: 'approved' },
      })
      await audit(tx, {
        ...change,
        entryId: correction,
        action: 'correct',
        before,
        after: { hours: plan.correction.hours, status: 'approved' },
      })
      return correction
    })
    return toLedgerEntry((await findEntry(ctx.db, id))!)
  } catch (err) {
    // A second correction of the same entry raced this one: the unique reversal index refused it.
    if (pgCode(err) === PG.uniqueViolation) refuse<HoursFailure>({ kind: 'correctionRaced' })
    throw err
  }
}

export async function declineHours(ctx: SignedInContext, input: DeclineRequest): Promise<LedgerEntry> {
  const { actor, e } = await managedEntry(ctx, input.entryId)
  await inTransaction(ctx.db, async (tx) => {
    const entry = (await findEntry(tx, input.entryId, true))!
    if (entry.status !== 'pending') refuse<HoursFailure>({ kind: 'notPending', status: entry.status })
    await declineEntry(tx, entry.id, input.reason, actor.userId, ctx.now)
    await audit(tx, {
      entryId: entry.id,
      activityId: e.id,
      at: ctx.now,
      by: actor.userId,
      action: 'decline',
      before: { hours: entry.hours, status: 'pending' },
      after: { hours: entry.hours, status: 'declined' },
      reason: input.reason,
    })
  })
  return toLedgerEntry((await findEntry(ctx.db, input.entryId))!)
}

export async function makeupHours(ctx: SignedInContext, input: MakeupRequest): Promise<LedgerEntry> {
  const reg =
    (await registrationRef(ctx.db, input.registrationId)) ?? refuse<HoursFailure>({ kind: 'registrationMissing' })
  const { actor, e } = await eventForOrganiser(ctx, reg.activityId, 'hours')
  if (!earnsServiceHours(e)) refuse<HoursFailure>({ kind: 'participationOnly' })
  if (ctx.now < e.startAt) refuse<HoursFailure>({ kind: 'eventNotStarted' })
  // A no-show (no check-in recorded) is exactly who a make-up with evidence is for.
  if (!['confirmed', 'attended', 'no_show'].includes(reg.state)) refuse<HoursFailure>({ kind: 'notSeatedForMakeup' })
  if (!scheduledDays(e.startAt, e.endAt).some((d) => d.day === input.day))
    refuse<HoursFailure>({ kind: 'dayNotScheduled' })
  checkEvidenceFiles(e, input.evidence.fileIds ?? [])
  const id = await inTransaction(ctx.db, async (tx) => {
    // The registration row serialises make-ups and adjustments of one person: the cap holds.
    await lockRegistration(tx, input.registrationId)
    check(
      checkMakeup({
        hours: input.hours,
        lines: await registrationLines(tx, input.registrationId),
        stepHours: e.hoursStep,
        scheduledHours: capOf(e),
      }),
    )
    const entryId = await insertMakeup(tx, {
      activityId: e.id,
      registrationId: input.registrationId,
      userId: reg.userId,
      day: input.day,
      hours: input.hours,
      reason: input.reason,
      evidence: input.evidence,
    })
    await audit(tx, {
      entryId,
      activityId: e.id,
      at: ctx.now,
      by: actor.userId,
      action: 'makeup',
      before: null,
      after: { hours: input.hours, status: 'pending' },
      reason: input.reason,
    })
    // The evidence says they were there: the attendance record follows.
    await markAttendedFromMakeup(tx, input.registrationId, ctx.now)
    return entryId
  })
  return toLedgerEntry((await findEntry(ctx.db, id))!)
}

export async function confirmHours(ctx: SignedInContext, input: ConfirmRequest) {
  const { actor, e } = await eventForOrganiser(ctx, input.activityId, 'hours')
  const until = noticeEnds(ctx.now, e.hoursNoticeDays)
  return inTransaction(ctx.db, async (tx) => {
    const rows = await confirmPending(tx, {
      activityId: e.id,
      entryIds: input.entryIds ?? null,
      until,
      by: actor.userId,
      at: ctx.now,
    })
    for (const r of rows) {
      await audit(tx, {
        entryId: r.id,
        activityId: e.id,
        at: ctx.now,
        by: actor.userId,
        action: 'confirm',
        before: { hours: r.hours, status: 'pending' },
        after: { hours: r.hours, status: until ? 'pending' : 'approved' },
        reason: until ? `公示至 ${shanghaiDay(until)}` : null,
      })
    }
    const left = await countLeftForReview(tx, e.id)
    return { approved: until ? 0 : rows.length, onNotice: until ? rows.length : 0, leftForReview: left }
  })
}

export async function entryHistory(ctx: SignedInContext, input: HistoryRequest): Promise<AuditRecord[]> {
  const { entry } = await managedEntry(ctx, input.entryId)
  // A reversal or correction's history starts with the entry it replaced.
  const rows = await auditOf(ctx.db, [entry.id, ...(entry.replacesId ? [entry.replacesId] : [])])
  return rows.map((r) => ({
    at: r.at.toISOString(),
    by: r.realName ?? r.nickname ?? '系统',
    action: r.action,
    before: r.before,
    after: r.after,
    reason: r.reason,
  }))
}
