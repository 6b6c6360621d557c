/** The organiser's calls of the `signup` function. */
import type { RegistrationState, SignupSettings } from '@api/signup'
import { callFunction } from '@/services/cloud'

export const ROSTER_PAGE = 50

export const getSummary = (activityId: string) => callFunction('signup', 'summary', { activityId })
export const saveSettings = (activityId: string, settings: SignupSettings) =>
  callFunction('signup', 'settings', { activityId, settings })

export function listRoster(
  activityId: string,
  filter: { state?: RegistrationState; quotaKey?: string },
  cursor?: string,
) {
  return callFunction('signup', 'roster', {
    activityId,
    limit: ROSTER_PAGE,
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.quotaKey ? { quotaKey: filter.quotaKey } : {}),
    ...(cursor ? { cursor } : {}),
  })
}

export const approve = (registrationId: string) =>
  callFunction('signup', 'decide', { registrationId, decision: 'approve' })
export const reject = (registrationId: string, reason: string) =>
  callFunction('signup', 'decide', { registrationId, decision: 'reject', reason })
export const promote = (registrationId: string) => callFunction('signup', 'promote', { registrationId })
export const moveQuota = (registrationId: string, quotaKey: string) =>
  callFunction('signup', 'moveQuota', { registrationId, quotaKey })
export const markAttendance = (registrationId: string, outcome: 'attended' | 'no_show') =>
  callFunction('signup', 'attendance', { registrationId, outcome })
export const draw = (activityId: string, seed?: string) =>
  callFunction('signup', 'draw', { activityId, ...(seed ? { seed } : {}) })
export const pick = (activityId: string, registrationIds: string[]) =>
  callFunction('signup', 'pick', { activityId, registrationIds })
export const exportRoster = (activityId: string) => callFunction('signup', 'exportRoster', { activityId })
