/** The organiser's calls of the `checkin` function: the rotating code, the board, the ticket scanner. */
import type { SyncRequest, TicketScanRequest } from '@api/checkin'
import { callFunction } from '@/services/cloud'
import type { Direction } from './offline'

export const getSiteCode = (activityId: string, direction: Direction) =>
  callFunction('checkin', 'siteCode', { activityId, direction })
export const getBoard = (activityId: string) => callFunction('checkin', 'board', { activityId })
export const scanTicket = (req: TicketScanRequest) => callFunction('checkin', 'scanTicket', req)
export const getOfflineRoster = (activityId: string) => callFunction('checkin', 'offlineRoster', { activityId })
export const syncTicketScans = (req: SyncRequest) => callFunction('checkin', 'syncTicketScans', req)
/** A walk-in, named by the identity code (身份码) scanned from the person's own screen. */
export const walkIn = (activityId: string, identityToken: string, nonce: string) =>
  callFunction('checkin', 'walkIn', { activityId, identityToken, nonce })
