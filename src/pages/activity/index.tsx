import { Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import Cell from '@taroify/core/cell'
import '@taroify/core/cell/style'
import Skeleton from '@taroify/core/skeleton'
import '@taroify/core/skeleton/style'
import Tag from '@taroify/core/tag'
import '@taroify/core/tag/style'
import type { ActivityDetail } from '@api/activity'
import { useActivityDetail } from '@/features/activities/hooks/useActivityDetail'
import { PhaseTag } from '@/features/activities/components/PhaseTag'
import { PlaceMap } from '@/features/activities/components/PlaceMap'
import { seatsText } from '@/features/activities/components/seats'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { formatTimeRange, formatWindow } from '@/utils/time'
import './index.scss'

function Detail({ activity: a }: { activity: ActivityDetail }) {
  return (
    <View className="detail" data-testid="activity-detail">
      {a.coverUrl ? <Image className="detail__cover" src={a.coverUrl} mode="aspectFill" /> : null}
      <View className="detail__head">
        <Text className="detail__title">{a.title}</Text>
        <View className="detail__tags">
          <PhaseTag phase={a.phase} />
          <Tag className="detail__category" variant="outlined" color="primary" shape="rounded">
            {a.category.name}
          </Tag>
          {a.recordsServiceHours ? (
            <Tag className="detail__hours" variant="outlined" color="success" shape="rounded">
              志愿时长
            </Tag>
          ) : null}
        </View>
      </View>

      <Cell.Group className="detail__cells" inset>
        <Cell title="主办单位" className="detail__unit">{a.unit.name}</Cell>
        {a.planLine ? (
          <Cell title="所属清单" className="detail__plan-line">
            年度清单：{a.planLine.title}（{a.planLine.plannedMonth}月）
          </Cell>
        ) : null}
        <Cell title="活动时间" className="detail__time">{formatTimeRange(a.startAt, a.endAt)}</Cell>
        <Cell title="活动地点" className="detail__place">
          <Text className="detail__place-name">{a.placeName}</Text>
          {a.placeAddress ? <Text className="detail__address">{a.placeAddress}</Text> : null}
        </Cell>
        <Cell title="名额" className="detail__seats">{seatsText(a.seatsLeft, a.capacity)}</Cell>
        <Cell title="报名时间" className="detail__window">
          {formatWindow(a.signupOpensAt, a.signupClosesAt)}
        </Cell>
        {a.contact ? <Cell title="联系方式" className="detail__contact">{a.contact}</Cell> : null}
      </Cell.Group>

      {a.location ? (
        <View className="detail__section">
          <Text className="detail__section-title">活动地点</Text>
          <PlaceMap name={a.placeName} address={a.placeAddress} location={a.location} />
        </View>
      ) : null}

      <View className="detail__section">
        <Text className="detail__section-title">活动介绍</Text>
        {/* Plain text from the organiser: Text keeps its newlines. */}
        <Text className="detail__description" userSelect>
          {a.description}
        </Text>
      </View>

      <View className="detail__bar">
        <Button className="detail__signup" color="primary" shape="round" block disabled>
          报名功能即将开放
        </Button>
      </View>
    </View>
  )
}

export default function ActivityPage() {
  const router = useRouter()
  const { state, reload } = useActivityDetail(router.params.id)

  switch (state.phase) {
    case 'loading':
      return (
        <View className="detail detail--loading" data-testid="detail-skeleton">
          <Skeleton title row={6} />
        </View>
      )
    case 'not-found':
      return <EmptyState text="活动不存在或已下线" />
    case 'error':
      return <ErrorState message={state.message} onRetry={() => void reload()} />
    case 'ready':
      return <Detail activity={state.activity} />
  }
}
