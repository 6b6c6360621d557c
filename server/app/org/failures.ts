/** Every failure the org use cases answer with; the org function's table words each one. */
import type { CommonFailure } from '../../domain/failure'
import type { InviteFailure } from '../../domain/invite-code'
import type { YouthGroupFailure } from '../../domain/youth-group'

export type OrgFailure =
  | CommonFailure
  | InviteFailure
  | { kind: 'duplicateUnitName' }
  | { kind: 'rejectWithoutReason' }
  /** Only the district admin reviews applications and sees the pending ones. */
  | { kind: 'notReviewer'; to: 'review' | 'seePending' }
  | { kind: 'alreadyReviewed' }
  /** Only the unit's admin (or the district admin) edits the unit, invites, and changes members. */
  | { kind: 'notUnitAdmin'; to: 'edit' | 'invite' | 'setRoles' }
  | { kind: 'unitNotAdmitted' }
  /** Someone from outside the unit joins by invite code; only the district admin appoints them. */
  | { kind: 'outsiderNeedsInvite' }
  | { kind: 'lastAdmin' }
  /** Only the district admin reads the audit log. */
  | { kind: 'notAuditor' }
  | { kind: 'invalidCursor' }
  /** Registered youth groups (youth-groups.ts). */
  | YouthGroupFailure
  | { kind: 'groupMissing' }
  | { kind: 'duplicateGroupName' }
  /** Only the district admin reviews and suspends youth groups. */
  | { kind: 'notGroupReviewer' }
