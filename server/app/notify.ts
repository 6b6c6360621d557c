/** Sends subscribe messages after a commit. A person who did not subscribe cannot be messaged; the change stands regardless. */
import type { SubscribeMessage } from '../platform/platform'
import type { AppContext } from './context'

export async function sendNotices(ctx: AppContext, notices: SubscribeMessage[]): Promise<void> {
  for (const n of notices) {
    try {
      await ctx.platform.sendSubscribeMessage(n)
    } catch (err) {
      console.error(
        JSON.stringify({
          level: 'warn',
          msg: 'subscribe message not sent',
          requestId: ctx.requestId,
          err: (err as Error).message,
        }),
      )
    }
  }
}
