/**
 * Published images (event covers, venue photos): uploaded to names the server gives out under the
 * publishing unit (or the district), saved only if they are the publisher's own uploads or https
 * addresses, and shown through short-lived links. CloudBase storage is creator-only, so a link is the
 * only way anyone else sees an uploaded image; links are reused within an instance while they have
 * more than half their life left, so a busy list does not ask for them on every call.
 */
import { randomBytes } from 'crypto'
import type { ImageUploadsRequest, UploadsResponse } from '@api/org'
import { imagePath, isPublishableImage, storedPath, type ImageFailure, type ImageScope } from '../domain/files/uploads'
import { can, isDistrictAdmin } from '../domain/policy'
import { FILE_LINK_TTL_SECONDS } from '../platform/platform'
import { findUnit } from '../store/units'
import { homeDistrictId } from '../config'
import { requireActor } from './actor'
import type { AppContext, SignedInContext } from './context'
import { allow, found, refuse } from './refusal'

/** Upload names for images `unitId` (or, when null, the district) will publish: its organisers and the district admin. */
export async function imageUploads(ctx: SignedInContext, input: ImageUploadsRequest): Promise<UploadsResponse> {
  const actor = await requireActor(ctx)
  let scope: ImageScope
  if (input.unitId) {
    const unit = found(await findUnit(ctx.db, input.unitId), 'unit')
    allow<ImageFailure>(can.manageEvents(actor, unit), { kind: 'notImagePublisher' })
    scope = { districtId: unit.districtId, unitId: unit.id }
  } else {
    const districtId = homeDistrictId()
    allow<ImageFailure>(isDistrictAdmin(actor, districtId), { kind: 'notImagePublisher' })
    scope = { districtId, unitId: null }
  }
  const uploads = await Promise.all(
    input.files.map(async (ext) => {
      const cloudPath = imagePath(scope, randomBytes(16).toString('hex'), ext)
      return { cloudPath, uploadUrl: await ctx.platform.uploadTicket(cloudPath, ctx.now) }
    }),
  )
  return { uploads }
}

/** Refuses, before anything is stored, an image that is neither https nor the publisher's own upload. */
export function checkImages(refs: (string | null | undefined)[], scope: ImageScope): void {
  for (const ref of refs) {
    if (ref && !isPublishableImage(ref, scope)) refuse<ImageFailure>({ kind: 'imageNotUploaded' })
  }
}

/** Image reference → what a page shows. */
export type ImageLinks = ReadonlyMap<string, string>

const CACHE_LIMIT = 5000
const cache = new Map<string, { url: string; until: number }>()

/**
 * The display links of these stored image references: https addresses as they are, uploads through
 * fresh links (cached while more than half their life is left), anything else (a retired local
 * `/files/` path, a missing file) not shown.
 */
export async function imageLinks(
  ctx: Pick<AppContext, 'platform' | 'now'>,
  refs: (string | null | undefined)[],
): Promise<ImageLinks> {
  const links = new Map<string, string>()
  const wanted: string[] = []
  const now = ctx.now.getTime()
  for (const ref of new Set(refs)) {
    if (!ref) continue
    if (ref.startsWith('https://')) links.set(ref, ref)
    else if (storedPath(ref)) {
      const hit = cache.get(ref)
      if (hit && hit.until > now) links.set(ref, hit.url)
      else wanted.push(ref)
    }
  }
  if (wanted.length) {
    const fresh = await ctx.platform.fileLinks(wanted, ctx.now)
    if (cache.size + wanted.length > CACHE_LIMIT) cache.clear()
    for (const [i, ref] of wanted.entries()) {
      const url = fresh[i]
      if (!url) continue
      links.set(ref, url)
      cache.set(ref, { url, until: now + (FILE_LINK_TTL_SECONDS * 1000) / 2 })
    }
  }
  return links
}

/** The link to show for `ref`, or null. */
export const shownImage = (links: ImageLinks, ref: string | null | undefined): string | null =>
  (ref && links.get(ref)) || null
