import { Image, Text, View } from '@tarojs/components'
import Tag from '@taroify/core/tag'
import '@taroify/core/tag/style'
import type { ActivityCard as ActivityCardData } from '@api/activity'
import { formatTimeRange } from '@/utils/time'
import { PhaseTag } from './PhaseTag'
import { seatsText } from './seats'
import './ActivityCard.scss'

interface Props {
  activity: ActivityCardData
  onOpen(id: string): void
}

export function ActivityCard({ activity: a, onOpen }: Props) {
  const full = a.seatsLeft <= 0
  const dimmed = a.phase === 'finished' || a.phase === 'cancelled'
  return (
    <View
      className={`activity-card${dimmed ? ' activity-card--dimmed' : ''}`}
      data-testid="activity-card"
      hoverClass="activity-card--pressed"
      onClick={() => onOpen(a.id)}
    >
      <View className="activity-card__body">
        <View className="activity-card__head">
          <Text className="activity-card__title">{a.title}</Text>
          <PhaseTag phase={a.phase} />
        </View>
        <View className="activity-card__meta">
          <Tag className="activity-card__category" variant="outlined" color="primary" size="small">
            {a.category.name}
          </Tag>
          <Text className="activity-card__unit">{a.unit.name}</Text>
        </View>
        <View className="activity-card__line">
          <Text className="activity-card__label">时间</Text>
          <Text className="activity-card__time">{formatTimeRange(a.startAt, a.endAt)}</Text>
        </View>
        <View className="activity-card__line">
          <Text className="activity-card__label">地点</Text>
          <Text className="activity-card__place">{a.placeName}</Text>
        </View>
        <View className="activity-card__foot">
          <Text className={`activity-card__seats${full ? ' activity-card__seats--full' : ''}`}>
            {seatsText(a.seatsLeft, a.capacity)}
          </Text>
        </View>
      </View>
      {a.coverUrl ? <Image className="activity-card__cover" src={a.coverUrl} mode="aspectFill" lazyLoad /> : null}
    </View>
  )
}
