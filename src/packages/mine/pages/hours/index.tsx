import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import Tag from '@taroify/core/tag'
import '@taroify/core/tag/style'
import type { MyEventHours, MyHours } from '@api/hours'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { KIND_NAMES, dayText, hoursText, statusView } from '@/features/hours/format'
import { formatDateTime } from '@/utils/time'
import { useLoad } from '@/hooks/useLoad'
import { getMyHours } from '../../features/hours/api'
import './index.scss'

/** Pending hours split into on public notice and still awaiting the organiser's confirmation. */
function pendingParts(e: MyEventHours): { waiting: number; notice: number; noticeUntil: string | null } {
  let notice = 0
  let noticeUntil: string | null = null
  for (const d of e.days) {
    if (d.status !== 'pending' || !d.noticeUntil) continue
    notice += d.hours
    if (!noticeUntil || d.noticeUntil > noticeUntil) noticeUntil = d.noticeUntil
  }
  notice = Math.min(notice, e.pendingHours)
  return { waiting: Math.max(0, e.pendingHours - notice), notice, noticeUntil }
}

function EventItem({ e }: { e: MyEventHours }) {
  const p = pendingParts(e)
  return (
    <View className="my-hours__event" data-testid="my-hours-event">
      <View className="my-hours__event-head">
        <Text className="my-hours__event-title">{e.title}</Text>
        <Text className="my-hours__event-hours" data-testid="event-approved">
          {hoursText(e.hours)} 小时
        </Text>
      </View>
      <Text className="my-hours__event-unit">{e.unitName}</Text>
      {p.waiting > 0 || p.notice > 0 ? (
        <View className="my-hours__pending" data-testid="event-pending">
          {p.waiting > 0 ? (
            <Tag color="warning" shape="rounded">
              待确认 {hoursText(p.waiting)} 小时
            </Tag>
          ) : null}
          {p.notice > 0 ? (
            <Tag color="info" shape="rounded">
              公示中 {hoursText(p.notice)} 小时{p.noticeUntil ? `（至 ${formatDateTime(p.noticeUntil)}）` : ''}
            </Tag>
          ) : null}
        </View>
      ) : null}
      {e.days.map((d, i) => (
        <Text key={`${d.day}-${i}`} className="my-hours__day">
          {dayText(d.day)} · {KIND_NAMES[d.kind]} {hoursText(d.hours)} 小时 ·{' '}
          {d.noticeUntil && d.status === 'pending' ? '公示中' : statusView(d).text}
        </Text>
      ))}
    </View>
  )
}

function Hours({ data }: { data: MyHours }) {
  return (
    <View className="my-hours" data-testid="my-hours">
      <View className="my-hours__head">
        <Text className="my-hours__label">累计志愿服务时长（已确认）</Text>
        <View className="my-hours__total-row">
          <Text className="my-hours__total" data-testid="my-hours-total">
            {hoursText(data.totalHours)}
          </Text>
          <Text className="my-hours__unit">小时</Text>
        </View>
        {data.byYear.length ? (
          <View className="my-hours__years" data-testid="my-hours-years">
            {data.byYear.map((y) => (
              <Text key={y.year} className="my-hours__year" data-testid="my-hours-year">
                {y.year} 年 {hoursText(y.hours)} 小时
              </Text>
            ))}
          </View>
        ) : null}
        <Button
          className="my-hours__cert"
          data-testid="open-certificate"
          color="primary"
          shape="round"
          size="small"
          onClick={() => void Taro.navigateTo({ url: '/packages/mine/pages/certificate/index' })}
        >
          开具证明
        </Button>
      </View>
      <Text className="my-hours__note">
        只有组织者确认（及公示期满）的时长计入累计；待确认和公示中的时长确认后计入。
      </Text>
      {data.events.length === 0 ? (
        <EmptyState text="还没有志愿时长记录，参加志愿服务类活动并签到签退即可累计" />
      ) : (
        <View data-testid="my-hours-events">
          {data.events.map((e) => (
            <EventItem key={e.activityId} e={e} />
          ))}
        </View>
      )}
    </View>
  )
}

export default function MyHoursPage() {
  const data = useLoad(getMyHours, [])
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  if (data.phase === 'loading') return <View className="my-hours__loading">加载中…</View>
  if (data.phase === 'error') return <CallError error={data.error} onRetry={() => void data.reload()} />
  return <Hours data={data.data} />
}
