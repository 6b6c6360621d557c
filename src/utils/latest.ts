/** Tells whether an answer still belongs to the newest request (see `useLatest` for components). */
export interface Latest {
  /** Starts a request; the function answers whether it is still the newest. */
  next(): () => boolean
  /** Joins the current request (a next page of the same list) without superseding it. */
  same(): () => boolean
  /** Makes every request in flight stale (reset, page hidden, unmounted). */
  drop(): void
}

/** A stale-answer guard for code outside components (stores); components use `useLatest`. */
export function createLatest(): Latest {
  let seq = 0
  return {
    next() {
      const mine = ++seq
      return () => mine === seq
    },
    same() {
      const mine = seq
      return () => mine === seq
    },
    drop() {
      seq++
    },
  }
}
