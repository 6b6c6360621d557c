import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MyRatings } from '@api/rating'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { useLoad } from '@/hooks/useLoad'
import { useReloadOnShow } from '@/hooks/useLatest'
import { myRatings } from '@/features/rating/api'
import { dayText, starsText, tagName, untilText } from '@/features/rating/format'
import '../rating.scss'

const rateUrl = (id: string) => `/packages/rating/pages/rate/index?id=${encodeURIComponent(id)}`

function Lists({ mine }: { mine: MyRatings }) {
  return (
    <View>
      <Text className="rating__group">待评价</Text>
      {mine.awaiting.length === 0 ? (
        <EmptyState text="没有待评价的活动" />
      ) : (
        mine.awaiting.map((a) => (
          <View
            key={a.activityId}
            className="rating__card rating__row"
            data-testid="awaiting-item"
            onClick={() => void Taro.navigateTo({ url: rateUrl(a.activityId) })}
          >
            <View className="rating__grow">
              <Text className="rating__title">{a.title}</Text>
              <Text className="rating__meta">{`${a.unitName} · ${dayText(a.endAt)}结束 · ${untilText(a.rateUntil)}`}</Text>
            </View>
            <Text className="rating__go">去评价 ›</Text>
          </View>
        ))
      )}
      <Text className="rating__group">我的评价</Text>
      {mine.ratings.length === 0 ? (
        <EmptyState text="还没有评价过活动" />
      ) : (
        mine.ratings.map((r) => (
          <View key={r.activityId} className="rating__card" data-testid="my-rating">
            <View className="rating__row">
              <Text className="rating__title rating__grow">{r.title}</Text>
              {r.editable ? (
                <Text
                  className="rating__go"
                  data-testid="my-rating-edit"
                  onClick={() => void Taro.navigateTo({ url: rateUrl(r.activityId) })}
                >
                  修改 ›
                </Text>
              ) : null}
            </View>
            <Text className="rating__meta" data-testid="my-rating-stars">
              {starsText(r.stars)}
            </Text>
            {r.tags.length ? <Text className="rating__meta">{r.tags.map(tagName).join(' · ')}</Text> : null}
            {r.comment ? <Text className="rating__meta">{r.comment}</Text> : null}
          </View>
        ))
      )}
    </View>
  )
}

/** 我的评价: events awaiting my rating (within 7 days of their end) and the ratings I gave. */
export default function MyRatingsPage() {
  const mine = useLoad(() => myRatings(), [])
  useReloadOnShow(mine.reload)
  let body: JSX.Element
  if (mine.phase === 'loading') body = <View className="rating__hint">加载中…</View>
  else if (mine.phase === 'error') body = <CallError error={mine.error} onRetry={() => void mine.reload()} />
  else body = <Lists mine={mine.data} />
  return (
    <View className="rating" data-testid="my-ratings">
      {body}
    </View>
  )
}
