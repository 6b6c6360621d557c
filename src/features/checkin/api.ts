/** The young person's calls of the `checkin` function (detail page, 我的活动). */
import type { ScanRequest } from '@api/checkin'
import { callFunction } from '@/services/cloud'

export const getMyCheckin = (activityId: string) => callFunction('checkin', 'mine', { activityId })
export const scanSiteCode = (req: ScanRequest) => callFunction('checkin', 'scan', req)
export const getTicket = (activityId: string) => callFunction('checkin', 'ticket', { activityId })
