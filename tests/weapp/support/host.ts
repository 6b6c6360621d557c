/**
 * A small WeChat client around miniprogram-simulate, running the real dist/weapp build:
 * - App/Page/getApp/getCurrentPages (the simulator only has Component: a page's options become the
 *   methods of a component, its lifecycle is driven by the page stack below);
 * - a page stack for navigateTo/redirectTo/navigateBack/switchTab/reLaunch, checked against app.json
 *   (main pages, tab bar, and subpackages by their root, whose pages load their own sub-vendors and
 *   sub-common chunks only when first opened, as WeChat does);
 * - toast/modal/loading/action sheet captured, storage in memory, selector queries answering fixed boxes;
 * - wx.cloud.callFunction → the real cloud function's main(event, context) (support/cloud.ts) as the
 *   person the test plays, wx.cloud.uploadFile/downloadFile → the stand-in storage;
 * - every WeChat-only API (scanCode, chooseLocation, requestSubscribeMessage, saveImageToPhotosAlbum,
 *   addPhoneCalendar, chooseMedia, ...) refuses until the test stubs it with `stub(name, answer)`; stubs
 *   record their calls.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import type { Backend } from './cloud'
import { storeFile, tempUrlOf, cloud } from './cloud'
import { installDom } from './dom'

export const DIST = resolve(__dirname, '..', '..', '..', 'dist', 'weapp')
const nodeRequire = createRequire(__filename)

type Json = Record<string, unknown>
type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void }
type Answer = Json | ((args: Json) => Json | Promise<Json>)

interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string }[] }
}

interface SimComponent {
  dom: HTMLElement
  instance: Json & { setData(d: Json): void }
  attach(parent: HTMLElement): void
  detach(): void
}

interface Simulate {
  load(path: string, options: Json): string
  render(id: string, props?: Json): SimComponent
}

export interface PageEntry {
  route: string
  query: Record<string, string>
  comp: SimComponent
  inst: Json
  frame: HTMLElement
}

export class WeappHost {
  readonly toasts: string[] = []
  readonly modals: { title: string; content: string }[] = []
  /** Answers for the next showModal calls (true = confirm); confirm when empty. */
  readonly modalAnswers: boolean[] = []
  readonly loadings: string[] = []
  readonly errors: unknown[] = []
  /** What the running code logged with console.error (React reports commit errors there). */
  readonly consoleErrors: string[] = []
  /** Every cloud.callFunction: the function, its event and the answer the page got. */
  readonly cloudCalls: { name: string; data: Json; result: Json }[] = []
  /** What onShareAppMessage answered for share buttons tapped. */
  readonly shares: unknown[] = []
  readonly storage = new Map<string, unknown>()
  /** Every call of a stubbed or unanswered WeChat API, by name. */
  readonly wxCalls: { api: string; args: Json }[] = []
  /** The 2d canvas nodes handed to pages, with the names of the drawing calls made on each. */
  readonly canvases: { drawn: string[] }[] = []
  /** Subpackage roots whose code has been loaded. */
  readonly loadedPackages = new Set<string>()
  /** The OPENID CloudBase attaches to this person's calls (null: not signed in). */
  openid: string | null = null
  stack: PageEntry[] = []

  private readonly appJson: AppJson
  private readonly pageIds = new Map<string, string>()
  private readonly stubs = new Map<string, Answer>()
  private readonly tempFiles = new Map<string, Buffer>()
  private appConfig: Json | null = null
  private appInstance: Json | null = null
  private pendingPage: { route: string; query: Record<string, string> } | null = null
  private simulate!: Simulate
  private exparser!: {
    Event: { create(n: string, d: Json, o: Json): unknown; dispatchEvent(t: unknown, e: unknown): void }
  }
  private tempSeq = 0

  constructor(private readonly backend: Backend) {
    if (!existsSync(join(DIST, 'app.json'))) throw new Error(`${DIST} is missing: run npm run build:weapp`)
    this.appJson = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as AppJson
  }

  /** Boots the mini-program: globals, the wx API, app.js, then the entry page. */
  async launch(entry = 'pages/index/index', query: Record<string, string> = {}): Promise<PageEntry> {
    installDom()
    current?.close()
    forgetPreviousRun()
    this.simulate = nodeRequire('miniprogram-simulate') as Simulate
    this.exparser = nodeRequire(
      nodeRequire.resolve('miniprogram-exparser', { paths: [nodeRequire.resolve('j-component')] }),
    ) as typeof this.exparser
    this.installGlobals()
    this.installWx()
    watchErrors(this)
    nodeRequire(join(DIST, 'app.js'))
    if (!this.appConfig) throw new Error('app.js did not call App()')
    const launch = { path: entry, query: {}, scene: 1001 }
    const app = this.appInstance as Json & { onLaunch?: (o: unknown) => void; onShow?: (o: unknown) => void }
    app.onLaunch?.call(app, launch)
    app.onShow?.call(app, launch)
    await this.open(entry, query, 'reLaunch')
    return this.page
  }

  /** Closes the mini-program: every page unloads (their timers stop), as when WeChat kills it. */
  close(): void {
    while (this.stack.length) this.unload(this.stack.pop()!)
    if (current === this) current = null
  }

  get page(): PageEntry {
    const top = this.stack[this.stack.length - 1]
    if (!top) throw new Error('no page open')
    return top
  }

  get route(): string {
    return this.page.route
  }

  /** Answers a WeChat-only API for the rest of the test; its calls are recorded in `wxCalls`. */
  stub(api: string, answer: Answer): void {
    this.stubs.set(api, answer)
  }

  callsOf(api: string): Json[] {
    return this.wxCalls.filter((c) => c.api === api).map((c) => c.args)
  }

  /** A local temp file the "user picked" (as chooseMedia answers): its wxfile:// path. */
  tempFile(content: Buffer, ext = 'jpg'): string {
    const path = `wxfile://tmp_${++this.tempSeq}.${ext}`
    this.tempFiles.set(path, content)
    return path
  }

  // ---- pages -------------------------------------------------------------------------------

  private packageOf(route: string): string | null {
    if (this.appJson.pages.includes(route)) return ''
    for (const sub of this.appJson.subPackages ?? []) {
      if (route.startsWith(sub.root) && sub.pages.includes(route.slice(sub.root.length))) return sub.root
    }
    return null
  }

  private isTab(route: string): boolean {
    return (this.appJson.tabBar?.list ?? []).some((t) => t.pagePath === route)
  }

  private loadPage(route: string): string {
    let id = this.pageIds.get(route)
    if (id) return id
    const pkg = this.packageOf(route)
    if (pkg === null) throw new Error(`navigateTo:fail page "${route}" is not found`)
    if (pkg) this.loadedPackages.add(pkg)
    id = this.simulate.load(join(DIST, route), { compiler: 'official', rootPath: DIST })
    this.pageIds.set(route, id)
    return id
  }

  private async open(
    route: string,
    query: Record<string, string>,
    how: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch',
  ): Promise<void> {
    const pkg = this.packageOf(route)
    if (pkg === null) throw new Error(`${how}:fail page "${route}" is not found`)
    if (how === 'switchTab' && !this.isTab(route)) throw new Error(`switchTab:fail can not switch to no-tabBar page`)
    if ((how === 'navigateTo' || how === 'redirectTo') && this.isTab(route)) {
      throw new Error(`${how}:fail can not ${how} a tabbar page`)
    }
    if (how === 'navigateTo' && this.stack.length >= 10) throw new Error('navigateTo:fail webview count limit exceed')
    const id = this.loadPage(route)
    const top = this.stack[this.stack.length - 1]
    if (how === 'navigateTo') {
      if (top) this.call(top, 'onHide')
    } else if (how === 'redirectTo') {
      if (top) this.unload(this.stack.pop()!)
    } else while (this.stack.length) this.unload(this.stack.pop()!)

    this.pendingPage = { route, query }
    const comp = this.simulate.render(id)
    const frame = document.createElement('div')
    frame.setAttribute('data-route', route)
    document.body.appendChild(frame)
    comp.attach(frame)
    const inst = comp.instance
    Object.assign(inst, { route, __route__: route, options: query })
    const entry: PageEntry = { route, query, comp, inst, frame }
    this.stack.push(entry)
    this.pendingPage = null
    this.call(entry, 'onLoad', { ...query })
    this.call(entry, 'onShow')
    this.call(entry, 'onReady')
    await settle()
  }

  private unload(entry: PageEntry): void {
    this.call(entry, 'onUnload')
    entry.comp.detach()
    entry.frame.remove()
  }

  private call(entry: PageEntry, hook: string, ...args: unknown[]): unknown {
    const fn = entry.inst[hook] as ((...a: unknown[]) => unknown) | undefined
    return fn?.apply(entry.inst, args)
  }

  /** What the tab bar (switchTab) or WeChat's back button (navigateBack) does for a user. */
  async navigate(how: 'switchTab' | 'navigateBack' | 'reLaunch', url = ''): Promise<void> {
    if (how === 'navigateBack') await this.back(1)
    else await this.open(url.replace(/^\//, '').split('?')[0], {}, how)
  }

  /** Calls a page hook by hand (onPullDownRefresh, onReachBottom, onShareAppMessage...). */
  pageHook(hook: string, ...args: unknown[]): unknown {
    return this.call(this.page, hook, ...args)
  }

  private async back(delta: number): Promise<void> {
    if (this.stack.length <= 1) throw new Error('navigateBack:fail cannot navigate back at first page.')
    for (let i = 0; i < delta && this.stack.length > 1; i++) this.unload(this.stack.pop()!)
    this.call(this.page, 'onShow')
    await settle()
  }

  // ---- globals and wx ------------------------------------------------------------------------

  private installGlobals(): void {
    const g = globalThis as unknown as Json
    g.App = (config: Json) => {
      this.appConfig = config
      this.appInstance = config
    }
    g.getApp = () => this.appInstance
    g.getCurrentPages = () => this.stack.map((p) => p.inst)
    g.Page = (config: Json) => {
      const methods: Json = {}
      const data = (config.data as Json) ?? {}
      for (const [key, value] of Object.entries(config)) {
        if (typeof value === 'function') methods[key] = value
      }
      const pending = () => this.pendingPage
      ;(g.Component as (d: Json) => void)({
        data,
        options: config.options,
        methods,
        behaviors: config.behaviors,
        lifetimes: {
          created(this: Json) {
            const p = pending()
            if (p) Object.assign(this, { route: p.route, __route__: p.route, options: p.query })
          },
        },
      })
    }
    g.requirePlugin = () => ({})
    g.__wxConfig = { envVersion: 'develop', platform: 'devtools' }
  }

  /** wx-style async API: callbacks and a promise, errMsg like WeChat's. */
  private api(name: string, impl: (args: Json) => unknown): (args?: Json & Callbacks) => Promise<unknown> {
    return (args: Json & Callbacks = {}) => {
      const run = async () => {
        try {
          const res = { errMsg: `${name}:ok`, ...((await impl(args)) as Json) }
          args.success?.(res)
          args.complete?.(res)
          return res
        } catch (err) {
          const res = {
            errMsg: `${name}:fail ${(err as Error).message ?? err}`,
            ...((err as { errCode?: number }).errCode ? { errCode: (err as { errCode?: number }).errCode } : {}),
          }
          args.fail?.(res)
          args.complete?.(res)
          throw res
        }
      }
      const p = new Promise((ok, fail) => setTimeout(() => run().then(ok, fail), 0))
      // Callback style callers do not await: do not let the failure escape unhandled.
      if (args.success || args.fail || args.complete) p.catch(() => {})
      return p
    }
  }

  /** A WeChat-only API: answered only by the test's stub, its calls recorded. */
  private edge(name: string): (args?: Json & Callbacks) => Promise<unknown> {
    return this.api(name, async (args) => {
      const clean = Object.fromEntries(Object.entries(args).filter(([, v]) => typeof v !== 'function'))
      this.wxCalls.push({ api: name, args: clean })
      const answer = this.stubs.get(name)
      if (!answer) throw new Error(`not stubbed by the test`)
      const res = typeof answer === 'function' ? await answer(clean) : answer
      if (typeof res.errMsg === 'string' && res.errMsg.includes(':fail'))
        throw new Error(res.errMsg.split(':fail')[1].trim())
      return res
    })
  }

  private installWx(): void {
    const wx = (globalThis as unknown as { wx: Json }).wx
    const box = { id: '', dataset: {}, left: 0, top: 0, right: 375, bottom: 44, width: 375, height: 44 }
    const query = () => {
      const results: unknown[] = []
      const q: Json = {
        in: () => q,
        select: () => node(false),
        selectAll: () => node(true),
        selectViewport: () => node(false),
        exec: (cb?: (r: unknown[]) => void) => {
          setTimeout(() => cb?.(results), 0)
          return q
        },
      }
      const node = (all: boolean) => {
        const push = (value: unknown, cb?: (r: unknown) => void) => {
          results.push(all ? [value] : value)
          if (cb) setTimeout(() => cb(all ? [value] : value), 0)
          return q
        }
        return {
          boundingClientRect: (cb?: (r: unknown) => void) => push({ ...box }, cb),
          fields: (f: { node?: boolean } | undefined, cb?: (r: unknown) => void) =>
            push({ ...box, scrollTop: 0, scrollLeft: 0, ...(f?.node ? { node: this.canvasNode() } : {}) }, cb),
          scrollOffset: (cb?: (r: unknown) => void) => push({ scrollTop: 0, scrollLeft: 0 }, cb),
          node: (cb?: (r: unknown) => void) => push({ node: null }, cb),
          context: (cb?: (r: unknown) => void) => push({ context: null }, cb),
        }
      }
      return q
    }
    const parseUrl = (url: string) => {
      const [path, search = ''] = url.split('?')
      const base = this.stack.length ? this.page.route.split('/').slice(0, -1) : []
      const parts = path.startsWith('/') ? path.slice(1).split('/') : [...base, ...path.split('/')]
      const out: string[] = []
      for (const p of parts) {
        if (p === '..') out.pop()
        else if (p !== '.' && p !== '') out.push(p)
      }
      const q: Record<string, string> = {}
      for (const pair of search.split('&').filter(Boolean)) {
        const [k, v = ''] = pair.split('=')
        q[k] = v // WeChat hands the query to onLoad as written in the url
      }
      return { route: out.join('/'), query: q }
    }
    const navigate = (how: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch') =>
      this.api(how, async (args) => {
        const { route, query } = parseUrl(String(args.url))
        await this.open(route, how === 'switchTab' ? {} : query, how)
        return how === 'navigateTo' ? { eventChannel: { emit() {}, on() {}, once() {}, off() {} } } : {}
      })
    const storageGet = (key: string) => {
      if (!this.storage.has(key)) throw new Error('data not found')
      return { data: this.storage.get(key) }
    }
    const sync = (value: unknown) => (value === undefined ? value : JSON.parse(JSON.stringify(value)))
    Object.assign(wx, {
      navigateTo: navigate('navigateTo'),
      redirectTo: navigate('redirectTo'),
      switchTab: navigate('switchTab'),
      reLaunch: navigate('reLaunch'),
      navigateBack: this.api('navigateBack', async (args) => {
        await this.back(Number(args.delta ?? 1))
        return {}
      }),
      showToast: this.api('showToast', (args) => {
        this.toasts.push(String(args.title ?? ''))
        return {}
      }),
      hideToast: this.api('hideToast', () => ({})),
      showModal: this.api('showModal', (args) => {
        this.modals.push({ title: String(args.title ?? ''), content: String(args.content ?? '') })
        const confirm = this.modalAnswers.length ? this.modalAnswers.shift()! : true
        return { confirm, cancel: !confirm, content: '' }
      }),
      showLoading: this.api('showLoading', (args) => {
        this.loadings.push(String(args.title ?? ''))
        return {}
      }),
      hideLoading: this.api('hideLoading', () => ({})),
      showActionSheet: this.edge('showActionSheet'),
      setNavigationBarTitle: this.api('setNavigationBarTitle', () => ({})),
      stopPullDownRefresh: this.api('stopPullDownRefresh', () => ({})),
      pageScrollTo: this.api('pageScrollTo', () => ({})),
      createSelectorQuery: query,
      setStorageSync: (key: string, value: unknown) => void this.storage.set(key, sync(value)),
      getStorageSync: (key: string) => (this.storage.has(key) ? sync(this.storage.get(key)) : ''),
      removeStorageSync: (key: string) => void this.storage.delete(key),
      clearStorageSync: () => this.storage.clear(),
      getStorageInfoSync: () => ({ keys: [...this.storage.keys()], currentSize: 0, limitSize: 10240 }),
      setStorage: this.api('setStorage', (args) => {
        this.storage.set(String(args.key), sync(args.data))
        return {}
      }),
      getStorage: this.api('getStorage', (args) => storageGet(String(args.key))),
      removeStorage: this.api('removeStorage', (args) => {
        this.storage.delete(String(args.key))
        return {}
      }),
      // Every WeChat-only capability: the test answers it (stub) or the call fails.
      scanCode: this.edge('scanCode'),
      chooseLocation: this.edge('chooseLocation'),
      getLocation: this.edge('getLocation'),
      openLocation: this.edge('openLocation'),
      requestSubscribeMessage: this.edge('requestSubscribeMessage'),
      saveImageToPhotosAlbum: this.edge('saveImageToPhotosAlbum'),
      chooseMedia: this.edge('chooseMedia'),
      chooseImage: this.edge('chooseImage'),
      previewImage: this.edge('previewImage'),
      getSetting: this.edge('getSetting'),
      authorize: this.edge('authorize'),
      openSetting: this.edge('openSetting'),
      setClipboardData: this.edge('setClipboardData'),
      makePhoneCall: this.edge('makePhoneCall'),
      openDocument: this.edge('openDocument'),
      downloadFile: this.edge('downloadFile'),
      showShareMenu: this.api('showShareMenu', () => ({})),
      canvasToTempFilePath: this.api('canvasToTempFilePath', (args) => {
        const canvas = args.canvas as { drawn?: string[] } | undefined
        this.wxCalls.push({
          api: 'canvasToTempFilePath',
          args: { fileType: args.fileType, drawn: canvas?.drawn?.length ?? 0 },
        })
        return { tempFilePath: this.tempFile(Buffer.from('89504e470d0a1a0a', 'hex'), 'png') }
      }),
      showShareImageMenu: this.edge('showShareImageMenu'),
      addPhoneCalendar: this.edge('addPhoneCalendar'),
      login: this.edge('login'),
      requirePrivacyAuthorize: this.edge('requirePrivacyAuthorize'),
      getPrivacySetting: this.api('getPrivacySetting', () => ({ needAuthorization: false })),
      onNeedPrivacyAuthorization: () => {},
      cloud: this.cloudApi(),
    })
  }

  /**
   * A 2d canvas node as a selector query's `fields({ node: true })` answers it: drawing calls are
   * accepted and counted (no pixels: layout and drawing are for a device), images load at once.
   */
  private canvasNode(): Json {
    const drawn: string[] = []
    const ctx = new Proxy({} as Json, {
      get: (target, key: string) => {
        if (key in target) return target[key]
        if (key === 'measureText') return (t: string) => ({ width: String(t).length * 12 })
        return (...args: unknown[]) => {
          drawn.push(`${key}(${args.filter((a) => typeof a === 'string').join(',')})`)
        }
      },
      set: (target, key: string, value) => {
        target[key] = value
        return true
      },
    })
    const node = {
      width: 300,
      height: 150,
      drawn,
      getContext: () => ctx,
      createImage: () => {
        const img: Json = {}
        return new Proxy(img, {
          set: (t, key: string, value) => {
            t[key] = value
            if (key === 'src') setTimeout(() => (t.onload as (() => void) | undefined)?.(), 0)
            return true
          },
        })
      },
    }
    this.canvases.push(node)
    return node
  }

  private cloudApi(): Json {
    return {
      init: () => {},
      callFunction: this.api('cloud.callFunction', async (args) => {
        const result = (await this.backend.callFunction(String(args.name), args.data, this.openid)) as Json
        this.cloudCalls.push({ name: String(args.name), data: args.data as Json, result })
        return { result, requestID: 'test' }
      }),
      uploadFile: this.api('cloud.uploadFile', (args) => {
        this.wxCalls.push({ api: 'cloud.uploadFile', args: { cloudPath: args.cloudPath, filePath: args.filePath } })
        const bytes = this.tempFiles.get(String(args.filePath))
        if (!bytes) throw new Error(`uploadFile: no such temp file ${String(args.filePath)}`)
        return { fileID: storeFile(String(args.cloudPath), bytes), statusCode: 200 }
      }),
      downloadFile: this.api('cloud.downloadFile', (args) => {
        this.wxCalls.push({ api: 'cloud.downloadFile', args: { fileID: args.fileID } })
        const bytes = cloud.storage.get(String(args.fileID))
        if (!bytes) throw new Error('storage file not exists')
        return { tempFilePath: this.tempFile(bytes), statusCode: 200 }
      }),
      getTempFileURL: this.api('cloud.getTempFileURL', (args) => ({
        fileList: (args.fileList as string[]).map((fileID) => ({ fileID, tempFileURL: tempUrlOf(fileID), status: 0 })),
      })),
    }
  }

  // ---- the test's hands and eyes ---------------------------------------------------------------

  /**
   * The visible text of the current page. Read from the page's frame, never from `comp.dom`: for a
   * root component j-component's `dom` getter builds a new container on each read and moves the
   * rendered nodes into it.
   */
  text(entry: PageEntry = this.page): string {
    return (entry.frame.textContent ?? '').replace(/\s+/g, ' ').trim()
  }

  /** Waits (up to `ms`) until the current page shows `text`. */
  async waitFor(text: string | RegExp, ms = 5000): Promise<void> {
    const until = Date.now() + ms
    const has = () => (typeof text === 'string' ? this.text().includes(text) : text.test(this.text()))
    while (!has()) {
      this.throwIfFailed()
      if (Date.now() > until)
        throw new Error(`"${String(text)}" not shown on ${this.route} within ${ms} ms:\n${this.text().slice(0, 1500)}`)
      await sleep(20)
    }
  }

  /** Waits until `probe` answers something truthy; answers it. */
  async until<T>(probe: () => T, what: string, ms = 5000): Promise<NonNullable<T>> {
    const end = Date.now() + ms
    for (;;) {
      this.throwIfFailed()
      const value = probe()
      if (value) return value
      if (Date.now() > end)
        throw new Error(`${what}: not seen on ${this.route} within ${ms} ms:\n${this.text().slice(0, 1500)}`)
      await sleep(20)
    }
  }

  /** Waits until a toast with `title` has been shown. */
  async waitForToast(title: string, ms = 5000): Promise<void> {
    await this.until(() => this.toasts.includes(title), `toast "${title}" (toasts: ${this.toasts.join(' | ')})`, ms)
  }

  /** Waits until the route is `route`. */
  async waitForRoute(route: string, ms = 5000): Promise<void> {
    const until = Date.now() + ms
    while (this.stack[this.stack.length - 1]?.route !== route) {
      this.throwIfFailed()
      if (Date.now() > until) throw new Error(`still on ${this.stack[this.stack.length - 1]?.route}, expected ${route}`)
      await sleep(20)
    }
  }

  throwIfFailed(): void {
    if (this.errors.length)
      throw this.errors[0] instanceof Error ? this.errors[0] : new Error(JSON.stringify(this.errors[0]))
  }

  private elements(entry: PageEntry = this.page): Element[] {
    return [...entry.frame.querySelectorAll('*')]
  }

  /** The innermost element showing `text` (exactly, or containing it). */
  find(text: string | RegExp, within?: string): Element {
    const entry = this.page
    const matcher = (x: string | RegExp) => (el: Element) => {
      const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
      return typeof x === 'string' ? t.includes(x) : x.test(t)
    }
    const match = matcher(text)
    let scope = this.elements(entry)
    if (within) {
      // The innermost element showing both `within` and `text` (e.g. one card of a list).
      const both = scope.filter((el) => matcher(within)(el) && match(el))
      const box = both.filter((el) => ![...el.children].some((c) => matcher(within)(c) && match(c)))[0]
      if (!box) throw new Error(`no "${String(text)}" next to "${within}" on ${entry.route}`)
      scope = [...box.querySelectorAll('*')]
    }
    const hits = scope.filter(match)
    const innermost = hits.filter((el) => ![...el.children].some(match))
    // A button showing the text beats a label showing the same text; an exact match beats a partial one.
    const exact = (el: Element) => (el.textContent ?? '').trim() === text
    // (Taroify's Button is a view with the label and a hidden native button.)
    const inButton = (el: Element) => el.closest('wx-button, [class*="taroify-button"]') !== null
    const el =
      innermost.find((e) => exact(e) && inButton(e)) ??
      innermost.find(exact) ??
      innermost.find(inButton) ??
      innermost[0]
    if (!el) throw new Error(`no "${String(text)}" on ${entry.route}:\n${this.text(entry).slice(0, 1500)}`)
    return el
  }

  /** Elements matching a DOM selector on the current page (e.g. `wx-input`, `[placeholder*=签到码]`). */
  all(selector: string): Element[] {
    return [...this.page.frame.querySelectorAll(selector)]
  }

  /** Fires a WeChat event on an element, as a user's finger would (bubbling, through exparser). */
  async fire(el: Element, type: string, detail: Json = {}): Promise<void> {
    const target = (el as unknown as { __wxElement?: unknown }).__wxElement
    if (!target) throw new Error(`<${el.tagName.toLowerCase()}> is not a WeChat node`)
    this.exparser.Event.dispatchEvent(
      target,
      this.exparser.Event.create(type, detail, {
        originalEvent: new CustomEvent(type),
        bubbles: true,
        capturePhase: true,
        composed: true,
        extraFields: { touches: [], changedTouches: [] },
      }),
    )
    await settle()
    this.throwIfFailed()
  }

  /** A WXML attribute of a node as the template set it (camelCase, e.g. a button's `openType`). */
  attr(el: Element, name: string): unknown {
    const vt = (el as unknown as { __wxElement?: { _vt?: { attrs?: { name: string; value: unknown }[] } } }).__wxElement
      ?._vt
    return vt?.attrs?.find((a) => a.name === name)?.value
  }

  /** Taroify's Button draws its label in views and lays a native button over them: the one a finger hits. */
  private overlayButton(el: Element): Element | null {
    for (let p: Element | null = el; p; p = p.parentElement) {
      if (!String(p.getAttribute('class') ?? '').includes('taroify-button')) continue
      const native = p.querySelector('wx-button')
      if (native) return native
    }
    return null
  }

  /**
   * Taps the innermost element showing `text`. A disabled button ignores the tap; a button with an
   * `open-type` then gets the event WeChat's native button would send (the user agreeing in
   * WeChat's own dialog: the privacy agreement, the phone number via the `getPhoneNumber` stub).
   */
  async tap(text: string | RegExp | Element, opts: { within?: string } = {}): Promise<void> {
    const el = typeof text === 'string' || text instanceof RegExp ? this.find(text, opts.within) : text
    const button = el.closest('wx-button') ?? this.overlayButton(el)
    if (button && this.attr(button, 'disabled') === true) throw new Error(`"${button.textContent}" is disabled`)
    await this.fire(el, 'tap', { x: 0, y: 0 })
    const openType = button ? this.attr(button, 'openType') : undefined
    if (!button || !openType) return
    if (openType === 'agreePrivacyAuthorization') {
      await this.fire(button, 'agreeprivacyauthorization', {})
    } else if (openType === 'getPhoneNumber') {
      this.wxCalls.push({ api: 'getPhoneNumber', args: {} })
      const answer = this.stubs.get('getPhoneNumber')
      if (!answer) throw new Error('a getPhoneNumber button was tapped but the test did not stub getPhoneNumber')
      const detail = typeof answer === 'function' ? await answer({}) : answer
      await this.fire(button, 'getphonenumber', detail)
    } else if (openType === 'share') {
      this.shares.push(this.pageHook('onShareAppMessage', { from: 'button', target: {} }))
    }
  }

  /** Types into an input/textarea (by DOM selector or element), firing input then blur as WeChat does. */
  async input(target: string | Element, value: string): Promise<void> {
    const el = typeof target === 'string' ? this.all(target)[0] : target
    if (!el) throw new Error(`no ${String(target)} on ${this.route}`)
    await this.fire(el, 'input', { value, cursor: value.length, keyCode: 0 })
    await this.fire(el, 'blur', { value })
  }
}

/**
 * One WeChat client per process, as on a phone; a second launch in the same test file (another
 * person's phone) starts from a clean slate: the build's modules are loaded again, the page frames go.
 */
let current: WeappHost | null = null
let watching = false

/** Unhandled rejections (an error thrown in a page) and console.error go to the running client. */
function watchErrors(host: WeappHost): void {
  current = host
  if (watching) return
  watching = true
  process.on('unhandledRejection', (err) => current?.errors.push(err))
  const consoleError = console.error
  console.error = (...args: unknown[]) => {
    current?.consoleErrors.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '))
    consoleError(...args)
  }
}

/** Closes the running client (after all tests of a file: open pages' timers would keep Node alive). */
export function closeWeapp(): void {
  current?.close()
}

function forgetPreviousRun(): void {
  for (const key of Object.keys(nodeRequire.cache)) if (key.startsWith(DIST)) delete nodeRequire.cache[key]
  const wx = (globalThis as unknown as { wx?: Json }).wx
  if (wx) delete wx.webpackJsonp
  document.body.innerHTML = ''
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

/** Lets React commit and Taro's setData reach the simulator. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await sleep(5)
}
