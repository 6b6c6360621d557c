import { type DependencyList, useCallback, useEffect, useState } from 'react'
import { errorMessage } from '@/utils/errors'
import { useLatest } from './useLatest'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/**
 * A list read page by page: the first page loads when `deps` change (the old items are cleared),
 * `loadMore` appends the next page (items already shown are not repeated), and answers to a
 * superseded load are dropped. `more` is 'idle', 'loading' or the message of a failed next page.
 */
export function usePagedList<T extends { id: string }>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  deps: DependencyList,
) {
  const [items, setItems] = useState<T[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [more, setMore] = useState<'idle' | 'loading' | string>('idle')
  const latest = useLatest()
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fetch = useCallback(fetchPage, deps)

  const reload = useCallback(async () => {
    const isLatest = latest.next()
    setError(null)
    setMore('idle')
    try {
      const page = await fetch(null)
      if (!isLatest()) return
      setItems(page.items)
      setCursor(page.nextCursor)
    } catch (err) {
      if (isLatest()) setError(err)
    }
  }, [fetch, latest])

  useEffect(() => {
    setItems(null)
    void reload()
  }, [reload])

  const loadMore = useCallback(() => {
    if (!cursor || more === 'loading') return
    const isSame = latest.same()
    setMore('loading')
    fetch(cursor)
      .then((page) => {
        if (!isSame()) return
        setItems((old) => [...(old ?? []), ...page.items.filter((a) => !old?.some((o) => o.id === a.id))])
        setCursor(page.nextCursor)
        setMore('idle')
      })
      .catch((err: unknown) => setMore(errorMessage(err)))
  }, [cursor, more, fetch, latest])

  return { items, setItems, cursor, error, more, reload, loadMore }
}
