/**
 * Typed access to the mocked `callFunction`. Each test file mocks only src/services/cloud.ts:
 *   jest.mock('@/services/cloud', () => ({ ...jest.requireActual('@/services/cloud'), callFunction: jest.fn() }))
 * so ApiError stays the real class.
 */
import type { ActivityListRequest } from '@api/activity'
import { callFunction } from '@/services/cloud'

export const callFunctionMock = callFunction as jest.MockedFunction<typeof callFunction>

type Handler = (data: unknown) => unknown | Promise<unknown>

/** Answer by `function.action`; an unexpected call fails the test. */
export function serve(handlers: Record<string, Handler>): void {
  callFunctionMock.mockImplementation((async (name: string, action: string, data?: unknown) => {
    const handler = handlers[`${name}.${action}`]
    if (!handler) throw new Error(`unexpected call ${name}.${action}`)
    return handler(data)
  }) as unknown as typeof callFunction)
}

/** The payloads of every `activity.list` call so far. */
export function listCalls(): ActivityListRequest[] {
  return callFunctionMock.mock.calls
    .filter(([name, action]) => name === 'activity' && action === 'list')
    .map(([, , data]) => data as ActivityListRequest)
}
