/**
 * A DOM for miniprogram-simulate / j-component, the way `global-jsdom` would set one up, built with
 * jsdom directly (no extra dependency), minus the three traps measured in platform-notes.md:
 * - MutationObserver stays off `global`: vendors.js' promise polyfill would pick it up and crash on a Taro node;
 * - Node's own Event/CustomEvent are replaced by jsdom's, or `dispatchEvent` refuses them;
 * - (the selector-query trap is answered by the host's wx, see wx.ts).
 * Must run before miniprogram-simulate is required (it reads `window` when it loads).
 */
import { JSDOM } from 'jsdom'

const KEEP_NODE = new Set(['MutationObserver', 'WebKitMutationObserver', 'undefined', 'NaN', 'Infinity'])
/** Node's versions of these break jsdom's dispatchEvent: always use jsdom's. */
const FORCE_JSDOM = ['Event', 'CustomEvent', 'EventTarget', 'TouchEvent', 'UIEvent', 'MouseEvent', 'KeyboardEvent']

let installed: JSDOM | null = null

export function installDom(): JSDOM {
  if (installed) return installed
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'https://servicewechat.com/qingju/devtools/page-frame.html',
    pretendToBeVisual: true,
  })
  const win = dom.window as unknown as Record<string, unknown>
  const g = globalThis as unknown as Record<string, unknown>
  for (const key of Object.getOwnPropertyNames(win)) {
    if (KEEP_NODE.has(key) || key.startsWith('_')) continue
    if (key in g) continue
    g[key] = win[key]
  }
  for (const key of FORCE_JSDOM) if (win[key]) g[key] = win[key]
  g.window = win
  g.document = win.document
  delete g.MutationObserver
  installed = dom
  return dom
}
