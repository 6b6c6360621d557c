/**
 * What a person is told about their registration (subscribe messages, sent after commit), and the
 * reasons recorded on registrations the system ends. The only place with sign-up message text.
 */
import { templates } from '../../config'
import type { SubscribeMessage } from '../../platform/platform'
import { activeRegistrants, openidOf, type SignupEvent } from '../../store/signups'
import type { Db } from '../../store/tx'

export type Notice = SubscribeMessage

/** Each message: its status phrase and, unless the caller gives one (a reason), its note. */
const MESSAGES = {
  approved: { status: '报名成功', note: '审核已通过，请准时参加' },
  approvedToLine: { status: '审核通过·候补', note: '名额已满，已为你排队候补' },
  rejected: { status: '报名未通过', note: '' },
  cancelledByOrganiser: { status: '报名已取消', note: '' },
  confirmedByOrganiser: { status: '报名成功', note: '组织者已为你确认名额' },
  promotedDirect: { status: '候补成功', note: '已为你保留名额，请准时参加' },
  promotedOffer: { status: '候补名额待确认', note: '请在截止前确认参加' },
  drawn: { status: '抽签入选', note: '请在截止前确认参加' },
  picked: { status: '入选', note: '请在截止前确认参加' },
  eventCancelled: { status: '活动已取消', note: '' },
  reminder: { status: '活动提醒', note: '活动即将开始，请准时参加' },
} as const

export type NoticeKind = keyof typeof MESSAGES

/** Reasons recorded on a registration the person or the system ended. */
export const REASONS = {
  selfCancelled: '本人取消',
  declined: '本人放弃',
  notDrawn: '未抽中',
  offerExpired: '未在时限内确认',
  lineClosed: '活动已开始，候补未成功',
} as const

/** Tells a person what happened to their registration; `note` replaces the message's own (a reason). */
export async function noticeFor(
  db: Db,
  userId: string,
  event: Pick<SignupEvent, 'id' | 'title'>,
  kind: NoticeKind,
  note?: string,
): Promise<Notice> {
  const message = MESSAGES[kind]
  return {
    toOpenid: await openidOf(db, userId),
    templateId: kind === 'reminder' ? templates.reminder() : templates.signupStatus(),
    page: `pages/activity/index?id=${event.id}`,
    data: {
      thing1: { value: event.title.slice(0, 20) },
      phrase2: { value: message.status },
      thing3: { value: (note ?? message.note).slice(0, 20) },
    },
  }
}

/** Messages for everyone holding or waiting for a place when an event is cancelled. */
export async function cancellationNotices(
  db: Db,
  activityId: string,
  title: string,
  reason: string,
): Promise<Notice[]> {
  const notices: Notice[] = []
  for (const userId of await activeRegistrants(db, activityId))
    notices.push(await noticeFor(db, userId, { id: activityId, title }, 'eventCancelled', reason))
  return notices
}
