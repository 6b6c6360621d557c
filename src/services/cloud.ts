/**
 * The only module that talks to the backend. Pages call `callFunction('activity', 'list', {...})`
 * and get the typed response or an `ApiError` carrying the server's stable code and Chinese message.
 *
 * - WeChat build: `Taro.cloud.callFunction` — CloudBase attaches the caller's OPENID itself.
 * - H5 build (local host): `POST /api/<function>` with the dev session token from the local login page.
 */
import Taro from '@tarojs/taro'
import type { ApiResult, ErrorCode, FunctionEvent } from '@api/result'
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '@api/index'

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly requestId?: string,
    /** INVALID_INPUT only: field path → Chinese message, to show next to form fields. */
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Connects the WeChat build to CloudBase once, at launch (nothing to do in the H5 build). */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  // TARO_APP_CLOUD_ENV comes from the shell or a `.env.<mode>.local` file (see config/index.ts);
  // empty means the mini-program's default CloudBase environment.
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
}

const DEV_TOKEN_KEY = 'qingju.devToken'

export function getDevToken(): string | null {
  return Taro.getStorageSync(DEV_TOKEN_KEY) || null
}

export function setDevToken(token: string | null): void {
  if (token) Taro.setStorageSync(DEV_TOKEN_KEY, token)
  else Taro.removeStorageSync(DEV_TOKEN_KEY)
}

async function transport(name: string, event: FunctionEvent): Promise<ApiResult<unknown>> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.callFunction({ name, data: event as unknown as Record<string, unknown> })
    return res.result as ApiResult<unknown>
  }
  const token = getDevToken()
  const res = await Taro.request<ApiResult<unknown>>({
    url: `/api/${name}`,
    method: 'POST',
    data: event,
    header: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  })
  return res.data
}

export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  data?: RequestOf<F, A>,
): Promise<ResponseOf<F, A>> {
  let result: ApiResult<unknown>
  try {
    result = await transport(name, { action, data })
  } catch {
    throw new ApiError('NETWORK', '网络不给力，请稍后重试')
  }
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new ApiError('NETWORK', '服务暂时不可用，请稍后重试')
  }
  if (!result.ok) throw new ApiError(result.code, result.message, result.requestId, result.fields)
  return result.data as ResponseOf<F, A>
}
