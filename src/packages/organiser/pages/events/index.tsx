import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import Tabs from '@taroify/core/tabs'
import '@taroify/core/tabs/style'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { formatTimeRange } from '@/utils/time'
import { useReloadOnShow } from '@/hooks/useLatest'
import { usePagedList } from '@/hooks/usePagedList'
import { listManaged, type EventState } from '../../features/events/api'
import { EVENT_STATE_NAMES } from '../../features/events/event-form'
import './index.scss'

const ALL = 'all'
// Tab order: what organisers look for first (finished before cancelled).
const TABS: { value: EventState | typeof ALL; title: string }[] = [
  { value: ALL, title: '全部' },
  ...(['draft', 'published', 'finished', 'cancelled'] as const).map((s) => ({ value: s, title: EVENT_STATE_NAMES[s] })),
]

function open(url: string) {
  void Taro.navigateTo({ url })
}

export default function UnitEventsPage() {
  const { params } = useRouter()
  const unitId = params.unitId ?? ''
  const [tab, setTab] = useState<EventState | typeof ALL>(ALL)
  const { items, cursor, error, more, reload, loadMore } = usePagedList(
    (after) => listManaged(unitId, tab === ALL ? null : tab, after ?? undefined),
    [unitId, tab],
  )
  // Back from the editor: states may have changed.
  useReloadOnShow(reload)
  useReachBottom(loadMore)

  let body: JSX.Element
  if (error) body = <CallError error={error} onRetry={() => void reload()} />
  else if (!items) body = <View className="events__hint">加载中…</View>
  else if (items.length === 0) body = <EmptyState text="还没有活动" />
  else {
    body = (
      <View>
        {items.map((a) => (
          <View
            key={a.id}
            className="events__item"
            data-testid="managed-event"
            onClick={() => open(`/packages/organiser/pages/event/index?id=${a.id}`)}
          >
            <View className="events__head">
              <Text className="events__title">{a.title}</Text>
              <Text className={`events__state events__state--${a.state}`}>{EVENT_STATE_NAMES[a.state]}</Text>
            </View>
            <Text className="events__line">{formatTimeRange(a.startAt, a.endAt)}</Text>
            <Text className="events__line">
              {a.planLine ? `年度清单：${a.planLine.title}` : '临时活动'} · 报名 {a.seatsTaken}/{a.capacity}
            </Text>
          </View>
        ))}
        <View className="events__hint">
          {more === 'loading' ? '加载中…' : more !== 'idle' ? more : cursor ? '上拉加载更多' : '没有更多了'}
        </View>
      </View>
    )
  }

  return (
    <View className="events">
      <Tabs value={tab} onChange={(v: EventState | typeof ALL) => setTab(v)}>
        {TABS.map((t) => (
          <Tabs.TabPane key={t.value} value={t.value} title={t.title} />
        ))}
      </Tabs>
      <View className="form-actions events__actions">
        <Button
          color="primary"
          shape="round"
          onClick={() => open(`/packages/organiser/pages/event/index?unitId=${unitId}`)}
        >
          发布新活动
        </Button>
      </View>
      {body}
    </View>
  )
}
