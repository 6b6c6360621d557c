/** The organiser's roster of an event: page by page, or the whole of it as a spreadsheet. */
import type { exportRosterRequest, RosterEntry, RosterPage, rosterRequest, SignupActions } from '@api/signup'
import { randomBytes } from 'crypto'
import type * as z from 'zod'
import { decodeCursor, encodeCursor } from '../../domain/cursor'
import type { SignupFailure } from '../../domain/signup/rules'
import { scanWindow } from '../../domain/checkin/window'
import {
  checkinOpensMinutes,
  registrationsOf,
  rosterRows,
  rosterStateCounts,
  type RosterFilter,
  type RosterSearch,
} from '../../store/signups'
import { writeRosterSheet } from '../../xlsx/roster-sheet'
import { requireActor } from '../actor'
import { logRead } from '../audit/log'
import { countExport } from '../rate-limit'
import type { SignedInContext } from '../context'
import { refuse } from '../refusal'
import { allowOrganiser, visibleEvent } from './access'
import { toRosterEntry } from './views'

/** A roster search: 4 to 11 digits look for the end of a phone number, anything else for part of a name. */
export function readSearch(search: string | undefined): RosterSearch | undefined {
  const s = search?.trim()
  if (!s) return undefined
  return /^\d{4,11}$/.test(s) ? { phoneTail: s } : { name: s }
}

export async function roster(ctx: SignedInContext, input: z.output<typeof rosterRequest>): Promise<RosterPage> {
  const actor = await requireActor(ctx)
  const event = await visibleEvent(ctx.db, input.activityId)
  allowOrganiser(actor, event, 'viewRoster')
  const after = input.cursor ? decodeCursor(input.cursor) : undefined
  if (after === null) refuse<SignupFailure>({ kind: 'invalidCursor' })
  const filter: RosterFilter = {
    activityId: event.id,
    quotaKey: input.quotaKey,
    search: readSearch(input.search),
    checkedIn: input.attendance === undefined ? undefined : input.attendance === 'checkedIn',
  }
  const rows = await rosterRows(ctx.db, {
    ...filter,
    state: input.state,
    after: after ? { createdAt: after.startAt, id: after.id } : undefined,
    take: input.limit + 1,
  })
  const page = rows.slice(0, input.limit)
  const items: RosterEntry[] = []
  for (const r of page) items.push(await toRosterEntry(ctx.db, r, event, ctx.now, true))
  const last = rows.length > input.limit ? page[page.length - 1] : null
  const counts = after ? null : await rosterStateCounts(ctx.db, filter)
  const opens = scanWindow(
    { startAt: event.startAt, endAt: event.endAt, opensMinutes: await checkinOpensMinutes(ctx.db, event.id) },
    'in',
  ).opensAt
  const people = withPhones(items)
  if (people) await logRead(ctx.db, ctx, { ...readBy(actor.userId, event), kind: 'roster_read', people })
  return {
    items,
    nextCursor: last ? encodeCursor({ startAt: last.createdAt, id: last.id }) : null,
    counts,
    checkinOpen: ctx.now >= opens,
  }
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
