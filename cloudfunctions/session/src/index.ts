/** Cloud function `session`: who the caller is and what they may manage; binding their phone. */
import * as z from 'zod'
import { bindPhoneRequest, type SessionActions } from '@api/session'
import { bindPhone } from '../../../server/app/session/bind-phone'
import { me } from '../../../server/app/session/me'
import type { PhoneFailure } from '../../../server/domain/signup/identity'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { sessionFailures } from './failures'

export const actions = withFailures<SessionActions, PhoneFailure>(
  {
    me: action({
      access: 'signed_in',
      input: z.strictObject({}).optional(),
      handle: (_input, ctx) => me(ctx),
    }),
    bindPhone: action({
      access: 'signed_in',
      input: bindPhoneRequest,
      handle: (input, ctx) => bindPhone(ctx, input),
    }),
  },
  sessionFailures,
)

export const main = createFunction<SessionActions>('session', actions)
