import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { myRatings } from '@/features/rating/api'
import { useLoad } from '@/hooks/useLoad'
import { useReloadOnShow } from '@/hooks/useLatest'
import './RatingPrompt.scss'

/**
 * 我的活动's prompt: finished events I attended that await my rating (within 7 days of their end).
 * Nothing shows when there is none or the list cannot be loaded (the page works without it).
 */
export function RatingPrompt() {
  const mine = useLoad(() => myRatings(), [])
  useReloadOnShow(mine.reload)
  const awaiting = mine.phase === 'ready' ? mine.data.awaiting : []
  if (awaiting.length === 0) return null
  const url =
    awaiting.length === 1
      ? `/packages/rating/pages/rate/index?id=${encodeURIComponent(awaiting[0].activityId)}`
      : '/packages/rating/pages/mine/index'
  return (
    <View className="rating-prompt" data-testid="rating-prompt" onClick={() => void Taro.navigateTo({ url })}>
      <Text className="rating-prompt__text">
        {awaiting.length === 1
          ? `「${awaiting[0].title}」已结束，说说你的感受吧`
          : `${awaiting.length} 个参加过的活动等你评价`}
      </Text>
      <Text className="rating-prompt__go">去评价 ›</Text>
    </View>
  )
}
