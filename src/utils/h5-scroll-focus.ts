/**
 * H5 only: regions that scroll (Taro's page containers, sideways ScrollViews, Taroify's tab strips) can
 * be reached and scrolled from the keyboard. Browsers do not focus a scrolling <div> by themselves, so
 * each one gets tabindex="0" as it appears. WeChat has no keyboard focus; nothing runs there.
 */
const SCROLLERS = '.taro_page, .taro-scroll-view__scroll-x, .taro-scroll-view__scroll-y, .taroify-tabs__wrap__scroll'

function mark(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>(SCROLLERS))) {
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
  }
}

export function focusableScrollRegions(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
  const page = document
  mark(page)
  // Mutation records arrive batched, once per React commit: one look over the page each time.
  new MutationObserver(() => mark(page)).observe(page.body, { childList: true, subtree: true })
}
