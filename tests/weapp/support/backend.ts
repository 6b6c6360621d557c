/**
 * One call per test file: the backend (support/cloud.ts) started in the file's own `before` hook and
 * stopped, with the WeChat client closed, after the file's tests.
 */
import assert from 'node:assert/strict'
import { after } from 'node:test'
import { startBackend, type Backend } from './cloud'
import { closeWeapp } from './host'

/**
 * The backend of a test file, with its stop registered once: `start()` it first thing in the file's
 * own `before` hook (Node 20 runs a file's top-level `before` hooks side by side, so the start cannot
 * be a hook of its own, as with `useH5` in tests/e2e/support/h5.ts). After the file's tests the
 * WeChat client closes (open pages' timers would keep Node alive) and the backend stops.
 */
export function useBackend(): Backend & { start(): Promise<Backend> } {
  let backend: Backend | undefined
  let stopping: Promise<void> | undefined
  const stop = () => (stopping ??= backend ? backend.stop() : Promise.resolve())
  after(async () => {
    closeWeapp()
    await stop()
  })
  const started = () => {
    assert.ok(backend, 'start() the backend in the before hook')
    return backend
  }
  return {
    async start() {
      backend = await startBackend()
      return backend
    },
    get pool() {
      return started().pool
    },
    callFunction(name, data, openid) {
      return started().callFunction(name, data, openid)
    },
    /** Stops it early (the `after` hook then has nothing left to do). */
    stop,
  }
}
