/**
 * The timer sweep: after an event ends, each attendee who has not rated it is sent ONE invitation
 * to rate (subscribe message). The invitation is claimed in the database before it is sent, so
 * two sweeps running at once never send the same one twice.
 */
import { RATING_WINDOW_DAYS } from '@contract/rating'
import { homeDistrictId, templates } from '../../config'
import { claimRatingInvitations } from '../../store/ratings'
import type { AppContext } from '../context'
import { sendNotices } from '../notify'

const DAY_MS = 24 * 3600_000
/** Invitations claimed per run; the next run takes the rest. */
const BATCH = 2000

export const RATING_PAGE = 'packages/rating/pages/rate/index'

export async function inviteRatings(ctx: AppContext): Promise<{ invited: number }> {
  const from = new Date(ctx.now.getTime() - RATING_WINDOW_DAYS * DAY_MS)
  const due = await claimRatingInvitations(ctx.db, homeDistrictId(), from, ctx.now, BATCH)
  await sendNotices(
    ctx,
    due.map((d) => ({
      toOpenid: d.openid,
      templateId: templates.ratingInvite(),
      page: `${RATING_PAGE}?id=${d.activityId}`,
      data: {
        thing1: { value: d.title.slice(0, 20) },
        phrase2: { value: '邀请评价' },
        thing3: { value: '请在活动结束后7天内评价' },
      },
    })),
  )
  return { invited: due.length }
}
