/** Typed calls of the `activity` cloud function used by the activity feature. */
import type { ActivityDetail, ActivityListRequest, ActivityListResponse, CategoryListResponse } from '@api/activity'
import { callFunction } from '@/services/cloud'

export const PAGE_SIZE = 20

export function listActivities(req: ActivityListRequest): Promise<ActivityListResponse> {
  return callFunction('activity', 'list', { limit: PAGE_SIZE, ...req })
}

export function listCategories(): Promise<CategoryListResponse> {
  return callFunction('activity', 'categories', {})
}

export function getActivity(id: string): Promise<ActivityDetail> {
  return callFunction('activity', 'get', { id })
}
