/** The star pages' calls of the `star` function, and the evidence photos' upload. */
import type { MyStars, ReviewEvidence, StarEvidence, StarEvidenceState } from '@api/star'
import { callFunction } from '@/services/cloud'
import { uploadPrivate } from '@/services/files'
import { imageKindOf, pickPhotos } from '@/features/images/upload'

export const STAR_PAGES = '/packages/stars/pages'
export const MAX_PHOTOS = 6

export const myStars = (year: number): Promise<MyStars> => callFunction('star', 'mine', { year })

/** Picks up to `count` photos and uploads them to names the server gives for the unit; answers their file ids. */
export async function pickEvidencePhotos(
  unitId: string,
  count: number,
): Promise<{ fileId: string; preview: string }[]> {
  const files = await pickPhotos(count)
  if (!files.length) return []
  const { uploads } = await callFunction('star', 'evidenceUploads', {
    unitId,
    files: files.map((f) => imageKindOf(f.path, f.type)),
  })
  return Promise.all(files.map(async (f, i) => ({ fileId: await uploadPrivate(uploads[i], f.path), preview: f.path })))
}

export const submitEvidence = (input: {
  indicatorId: string
  unitId: string
  note: string
  fileIds: string[]
}): Promise<StarEvidence> => callFunction('star', 'submitEvidence', input)

export const reviewList = (unitId: string, state: StarEvidenceState): Promise<ReviewEvidence[]> =>
  callFunction('star', 'reviewList', { unitId, state })

export const approveEvidence = (evidenceId: string): Promise<ReviewEvidence> =>
  callFunction('star', 'review', { evidenceId, decision: 'approve' })

export const declineEvidence = (evidenceId: string, reason: string): Promise<ReviewEvidence> =>
  callFunction('star', 'review', { evidenceId, decision: 'decline', reason })

export const evidencePhotos = (evidenceId: string): Promise<{ urls: string[] }> =>
  callFunction('star', 'evidencePhotos', { evidenceId })

export const EVIDENCE_STATE_NAMES: Record<StarEvidenceState, string> = {
  pending: '待审核',
  approved: '已通过',
  declined: '未通过',
}
