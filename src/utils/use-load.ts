import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react'

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
  const latest = useRef(0)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps)

  const reload = useCallback(async () => {
    const mine = ++latest.current
    setState((s) => (s.phase === 'ready' ? s : { phase: 'loading', data: null, error: null }))
    try {
      const data = await run()
      if (mine === latest.current) setState({ phase: 'ready', data, error: null })
    } catch (error) {
      if (mine === latest.current) setState({ phase: 'error', data: null, error })
    }
  }, [run])

  useEffect(() => {
    void reload()
  }, [reload])

  const setData = useCallback((data: T) => {
    latest.current++
    setState({ phase: 'ready', data, error: null })
  }, [])

  return { ...state, state, reload, setData }
}
