import { useCallback, useRef, useState } from 'react'
import type { OfflineRoster } from '@api/checkin'
import { getOfflineRoster, syncTicketScans } from '../api'
import {
  enqueue,
  mergeOutcomes,
  nextBatch,
  verifyOffline,
  type Direction,
  type QueuedScan,
  type SyncProblem,
} from '../offline'
import { loadClockOffset, loadQueue, loadRoster, saveClockOffset, saveQueue, saveRoster } from '../storage'

export interface SyncReport {
  sent: number
  recorded: number
  repeated: number
  problems: number
  /** Set when a call failed: what is left stays queued. */
  error?: unknown
}

/**
 * The scanner's offline side for one event: the downloaded roster and the queue of scans waiting
 * for the server, both kept in the device storage (written on every change), and syncing them.
 */
export function useOfflineQueue(activityId: string) {
  const [roster, setRoster] = useState<OfflineRoster | null>(() => loadRoster(activityId))
  const [queue, setQueueState] = useState<QueuedScan[]>(() => loadQueue(activityId))
  const [problems, setProblems] = useState<SyncProblem[]>([])
  const [syncing, setSyncing] = useState(false)
  const queueRef = useRef(queue)
  const rosterRef = useRef(roster)
  const syncingRef = useRef(false)
  // Offline scans are stamped with the server's time as best known: a phone whose clock is off
  // would otherwise send scans the server refuses as "in the future" or outside the window.
  const clockOffset = useRef(loadClockOffset(activityId))
  const now = useCallback(() => new Date(Date.now() + clockOffset.current), [])

  const setQueue = useCallback(
    (next: QueuedScan[]) => {
      queueRef.current = next
      saveQueue(activityId, next)
      setQueueState(next)
    },
    [activityId],
  )

  const add = useCallback((scan: QueuedScan) => setQueue(enqueue(queueRef.current, scan)), [setQueue])

  /** A ticket checked against the roster and the queue as they are now. */
  const verify = useCallback(
    (token: string, direction: Direction) =>
      verifyOffline(rosterRef.current, token, direction, queueRef.current, now()),
    [now],
  )

  const download = useCallback(async () => {
    const r = await getOfflineRoster(activityId)
    saveRoster(r)
    clockOffset.current = Date.parse(r.generatedAt) - Date.now()
    saveClockOffset(activityId, clockOffset.current)
    rosterRef.current = r
    setRoster(r)
    return r
  }, [activityId])

  /** Sends the queue in batches of at most MAX_SYNC_BATCH; null when there was nothing to do. */
  const sync = useCallback(async (): Promise<SyncReport | null> => {
    if (syncingRef.current || queueRef.current.length === 0) return null
    syncingRef.current = true
    setSyncing(true)
    const report: SyncReport = { sent: 0, recorded: 0, repeated: 0, problems: 0 }
    try {
      while (queueRef.current.length) {
        const batch = nextBatch(queueRef.current)
        const res = await syncTicketScans({ activityId, scans: batch })
        // Against the queue as it is now: scans added while the call was out stay queued.
        const before = queueRef.current.length
        const merged = mergeOutcomes(queueRef.current, res.outcomes, rosterRef.current)
        setQueue(merged.queue)
        report.sent += batch.length
        report.recorded += merged.recorded
        report.repeated += merged.repeated
        report.problems += merged.problems.length
        if (merged.problems.length) setProblems((p) => [...merged.problems, ...p])
        // An answer that settles nothing would loop forever: stop, the rest waits.
        if (merged.queue.length >= before) break
      }
    } catch (error) {
      report.error = error
    } finally {
      syncingRef.current = false
      setSyncing(false)
    }
    return report
  }, [activityId, setQueue])

  return { roster, queue, problems, syncing, add, verify, download, sync, now, clearProblems: () => setProblems([]) }
}
