import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import Tabs from '@taroify/core/tabs'
import '@taroify/core/tabs/style'
import type { WishOrder, WishStage, WishSummary } from '@api/wish'
import { WISH_STAGES } from '@contract/wish'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { CategoryTabs } from '@/features/activities/components/CategoryTabs'
import { ListFooter } from '@/features/activities/components/ListFooter'
import { listCategories } from '@/features/activities/api'
import { useLoad } from '@/hooks/useLoad'
import { usePagedList } from '@/hooks/usePagedList'
import { listWishes } from '../../features/wish/api'
import { WishCard } from '../../features/wish/components/WishCard'
import { WISH_PAGES, WISH_STAGE_NAMES } from '../../features/wish/labels'
import './index.scss'

/** 心愿墙 (活动点单): young people's wishes, newest or most wanted first, by category and stage. */
export default function WishWallPage() {
  const [order, setOrder] = useState<WishOrder>('newest')
  const [category, setCategory] = useState<string | null>(null)
  const [stage, setStage] = useState<WishStage | null>(null)
  const categories = useLoad(listCategories, [])
  const [threshold, setThreshold] = useState<number | null>(null)
  const list = usePagedList<WishSummary>(
    async (cursor) => {
      const page = await listWishes({ order, category, stage, cursor })
      setThreshold(page.threshold)
      return page
    },
    [order, category, stage],
  )
  useReachBottom(() => list.loadMore())
  // Back from a wish (想参加 changed its count) or from proposing one: read again.
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) void list.reload()
    setShown(true)
  })

  const open = (id: string) => void Taro.navigateTo({ url: `${WISH_PAGES}/detail/index?id=${encodeURIComponent(id)}` })

  let body: JSX.Element
  if (list.error) body = <CallError error={list.error} onRetry={() => void list.reload()} />
  else if (!list.items) body = <View className="wishes__hint">加载中…</View>
  else if (list.items.length === 0)
    body = <EmptyState text={category || stage ? '没有符合条件的心愿' : '还没有心愿，来提第一个吧'} />
  else
    body = (
      <View>
        {list.items.map((w) => (
          <WishCard key={w.id} wish={w} onOpen={open} />
        ))}
        <ListFooter
          loadingMore={list.more === 'loading'}
          hasMore={list.cursor !== null}
          error={list.more !== 'idle' && list.more !== 'loading' ? list.more : null}
          onLoadMore={() => list.loadMore()}
        />
      </View>
    )

  return (
    <View className="wishes">
      <View className="wishes__header">
        <View>
          <Text className="wishes__title">活动点单</Text>
          <View className="wishes__subtitle">
            说出你想参加的活动{threshold ? `，满 ${threshold} 人想参加将提交团区委` : ''}，成员单位认领后安排
          </View>
        </View>
        <Button
          className="wishes__propose"
          size="small"
          color="primary"
          shape="round"
          data-testid="wish-propose"
          onClick={() => void Taro.navigateTo({ url: `${WISH_PAGES}/propose/index` })}
        >
          提心愿
        </Button>
      </View>
      <Tabs value={order} onChange={(v: WishOrder) => setOrder(v)}>
        <Tabs.TabPane value="newest" title="最新" />
        <Tabs.TabPane value="wanted" title="最想参加" />
      </Tabs>
      <CategoryTabs categories={categories.data?.items ?? []} value={category} onChange={setCategory} />
      <View className="wishes__chips">
        {[null, ...WISH_STAGES].map((s) => (
          <Text
            key={s ?? 'all'}
            className={`wishes__chip${s === stage ? ' wishes__chip--on' : ''}`}
            data-testid="wish-stage-filter"
            onClick={() => setStage(s)}
          >
            {s ? WISH_STAGE_NAMES[s] : '全部'}
          </Text>
        ))}
      </View>
      {body}
    </View>
  )
}
