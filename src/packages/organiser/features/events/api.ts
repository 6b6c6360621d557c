/** The organiser's calls of the `activity` function. */
import type { ActivityChange, ActivityCreateRequest, ActivityUpdateRequest, CategoryListResponse } from '@api/activity'
import type { EventState } from '@contract/activity'
import { callFunction } from '@/services/cloud'

export type { EventState }

export const createEvent = (req: ActivityCreateRequest) => callFunction('activity', 'create', req)
export const updateEvent = (req: ActivityUpdateRequest) => callFunction('activity', 'update', req)
export const publishEvent = (id: string) => callFunction('activity', 'publish', { id })
export const cancelEvent = (id: string, reason: string) => callFunction('activity', 'cancel', { id, reason })
export const finishEvent = (id: string) => callFunction('activity', 'finish', { id })
export const getManaged = (id: string) => callFunction('activity', 'manageGet', { id })
export const listCategories = (): Promise<CategoryListResponse> => callFunction('activity', 'categories', {})

export function listManaged(unitId: string, state: EventState | null, cursor?: string) {
  return callFunction('activity', 'manageList', {
    unitId,
    limit: 20,
    ...(state ? { state } : {}),
    ...(cursor ? { cursor } : {}),
  })
}

export function listChanges(id: string): Promise<{ items: ActivityChange[] }> {
  return callFunction('activity', 'changes', { id })
}
