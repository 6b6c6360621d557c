import { useCallback, useEffect, useState } from 'react'
import type { ActivityDetail } from '@api/activity'
import { getActivity } from '../api'
import { useLatest } from '@/hooks/useLatest'
import { errorCode, errorMessage } from '@/utils/errors'

export type DetailState =
  | { phase: 'loading' }
  | { phase: 'ready'; activity: ActivityDetail }
  | { phase: 'not-found' }
  | { phase: 'error'; message: string }

/** One activity by id; a missing id counts as not found. */
export function useActivityDetail(id: string | undefined) {
  const [state, setState] = useState<DetailState>({ phase: 'loading' })
  const latest = useLatest()

  const load = useCallback(async () => {
    const isLatest = latest.next()
    if (!id) {
      setState({ phase: 'not-found' })
      return
    }
    setState({ phase: 'loading' })
    try {
      const activity = await getActivity(id)
      if (isLatest()) setState({ phase: 'ready', activity })
    } catch (err) {
      if (!isLatest()) return
      // An id that is not a UUID fails validation: to the user it is simply not there.
      const code = errorCode(err)
      if (code === 'NOT_FOUND' || code === 'INVALID_INPUT') setState({ phase: 'not-found' })
      else setState({ phase: 'error', message: errorMessage(err) })
    }
  }, [id, latest])

  useEffect(() => {
    void load()
  }, [load])

  return { state, reload: load }
}
