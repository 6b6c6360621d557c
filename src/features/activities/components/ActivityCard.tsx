import { Text, View } from '@tarojs/components'
import Tag from '@taroify/core/tag'
import '@taroify/core/tag/style'
import type { ActivityCard as ActivityCardData } from '@api/activity'
import { formatTimeRange } from '@/utils/time'
import { distanceText } from '../distance'
import { ActivityPicture } from './ActivityPicture'
import { PhaseTag } from './PhaseTag'
import { SignedUp } from './SignedUp'
import { seatsText } from './seats'
import './ActivityCard.scss'

interface Props {
  activity: ActivityCardData
  onOpen(id: string): void
}

/** Picture (cover or the category's illustration) beside the facts; who signed up and the seats below. */
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
      <View className="activity-card__main">
        <ActivityPicture className="activity-card__picture" coverUrl={a.coverUrl} category={a.category} lazy />
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
          <Text className="activity-card__time">{formatTimeRange(a.startAt, a.endAt)}</Text>
          <View className="activity-card__where">
            <Text className="activity-card__place">{a.placeName}</Text>
            {a.distanceMeters !== null ? (
              <Text className="activity-card__distance" data-testid="card-distance">
                {distanceText(a.distanceMeters)}
              </Text>
            ) : null}
          </View>
        </View>
      </View>
      <View className="activity-card__foot">
        <SignedUp count={a.signedUp} avatars={a.avatars} />
        <Text className={`activity-card__seats${full ? ' activity-card__seats--full' : ''}`}>
          {seatsText(a.seatsLeft, a.capacity)}
        </Text>
      </View>
    </View>
  )
}
