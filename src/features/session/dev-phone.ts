/**
 * H5 only, the local stand-in for WeChat's phone-number button: the local host issues a short-lived
 * code for a typed number (POST /api/_dev/phone-code, signed in), which `session.bindPhone` then
 * exchanges like the button's code. The WeChat build never calls it (and does not contain it).
 */
import Taro from '@tarojs/taro'
import type { DevPhoneCodeResponse } from '@api/dev-login'
import type { ApiResult } from '@api/result'
import { ApiError, getDevToken } from '@/services/cloud'

export async function devPhoneCode(phone: string): Promise<string> {
  // The WeChat build folds this to a throw and drops the rest: no dev endpoint in its bundle.
  if (process.env.TARO_ENV !== 'h5') throw new ApiError('NETWORK', '请使用微信手机号授权')
  const token = getDevToken()
  let result: ApiResult<DevPhoneCodeResponse> | undefined
  try {
    const res = await Taro.request<ApiResult<DevPhoneCodeResponse>>({
      url: '/api/_dev/phone-code',
      method: 'POST',
      data: { phone },
      header: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    })
    result = res.data
  } catch {
    throw new ApiError('NETWORK', '网络不给力，请稍后重试')
  }
  if (!result || typeof result !== 'object' || !('ok' in result))
    throw new ApiError('NETWORK', '服务暂时不可用，请稍后重试')
  if (!result.ok) throw new ApiError(result.code, result.message)
  return result.data.code
}
