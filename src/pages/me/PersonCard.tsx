import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useLoad } from '@/hooks/useLoad'
import { useReloadOnShow } from '@/hooks/useLatest'
import { mySummary } from '@/features/record/api'

const RECORD = '/packages/record/pages/timeline/index'
const MY_STARS = '/packages/stars/pages/mine/index'
const MY_HONOURS = '/packages/honours/pages/mine/index'
const eventUrl = (id: string) => `/pages/activity/index?id=${encodeURIComponent(id)}`

function go(url: string) {
  void Taro.navigateTo({ url })
}

function whenText(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${d.toISOString().slice(11, 16)}`
}

/**
 * 我的 leads with the person, from one call (record.summary): approved hours, this year's stars and
 * events, the next event signed up for. Asked again each time 我的 appears.
 */
export function PersonCard() {
  const person = useLoad(mySummary, [])
  useReloadOnShow(person.reload)
  // The card is a summary: when it cannot load, the lists below still work.
  if (person.phase !== 'ready') return null
  const p = person.data
  const next = p.next
  return (
    <View className="me__card" data-testid="person-card">
      <View className="me__card-numbers">
        <View className="me__card-cell" data-testid="person-hours" onClick={() => go(RECORD)}>
          <Text className="me__card-value">
            {String(p.totalHours)}
            <Text className="me__card-unit"> 小时</Text>
          </Text>
          <Text className="me__card-label">累计志愿时长</Text>
        </View>
        <View className="me__card-cell" data-testid="person-stars" onClick={() => go(MY_STARS)}>
          <Text className="me__card-value">
            {p.stars.published ? `${p.stars.earned}/${p.stars.of}` : String(p.stars.earned)}
            <Text className="me__card-unit"> 颗</Text>
          </Text>
          <Text className="me__card-label">今年摘星</Text>
        </View>
        <View className="me__card-cell" data-testid="person-activities" onClick={() => go(RECORD)}>
          <Text className="me__card-value">
            {String(p.activities)}
            <Text className="me__card-unit"> 场</Text>
          </Text>
          <Text className="me__card-label">今年参加活动</Text>
        </View>
      </View>
      {next ? (
        <Text className="me__card-next" data-testid="person-next" onClick={() => go(eventUrl(next.activityId))}>
          {`下一场活动：${next.title} · ${whenText(next.startAt)} · ${next.placeName}`}
        </Text>
      ) : (
        <Text className="me__card-next" data-testid="person-next">
          还没有报名即将开始的活动
        </Text>
      )}
      {p.honours > 0 ? (
        <Text className="me__card-next" data-testid="person-honours" onClick={() => go(MY_HONOURS)}>
          {`获得荣誉 ${p.honours} 项 ›`}
        </Text>
      ) : null}
      <Text className="me__card-more" data-testid="person-record" onClick={() => go(RECORD)}>
        查看成长档案 ›
      </Text>
    </View>
  )
}
