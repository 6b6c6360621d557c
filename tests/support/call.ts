/** Calls a cloud function's real `main(event, context)` as a given person (or anonymously). */
import type { ApiResult } from '@api/result'
import { issueDevSession } from '../../server/platform/dev-session'
import type { FunctionMain } from '../../server/runtime/function'

export function tokenFor(openid: string): string {
  return issueDevSession(openid, process.env.QINGJU_DEV_SESSION_SECRET ?? '')
}

export async function call<T = unknown>(
  main: FunctionMain,
  action: string,
  data?: unknown,
  as?: string,
): Promise<ApiResult<T>> {
  return (await main(
    { action, data },
    { request_id: 'test', ...(as ? { devSessionToken: tokenFor(as) } : {}) },
  )) as ApiResult<T>
}

export function expectOk<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`)
  return result.data
}

/** Runs a timer action (the sweeps) as the scheduler does: no caller, the trigger's mark in the context. */
export async function callAsScheduler<T = unknown>(main: FunctionMain, action: string): Promise<ApiResult<T>> {
  return (await main({ action }, { request_id: 'timer', trigger: 'timer' })) as ApiResult<T>
}
