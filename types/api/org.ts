/**
 * API contract of the `org` cloud function: member units (成员单位) of a district youth work
 * committee — applying to join, admission by the district admin, profiles and co-organisers.
 */
import * as z from 'zod'
import { phone, text, uploadFiles, type UploadsResponse } from './common'

import { INVITE_CODE, UNIT_KINDS, type UnitKind, type UnitRole, type UnitStatus } from '../contract/org'
import { AUDIT_KINDS, type AuditKind } from '../contract/audit'
import type { YouthGroupActions } from './youth-group'

// Runtime constants live in a zod-free module pages may import; re-exported for existing imports.
export {
  INVITE_CODE,
  UNIT_KINDS,
  UNIT_KIND_NAMES,
  UNIT_ROLES,
  UNIT_STATUSES,
  type UnitKind,
  type UnitRole,
  type UnitStatus,
} from '../contract/org'

export const unitApplyRequest = z.strictObject({
  name: text(2, 60).meta({ label: '单位名称' }),
  kind: z.enum(UNIT_KINDS).meta({ label: '单位类型' }),
  contactName: text(1, 20),
  contactPhone: phone(),
  intro: text(0, 500).default(''),
})
export type UnitApplyRequest = z.input<typeof unitApplyRequest>

export const unitReviewRequest = z.strictObject({
  unitId: z.uuid(),
  decision: z.enum(['admit', 'reject']),
  /** Required when rejecting: the applicant sees it. */
  reason: text(0, 200).optional(),
})
export type UnitReviewRequest = z.input<typeof unitReviewRequest>

export const unitListRequest = z
  .strictObject({
    status: z.enum(['pending', 'admitted', 'rejected']).default('admitted'),
  })
  .optional()
export type UnitListRequest = z.input<typeof unitListRequest>

export const unitGetRequest = z.strictObject({ unitId: z.uuid() })
export type UnitGetRequest = z.input<typeof unitGetRequest>

export const unitUpdateRequest = z.strictObject({
  unitId: z.uuid(),
  name: text(2, 60).meta({ label: '单位名称' }).optional(),
  kind: z.enum(UNIT_KINDS).meta({ label: '单位类型' }).optional(),
  contactName: text(1, 20).optional(),
  contactPhone: phone().optional(),
  intro: text(0, 500).optional(),
})
export type UnitUpdateRequest = z.input<typeof unitUpdateRequest>

export const inviteCreateRequest = z.strictObject({ unitId: z.uuid() })
export type InviteCreateRequest = z.input<typeof inviteCreateRequest>

/** Share codes are 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const inviteAcceptRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(INVITE_CODE, { message: '邀请码为 8 位字母和数字（不含 0、1、I、L、O）' })
    .meta({ label: '邀请码' }),
})
export type InviteAcceptRequest = z.input<typeof inviteAcceptRequest>

export const memberListRequest = z.strictObject({ unitId: z.uuid() })
export type MemberListRequest = z.input<typeof memberListRequest>

export const memberSetRoleRequest = z.strictObject({
  unitId: z.uuid(),
  userId: z.uuid(),
  /** null removes the person from the unit's organisers. */
  role: z.enum(['admin', 'organiser']).nullable(),
})
export type MemberSetRoleRequest = z.input<typeof memberSetRoleRequest>

export interface Unit {
  id: string
  districtId: string
  name: string
  kind: UnitKind
  intro: string
  status: UnitStatus
}

/** A unit in a list: applications (pending, rejected) carry what the reviewer needs; admitted units none. */
export interface UnitListItem extends Unit {
  application: {
    contactName: string
    contactPhone: string
    submittedAt: string
    reviewReason: string | null
    reviewedAt: string | null
  } | null
}

/** What organisers of the unit and the district admin see. */
export interface UnitDetail extends Unit {
  contactName: string
  /** Masked (138****5678) for anyone but the unit's organisers and the district admin. */
  contactPhone: string
  reviewReason: string | null
  reviewedAt: string | null
  createdAt: string
  /** The caller's role in this unit, if any. */
  myRole: UnitRole | null
}

export interface UnitMember {
  userId: string
  nickname: string
  role: UnitRole
}

export interface Invite {
  code: string
  unitId: string
  expiresAt: string
}

/** Units (here) and registered youth groups (youth-group.ts). */
export interface OrgActions extends YouthGroupActions {
  apply: { request: UnitApplyRequest; response: UnitDetail }
  review: { request: UnitReviewRequest; response: UnitDetail }
  units: { request: UnitListRequest; response: { items: UnitListItem[] } }
  unit: { request: UnitGetRequest; response: UnitDetail }
  updateUnit: { request: UnitUpdateRequest; response: UnitDetail }
  createInvite: { request: InviteCreateRequest; response: Invite }
  acceptInvite: { request: InviteAcceptRequest; response: UnitDetail }
  members: { request: MemberListRequest; response: { items: UnitMember[] } }
  setMemberRole: { request: MemberSetRoleRequest; response: { items: UnitMember[] } }
  /** The units the caller applied for, newest first, whatever their status. */
  myApplications: { request: Record<string, never> | undefined; response: { items: UnitDetail[] } }
  /** District admin only: reads of whole phone numbers (rosters, exports), newest first. */
  auditLog: { request: AuditLogRequest; response: AuditLogPage }
  /** Upload names for images a unit (or, unitId null, the district) publishes: event covers, venue photos. */
  imageUploads: { request: ImageUploadsRequest; response: UploadsResponse }
}

export type { UploadsResponse, UploadTarget } from './common'

/** Images a unit publishes (or the district, with unitId null): its organisers and the district admin may ask. */
export const imageUploadsRequest = z.strictObject({ unitId: z.uuid().nullable(), files: uploadFiles() })
export type ImageUploadsRequest = z.input<typeof imageUploadsRequest>

// The audit log (district admin only): reads of whole phone numbers, newest first.
export { AUDIT_KINDS, AUDIT_KIND_NAMES, type AuditKind } from '../contract/audit'

export const auditLogRequest = z
  .strictObject({
    /** Opaque cursor from the previous page's `nextCursor`. */
    cursor: z.string().min(1).max(200).optional(),
    kind: z.enum(AUDIT_KINDS).optional(),
  })
  .optional()
export type AuditLogRequest = z.input<typeof auditLogRequest>

export interface AuditEntry {
  id: string
  /** ISO instant. */
  at: string
  kind: AuditKind
  /** Who read: their real name, else their nickname. */
  actor: { userId: string; name: string }
  /** What about: an event (with its unit), or a year (and month) of the district. */
  object:
    | { type: 'activity'; id: string; title: string; unitName: string }
    | { type: 'period'; year: number; month: number | null }
  /** People whose whole phone numbers were shown or exported. */
  people: number
}

export interface AuditLogPage {
  items: AuditEntry[]
  nextCursor: string | null
}
