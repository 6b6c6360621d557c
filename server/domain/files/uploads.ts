/**
 * Files people upload from their phones: where they are stored and whose they are. Two kinds:
 * - evidence photos (make-up evidence; later, star evidence): private, under the event they prove;
 * - published images (event covers, venue photos): for everyone to see, under the unit (or district)
 *   that publishes them.
 * The server hands out every upload name, so each one sits under its owner's prefix and ends in 128
 * random bits: nobody can guess a name, and a record can only point at a file uploaded for its owner.
 * Either kind is seen only through short-lived links. Pure: the random part comes in from the caller.
 */

import { createHash } from 'crypto'
import { UPLOAD_IMAGE_EXTS, type UploadImageExt } from '@contract/files'

// Image kinds the phone pickers produce (the upload name keeps the extension): part of the contract.
export { UPLOAD_IMAGE_EXTS, type UploadImageExt }

/** How large one uploaded photo may be (the pickers send compressed photos, far smaller). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

const RANDOM_PART = /^[0-9a-f]{32}$/
const ID_PART = /^[0-9A-Za-z_-]{1,64}$/

/** The make-up evidence of one event: stored under the event's unit, never public. */
export interface EvidenceScope {
  districtId: string
  unitId: string
  activityId: string
}

const evidencePrefix = (s: EvidenceScope) => `evidence/${s.districtId}/${s.unitId}/${s.activityId}/`

/** The storage path of a new evidence photo: the scope, then 128 random bits (32 hex digits). */
export function evidencePath(scope: EvidenceScope, randomHex: string, ext: UploadImageExt): string {
  if (!RANDOM_PART.test(randomHex)) throw new Error('an upload name needs 128 random bits')
  for (const part of [scope.districtId, scope.unitId, scope.activityId]) {
    if (!ID_PART.test(part)) throw new Error('an upload scope is ids only')
  }
  return `${evidencePrefix(scope)}${randomHex}.${ext}`
}

/**
 * The storage path a file id names: `local://<path>` on the local host, `cloud://<env>.<bucket>/<path>`
 * in CloudBase. Null for anything else (an https URL, a made-up scheme, a path leading upwards).
 */
export function storedPath(fileId: string): string | null {
  let path: string
  if (fileId.startsWith('local://')) path = fileId.slice('local://'.length)
  else {
    const cloud = /^cloud:\/\/[^/\s]+\/(.+)$/.exec(fileId)
    if (!cloud) return null
    path = cloud[1]
  }
  if (path.split('/').some((part) => part === '' || part === '.' || part === '..')) return null
  return path
}

/** Whether `fileId` is an evidence photo uploaded for this event (an upload name the server gave out for it). */
export function isEvidenceOf(fileId: string, scope: EvidenceScope): boolean {
  const path = storedPath(fileId)
  return !!path && path.startsWith(evidencePrefix(scope)) && isRandomName(path.slice(evidencePrefix(scope).length))
}

/** Why an image is refused, as data (server/runtime/failures.ts words it for every function). */
export type ImageFailure =
  /** Neither an https address nor one of the publisher's own uploads. */
  | { kind: 'imageNotUploaded' }
  /** Upload names are for the publisher's organisers (and the district admin). */
  | { kind: 'notImagePublisher' }

/** Who publishes an image: a member unit, or the district itself (its venues). */
export interface ImageScope {
  districtId: string
  /** A unit's id, or null for the district. */
  unitId: string | null
}

const imagePrefix = (s: ImageScope) => `images/${s.districtId}/${s.unitId ?? 'district'}/`

/** The storage path of a new published image: the publisher, then 128 random bits. */
export function imagePath(scope: ImageScope, randomHex: string, ext: UploadImageExt): string {
  if (!RANDOM_PART.test(randomHex)) throw new Error('an upload name needs 128 random bits')
  for (const part of [scope.districtId, scope.unitId ?? 'district']) {
    if (!ID_PART.test(part)) throw new Error('an upload scope is ids only')
  }
  return `${imagePrefix(scope)}${randomHex}.${ext}`
}

function isRandomName(name: string): boolean {
  const [random, ext, ...rest] = name.split('.')
  return rest.length === 0 && RANDOM_PART.test(random) && (UPLOAD_IMAGE_EXTS as readonly string[]).includes(ext)
}

/** Whether `fileId` is an image uploaded for this publisher (an upload name the server gave out to it). */
export function isImageOf(fileId: string, scope: ImageScope): boolean {
  const path = storedPath(fileId)
  return !!path && path.startsWith(imagePrefix(scope)) && isRandomName(path.slice(imagePrefix(scope).length))
}

/**
 * What an image field may hold: an https address (an image elsewhere, shown as it is) or one of the
 * publisher's own uploads. Anything else is refused when saved.
 */
export function isPublishableImage(ref: string, scope: ImageScope): boolean {
  return ref.startsWith('https://') || isImageOf(ref, scope)
}

/** A person's star evidence (摘星证明) submitted to a unit: private, under the unit and the person. */
export interface StarEvidenceScope {
  districtId: string
  unitId: string
  userId: string
}

const starEvidencePrefix = (s: StarEvidenceScope) => `star-evidence/${s.districtId}/${s.unitId}/${s.userId}/`

/** The storage path of a new star evidence photo: the unit and the person, then 128 random bits. */
export function starEvidencePath(scope: StarEvidenceScope, randomHex: string, ext: UploadImageExt): string {
  if (!RANDOM_PART.test(randomHex)) throw new Error('an upload name needs 128 random bits')
  for (const part of [scope.districtId, scope.unitId, scope.userId]) {
    if (!ID_PART.test(part)) throw new Error('an upload scope is ids only')
  }
  return `${starEvidencePrefix(scope)}${randomHex}.${ext}`
}

/** Whether `fileId` is a star evidence photo the person uploaded for that unit (a name the server gave out). */
export function isStarEvidenceOf(fileId: string, scope: StarEvidenceScope): boolean {
  const path = storedPath(fileId)
  const prefix = starEvidencePrefix(scope)
  return !!path && path.startsWith(prefix) && isRandomName(path.slice(prefix.length))
}

/** Whether `path` (a storage path) may be written by a client holding an upload ticket: upload names only. */
export function isUploadPath(path: string): boolean {
  return (
    /^evidence\/[^/]+\/[^/]+\/[^/]+\/[0-9a-f]{32}\.[a-z]+$/.test(path) ||
    /^images\/[^/]+\/[^/]+\/[0-9a-f]{32}\.[a-z]+$/.test(path) ||
    /^star-evidence\/[^/]+\/[^/]+\/[^/]+\/[0-9a-f]{32}\.[a-z]+$/.test(path) ||
    /^avatars\/[^/]+\/[0-9a-f]{32}\.[a-z]+$/.test(path)
  )
}

/**
 * A person's avatar: shown (without a name) on the cards of events they hold a seat at, so its name must
 * not carry the person's id: it sits under a digest of the id (the same for each of their uploads).
 */
const avatarPrefix = (userId: string) =>
  `avatars/${createHash('sha256').update(`avatar:${userId}`).digest('hex').slice(0, 32)}/`

/** The storage path of a new avatar: the person, then 128 random bits. */
export function avatarPath(userId: string, randomHex: string, ext: UploadImageExt): string {
  if (!RANDOM_PART.test(randomHex)) throw new Error('an upload name needs 128 random bits')
  if (!ID_PART.test(userId)) throw new Error('an upload scope is ids only')
  return `${avatarPrefix(userId)}${randomHex}.${ext}`
}

/** Whether `fileId` is an avatar this person uploaded (an upload name the server gave out to them). */
export function isAvatarOf(fileId: string, userId: string): boolean {
  const path = storedPath(fileId)
  const prefix = avatarPrefix(userId)
  return !!path && path.startsWith(prefix) && isRandomName(path.slice(prefix.length))
}
