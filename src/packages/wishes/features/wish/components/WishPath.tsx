import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { WishDetail } from '@api/wish'
import { formatDateTime } from '@/utils/time'
import { PATH, WISH_STAGE_NAMES } from '../labels'
import './WishPath.scss'

/** 征集中 → 已认领 (by whom) → 已排期 (the event) → 已举办: the steps reached are lit. */
export function WishPath({ wish }: { wish: WishDetail }) {
  const reached = PATH.indexOf(wish.stage)
  const note = (i: number): string | null => {
    if (i === 1 && wish.claimedBy) return `${wish.claimedBy.unitName}${wish.line ? ` · ${wish.line.title}` : ''}`
    if ((i === 2 && wish.stage === 'scheduled') || (i === 3 && wish.stage === 'held'))
      return wish.event ? `${wish.event.title} · ${formatDateTime(wish.event.startAt)}` : null
    return null
  }
  return (
    <View className="wish-path" data-testid="wish-path">
      {PATH.map((stage, i) => (
        <View key={stage} className={`wish-path__step${i <= reached ? ' wish-path__step--on' : ''}`}>
          <View className="wish-path__dot" />
          <View className="wish-path__text">
            <Text className="wish-path__name">{WISH_STAGE_NAMES[stage]}</Text>
            {i <= reached && note(i) ? <View className="wish-path__note">{note(i)}</View> : null}
          </View>
        </View>
      ))}
      {wish.event ? (
        <View
          className="wish-path__event"
          data-testid="wish-event"
          onClick={() =>
            void Taro.navigateTo({ url: `/pages/activity/index?id=${encodeURIComponent(wish.event!.id)}` })
          }
        >
          {wish.stage === 'held' ? '查看活动 ›' : '去报名 ›'}
        </View>
      ) : null}
    </View>
  )
}
