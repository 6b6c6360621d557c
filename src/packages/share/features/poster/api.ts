/** Typed calls of the `activity` function for the poster. */
import type { ActivityDetail, ActivityPosterCode } from '@api/activity'
import { callFunction } from '@/services/cloud'

export function getActivity(id: string): Promise<ActivityDetail> {
  return callFunction('activity', 'get', { id })
}

export function getPosterCode(id: string): Promise<ActivityPosterCode> {
  return callFunction('activity', 'posterCode', { id })
}
