/**
 * Local host only (H5): the seeded demo personas and the dev login.
 * These are plain HTTP endpoints of the local host, not cloud functions.
 */
import Taro from '@tarojs/taro'
import type { DevLoginResponse, DevPersona, DevPersonaInfo } from '@api/dev-login'

interface Envelope<T> {
  ok: boolean
  data?: T
  message?: string
}

async function request<T>(url: string, method: 'GET' | 'POST', data?: object): Promise<T> {
  let res: Taro.request.SuccessCallbackResult<Envelope<T>>
  try {
    res = await Taro.request<Envelope<T>>({
      url,
      method,
      data,
      header: { 'content-type': 'application/json' },
    })
  } catch {
    throw new Error('无法连接本地服务，请确认已用 npm start 启动')
  }
  const body = res.data
  if (!body || !body.ok || body.data === undefined) {
    throw new Error(body?.message || `本地服务返回错误（HTTP ${res.statusCode}）`)
  }
  return body.data
}

export function fetchPersonas(): Promise<{ items: DevPersonaInfo[] }> {
  return request('/api/_dev/personas', 'GET')
}

export function devLogin(persona: DevPersona): Promise<DevLoginResponse> {
  return request('/api/_dev/login', 'POST', { persona })
}
