import { useCallback, useEffect, useRef, useState } from 'react'
import type { MyCheckin, ScanRequest, ScanResult } from '@api/checkin'
import { useAction } from '@/hooks/useAction'
import { useLatest } from '@/hooks/useLatest'
import { errorCode, errorMessage } from '@/utils/errors'
import { getMyCheckin, scanSiteCode } from '../api'
import { newNonce } from '../nonce'

/** What a scan asks for, without its nonce: a scanned code, or an event's 6-digit code. */
export type ScanInput = Omit<ScanRequest, 'nonce'>

export type ScanOutcome =
  | { kind: 'success'; result: ScanResult }
  /** `typed`: the 6 digits were typed, not scanned (the title then speaks of a 签到码, not a QR code). */
  | { kind: 'error'; code: string | null; message: string; typed: boolean }

/** Re-check my state when the window opens while the page is open (not for far-away windows). */
const MAX_WAIT_MS = 6 * 60 * 60 * 1000

/**
 * A young person's check-in at one event: my state (`checkin.mine`) and scans (`checkin.scan`).
 *
 * One nonce per attempt: it is created by the first try and sent again by every retry until the
 * server answers with a result, so a retry after a lost answer returns the first record instead of
 * recording twice. A success starts a fresh attempt (the next scan is the check-out).
 */
export function useSelfCheckin(activityId: string, eligible: boolean) {
  const [mine, setMine] = useState<MyCheckin | null>(null)
  const { busy: running, run } = useAction()
  const busy = running !== null
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null)
  const attempt = useRef<{ nonce: string; input: ScanInput | null } | null>(null)
  const latest = useLatest()

  const reload = useCallback(async () => {
    const isLatest = latest.next()
    if (!eligible) {
      setMine(null)
      return
    }
    try {
      const m = await getMyCheckin(activityId)
      if (isLatest()) setMine(m)
    } catch {
      // Keep what we knew (nothing at first: no check-in bar, the rest of the page does not need it).
    }
  }, [activityId, eligible, latest])

  useEffect(() => {
    void reload()
  }, [reload])

  // Opened a little before the window: show the bar when it opens.
  useEffect(() => {
    if (!mine || mine.open) return
    const wait = Date.parse(mine.opensAt) - Date.now()
    if (!(wait > 0 && wait <= MAX_WAIT_MS)) return
    const timer = setTimeout(() => void reload(), wait + 1000)
    return () => clearTimeout(timer)
  }, [mine, reload])

  /** Sends a scan; resolves to whether it was recorded (or had been). */
  const send = useCallback(
    async (input: ScanInput): Promise<boolean> => {
      if (!attempt.current) attempt.current = { nonce: newNonce(), input: null }
      const current = attempt.current
      current.input = input
      const recorded = await run(
        'scan',
        async () => {
          const result = await scanSiteCode({ ...input, nonce: current.nonce })
          if (attempt.current === current) attempt.current = null
          setOutcome({ kind: 'success', result })
          void reload()
          return true
        },
        (err) =>
          setOutcome({ kind: 'error', code: errorCode(err), message: errorMessage(err), typed: !!input.shortCode }),
      )
      return recorded !== null
    },
    [reload, run],
  )

  /** The same request with the same nonce. */
  const retry = useCallback(async () => {
    const input = attempt.current?.input
    return input ? send(input) : false
  }, [send])

  return { mine, busy, outcome, send, retry, reload, clearOutcome: () => setOutcome(null) }
}

/** One person's check-in at one event, shared by the check-in bar and the sign-up bar of the detail page. */
export type SelfCheckin = ReturnType<typeof useSelfCheckin>
