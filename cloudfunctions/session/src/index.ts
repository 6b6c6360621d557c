/** Cloud function `session`: who the caller is and what they may manage. */
import * as z from 'zod'
import type { SessionActions } from '@api/session'
import { me } from '../../../server/app/session/me'
import { action, createFunction, type ActionTable } from '../../../server/runtime/function'

export const actions: ActionTable<SessionActions> = {
  me: action({
    access: 'signed_in',
    input: z.strictObject({}).optional(),
    handle: (_input, ctx) => me(ctx),
  }),
}

export const main = createFunction<SessionActions>('session', actions)
