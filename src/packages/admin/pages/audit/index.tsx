import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import Tabs from '@taroify/core/tabs'
import '@taroify/core/tabs/style'
import type { AuditEntry } from '@api/org'
import { AUDIT_KINDS, AUDIT_KIND_NAMES, type AuditKind } from '@contract/audit'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { useReloadOnShow } from '@/hooks/useLatest'
import { usePagedList } from '@/hooks/usePagedList'
import { formatDateTime } from '@/utils/time'
import { getAuditLog } from '../../features/audit/api'
import '../../features/plan/components/admin.scss'

const ALL = 'all'
const TABS: { value: AuditKind | typeof ALL; title: string }[] = [
  { value: ALL, title: '全部' },
  ...AUDIT_KINDS.map((k) => ({ value: k, title: AUDIT_KIND_NAMES[k] })),
]

/** What was read: an event of a unit, or a year (and month) of the district. */
function objectText(o: AuditEntry['object']): string {
  if (o.type === 'activity') return `${o.unitName}「${o.title}」`
  return `${o.year}年${o.month ? `${o.month}月` : '全年'}`
}

function peopleText(e: AuditEntry): string {
  if (e.kind === 'plan_export') return '不含手机号'
  return `显示 ${e.people} 人的完整手机号`
}

/** District admin: who saw or exported whole phone numbers, when, and of whom (issue 11). */
export default function AuditLogPage() {
  const [kind, setKind] = useState<AuditKind | typeof ALL>(ALL)
  const { items, cursor, error, more, reload, loadMore } = usePagedList(
    (after) => getAuditLog(kind === ALL ? null : kind, after ?? undefined),
    [kind],
  )
  useReloadOnShow(reload)
  useReachBottom(loadMore)

  let body: JSX.Element
  if (error) body = <CallError error={error} onRetry={() => void reload()} />
  else if (!items) body = <View className="admin__hint">加载中…</View>
  else if (items.length === 0) body = <EmptyState text="暂无记录" />
  else {
    body = (
      <View>
        {items.map((e) => (
          <View key={e.id} className="admin__card" data-testid="audit-entry">
            <View className="admin__card-head">
              <Text className="admin__card-title" data-testid="audit-kind">
                {AUDIT_KIND_NAMES[e.kind]}
              </Text>
              <Text className="admin__muted">{formatDateTime(e.at)}</Text>
            </View>
            <Text className="admin__text" data-testid="audit-who">
              {e.actor.name} · {objectText(e.object)}
            </Text>
            <Text className="admin__text" data-testid="audit-people">
              {peopleText(e)}
            </Text>
          </View>
        ))}
        <View className="admin__hint" data-testid="audit-more">
          {more === 'loading' ? '加载中…' : more !== 'idle' ? more : cursor ? '上拉加载更多' : '没有更多了'}
        </View>
      </View>
    )
  }

  return (
    <View className="admin">
      <View className="admin__hint">团区委可查看组织者查看、导出完整手机号的记录。</View>
      <Tabs value={kind} onChange={(v: AuditKind | typeof ALL) => setKind(v)}>
        {TABS.map((t) => (
          <Tabs.TabPane key={t.value} value={t.value} title={t.title} />
        ))}
      </Tabs>
      {body}
    </View>
  )
}
