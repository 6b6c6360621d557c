import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { errorMessage } from '@/utils/errors'
import { useLatest } from './useLatest'

/**
 * How a failed action is shown: a toast with the server's Chinese message (the default), a modal
 * with this title and the message, or the page's own handler (a form error, a dialog's message…).
 */
export type FailureDisplay = 'toast' | { modal: string } | ((err: unknown) => void)

export function showFailure(err: unknown, display: FailureDisplay = 'toast'): void {
  if (typeof display === 'function') display(err)
  else if (display === 'toast') void Taro.showToast({ title: errorMessage(err), icon: 'none' })
  else void Taro.showModal({ title: display.modal, content: errorMessage(err), showCancel: false })
}

/**
 * Runs a page's actions (save, publish, approve…) with a busy flag keyed by what is running, so a
 * page can disable or spin the one button concerned. `run` resolves to the action's result, or to
 * null when it failed (after showing the failure). The flag is cleared when the latest action ends
 * (an older one ending meanwhile leaves the newer one's flag up).
 */
export function useAction<K extends string = string>() {
  const [busy, setBusy] = useState<K | null>(null)
  const latest = useLatest()
  const run = useCallback(
    async <T>(key: K, action: () => Promise<T>, onError: FailureDisplay = 'toast'): Promise<T | null> => {
      const isLatest = latest.next()
      setBusy(key)
      try {
        return await action()
      } catch (err) {
        showFailure(err, onError)
        return null
      } finally {
        if (isLatest()) setBusy(null)
      }
    },
    [latest],
  )
  return { busy, run }
}
