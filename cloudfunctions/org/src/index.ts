/** Cloud function `org`: member units — applying, admission, profiles, co-organisers. */
import * as z from 'zod'
import {
  auditLogRequest,
  imageUploadsRequest,
  inviteAcceptRequest,
  inviteCreateRequest,
  memberListRequest,
  memberSetRoleRequest,
  unitApplyRequest,
  unitGetRequest,
  unitListRequest,
  unitReviewRequest,
  unitUpdateRequest,
  type OrgActions,
} from '@api/org'
import {
  youthGroupApplyRequest,
  youthGroupDecideRequest,
  youthGroupListRequest,
  youthGroupSuspendRequest,
} from '@api/youth-group'
import { auditLog } from '../../../server/app/audit/log'
import { imageUploads } from '../../../server/app/images'
import type { OrgFailure } from '../../../server/app/org/failures'
import { acceptInvite, createInvite } from '../../../server/app/org/invites'
import { members, setRole } from '../../../server/app/org/members'
import {
  applyForUnit,
  getUnit,
  myApplications,
  reviewUnit,
  unitsByStatus,
  updateUnit,
} from '../../../server/app/org/units'
import {
  applyYouthGroup,
  decideYouthGroup,
  myYouthGroups,
  suspendYouthGroup,
  youthGroupsInState,
} from '../../../server/app/org/youth-groups'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { orgFailures } from './failures'

export const actions = withFailures<OrgActions, OrgFailure>(
  {
    apply: action({ access: 'signed_in', input: unitApplyRequest, handle: (input, ctx) => applyForUnit(ctx, input) }),
    review: action({ access: 'signed_in', input: unitReviewRequest, handle: (input, ctx) => reviewUnit(ctx, input) }),
    units: action({
      access: 'public',
      input: unitListRequest.default({ status: 'admitted' }),
      handle: (input, ctx) => unitsByStatus(ctx, input.status),
    }),
    unit: action({ access: 'public', input: unitGetRequest, handle: (input, ctx) => getUnit(ctx, input.unitId) }),
    updateUnit: action({
      access: 'signed_in',
      input: unitUpdateRequest,
      handle: (input, ctx) => updateUnit(ctx, input),
    }),
    createInvite: action({
      access: 'signed_in',
      input: inviteCreateRequest,
      handle: (input, ctx) => createInvite(ctx, input.unitId),
    }),
    acceptInvite: action({
      access: 'signed_in',
      input: inviteAcceptRequest,
      handle: (input, ctx) => acceptInvite(ctx, input.code),
    }),
    members: action({
      access: 'signed_in',
      input: memberListRequest,
      handle: (input, ctx) => members(ctx, input.unitId),
    }),
    myApplications: action({
      access: 'signed_in',
      input: z.strictObject({}).optional(),
      handle: (_input, ctx) => myApplications(ctx),
    }),
    setMemberRole: action({
      access: 'signed_in',
      input: memberSetRoleRequest,
      handle: (input, ctx) => setRole(ctx, input),
    }),
    auditLog: action({ access: 'signed_in', input: auditLogRequest, handle: (input, ctx) => auditLog(ctx, input) }),
    imageUploads: action({
      access: 'signed_in',
      input: imageUploadsRequest,
      handle: (input, ctx) => imageUploads(ctx, input),
    }),
    applyYouthGroup: action({
      access: 'signed_in',
      input: youthGroupApplyRequest,
      handle: (input, ctx) => applyYouthGroup(ctx, input),
    }),
    myYouthGroups: action({
      access: 'signed_in',
      input: z.strictObject({}).optional(),
      handle: (_input, ctx) => myYouthGroups(ctx),
    }),
    youthGroups: action({
      access: 'signed_in',
      input: youthGroupListRequest,
      handle: (input, ctx) => youthGroupsInState(ctx, input),
    }),
    decideYouthGroup: action({
      access: 'signed_in',
      input: youthGroupDecideRequest,
      handle: (input, ctx) => decideYouthGroup(ctx, input),
    }),
    suspendYouthGroup: action({
      access: 'signed_in',
      input: youthGroupSuspendRequest,
      handle: (input, ctx) => suspendYouthGroup(ctx, input),
    }),
  },
  orgFailures,
)

export const main = createFunction<OrgActions>('org', actions)
