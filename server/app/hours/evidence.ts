/**
 * Make-up evidence photos (补录证明照片), private from end to end: the organiser asks for upload names
 * (each under the event's unit, ending in 128 random bits), the phone uploads to them, the make-up
 * names them (checked: only names given out for that event), and the photos are seen only through
 * short-lived links, by the event's organisers, the district admin, and the person the entry is for.
 */
import { randomBytes } from 'crypto'
import type {
  EvidencePhotosRequest,
  EvidencePhotosResponse,
  EvidenceUploadsRequest,
  EvidenceUploadsResponse,
} from '@api/hours'
import { evidencePath, isEvidenceOf, type EvidenceScope } from '../../domain/files/uploads'
import type { HoursFailure } from '../../domain/hours/failures'
import { can } from '../../domain/policy'
import { loadCheckinEvent, type CheckinEvent } from '../../store/checkin'
import { findEntry } from '../../store/hours'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { eventForOrganiser } from '../organiser'
import { allow, found, refuse } from '../refusal'

const scopeOf = (e: Pick<CheckinEvent, 'id' | 'unitId' | 'districtId'>): EvidenceScope => ({
  districtId: e.districtId,
  unitId: e.unitId,
  activityId: e.id,
})

export async function evidenceUploads(
  ctx: SignedInContext,
  input: EvidenceUploadsRequest,
): Promise<EvidenceUploadsResponse> {
  const { e } = await eventForOrganiser(ctx, input.activityId, 'hours')
  const uploads = await Promise.all(
    input.files.map(async (ext) => {
      const cloudPath = evidencePath(scopeOf(e), randomBytes(16).toString('hex'), ext)
      return { cloudPath, uploadUrl: await ctx.platform.uploadTicket(cloudPath, ctx.now) }
    }),
  )
  return { uploads }
}

/** A make-up may name only photos uploaded for its own event: refuses anything else before it is stored. */
export function checkEvidenceFiles(e: Pick<CheckinEvent, 'id' | 'unitId' | 'districtId'>, fileIds: string[]): void {
  if (fileIds.some((id) => !isEvidenceOf(id, scopeOf(e)))) refuse<HoursFailure>({ kind: 'evidenceNotUploaded' })
  if (new Set(fileIds).size !== fileIds.length) refuse<HoursFailure>({ kind: 'evidenceNotUploaded' })
}

export async function evidencePhotos(
  ctx: SignedInContext,
  input: EvidencePhotosRequest,
): Promise<EvidencePhotosResponse> {
  const actor = await requireActor(ctx)
  const entry = found(await findEntry(ctx.db, input.entryId), 'hoursEntry')
  const e = found(await loadCheckinEvent(ctx.db, entry.activityId), 'activity')
  allow<HoursFailure>(
    entry.userId === actor.userId || can.manageEvents(actor, { id: e.unitId, districtId: e.districtId }),
    { kind: 'notEvidenceViewer' },
  )
  // Only names that were checked when the make-up was written; a link is made for nothing else.
  const fileIds = (entry.evidence?.fileIds ?? []).filter((id) => isEvidenceOf(id, scopeOf(e)))
  return { urls: await Promise.all(fileIds.map((id) => ctx.platform.fileLink(id, ctx.now))) }
}
