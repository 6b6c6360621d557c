/**
 * Registered youth groups (青年社团 / 青年自组织): who may lead one, how its review moves, and when
 * it may book a venue. Pure: the services read the facts, these answer a typed failure or null.
 */
import { MAX_GROUPS_PER_LEADER, type YouthGroupState } from '@contract/youth-group'
import type { FacilityBookers } from '@contract/venue'
import { isReachablePhone } from './signup/identity'

/** What the leader must have on record: a phone bound (verified) from WeChat's phone button, and a real name. */
export type LeaderItem = 'phone' | 'realName'

export type YouthGroupFailure =
  | { kind: 'leaderIdentityMissing'; missing: LeaderItem[] }
  | { kind: 'tooManyGroups'; max: number }
  /** Only a pending application is approved or declined. */
  | { kind: 'groupNotPending' }
  /** Only an approved group is suspended. */
  | { kind: 'groupNotApproved' }
  | { kind: 'declineGroupWithoutReason' }

export interface LeaderFacts {
  phone: string | null
  phoneVerifiedAt: Date | null
  realName: string | null
}

export function checkLeader(p: LeaderFacts): YouthGroupFailure | null {
  const missing: LeaderItem[] = []
  if (!p.phoneVerifiedAt || !isReachablePhone(p.phone)) missing.push('phone')
  if (!p.realName?.trim()) missing.push('realName')
  return missing.length ? { kind: 'leaderIdentityMissing', missing } : null
}

/** The groups a person leads that still count (pending, approved, suspended; not declined). */
export const COUNTED_STATES: readonly YouthGroupState[] = ['pending', 'approved', 'suspended']

export function checkGroupQuota(leading: number, max = MAX_GROUPS_PER_LEADER): YouthGroupFailure | null {
  return leading >= max ? { kind: 'tooManyGroups', max } : null
}

/** The review: pending → approved | declined (a reason is required to decline). */
export function checkDecision(
  state: YouthGroupState,
  decision: 'approve' | 'decline',
  reason: string | null,
): YouthGroupFailure | null {
  if (decision === 'decline' && !reason) return { kind: 'declineGroupWithoutReason' }
  return state === 'pending' ? null : { kind: 'groupNotPending' }
}

/** approved → suspended. */
export function checkSuspend(state: YouthGroupState): YouthGroupFailure | null {
  return state === 'approved' ? null : { kind: 'groupNotApproved' }
}

export type GroupBookingFailure =
  | { kind: 'notGroupLeader' }
  | { kind: 'groupCannotBook'; state: YouthGroupState }
  | { kind: 'facilityUnitsOnly' }
  | { kind: 'groupBookingWithEvent' }

/**
 * Booking as a group: only its leader, only while it is approved, only a facility whose rules admit
 * groups, and never for an event (events belong to units).
 */
export function checkGroupBooking(args: {
  group: { leaderId: string; state: YouthGroupState }
  callerId: string
  bookers: FacilityBookers
  activityId: string | null
}): GroupBookingFailure | null {
  if (args.group.leaderId !== args.callerId) return { kind: 'notGroupLeader' }
  if (args.group.state !== 'approved') return { kind: 'groupCannotBook', state: args.group.state }
  if (args.bookers !== 'units_and_groups') return { kind: 'facilityUnitsOnly' }
  if (args.activityId) return { kind: 'groupBookingWithEvent' }
  return null
}
