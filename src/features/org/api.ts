/** Typed calls of the `org` cloud function (member units). */
import type {
  Invite,
  UnitApplyRequest,
  UnitDetail,
  UnitListItem,
  UnitMember,
  UnitRole,
  UnitStatus,
  UnitUpdateRequest,
} from '@api/org'
import { callFunction } from '@/services/cloud'

export function listUnits(status: UnitStatus = 'admitted'): Promise<{ items: UnitListItem[] }> {
  return callFunction('org', 'units', { status })
}

export function getUnit(unitId: string): Promise<UnitDetail> {
  return callFunction('org', 'unit', { unitId })
}

export function applyUnit(req: UnitApplyRequest): Promise<UnitDetail> {
  return callFunction('org', 'apply', req)
}

export function updateUnit(req: UnitUpdateRequest): Promise<UnitDetail> {
  return callFunction('org', 'updateUnit', req)
}

export function reviewUnit(unitId: string, decision: 'admit' | 'reject', reason?: string): Promise<UnitDetail> {
  return callFunction('org', 'review', { unitId, decision, ...(reason ? { reason } : {}) })
}

export function createInvite(unitId: string): Promise<Invite> {
  return callFunction('org', 'createInvite', { unitId })
}

export function acceptInvite(code: string): Promise<UnitDetail> {
  return callFunction('org', 'acceptInvite', { code })
}

export function listMembers(unitId: string): Promise<{ items: UnitMember[] }> {
  return callFunction('org', 'members', { unitId })
}

export function setMemberRole(unitId: string, userId: string, role: UnitRole | null): Promise<{ items: UnitMember[] }> {
  return callFunction('org', 'setMemberRole', { unitId, userId, role })
}

export function myApplications(): Promise<{ items: UnitDetail[] }> {
  return callFunction('org', 'myApplications', {})
}
