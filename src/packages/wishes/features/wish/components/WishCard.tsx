import { Text, View } from '@tarojs/components'
import type { WishSummary } from '@api/wish'
import { WISH_STAGE_NAMES, monthsText } from '../labels'
import './WishCard.scss'

/** One wish on the wall: title, category, stage, months, 想参加 count. */
export function WishCard({ wish, onOpen }: { wish: WishSummary; onOpen(id: string): void }) {
  return (
    <View className="wish-card" data-testid="wish-card" onClick={() => onOpen(wish.id)}>
      <View className="wish-card__head">
        <Text className="wish-card__title">{wish.title}</Text>
        <Text className={`wish-card__stage wish-card__stage--${wish.stage}`} data-testid="wish-stage">
          {WISH_STAGE_NAMES[wish.stage]}
        </Text>
      </View>
      {wish.body ? <View className="wish-card__body">{wish.body}</View> : null}
      <View className="wish-card__meta">
        <Text>{wish.categoryName}</Text>
        <Text>希望时间：{monthsText(wish.months)}</Text>
        {wish.claimedBy ? <Text>认领：{wish.claimedBy.unitName}</Text> : null}
      </View>
      <View className="wish-card__count" data-testid="wish-count">
        {wish.supporters} 人想参加
      </View>
    </View>
  )
}
