import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { GrowthRecord, RecordItem, RecordKind, RecordStars } from '@api/record'
import { RECORD_KIND_NAMES, RECORD_KINDS } from '@contract/record'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { useLoad } from '@/hooks/useLoad'
import { useReloadOnShow } from '@/hooks/useLatest'
import { myRecord } from '@/features/record/api'
import { shareYearSummary } from '@/features/record/share'
import { useSessionStore } from '@/features/session/store/session'
import '../record.scss'

const MY_STARS = '/packages/stars/pages/mine/index'

const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))

/** The Shanghai day of an instant: 2026年11月25日. */
function dayText(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

function line(i: RecordItem): string {
  if (i.kind === 'hours' || i.kind === 'certificate') return `${i.hours ?? 0} 小时${i.detail ? ` · ${i.detail}` : ''}`
  if (i.kind === 'rating') return `${i.detail} · ${i.stars ?? 0} 星`
  if (i.kind === 'honour') return i.detail ? `${i.detail}推荐` : ''
  return i.detail
}

function share(record: GrowthRecord) {
  const name = useSessionStore.getState().me?.nickname || '我'
  shareYearSummary(record, name).catch(() => void Taro.showToast({ title: '生成图片失败，请重试', icon: 'none' }))
}

function Summary({ record }: { record: GrowthRecord }) {
  const s = record.summary
  const cells: [string, string | number][] = [
    ['参加活动', s.activities],
    ['志愿时长', `${s.hours} 小时`],
    ['服务证明', s.certificates],
    ['活动评价', s.ratings],
    ['提出点单', s.wishes],
    ['带领社团', s.youthGroups],
    ['获得荣誉', s.honours],
  ]
  return (
    <View className="record__summary" data-testid="record-summary">
      <Text className="record__summary-title">{record.year === null ? '全部年份' : `${record.year} 年度小结`}</Text>
      <View className="record__cells">
        {cells.map(([label, value]) => (
          <View key={label} className="record__cell">
            <Text className="record__value">{String(value)}</Text>
            <Text className="record__label">{label}</Text>
          </View>
        ))}
      </View>
      <Text className="record__share" data-testid="record-share" onClick={() => share(record)}>
        分享年度小结
      </Text>
    </View>
  )
}

/** The year's stars, read from the star service when the record is asked for; tap for 我的摘星. */
function Stars({ stars }: { stars: RecordStars }) {
  return (
    <View
      className="record__stars"
      data-testid="record-stars"
      onClick={() => void Taro.navigateTo({ url: `${MY_STARS}?year=${stars.year}` })}
    >
      <Text className="record__stars-title">{`${stars.year} 年摘星`}</Text>
      <Text className="record__stars-count">
        {stars.published ? `${'★'.repeat(stars.earned)}${'☆'.repeat(stars.of - stars.earned)}` : ''}
      </Text>
      <Text className="record__stars-text">
        {stars.published
          ? `已摘 ${stars.earned} 颗，共 ${stars.of} 颗${stars.met.length ? `：${stars.met.join('、')}` : ''}`
          : '本年度摘星指标尚未公布'}
      </Text>
      <Text className="record__share">查看我的摘星 ›</Text>
    </View>
  )
}

/** 成长档案: my timeline across activities, hours, certificates, ratings, wishes, youth groups and honours. */
export default function RecordPage() {
  const now = thisYear()
  const [year, setYear] = useState<number | null>(now)
  const [kind, setKind] = useState<RecordKind | null>(null)
  const record = useLoad(
    () => myRecord({ ...(year === null ? {} : { year }), ...(kind ? { kinds: [kind] } : {}) }),
    [year, kind],
  )
  useReloadOnShow(record.reload)
  const years: (number | null)[] = [now, now - 1, now - 2, null]
  let body: JSX.Element
  if (record.phase === 'loading') body = <View className="record__hint">加载中…</View>
  else if (record.phase === 'error') body = <CallError error={record.error} onRetry={() => void record.reload()} />
  else
    body = (
      <View>
        <Summary record={record.data} />
        {record.data.stars ? <Stars stars={record.data.stars} /> : null}
        {record.data.items.length === 0 ? (
          <EmptyState text="这一年还没有记录" />
        ) : (
          record.data.items.map((i, n) => (
            <View key={`${i.kind}-${i.at}-${n}`} className="record__item" data-testid="record-item">
              <Text className="record__kind">{RECORD_KIND_NAMES[i.kind]}</Text>
              <Text className="record__title">{i.title}</Text>
              <Text className="record__meta">{`${dayText(i.at)}${line(i) ? ` · ${line(i)}` : ''}`}</Text>
            </View>
          ))
        )}
      </View>
    )
  return (
    <View className="record" data-testid="growth-record">
      <View className="record__chips" data-testid="record-years">
        {years.map((y) => (
          <Text
            key={String(y)}
            className={`record__chip${y === year ? ' record__chip--on' : ''}`}
            onClick={() => setYear(y)}
          >
            {y === null ? '全部' : `${y}年`}
          </Text>
        ))}
      </View>
      <View className="record__chips" data-testid="record-kinds">
        {[null, ...RECORD_KINDS].map((k) => (
          <Text
            key={String(k)}
            className={`record__chip${k === kind ? ' record__chip--on' : ''}`}
            onClick={() => setKind(k)}
          >
            {k === null ? '全部' : RECORD_KIND_NAMES[k]}
          </Text>
        ))}
      </View>
      {body}
    </View>
  )
}
