/** The organiser's calls of the `hours` function. */
import type { HoursSettingsRequest, MakeupRequest } from '@api/hours'
import type { UploadImageExt } from '@contract/files'
import { callFunction } from '@/services/cloud'

export const getReview = (activityId: string) => callFunction('hours', 'review', { activityId })
export const getPreview = (activityId: string) => callFunction('hours', 'preview', { activityId })
export const closeHours = (activityId: string) => callFunction('hours', 'close', { activityId })
export const confirmHours = (activityId: string) => callFunction('hours', 'confirm', { activityId })
export const saveHoursSettings = (req: HoursSettingsRequest) => callFunction('hours', 'settings', req)
export const adjustEntry = (entryId: string, hours: number, reason: string) =>
  callFunction('hours', 'adjust', { entryId, hours, reason })
export const declineEntry = (entryId: string, reason: string) => callFunction('hours', 'decline', { entryId, reason })
export const addMakeup = (req: MakeupRequest) => callFunction('hours', 'makeup', req)
export const entryHistory = (entryId: string) => callFunction('hours', 'history', { entryId })
export const evidenceUploads = (activityId: string, files: UploadImageExt[]) =>
  callFunction('hours', 'evidenceUploads', { activityId, files })
export const evidencePhotos = (entryId: string) => callFunction('hours', 'evidencePhotos', { entryId })
