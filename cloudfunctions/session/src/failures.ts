/** The session function's answers to its use cases' failures: codes and Chinese messages. */
import type { SessionFailure } from '../../../server/app/session/failures'
import { commonFailures, type FailureTable } from '../../../server/runtime/failures'

export const sessionFailures: FailureTable<SessionFailure> = {
  ...commonFailures,
  privacyVersionOutdated: {
    code: 'PRIVACY_OUTDATED',
    message: '隐私保护指引已更新，请重新阅读后再同意',
  },
  lastUnitAdmin: ({ unitName }) => ({
    code: 'LAST_ADMIN',
    message: `您是“${unitName}”唯一的管理员，请先指定其他管理员，再注销账号`,
  }),
  lastDistrictAdmin: {
    code: 'LAST_ADMIN',
    message: '您是团区委唯一的管理员，请先指定其他管理员，再注销账号',
  },
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
