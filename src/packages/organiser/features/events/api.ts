/** The organiser's calls of the `activity` function. */
import type { ActivityChange, ActivityCreateRequest, ActivityUpdateRequest, CategoryListResponse } from '@api/activity'
import type { Booking } from '@api/venue'
import type { EventState } from '@contract/activity'
import { callFunction } from '@/services/cloud'

export type { EventState }

export const createEvent = (req: ActivityCreateRequest) => callFunction('activity', 'create', req)
export const updateEvent = (req: ActivityUpdateRequest) => callFunction('activity', 'update', req)
export const publishEvent = (id: string) => callFunction('activity', 'publish', { id })
export const cancelEvent = (id: string, reason: string, releaseBookings: boolean) =>
  callFunction('activity', 'cancel', { id, reason, releaseBookings })
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

/**
 * The venue bookings a cancelled event would give back: this event's requests and approved bookings
 * that have not started (the server releases those still before their cancellation deadline).
 */
export async function releasableBookings(
  unitId: string,
  activityId: string,
  now: Date = new Date(),
): Promise<Booking[]> {
  const { items } = await callFunction('venue', 'unitBookings', { unitId, activityId })
  return items.filter((b) => (b.state === 'pending' || b.state === 'approved') && Date.parse(b.startAt) > now.getTime())
}
