import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useLoad } from '@/hooks/useLoad'
import { callFunction } from '@/services/cloud'

const RECORD = '/packages/record/pages/timeline/index'

const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))

function whenText(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${d.toISOString().slice(11, 16)}`
}

async function loadPerson() {
  const year = thisYear()
  const [hours, record, upcoming] = await Promise.all([
    callFunction('hours', 'mine', {}),
    callFunction('record', 'mine', { year, kinds: ['activity'] }),
    callFunction('signup', 'myList', { tab: 'upcoming' }),
  ])
  const next = [...upcoming.items].sort((a, b) => a.activity.startAt.localeCompare(b.activity.startAt))[0] ?? null
  return { hours: hours.totalHours, activities: record.summary.activities, year, next }
}

/** 我的 leads with the person: approved hours, this year's activities, the next event signed up for. */
export function PersonCard() {
  const person = useLoad(loadPerson, [])
  // The card is a summary: when it cannot load, the lists below still work.
  if (person.phase !== 'ready') return null
  const p = person.data
  return (
    <View className="me__card" data-testid="person-card" onClick={() => void Taro.navigateTo({ url: RECORD })}>
      <View className="me__card-numbers">
        <View className="me__card-cell">
          <Text className="me__card-value">{String(p.hours)}</Text>
          <Text className="me__card-label">志愿时长（小时）</Text>
        </View>
        <View className="me__card-cell">
          <Text className="me__card-value">{String(p.activities)}</Text>
          <Text className="me__card-label">{`${p.year} 年参加活动`}</Text>
        </View>
      </View>
      <Text className="me__card-next" data-testid="person-next">
        {p.next
          ? `下一场：${p.next.activity.title} · ${whenText(p.next.activity.startAt)}`
          : '还没有报名即将开始的活动'}
      </Text>
      <Text className="me__card-more">查看成长档案 ›</Text>
    </View>
  )
}
