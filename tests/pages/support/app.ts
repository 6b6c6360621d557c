/**
 * Boots the real app (src/app.ts, src/app.config.ts, the page modules and their configs) the way
 * Taro's H5 loader does in a build: createReactApp + hash history + createRouter.
 * `@tarojs/test-utils-react`'s createApp() targets Taro 3's router and does not work on 4.2.
 */
import * as React from 'react'
import Taro from '@tarojs/taro'
import { createHashHistory, createRouter, handleAppMount } from '@tarojs/router'
import { createReactApp } from '@tarojs/plugin-framework-react/dist/runtime'
import App from '@/app'
import appConfig from '@/app.config'
import dom from './react-dom-web'

interface PageInstanceHooks {
  onReachBottom?(): void
  onPullDownRefresh?(): void
}

let started = false

/** Main-package pages and subpackage pages (root + page), as the H5 build routes them. */
export function allPages(): string[] {
  const subs = (appConfig.subPackages ?? []) as { root: string; pages: string[] }[]
  return [...(appConfig.pages ?? []), ...subs.flatMap((s) => s.pages.map((p) => `${s.root}${p}`))]
}

function pageModule(path: string): { default: React.ComponentType } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`../../../src/${path}`)
}

function pageConfig(path: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`../../../src/${path}.config`).default
}

/** Let the router, React and pending promises settle. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0))
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)))
  }
}

/** Opens `url` (e.g. '/pages/activity/index?id=…') as the only page, starting the app on first use. */
export async function openPage(url: string): Promise<void> {
  if (!started) {
    started = true
    window.location.hash = `#${url}`
    // Let jsdom's async hashchange fire now: after createRouter it would open the page a second time.
    await new Promise((resolve) => setTimeout(resolve, 0))
    document.body.innerHTML = '<div id="app"></div>'
    const config = {
      ...appConfig,
      router: { mode: 'hash' },
      routes: allPages().map((path) => ({
        path,
        load: async (context: unknown, params: unknown) => [pageModule(path), context, params],
        ...pageConfig(path),
      })),
    }
    ;(window as unknown as { __taroAppConfig: unknown }).__taroAppConfig = config
    const inst = createReactApp(App, React, dom, config)
    const history = createHashHistory({ window })
    handleAppMount(config as Parameters<typeof handleAppMount>[0], history)
    createRouter(history, inst, config as Parameters<typeof createRouter>[2], React as unknown as string)
  } else {
    await Taro.reLaunch({ url })
  }
  await settle()
}

/** The page on top of the stack, as Taro's page lifecycle sees it. */
function currentPage(): PageInstanceHooks {
  const pages = Taro.getCurrentPages()
  return pages[pages.length - 1] as unknown as PageInstanceHooks
}

export async function reachBottom(): Promise<void> {
  currentPage().onReachBottom?.()
  await settle()
}

export async function pullDownRefresh(): Promise<void> {
  currentPage().onPullDownRefresh?.()
  await settle()
}

/** The current page's root element. */
export function pageRoot(): HTMLElement {
  const pages = document.querySelectorAll<HTMLElement>('.taro_page')
  return pages[pages.length - 1] ?? document.body
}

export function text(): string {
  return pageRoot().textContent ?? ''
}
