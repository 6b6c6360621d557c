/** Driving Taro's H5 components in jsdom: they listen for CustomEvents carrying `detail.value`. */
import { pageRoot, settle } from './app'

export function byTestId(id: string, root: ParentNode = pageRoot()): HTMLElement {
  const el = root.querySelector<HTMLElement>(`[data-testid="${id}"]`)
  if (!el) throw new Error(`no element with data-testid=${id}`)
  return el
}

export function allByTestId(id: string, root: ParentNode = pageRoot()): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`))
}

export function byText(selector: string, wanted: string, root: ParentNode = pageRoot()): HTMLElement {
  const el = Array.from(root.querySelectorAll<HTMLElement>(selector)).find((e) => e.textContent?.trim() === wanted)
  if (!el) throw new Error(`no ${selector} with text ${wanted}`)
  return el
}

export async function tap(el: HTMLElement): Promise<void> {
  el.click()
  await settle()
}

export async function fire(el: HTMLElement, type: string, value: unknown): Promise<void> {
  el.dispatchEvent(new CustomEvent(type, { detail: { value }, bubbles: true }))
  await settle()
}

/** A picker's choice: a "YYYY-MM(-DD)" or "HH:mm" string, or an index for selectors. */
export const pick = (testId: string, value: string | number) => fire(byTestId(testId), 'change', value)

/** Typing into an Input/Textarea (Taro components fire `input` with the whole value). */
export const typeInto = (testId: string, value: string) => fire(byTestId(testId), 'input', value)

export const confirmInput = (testId: string, value: string) => fire(byTestId(testId), 'confirm', value)

/** The payloads of every call of one action so far. */
export function callsOf(mock: { mock: { calls: unknown[][] } }, name: string, action: string): unknown[] {
  return mock.mock.calls.filter(([n, a]) => n === name && a === action).map(([, , data]) => data)
}
