import { View } from '@tarojs/components'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { useLoad } from '@/hooks/useLoad'
import { myHonours } from '../../features/api'
import '../honours.scss'

/** 我的荣誉: the honours the district granted me, newest year first. */
export default function MyHonoursPage() {
  const mine = useLoad(() => myHonours(), [])
  if (mine.phase === 'error') return <CallError error={mine.error} onRetry={() => void mine.reload()} />
  if (mine.phase === 'loading') return <View className="honours__hint">加载中…</View>
  if (mine.data.items.length === 0) return <EmptyState text="还没有获得荣誉，继续参加活动吧" />
  return (
    <View className="honours">
      {mine.data.items.map((h) => (
        <View key={h.id} className="honours__kind" data-testid="my-honour">
          <View className="honours__kind-name">
            {h.year} 年度{h.kindName}
          </View>
          <View className="honours__meta">推荐单位：{h.unitName}</View>
        </View>
      ))}
    </View>
  )
}
