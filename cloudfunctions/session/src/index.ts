/** Cloud function `session`: who the caller is and what they may manage. */
import * as z from 'zod'
import type { SessionActions } from '@api/session'
import { action, createFunction, type ActionTable } from '../../../server/runtime/function'
import { ensureUser, loadMe } from '../../../server/store/users'

export const actions: ActionTable<SessionActions> = {
  me: action({
    access: 'signed_in',
    input: z.strictObject({}).optional(),
    async handle(_input, { db, caller }) {
      return loadMe(db, await ensureUser(db, caller.openid))
    },
  }),
}

export const main = createFunction<SessionActions>('session', actions)
