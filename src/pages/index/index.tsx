import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useHomeList } from '@/features/activities/hooks/useHomeList'
import { useNearby } from '@/features/activities/hooks/useNearby'
import { ActivityCard } from '@/features/activities/components/ActivityCard'
import { ActivityListSkeleton } from '@/features/activities/components/ActivityListSkeleton'
import { CategoryTabs } from '@/features/activities/components/CategoryTabs'
import { FilterBar } from '@/features/activities/components/FilterBar'
import { ListFooter } from '@/features/activities/components/ListFooter'
import { hasFilters } from '@/features/activities/store/activity-list'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { PrivacyPopup } from '@/features/privacy/components/PrivacyPopup'
import './index.scss'

function openActivity(id: string) {
  void Taro.navigateTo({ url: `/pages/activity/index?id=${encodeURIComponent(id)}` })
}

function emptyText(filtered: boolean, finished: boolean): string {
  if (filtered) return '没有符合条件的活动'
  return finished ? '暂无已结束的活动' : '暂无活动'
}

export default function Home() {
  const list = useHomeList()
  const nearby = useNearby()

  let body: JSX.Element
  if (list.phase === 'idle' || list.phase === 'loading') {
    body = <ActivityListSkeleton />
  } else if (list.phase === 'error') {
    body = <ErrorState message={list.error ?? '加载失败'} onRetry={() => void list.reload()} />
  } else if (list.items.length === 0) {
    body = <EmptyState text={emptyText(hasFilters(list) && list.status !== 'finished', list.status === 'finished')} />
  } else {
    body = (
      <View className="home__list">
        {list.items.map((a) => (
          <ActivityCard key={a.id} activity={a} onOpen={openActivity} />
        ))}
        <ListFooter
          loadingMore={list.loadingMore}
          hasMore={list.nextCursor !== null}
          error={list.moreError}
          onLoadMore={() => void list.loadMore()}
        />
      </View>
    )
  }

  return (
    <View className="home">
      <View className="home__header">
        <View className="home__intro">
          <Text className="home__title">青年活动</Text>
          <Text className="home__subtitle">团区委与各成员单位的志愿服务和青年活动</Text>
        </View>
        <View className="home__links">
          {/* The district's shared venues (阵地): browsing needs no sign-in. */}
          <View
            className="home__venues-link"
            data-testid="venues-link"
            onClick={() => void Taro.navigateTo({ url: '/packages/venues/pages/list/index' })}
          >
            阵地预约 ›
          </View>
          {process.env.TARO_ENV === 'h5' ? (
            <View className="home__dev-link" onClick={() => void Taro.navigateTo({ url: '/pages/dev-login/index' })}>
              切换身份(本地)
            </View>
          ) : null}
        </View>
      </View>
      <FilterBar
        filters={{ status: list.status, month: list.month, unitId: list.unitId, keyword: list.keyword }}
        units={list.units}
        onChange={list.setFilters}
        onClear={list.clearFilters}
        nearby={{ on: nearby.on, asking: nearby.asking, onToggle: () => void nearby.toggle() }}
      />
      <CategoryTabs categories={list.categories} value={list.category} onChange={list.setCategory} />
      <View className="home__content">{body}</View>
      {/* WeChat holds 附近's getLocation until the person answers the 隐私保护指引 here. */}
      <PrivacyPopup />
    </View>
  )
}
