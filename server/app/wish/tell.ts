/**
 * The wish notices: the district admins when a wish reaches the threshold; everyone who wanted a
 * wish when an event on its claimed line opens for sign-up. Each is marked in the wish row by the
 * statement that decides it, so a wish's notice goes out once whoever calls and however often.
 */
import { templates } from '../../config'
import type { SubscribeMessage } from '../../platform/platform'
import { districtAdminOpenids, nextEventOnLine, supporterOpenids, takeWishesToTell } from '../../store/wishes'
import type { AppContext } from '../context'
import { sendNotices } from '../notify'

const wishPage = (wishId: string) => `packages/wishes/pages/detail/index?id=${wishId}`

/** After the commit that marked the threshold told. */
export async function tellThresholdReached(
  ctx: AppContext,
  wish: { districtId: string; id: string; title: string },
  supporters: number,
): Promise<void> {
  const admins = await districtAdminOpenids(ctx.db, wish.districtId)
  const notices: SubscribeMessage[] = admins.map((toOpenid) => ({
    toOpenid,
    templateId: templates.wish(),
    page: wishPage(wish.id),
    data: {
      thing1: { value: wish.title.slice(0, 20) },
      phrase2: { value: '待认领' },
      thing3: { value: `已有 ${supporters} 人想参加` },
    },
  }))
  await sendNotices(ctx, notices)
}

/**
 * Tells the supporters of every wish claimed into `planLineId` that has not been told, when an event
 * on the line is published: called after an event is published (server/app/activity/lifecycle.ts)
 * and after a claim into a line that already has one. Safe to call any number of times.
 */
export async function tellWishSupporters(ctx: AppContext, planLineId: string | null): Promise<void> {
  if (!planLineId) return
  const wishes = await takeWishesToTell(ctx.db, planLineId, ctx.now)
  if (wishes.length === 0) return
  const event = await nextEventOnLine(ctx.db, planLineId, ctx.now)
  if (!event) return
  for (const wish of wishes) {
    const openids = await supporterOpenids(ctx.db, wish.districtId, wish.id)
    await sendNotices(
      ctx,
      openids.map((toOpenid) => ({
        toOpenid,
        templateId: templates.wish(),
        page: `pages/activity/index?id=${event.id}`,
        data: {
          thing1: { value: event.title.slice(0, 20) },
          phrase2: { value: '开始报名' },
          thing3: { value: `你想参加的“${wish.title}”已排期`.slice(0, 20) },
        },
      })),
    )
  }
}
