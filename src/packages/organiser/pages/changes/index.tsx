import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { ActivityChange } from '@api/activity'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { formatDateTime } from '@/utils/time'
import { useLoad } from '@/hooks/useLoad'
import { listChanges } from '../../features/events/api'
import { FIELD_NAMES } from '../../features/events/event-form'
import './index.scss'

const KIND_NAMES: Record<ActivityChange['kind'], string> = {
  created: '创建',
  edited: '修改',
  published: '发布',
  cancelled: '取消',
  finished: '标记结束',
}

/** A logged value as text: instants in Shanghai time, booleans as 是/否. */
function show(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (key.endsWith('At') && typeof v === 'string' && !Number.isNaN(Date.parse(v))) return formatDateTime(v)
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

export default function ChangesPage() {
  const { params } = useRouter()
  const changes = useLoad(() => listChanges(params.id ?? ''), [params.id])

  if (changes.phase === 'loading') return <View className="changes__hint">加载中…</View>
  if (changes.phase === 'error') return <CallError error={changes.error} onRetry={() => void changes.reload()} />
  if (changes.data.items.length === 0) return <EmptyState text="暂无变更记录" />
  return (
    <View className="changes">
      {changes.data.items.map((c, i) => (
        <View key={i} className="changes__item" data-testid="change">
          <View className="changes__head">
            <Text className="changes__kind">{KIND_NAMES[c.kind]}</Text>
            <Text className="changes__meta">
              {c.by.nickname} · {formatDateTime(c.at)}
            </Text>
          </View>
          {Object.entries(c.fields).map(([key, [before, after]]) => (
            <Text key={key} className="changes__field">
              {FIELD_NAMES[key] ?? key}：{show(key, before)} → {show(key, after)}
            </Text>
          ))}
          {c.reason ? <Text className="changes__reason">说明：{c.reason}</Text> : null}
        </View>
      ))}
    </View>
  )
}
