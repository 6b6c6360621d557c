/** Waiting on what the page is doing, instead of sleeping a guessed number of milliseconds. */
import type { Page } from 'playwright-core'

/**
 * Resolves once no finite CSS animation or transition is running: page slide-ins, the picker's
 * sheet and its wheel (a CSS transition). Endless ones (loading spinners) never finish and are not waited for.
 */
export async function animationsSettled(page: Page, timeout = 15_000): Promise<void> {
  // Two frames first: an animation triggered by the last input starts on the next render, not at once.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { timeout, polling: 'raf' },
  )
}

/**
 * Counts images the page loads from now on (`window.__imagesLoaded`), including ones never put in
 * the DOM, such as those drawn onto a canvas. The count goes up after the page's own onload
 * handler has run, so "count ≥ n" means the drawing that waited for the image is done.
 */
export async function countImageLoads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __imagesLoaded?: number }
    if (w.__imagesLoaded !== undefined) return
    w.__imagesLoaded = 0
    const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!
    Object.defineProperty(HTMLImageElement.prototype, 'src', {
      configurable: true,
      get() {
        return src.get!.call(this)
      },
      set(value: string) {
        this.addEventListener('load', () => (w.__imagesLoaded = (w.__imagesLoaded ?? 0) + 1), { once: true })
        src.set!.call(this, value)
      },
    })
  })
}

export async function imagesLoaded(page: Page, atLeast: number, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (n) => ((window as unknown as { __imagesLoaded?: number }).__imagesLoaded ?? 0) >= n,
    atLeast,
    { timeout },
  )
}
