import { Text, View } from '@tarojs/components'
import type { ActivityNotice } from '@api/signup'
import { NOTICE_KIND_NAMES } from '@contract/signup'
import { formatDateTime } from '@/utils/time'
import './notice.scss'

/** "已发给 12 人，其中 3 人未订阅通知，无法送达". */
export function reachText(n: Pick<ActivityNotice, 'recipients' | 'unreachable'>): string {
  if (n.recipients === 0) return '发送时没有已确认参加的人'
  if (n.unreachable === 0) return `已发给 ${n.recipients} 人`
  if (n.unreachable === n.recipients) return `${n.recipients} 人均未订阅活动通知，无法送达`
  return `已发给 ${n.recipients} 人，其中 ${n.unreachable} 人未订阅活动通知，无法送达`
}

/** The event's notices, newest first: what, when, by whom, and how many it reached. */
export function NoticeHistory({ items }: { items: ActivityNotice[] }) {
  if (!items.length) return null
  return (
    <View className="notice-history" data-testid="notice-history">
      <Text className="notice-history__title">通知记录</Text>
      {items.map((n) => (
        <View key={n.id} className="notice-history__item" data-testid="notice-item">
          <View className="notice-history__row">
            <Text className="notice-history__kind">{NOTICE_KIND_NAMES[n.kind]}</Text>
            <Text className="notice-history__text">{n.text}</Text>
          </View>
          <Text className="notice-history__meta">
            {formatDateTime(n.sentAt)} · {n.sentBy.nickname} 发送 · {reachText(n)}
          </Text>
        </View>
      ))}
    </View>
  )
}
