import { useCallback, useEffect, useState } from 'react'
import type { Profile, Registration, SignupSummary } from '@api/signup'
import { useLatest } from '@/hooks/useLatest'
import { errorCode } from '@/utils/errors'
import { getMine, getProfile, getSummary } from '../api'

export interface SignupState {
  summary: SignupSummary | null
  mine: Registration | null
  /** Null until known; false when the server says UNAUTHENTICATED (H5 without a dev session). */
  signedIn: boolean | null
  /** Only when the event asks for a minimum attendance rate. */
  profile: Profile | null
}

/**
 * The sign-up side of the detail page: the public summary, my registration and, if the event
 * has an attendance requirement, my profile. Failures leave the activity itself on screen.
 */
export function useSignup(activityId: string | undefined) {
  const [state, setState] = useState<SignupState>({ summary: null, mine: null, signedIn: null, profile: null })
  const latest = useLatest()

  const load = useCallback(async () => {
    if (!activityId) return
    const isLatest = latest.next()
    const [summary, mine] = await Promise.allSettled([getSummary(activityId), getMine(activityId)])
    if (!isLatest()) return
    const s = summary.status === 'fulfilled' ? summary.value : null
    const signedIn = mine.status === 'fulfilled' || errorCode(mine.reason) !== 'UNAUTHENTICATED'
    let profile: Profile | null = null
    if (signedIn && s?.settings.eligibility.minAttendanceRate != null) {
      profile = await getProfile().catch(() => null)
      if (!isLatest()) return
    }
    setState({ summary: s, mine: mine.status === 'fulfilled' ? mine.value : null, signedIn, profile })
  }, [activityId, latest])

  useEffect(() => {
    void load()
  }, [load])

  const setMine = useCallback((mine: Registration) => {
    setState((s) => ({ ...s, mine }))
  }, [])

  return { ...state, reload: load, setMine }
}
