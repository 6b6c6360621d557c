/**
 * Notices to everyone confirmed for an event (通知已报名人员): an organiser tells them of a change of
 * time or place, or anything else. Recorded with who sent it, when, what, how many were confirmed and
 * how many had not subscribed (WeChat delivers a subscribe message only to people who accepted the
 * template: one message per acceptance); at most a few per event a day, counted under a lock on the
 * event's notices so the limit holds across function instances. Messages go out after the commit.
 */
import type { ActivityNotice, NoticeList, noticeListRequest, sendNoticeRequest } from '@api/signup'
import { NOTICE_KIND_NAMES } from '@contract/signup'
import type * as z from 'zod'
import { templates } from '../../config'
import { checkNotice, noticeDayStart, noticesLeft } from '../../domain/signup/notice'
import type { SubscribeMessage } from '../../platform/platform'
import {
  addNoticeGrant,
  confirmedCount,
  hasActiveRegistration,
  insertNotice,
  lockEventNotices,
  noticesOf,
  noticesSince,
  takeNoticeGrants,
  type StoredNotice,
} from '../../store/notices'
import { inTransaction } from '../../store/tx'
import { ensureUser } from '../../store/users'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { sendNotices } from '../notify'
import { check } from '../refusal'
import { allowOrganiser, visibleEvent } from './access'

const toNotice = (n: StoredNotice): ActivityNotice => ({
  id: n.id,
  kind: n.kind,
  text: n.body,
  sentAt: n.sentAt.toISOString(),
  sentBy: { userId: n.sentBy, nickname: n.sentByNickname },
  recipients: n.recipients,
  unreachable: n.unreachable,
})

export async function sendNotice(
  ctx: SignedInContext,
  input: z.output<typeof sendNoticeRequest>,
): Promise<ActivityNotice> {
  const actor = await requireActor(ctx)
  const event = await visibleEvent(ctx.db, input.activityId)
  allowOrganiser(actor, event, 'sendNotice')
  const body = input.text.trim()
  // Before the lock: a refused text takes nothing from the day's allowance.
  await ensureSafeText(ctx, body)
  const { id, reachable } = await inTransaction(ctx.db, async (tx) => {
    await lockEventNotices(tx, event.id)
    const today = await noticesSince(tx, event.districtId, event.id, noticeDayStart(ctx.now))
    check(checkNotice(event, today, ctx.now))
    const recipients = await confirmedCount(tx, event.id)
    const openids = await takeNoticeGrants(tx, event.districtId, event.id, ctx.now)
    const noticeId = await insertNotice(tx, {
      districtId: event.districtId,
      activityId: event.id,
      sentBy: actor.userId,
      sentAt: ctx.now,
      kind: input.kind,
      body,
      recipients,
      unreachable: recipients - openids.length,
    })
    return { id: noticeId, reachable: openids }
  })
  const messages: SubscribeMessage[] = reachable.map((toOpenid) => ({
    toOpenid,
    templateId: templates.activityNotice(),
    page: `pages/activity/index?id=${event.id}`,
    data: {
      thing1: { value: event.title.slice(0, 20) },
      phrase2: { value: NOTICE_KIND_NAMES[input.kind] },
      thing3: { value: body.slice(0, 20) },
    },
  }))
  await sendNotices(ctx, messages)
  const [sent] = (await noticesOf(ctx.db, event.districtId, event.id, 10)).filter((n) => n.id === id)
  return toNotice(sent)
}

export async function noticeList(ctx: SignedInContext, input: z.output<typeof noticeListRequest>): Promise<NoticeList> {
  const actor = await requireActor(ctx)
  const event = await visibleEvent(ctx.db, input.activityId)
  allowOrganiser(actor, event, 'viewRoster')
  const items = await noticesOf(ctx.db, event.districtId, event.id)
  const today = items.filter((n) => n.sentAt >= noticeDayStart(ctx.now)).length
  const open = checkNotice(event, 0, ctx.now) === null
  return { items: items.map(toNotice), leftToday: open ? noticesLeft(today) : 0 }
}

/**
 * The caller accepted the notice template for this event (in the sign-up tap): one more message may
 * reach them. Kept only for someone holding or waiting for a place.
 */
export async function subscribeNotices(
  ctx: SignedInContext,
  input: z.output<typeof noticeListRequest>,
): Promise<{ subscribed: boolean }> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  const event = await visibleEvent(ctx.db, input.activityId)
  if (!(await hasActiveRegistration(ctx.db, event.id, user.id))) return { subscribed: false }
  await addNoticeGrant(ctx.db, event.districtId, event.id, user.id, ctx.now)
  return { subscribed: true }
}
