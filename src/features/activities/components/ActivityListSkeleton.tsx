import { View } from '@tarojs/components'
import Skeleton from '@taroify/core/skeleton'
import '@taroify/core/skeleton/style'
import './ActivityCard.scss'

/** Placeholder cards while the first page loads: the picture's square, then three lines. */
export function ActivityListSkeleton({ count = 3 }: { count?: number }) {
  return (
    <View data-testid="list-skeleton">
      {Array.from({ length: count }, (_, i) => (
        <View key={i} className="activity-card">
          <View className="activity-card__main">
            <View className="activity-card__picture" />
            <View className="activity-card__body">
              <Skeleton title row={3} rowWidth={['60%', '90%', '40%']} />
            </View>
          </View>
        </View>
      ))}
    </View>
  )
}
