/**
 * The touch bar of issue 16: every tappable element on a page takes a tap anywhere in at least
 * 44×44 CSS px. What counts as tappable, in the Taro H5 build: an element with a tap or click
 * handler (Taro's React components keep theirs in `element.__events`, plain DOM elements in React's
 * props), Taro's buttons, navigators, pickers, switches, checkboxes and radios, links, and anything
 * with a button-like role.
 *
 * The hit area is measured, not read from the style: the element is scrolled to the middle of the
 * screen and, from its centre, the test walks outwards along both axes asking the browser which
 * element a tap at that point reaches (`elementFromPoint`). A point counts when it reaches the
 * element itself or something inside it, so padding, a pseudo-element hit area (`::after` with a
 * negative inset) and the element's children all count, and a neighbour drawn on top does not.
 */
import type { Page } from 'playwright-core'

/** The smallest hit area, in CSS px (Apple's HIG and WCAG 2.5.5). */
export const MIN_TAP = 44

export interface SmallTarget {
  /** What a person sees on it (its text or accessible name), or its class when it shows none. */
  label: string
  /** The hit area measured through its centre, in CSS px. */
  width: number
  height: number
}

/** The tappable elements of the page whose hit area is under 44×44 CSS px. */
export async function smallTapTargets(page: Page): Promise<SmallTarget[]> {
  // tsx compiles this file keeping function names (`__name(fn, 'name')`): give the page that helper.
  await page.evaluate('globalThis.__name ??= (fn) => fn')
  return page.evaluate((min) => {
    const TAP_EVENTS = ['click', 'tap', 'longpress', 'longtap']
    const TAGS = new Set([
      'A',
      'BUTTON',
      'TARO-BUTTON-CORE',
      'TARO-NAVIGATOR-CORE',
      'TARO-PICKER-CORE',
      'TARO-SWITCH-CORE',
      'TARO-CHECKBOX-CORE',
      'TARO-RADIO-CORE',
    ])
    const ROLES = new Set(['button', 'link', 'tab', 'checkbox', 'radio', 'switch', 'menuitem', 'option'])

    const handles = (el: Element): boolean => {
      const events = (el as unknown as { __events?: Record<string, unknown> }).__events
      if (events && TAP_EVENTS.some((name) => events[name])) return true
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'))
      const props = key ? (el as unknown as Record<string, Record<string, unknown>>)[key] : undefined
      return !!props && (typeof props.onClick === 'function' || typeof props.onTap === 'function')
    }
    const tappable = (el: Element): boolean =>
      TAGS.has(el.tagName) || ROLES.has(el.getAttribute('role') ?? '') || handles(el)

    const label = (el: Element): string => {
      const text = (el as HTMLElement).innerText?.replace(/\s+/g, ' ').trim()
      const name = el.getAttribute('aria-label') ?? el.getAttribute('title')
      const what = name || text
      if (what) return what.length > 24 ? `${what.slice(0, 24)}…` : what
      return `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`
    }

    const reaches = (el: Element, x: number, y: number): boolean => {
      const at = document.elementFromPoint(x, y)
      return !!at && (at === el || el.contains(at))
    }
    /** How far, from (x, y), taps keep reaching `el` along one direction, up to `limit` px. */
    const reach = (el: Element, x: number, y: number, dx: number, dy: number, limit: number): number => {
      let n = 0
      while (n < limit && reaches(el, x + dx * (n + 1), y + dy * (n + 1))) n++
      return n
    }

    /** Whether what the tap at (x, y) reaches sits in a fixed layer (an open sheet or dialog) over `el`. */
    const behindLayer = (el: Element, x: number, y: number): boolean => {
      for (let at = document.elementFromPoint(x, y); at; at = at.parentElement) {
        if (at.contains(el)) return false
        if (getComputedStyle(at).position === 'fixed') return true
      }
      return false
    }
    // Sizes are measured up to this far each way from the centre (enough to report a link's real width).
    const REPORT = 200

    const small: { label: string; width: number; height: number }[] = []
    for (const el of document.querySelectorAll('body *')) {
      if (!tappable(el)) continue
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue
      if (el.closest('[aria-hidden="true"], [inert]')) continue
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' })
      const r = el.getBoundingClientRect()
      const x = Math.round(r.left + r.width / 2)
      const y = Math.round(r.top + r.height / 2)
      // Big enough by its own box, and the tap at its centre lands on it: nothing more to measure.
      if (r.width >= min && r.height >= min && reaches(el, x, y)) continue
      let width = 0
      let height = 0
      if (reaches(el, x, y)) {
        width = 1 + reach(el, x, y, -1, 0, REPORT) + reach(el, x, y, 1, 0, REPORT)
        height = 1 + reach(el, x, y, 0, -1, REPORT) + reach(el, x, y, 0, 1, REPORT)
      } else if (behindLayer(el, x, y)) {
        continue
      }
      if (width < min || height < min) small.push({ label: label(el), width, height })
    }
    window.scrollTo(0, 0)
    return small
  }, MIN_TAP)
}

/** One line per small target: `page: "label" 54×22`. */
export const describeSmall = (page: string, small: SmallTarget[]): string[] =>
  small.map((s) => `${page}: "${s.label}" ${s.width}×${s.height}`)
