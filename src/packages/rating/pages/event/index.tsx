import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { EventRatingSummary } from '@api/rating'
import { CallError } from '@/components/CallError'
import { useLoad } from '@/hooks/useLoad'
import { eventRatings } from '@/features/rating/api'
import { averageText, barWidth, rateText, tagName } from '@/features/rating/format'
import '../rating.scss'

function Summary({ s }: { s: EventRatingSummary }) {
  const head = (
    <View className="rating__card">
      <Text className="rating__title">{s.title}</Text>
      <Text className="rating__meta" data-testid="event-counts">
        {`${s.count} 人评价 · ${s.attended} 人参加 · 参评率 ${rateText(s.responseRate)}`}
      </Text>
    </View>
  )
  if (s.average === null || !s.distribution)
    return (
      <View>
        {head}
        <View className="rating__card" data-testid="event-hidden">
          <Text className="rating__meta">{`评价满 ${s.minimum} 人后显示平均分、分布和留言，以保护评价人匿名。`}</Text>
        </View>
      </View>
    )
  const max = Math.max(...s.distribution, 1)
  return (
    <View>
      {head}
      <View className="rating__card">
        <Text className="rating__big" data-testid="event-average">
          {averageText(s.average)}
        </Text>
        <Text className="rating__meta">平均星级（满分 5）</Text>
        {[5, 4, 3, 2, 1].map((star) => (
          <View key={star} className="rating__row" data-testid="event-bar">
            <Text className="rating__bar-label">{`${star} 星`}</Text>
            <View className="rating__bar">
              <View className="rating__bar-fill" style={{ width: barWidth(s.distribution![star - 1], max) }} />
            </View>
            <Text className="rating__bar-num">{s.distribution![star - 1]}</Text>
          </View>
        ))}
      </View>
      {s.tags && s.tags.length ? (
        <View className="rating__card">
          <Text className="rating__label">印象</Text>
          <View className="rating__chips">
            {s.tags.map((t) => (
              <Text key={t.tag} className="rating__chip" data-testid="event-tag">
                {`${tagName(t.tag)} ${t.count}`}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      <View className="rating__card">
        <Text className="rating__label">留言（匿名）</Text>
        {s.comments && s.comments.length ? (
          s.comments.map((c, i) => (
            <Text key={i} className="rating__quote" data-testid="event-comment">
              {c}
            </Text>
          ))
        ) : (
          <Text className="rating__meta">还没有留言</Text>
        )}
      </View>
    </View>
  )
}

/** 活动评价 for the event's organisers and the district admin: anonymous aggregates only. */
export default function EventRatingsPage() {
  const { params } = useRouter()
  const summary = useLoad(() => eventRatings(params.id ?? ''), [params.id])
  let body: JSX.Element
  if (summary.phase === 'loading') body = <View className="rating__hint">加载中…</View>
  else if (summary.phase === 'error') body = <CallError error={summary.error} onRetry={() => void summary.reload()} />
  else body = <Summary s={summary.data} />
  return (
    <View className="rating" data-testid="event-ratings">
      {body}
    </View>
  )
}
