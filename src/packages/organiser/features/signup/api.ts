/** The organiser's calls of the `signup` function. */
import type { NoticeKind, RegistrationState, RosterAttendance, SignupSettings } from '@api/signup'
import { callFunction } from '@/services/cloud'

export const ROSTER_PAGE = 50

export const getSummary = (activityId: string) => callFunction('signup', 'summary', { activityId })
export const saveSettings = (activityId: string, settings: SignupSettings) =>
  callFunction('signup', 'settings', { activityId, settings })

export interface RosterFilter {
  state?: RegistrationState
  quotaKey?: string
  /** A name, or the last 4 or more digits of a phone number. */
  search?: string
  attendance?: RosterAttendance
}

export function listRoster(activityId: string, filter: RosterFilter, cursor?: string) {
  return callFunction('signup', 'roster', {
    activityId,
    limit: ROSTER_PAGE,
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.quotaKey ? { quotaKey: filter.quotaKey } : {}),
    ...(filter.search ? { search: filter.search } : {}),
    ...(filter.attendance ? { attendance: filter.attendance } : {}),
    ...(cursor ? { cursor } : {}),
  })
}

export const sendNotice = (activityId: string, kind: NoticeKind, text: string) =>
  callFunction('signup', 'sendNotice', { activityId, kind, text })
export const listNotices = (activityId: string) => callFunction('signup', 'notices', { activityId })

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
