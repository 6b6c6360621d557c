import { useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { CompletionGrid } from '@api/plan'
import { getCompletion } from '@/features/plan/api'
import { LINE_STATES, LINE_STATE_NAMES } from '@/features/plan/line-states'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { currentYear } from '@/utils/month'
import { useLoad } from '@/hooks/useLoad'
import '../../features/plan/components/admin.scss'
import './index.scss'

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

function Grid({ grid }: { grid: CompletionGrid }) {
  return (
    // 12 month columns do not fit a phone: the table scrolls sideways, the unit column scrolls with it.
    <ScrollView className="grid" scrollX enhanced showScrollbar data-testid="completion-grid">
      <View className="grid__table">
        <View className="grid__row grid__row--head">
          <View className="grid__unit">单位</View>
          {MONTHS.map((m) => (
            <View key={m} className="grid__cell">
              {m}月
            </View>
          ))}
          <View className="grid__count">已举办</View>
        </View>
        {grid.rows.map((r) => (
          <View key={r.unit.id} className="grid__row" data-testid="grid-row">
            <View className="grid__unit">{r.unit.name}</View>
            {MONTHS.map((m) => {
              const cell = r.cells.find((c) => c.month === m)
              return (
                <View key={m} className="grid__cell" data-month={m}>
                  {(cell?.lines ?? []).map((l) => (
                    <Text key={l.id} className={`grid__line line-state--${l.state}`} data-state={l.state}>
                      {l.title}
                    </Text>
                  ))}
                </View>
              )
            })}
            <View className="grid__count">{r.heldCount}</View>
          </View>
        ))}
      </View>
    </ScrollView>
  )
}

export default function CompletionPage() {
  const { params } = useRouter()
  const [year, setYear] = useState(() => Number(params.year) || currentYear())
  const grid = useLoad(() => getCompletion(year), [year])

  let body: JSX.Element
  if (grid.phase === 'loading') body = <View className="admin__hint">加载中…</View>
  else if (grid.phase === 'error') body = <CallError error={grid.error} onRetry={() => void grid.reload()} />
  else {
    const g = grid.data
    body = (
      <View>
        <View className="grid__legend">
          {LINE_STATES.map((s) => (
            <Text key={s} className={`line-state line-state--${s} grid__legend-item`}>
              {LINE_STATE_NAMES[s]}
            </Text>
          ))}
        </View>
        {g.rows.length === 0 ? <EmptyState text={`${year} 年的清单还没有活动`} /> : <Grid grid={g} />}
        <View className="admin__card" data-testid="units-without-held">
          <Text className="admin__card-title">今年尚未牵头活动的单位</Text>
          {g.unitsWithoutHeldActivity.length === 0 ? (
            <Text className="admin__text">所有成员单位都已举办过活动</Text>
          ) : (
            <View className="grid__idle">
              {g.unitsWithoutHeldActivity.map((u) => (
                <Text key={u.id} className="grid__idle-unit">
                  {u.name}
                </Text>
              ))}
            </View>
          )}
        </View>
      </View>
    )
  }

  return (
    <View className="admin">
      <View className="admin__toolbar">
        <View className="admin__year">
          <Text className="admin__year-step" onClick={() => setYear(year - 1)}>
            ‹
          </Text>
          <Text>{year} 年完成情况</Text>
          <Text className="admin__year-step" onClick={() => setYear(year + 1)}>
            ›
          </Text>
        </View>
      </View>
      {body}
    </View>
  )
}
