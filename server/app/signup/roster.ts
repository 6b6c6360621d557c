/** The organiser's roster of an event: page by page, or the whole of it as a spreadsheet. */
import type { exportRosterRequest, RosterEntry, rosterRequest, SignupActions } from '@api/signup'
import { randomBytes } from 'crypto'
import type * as z from 'zod'
import { decodeCursor, encodeCursor } from '../../domain/cursor'
import type { SignupFailure } from '../../domain/signup/rules'
import { registrationsOf, rosterRows } from '../../store/signups'
import { writeRosterSheet } from '../../xlsx/roster-sheet'
import { requireActor } from '../actor'
import { logRead } from '../audit/log'
import { countExport } from '../rate-limit'
import type { SignedInContext } from '../context'
import { refuse } from '../refusal'
import { allowOrganiser, visibleEvent } from './access'
import { toRosterEntry } from './views'

export async function roster(
  ctx: SignedInContext,
  input: z.output<typeof rosterRequest>,
): Promise<{ items: RosterEntry[]; nextCursor: string | null }> {
  const actor = await requireActor(ctx)
  const event = await visibleEvent(ctx.db, input.activityId)
  allowOrganiser(actor, event, 'viewRoster')
  const after = input.cursor ? decodeCursor(input.cursor) : undefined
  if (after === null) refuse<SignupFailure>({ kind: 'invalidCursor' })
  const rows = await rosterRows(ctx.db, {
    activityId: event.id,
    state: input.state,
    quotaKey: input.quotaKey,
    after: after ? { createdAt: after.startAt, id: after.id } : undefined,
    take: input.limit + 1,
  })
  const page = rows.slice(0, input.limit)
  const items: RosterEntry[] = []
  for (const r of page) items.push(await toRosterEntry(ctx.db, r, event, ctx.now, true))
  const last = rows.length > input.limit ? page[page.length - 1] : null
  const people = withPhones(items)
  if (people) await logRead(ctx.db, ctx, { ...readBy(actor.userId, event), kind: 'roster_read', people })
  return { items, nextCursor: last ? encodeCursor({ startAt: last.createdAt, id: last.id }) : null }
}

export async function exportRoster(
  ctx: SignedInContext,
  input: z.output<typeof exportRosterRequest>,
): Promise<SignupActions['exportRoster']['response']> {
  const actor = await requireActor(ctx)
  const event = await visibleEvent(ctx.db, input.activityId)
  allowOrganiser(actor, event, 'exportRoster')
  await countExport(ctx)
  const entries: RosterEntry[] = []
  for (const r of await registrationsOf(ctx.db, event.id))
    entries.push(await toRosterEntry(ctx.db, r, event, ctx.now, true))
  const content = await writeRosterSheet({ questions: event.settings.questions, entries })
  const stamp = ctx.now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)
  // Names, phones and answers: private, at an unguessable name, reached only by a short-lived link.
  const { fileId } = await ctx.platform.uploadFile(
    `exports/rosters/${event.id}-${stamp}-${randomBytes(16).toString('base64url')}.xlsx`,
    content,
  )
  const url = await ctx.platform.fileLink(fileId, ctx.now)
  await logRead(ctx.db, ctx, { ...readBy(actor.userId, event), kind: 'roster_export', people: withPhones(entries) })
  return { fileName: `${event.title.slice(0, 30)}-报名名单.xlsx`, fileId, url }
}

/** How many of the entries show a whole phone number (for the audit log). */
export function withPhones(entries: RosterEntry[]): number {
  return entries.filter((e) => e.person.phone).length
}

/** The audit log's who and what for a read of an event's roster. */
export function readBy(actorId: string, event: { id: string; districtId: string }) {
  return { actorId, activityId: event.id, districtId: event.districtId }
}
