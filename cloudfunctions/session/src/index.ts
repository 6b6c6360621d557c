/** Cloud function `session`: who the caller is, their phone, privacy consent, their data, and account deletion. */
import {
  agreePrivacyRequest,
  bindPhoneRequest,
  deleteAccountRequest,
  emptyRequest,
  exportMyDataRequest,
  type SessionActions,
} from '@api/session'
import { bindPhone } from '../../../server/app/session/bind-phone'
import { deleteAccount } from '../../../server/app/session/delete-account'
import { me } from '../../../server/app/session/me'
import { exportMyData, myData } from '../../../server/app/session/my-data'
import { agreePrivacy } from '../../../server/app/session/privacy'
import type { SessionFailure } from '../../../server/app/session/failures'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { sessionFailures } from './failures'

export const actions = withFailures<SessionActions, SessionFailure>(
  {
    me: action({ access: 'signed_in', input: emptyRequest, handle: (_input, ctx) => me(ctx) }),
    agreePrivacy: action({
      access: 'signed_in',
      input: agreePrivacyRequest,
      handle: (input, ctx) => agreePrivacy(ctx, input),
    }),
    bindPhone: action({ access: 'signed_in', input: bindPhoneRequest, handle: (input, ctx) => bindPhone(ctx, input) }),
    myData: action({ access: 'signed_in', input: emptyRequest, handle: (_input, ctx) => myData(ctx) }),
    exportMyData: action({
      access: 'signed_in',
      input: exportMyDataRequest,
      handle: (input, ctx) => exportMyData(ctx, input),
    }),
    deleteAccount: action({
      access: 'signed_in',
      input: deleteAccountRequest,
      handle: (_input, ctx) => deleteAccount(ctx),
    }),
  },
  sessionFailures,
)

export const main = createFunction<SessionActions>('session', actions)
