/**
 * What the browser tests share: the local host on a fresh database (first-run migrate + seed, the
 * H5 app built if its sources changed) with headless Chromium, phone-sized pages signed in as a
 * demo person, finding things by test id or text, Taro's H5 picker, screenshots, direct API calls.
 */
import assert from 'node:assert/strict'
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after } from 'node:test'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { startHostProcess, type HostProcess } from '../../../host/process'
import { launchBrowser } from './browser'
import { animationsSettled } from './settled'

export const ROOT = join(__dirname, '..', '..', '..')
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts')

/** A phone: touch (Taro's H5 pickers select by tap), 375×812 at 2×. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  hasTouch: true,
  isMobile: true,
}

export interface H5Session {
  host: HostProcess
  browser: Browser
  /** Closes the browser, stops the host and removes its data dir. */
  close(): Promise<void>
}

/**
 * Starts the local host as `npm start` does, on a fresh data dir named `qingju-e2e-<name>…`
 * (`env` adds to the host's environment, e.g. the test clock), and headless Chromium.
 */
export async function startH5(name: string, env: Record<string, string> = {}): Promise<H5Session> {
  const dataDir = mkdtempSync(join(tmpdir(), `qingju-e2e-${name}`))
  chmodSync(dataDir, 0o755) // postgres runs as nobody when we are root
  let host: HostProcess | undefined
  let browser: Browser | undefined
  const close = async () => {
    await browser?.close()
    await host?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    mkdirSync(ARTIFACTS, { recursive: true })
    host = await startHostProcess({ QINGJU_DATA_DIR: dataDir, ...env })
    // Debian's chromium when installed, else the one inside the @sparticuz/chromium package (browser.ts).
    browser = await launchBrowser()
    return { host, browser, close }
  } catch (err) {
    await close()
    throw err
  }
}

/**
 * The session of a test file: `start()` it first thing in the file's `before` hook (Node 20 runs a
 * file's top-level `before` hooks side by side, so the start cannot be a hook of its own); it is
 * closed after the file's tests.
 */
export function useH5(
  name: string,
  env: Record<string, string> = {},
): Pick<H5Session, 'host' | 'browser'> & { start(): Promise<void> } {
  let session: H5Session | undefined
  after(async () => {
    await session?.close()
  })
  const started = () => {
    assert.ok(session, 'start() the local host and the browser in the before hook')
    return session
  }
  return {
    async start() {
      session = await startH5(name, env)
    },
    get host() {
      return started().host
    },
    get browser() {
      return started().browser
    },
  }
}

/** A new phone-sized page in its own context (its own storage, so its own signed-in person). */
export async function phonePage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, ...options })
  return context.newPage()
}

/**
 * The address of the app's page at `route` (a hash route such as `/pages/me/index`). `fresh`: in a
 * newly loaded app (a new query string reloads the document) — Taro's H5 keeps the pages under the
 * top one in the DOM, so a fresh stack leaves one page's elements to find.
 */
export function routeUrl(baseUrl: string, route: string, fresh = false): string {
  return fresh ? `${baseUrl}/?load=${Date.now()}#${route}` : `${baseUrl}/#${route}`
}

/** Signs in as the demo persona whose button reads `label` on the local login page; back on the home list. */
export async function signInAs(page: Page, baseUrl: string, label: string, { fresh = false } = {}): Promise<void> {
  await page.goto(routeUrl(baseUrl, '/pages/dev-login/index', fresh))
  await page.locator('.dev-login__persona', { hasText: label }).first().click()
  await page.locator('[data-testid="activity-card"]').first().waitFor({ timeout: 20_000 })
}

export const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`)
/** The real <input>/<textarea> inside a Taro form field. */
export const fieldOf = (page: Page, id: string) => byTestId(page, id).locator('input, textarea').first()
/** A Taroify button by its text (its inner label does not take clicks). */
export const buttonOf = (page: Page, text: string) => page.locator('.taroify-button', { hasText: text }).first()

/** A screenshot of the page as tests/artifacts/<name>.png. */
export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })

/**
 * The helpers of a test file driving one page (`page()`, made in a `before` hook) of the session's
 * host: screenshots named `<prefix>-<name>.png`; `fresh`: `open` and `actAs` load the app anew (see routeUrl).
 */
export function pageHelpers(
  page: () => Page,
  session: { readonly host: HostProcess },
  prefix: string,
  { fresh = false } = {},
) {
  const baseUrl = () => session.host.url
  return {
    testId: (id: string) => byTestId(page(), id),
    field: (id: string) => fieldOf(page(), id),
    button: (text: string) => buttonOf(page(), text),
    shot: (name: string) => screenshot(page(), `${prefix}-${name}`),
    settle: () => animationsSettled(page()),
    pick: (id: string, option: string) => pick(page(), id, option),
    open: (route: string) => page().goto(routeUrl(baseUrl(), route, fresh)),
    actAs: (label: string) => signInAs(page(), baseUrl(), label, { fresh }),
  }
}

/** The text of the row under the visible picker's selection band (what 确定 would take). */
export async function selectedRow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const sheet = [...document.querySelectorAll('.weui-picker')].find((el) => (el as HTMLElement).offsetParent !== null)
    const band = sheet?.querySelector('.weui-picker__indicator')?.getBoundingClientRect()
    if (!sheet || !band) return null
    const middle = band.top + band.height / 2
    const row = [...sheet.querySelectorAll('.weui-picker__item')].find((el) => {
      const r = el.getBoundingClientRect()
      return r.top <= middle && r.bottom >= middle
    })
    return row ? (row as HTMLElement).innerText.trim() : null
  })
}

/**
 * Taro's H5 picker: open it, tap the option (a tap selects the row under the finger and scrolls it
 * to the middle; rows below the screen are reached by tapping the lowest visible row), confirm.
 */
export async function pick(page: Page, testId: string, option: string): Promise<void> {
  // A tap on a moving wheel can land on the neighbouring row: check what was chosen, and pick again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const wanted = await pickOnce(page, testId, option)
    if ((await byTestId(page, testId).innerText()).trim() === wanted) return
  }
  assert.fail(`picker ${testId} did not take ${option}: shows ${await byTestId(page, testId).innerText()}`)
}

/**
 * Opens the picker and taps the row showing `option` until that row sits under the selection band
 * (a tap on a wheel still settling can land on its neighbour, more so on a busy machine), then
 * confirms. Resolves to the row's full text.
 */
async function pickOnce(page: Page, testId: string, option: string): Promise<string> {
  await byTestId(page, testId).click()
  const sheet = page.locator('.weui-picker').filter({ visible: true })
  await sheet.locator('.weui-picker__action', { hasText: '确定' }).waitFor()
  await animationsSettled(page) // the sheet's slide-in
  const height = page.viewportSize()!.height
  const wanted = (await sheet.locator('.weui-picker__item', { hasText: option }).first().innerText()).trim()
  for (let step = 0; step < 30; step++) {
    if (step > 0 && (await selectedRow(page)) === wanted) break
    const target = await sheet.locator('.weui-picker__item', { hasText: option }).first().boundingBox()
    assert.ok(target, `picker ${testId} has no option ${option}`)
    const y = target.y + target.height / 2
    // Rows below the screen are reached by tapping the lowest visible row.
    await page.touchscreen.tap(target.x + target.width / 2, y < height - 4 ? y : height - 20)
    await animationsSettled(page) // the wheel's scroll to the tapped row
  }
  await sheet.locator('.weui-picker__action', { hasText: '确定' }).click()
  await animationsSettled(page) // the sheet's slide-out
  return wanted
}

/** Calls `fn`.`action` on the host's API as the page would (with a session token, or none); asserts it answered ok. */
export async function callApi<T>(
  baseUrl: string,
  fn: string,
  action: string,
  data: unknown,
  token?: string,
): Promise<T> {
  const res = await fetch(`${baseUrl}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  })
  const body = (await res.json()) as { ok: boolean; data: T; code?: string; message?: string }
  assert.ok(body.ok, `${fn}.${action}: ${body.code} ${body.message}`)
  return body.data
}

/** A session token of a demo persona (`youth`, `organiser`, `district_admin`), from the local login API. */
export async function devToken(baseUrl: string, persona: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/_dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona }),
  })
  const body = (await res.json()) as { ok: boolean; data: { token: string } }
  assert.ok(body.ok)
  return body.data.token
}
