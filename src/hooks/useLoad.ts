import { type DependencyList, useCallback, useEffect, useState } from 'react'
import { useLatest } from './useLatest'

export type Loaded<T> =
  | { phase: 'loading'; data: null; error: null }
  | { phase: 'ready'; data: T; error: null }
  | { phase: 'error'; data: null; error: unknown }

/**
 * Loads something for a page; answers to superseded loads are dropped. `setData` replaces the
 * value after a successful action (the server answers with the updated object).
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<Loaded<T>>({ phase: 'loading', data: null, error: null })
  const latest = useLatest()
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps)

  const reload = useCallback(async () => {
    const isLatest = latest.next()
    setState((s) => (s.phase === 'ready' ? s : { phase: 'loading', data: null, error: null }))
    try {
      const data = await run()
      if (isLatest()) setState({ phase: 'ready', data, error: null })
    } catch (error) {
      if (isLatest()) setState({ phase: 'error', data: null, error })
    }
  }, [run, latest])

  useEffect(() => {
    void reload()
  }, [reload])

  const setData = useCallback(
    (data: T) => {
      latest.drop()
      setState({ phase: 'ready', data, error: null })
    },
    [latest],
  )

  return { ...state, state, reload, setData }
}
