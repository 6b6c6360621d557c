/** The session function's answers to its refusals, in Chinese. */
import type { PhoneFailure } from '../../../server/domain/signup/identity'
import type { FailureTable } from '../../../server/runtime/failures'

export const sessionFailures: FailureTable<PhoneFailure> = {
  phoneCodeRefused: {
    code: 'INVALID_INPUT',
    message: '手机号授权已失效，请重新点击获取手机号',
    fields: { code: '授权已失效' },
  },
  phoneNotMainland: {
    code: 'INVALID_INPUT',
    message: '目前仅支持绑定中国大陆手机号',
    fields: { code: '非中国大陆手机号' },
  },
}
