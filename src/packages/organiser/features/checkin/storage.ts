/**
 * The scanner's offline state in the device storage, per event: it survives closing the
 * mini-program, so scans made without network are sent the next time.
 */
import Taro from '@tarojs/taro'
import type { OfflineRoster } from '@api/checkin'
import { parseQueue, parseRoster, type QueuedScan } from './offline'

export const rosterKey = (activityId: string) => `qingju.checkin.roster.${activityId}`
export const queueKey = (activityId: string) => `qingju.checkin.queue.${activityId}`
export const clockKey = (activityId: string) => `qingju.checkin.clock.${activityId}`

function read(key: string): unknown {
  try {
    return Taro.getStorageSync(key) || null
  } catch {
    return null
  }
}

export const loadRoster = (activityId: string): OfflineRoster | null =>
  parseRoster(read(rosterKey(activityId)), activityId)
export const loadQueue = (activityId: string): QueuedScan[] => parseQueue(read(queueKey(activityId)))

/** Throws when the device storage is full: the caller must say so. */
export function saveRoster(roster: OfflineRoster): void {
  Taro.setStorageSync(rosterKey(roster.activityId), roster)
}

export function saveQueue(activityId: string, queue: readonly QueuedScan[]): void {
  if (queue.length) Taro.setStorageSync(queueKey(activityId), queue)
  else Taro.removeStorageSync(queueKey(activityId))
}

/** How far the server's clock was ahead of this phone's when the roster came (ms; 0 if unknown). */
export function loadClockOffset(activityId: string): number {
  const v = read(clockKey(activityId))
  return typeof v === 'number' && Number.isFinite(v) ? v : 0
}

export function saveClockOffset(activityId: string, offsetMs: number): void {
  Taro.setStorageSync(clockKey(activityId), offsetMs)
}
