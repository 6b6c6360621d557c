/**
 * The audit log of reads of whole phone numbers (issue 11): the use cases that show or export them
 * (rosters, roster changes, the hours sheet, the annual list) write one entry each with `logRead`,
 * after the read has succeeded, so a read that fails writes nothing; the district admin reads the
 * log with `auditLog`, newest first.
 */
import type { AuditEntry, AuditLogPage, AuditLogRequest } from '@api/org'
import { homeDistrictId } from '../../config'
import { decodeCursor, encodeCursor } from '../../domain/cursor'
import { can } from '../../domain/policy'
import { auditPage, insertAudit, type AuditRecord, type AuditRow } from '../../store/audit'
import type { Db } from '../../store/tx'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import type { OrgFailure } from '../org/failures'
import { allow, refuse } from '../refusal'

const PAGE = 20

/** One entry for a read by `actorId` that has just succeeded: one statement. */
export function logRead(
  db: Db,
  ctx: Pick<SignedInContext, 'now'>,
  entry: Omit<AuditRecord, 'districtId' | 'at'> & { districtId?: string },
): Promise<void> {
  return insertAudit(db, { ...entry, districtId: entry.districtId ?? homeDistrictId(), at: ctx.now })
}

export async function auditLog(ctx: SignedInContext, input: AuditLogRequest | undefined): Promise<AuditLogPage> {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  allow<OrgFailure>(can.readAuditLog(actor, districtId), { kind: 'notAuditor' })
  const after = input?.cursor ? decodeCursor(input.cursor) : undefined
  if (after === null) refuse<OrgFailure>({ kind: 'invalidCursor' })
  const rows = await auditPage(ctx.db, {
    districtId,
    kind: input?.kind,
    after: after ? { at: after.startAt, id: after.id } : undefined,
    take: PAGE + 1,
  })
  const page = rows.slice(0, PAGE)
  const last = rows.length > PAGE ? page[page.length - 1] : null
  return {
    items: page.map(toEntry),
    nextCursor: last ? encodeCursor({ startAt: last.at, id: last.id }) : null,
  }
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
    kind: r.kind,
    actor: { userId: r.actorId, name: r.actorName },
    object:
      r.activityId !== null
        ? { type: 'activity', id: r.activityId, title: r.activityTitle ?? '', unitName: r.unitName ?? '' }
        : { type: 'period', year: r.year ?? 0, month: r.month },
    people: r.people,
  }
}
