import type { YouthGroupState } from '@api/youth-group'
import { callFunction } from '@/services/cloud'

/** The district's youth groups in one state (district admin only). */
export const listYouthGroups = (state: YouthGroupState) => callFunction('org', 'youthGroups', { state })

export const decideYouthGroup = (groupId: string, decision: 'approve' | 'decline', reason?: string) =>
  callFunction('org', 'decideYouthGroup', { groupId, decision, ...(reason ? { reason } : {}) })

export const suspendYouthGroup = (groupId: string, reason: string) =>
  callFunction('org', 'suspendYouthGroup', { groupId, reason })
