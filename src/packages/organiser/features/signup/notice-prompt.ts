/** After saving a published event: offer to tell everyone confirmed when its time or place changed. */
import Taro from '@tarojs/taro'
import type { ManagedActivity } from '@api/activity'
import type { NoticeKind } from '@api/signup'

const ROSTER_PAGE = '/packages/organiser/pages/roster/index'

/** What changed that people who are coming must know: the time first, then the place; null when neither. */
export function changeWorthNotice(before: ManagedActivity, after: ManagedActivity): NoticeKind | null {
  if (before.state !== 'published' || after.state !== 'published') return null
  if (before.startAt !== after.startAt || before.endAt !== after.endAt) return 'time'
  if (before.placeName !== after.placeName || before.placeAddress !== after.placeAddress) return 'place'
  return null
}

/** Asks whether to notify; 去通知 opens the roster's notice dialog with the kind chosen. */
export async function offerNotice(after: ManagedActivity, kind: NoticeKind): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '通知已报名人员',
    content: `活动${kind === 'time' ? '时间' : '地点'}已修改，是否通知已确认参加的人？`,
    confirmText: '去通知',
    cancelText: '暂不',
  })
  if (confirm) await Taro.navigateTo({ url: `${ROSTER_PAGE}?id=${encodeURIComponent(after.id)}&notify=${kind}` })
}
