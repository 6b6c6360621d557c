/**
 * The shared page hooks (src/hooks), rendered alone: the busy flag of useAction, how it shows a
 * failure, answers to superseded loads dropped (useLatest, useLoad, usePagedList), and reload on show.
 */
import { act } from 'react'
import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/cloud'
import { useAction } from '@/hooks/useAction'
import { useLatest, useReloadOnShow } from '@/hooks/useLatest'
import { useLoad } from '@/hooks/useLoad'
import { usePagedList, type Page } from '@/hooks/usePagedList'
import dom from './support/react-dom-web'

interface Root {
  render(node: ReactNode): void
  unmount(): void
}
const { createRoot } = dom as { createRoot(container: Element): Root }

// useDidShow needs a Taro page; here the test plays the page and calls the registered callback.
const mockShow: { current: (() => void) | null } = { current: null }
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return {
    ...actual,
    __esModule: true,
    default: actual.default ?? actual,
    useDidShow: (fn: () => void) => {
      mockShow.current = fn
    },
  }
})

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** Renders `hook` in a component; `result.current` is its latest return value. */
function renderHook<T, P>(hook: (props: P) => T, props: P) {
  const result = { current: undefined as unknown as T }
  const container = document.createElement('div')
  let root: Root
  function Probe({ p }: { p: P }) {
    result.current = hook(p)
    return null
  }
  act(() => {
    root = createRoot(container)
    root.render(<Probe p={props} />)
  })
  return {
    result,
    rerender(next: P) {
      act(() => root.render(<Probe p={next} />))
    },
    unmount() {
      act(() => root.unmount())
    },
  }
}

/** A promise settled by the test. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

async function flush() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0))
  })
}

let toast: jest.SpyInstance
let modal: jest.SpyInstance
beforeEach(() => {
  mockShow.current = null
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
  modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
})
afterEach(() => {
  toast.mockRestore()
  modal.mockRestore()
})

describe('useAction', () => {
  test('the busy flag names the running action and is cleared when it ends; run answers its result', async () => {
    const { result } = renderHook(() => useAction<'save' | 'publish'>(), {})
    expect(result.current.busy).toBeNull()
    const call = deferred<number>()
    let answer: Promise<number | null> = Promise.resolve(null)
    act(() => {
      answer = result.current.run('publish', () => call.promise)
    })
    expect(result.current.busy).toBe('publish')
    await act(async () => {
      call.resolve(42)
      await answer
    })
    expect(await answer).toBe(42)
    expect(result.current.busy).toBeNull()
    expect(toast).not.toHaveBeenCalled()
  })

  test('a failure clears the flag, answers null and shows the server message as a toast by default', async () => {
    const { result } = renderHook(() => useAction(), {})
    let answer: unknown
    await act(async () => {
      answer = await result.current.run('save', () => Promise.reject(new ApiError('CONFLICT', '活动已开始，不能修改')))
    })
    expect(answer).toBeNull()
    expect(result.current.busy).toBeNull()
    expect(toast).toHaveBeenCalledWith({ title: '活动已开始，不能修改', icon: 'none' })
    expect(modal).not.toHaveBeenCalled()
  })

  test('a failure can be shown as a modal with a title, or handed to the page', async () => {
    const { result } = renderHook(() => useAction(), {})
    await act(async () => {
      await result.current.run('export', () => Promise.reject(new ApiError('FORBIDDEN', '没有权限')), {
        modal: '导出失败',
      })
    })
    expect(modal).toHaveBeenCalledWith({ title: '导出失败', content: '没有权限', showCancel: false })

    const seen: unknown[] = []
    const err = new Error('boom')
    await act(async () => {
      await result.current.run(
        'save',
        () => Promise.reject(err),
        (e) => seen.push(e),
      )
    })
    expect(seen).toEqual([err])
    expect(toast).not.toHaveBeenCalled()
    // A non-API error still gets the generic Chinese text, never the exception's own message.
    await act(async () => {
      await result.current.run('save', () => Promise.reject(new Error('TypeError: x is undefined')))
    })
    expect(toast).toHaveBeenCalledWith({ title: '出了点问题，请稍后重试', icon: 'none' })
  })

  test('an older action ending does not clear the flag of a newer one still running', async () => {
    const { result } = renderHook(() => useAction(), {})
    const first = deferred<string>()
    const second = deferred<string>()
    let a: Promise<unknown> = Promise.resolve()
    let b: Promise<unknown> = Promise.resolve()
    act(() => {
      a = result.current.run('one', () => first.promise)
    })
    act(() => {
      b = result.current.run('two', () => second.promise)
    })
    await act(async () => {
      first.resolve('x')
      await a
    })
    expect(result.current.busy).toBe('two')
    await act(async () => {
      second.resolve('y')
      await b
    })
    expect(result.current.busy).toBeNull()
  })
})

describe('useLatest', () => {
  test('only the newest request is current; drop() makes every request in flight stale', () => {
    const { result } = renderHook(() => useLatest(), {})
    const first = result.current.next()
    const page = result.current.same()
    expect(first()).toBe(true)
    expect(page()).toBe(true)
    const second = result.current.next()
    expect(first()).toBe(false)
    expect(page()).toBe(false)
    expect(second()).toBe(true)
    result.current.drop()
    expect(second()).toBe(false)
  })
})

describe('useLoad', () => {
  test('an answer that arrives after a newer load is ignored', async () => {
    const calls: ReturnType<typeof deferred<string>>[] = []
    const load = (key: string) => {
      const d = deferred<string>()
      calls.push(d)
      return d.promise.then((v) => `${key}:${v}`)
    }
    const view = renderHook(({ key }: { key: string }) => useLoad(() => load(key), [key]), { key: 'a' })
    expect(view.result.current.phase).toBe('loading')
    view.rerender({ key: 'b' })
    expect(calls).toHaveLength(2)
    // The newer answer first, then the stale one: the stale one must not overwrite it.
    calls[1].resolve('new')
    await flush()
    calls[0].resolve('old')
    await flush()
    expect(view.result.current.data).toBe('b:new')
    // A stale failure is ignored too.
    act(() => {
      void view.result.current.reload()
    })
    act(() => {
      void view.result.current.reload()
    })
    calls[3].resolve('latest')
    await flush()
    calls[2].reject(new Error('late failure'))
    await flush()
    expect(view.result.current.phase).toBe('ready')
    expect(view.result.current.data).toBe('b:latest')
  })
})

describe('usePagedList', () => {
  interface Row {
    id: string
  }
  const page = (ids: string[], nextCursor: string | null): Page<Row> => ({
    items: ids.map((id) => ({ id })),
    nextCursor,
  })

  test('loads the first page, appends the next without repeats, and drops a superseded answer', async () => {
    const asked: { filter: string; cursor: string | null; d: ReturnType<typeof deferred<Page<Row>>> }[] = []
    const fetch = (filter: string, cursor: string | null) => {
      const d = deferred<Page<Row>>()
      asked.push({ filter, cursor, d })
      return d.promise
    }
    const view = renderHook(
      ({ filter }: { filter: string }) => usePagedList((cursor) => fetch(filter, cursor), [filter]),
      { filter: 'all' },
    )
    asked[0].d.resolve(page(['1', '2'], 'c1'))
    await flush()
    expect(view.result.current.items?.map((r) => r.id)).toEqual(['1', '2'])

    act(() => view.result.current.loadMore())
    expect(view.result.current.more).toBe('loading')
    expect(asked[1]).toMatchObject({ filter: 'all', cursor: 'c1' })
    asked[1].d.resolve(page(['2', '3'], null))
    await flush()
    expect(view.result.current.items?.map((r) => r.id)).toEqual(['1', '2', '3'])
    expect(view.result.current.more).toBe('idle')
    expect(view.result.current.cursor).toBeNull()

    // Another filter while the old one's answer is still on its way: the old answer is dropped.
    act(() => {
      void view.result.current.reload()
    })
    view.rerender({ filter: 'mine' })
    expect(view.result.current.items).toBeNull()
    asked[3].d.resolve(page(['9'], null))
    await flush()
    asked[2].d.resolve(page(['1', '2', '3'], 'c9'))
    await flush()
    expect(asked[3].filter).toBe('mine')
    expect(view.result.current.items?.map((r) => r.id)).toEqual(['9'])
    expect(view.result.current.cursor).toBeNull()
  })

  test('a next page that arrives after a reload is dropped; a failed next page shows its message', async () => {
    const answers: ReturnType<typeof deferred<Page<Row>>>[] = []
    const view = renderHook(
      () =>
        usePagedList(() => {
          const d = deferred<Page<Row>>()
          answers.push(d)
          return d.promise
        }, []),
      {},
    )
    answers[0].resolve(page(['1'], 'c1'))
    await flush()
    act(() => view.result.current.loadMore())
    act(() => {
      void view.result.current.reload()
    })
    answers[2].resolve(page(['5'], 'c5'))
    await flush()
    answers[1].resolve(page(['2'], null))
    await flush()
    expect(view.result.current.items?.map((r) => r.id)).toEqual(['5'])
    expect(view.result.current.cursor).toBe('c5')

    act(() => view.result.current.loadMore())
    answers[3].reject(new ApiError('NETWORK', '网络不给力，请稍后重试'))
    await flush()
    expect(view.result.current.more).toBe('网络不给力，请稍后重试')
    expect(view.result.current.items?.map((r) => r.id)).toEqual(['5'])
  })
})

describe('useReloadOnShow', () => {
  test('reloads each time the page is shown again, not on its first show', () => {
    const reload = jest.fn()
    renderHook(() => useReloadOnShow(reload), {})
    expect(mockShow.current).not.toBeNull()
    act(() => mockShow.current?.())
    expect(reload).not.toHaveBeenCalled()
    act(() => mockShow.current?.())
    expect(reload).toHaveBeenCalledTimes(1)
    act(() => mockShow.current?.())
    expect(reload).toHaveBeenCalledTimes(2)
  })
})
