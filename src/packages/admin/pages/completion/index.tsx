import { useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { CompletionGrid } from '@api/plan'
import { getCompletion } from '@/features/plan/api'
import { LINE_STATES, LINE_STATE_NAMES } from '@/features/plan/line-states'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { currentYearMonth } from '@/utils/month'
import { useLoad } from '@/hooks/useLoad'
import '../../features/plan/components/admin.scss'
import './index.scss'

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)
/** Months a phone shows side by side: last month (what is overdue), this month and the next. */
const WINDOW = 3

/** The first month of the window: last month in the current year, January in any other. */
function windowStart(year: number, now: Date = new Date()): number {
  const here = currentYearMonth(now)
  if (year !== here.year) return 1
  return Math.min(Math.max(here.month - 1, 1), 12 - WINDOW + 1)
}

function Grid({ grid, months, wide }: { grid: CompletionGrid; months: number[]; wide: boolean }) {
  return (
    // The whole year does not fit a phone: 全年 scrolls sideways; the default window fits without scrolling.
    <ScrollView
      className={`grid${wide ? ' grid--year' : ''}`}
      scrollX={wide}
      enhanced
      showScrollbar
      data-testid="completion-grid"
    >
      <View className="grid__table">
        <View className="grid__row grid__row--head">
          <View className="grid__unit">单位</View>
          {months.map((m) => (
            <View key={m} className="grid__cell">
              {m}月
            </View>
          ))}
          <View className="grid__count">已举办</View>
        </View>
        {grid.rows.map((r) => (
          <View key={r.unit.id} className="grid__row" data-testid="grid-row">
            <View className="grid__unit">{r.unit.name}</View>
            {months.map((m) => {
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
  const [year, setYearState] = useState(() => Number(params.year) || currentYearMonth().year)
  const [start, setStart] = useState(() => windowStart(year))
  const [wide, setWide] = useState(false)
  const grid = useLoad(() => getCompletion(year), [year])
  const setYear = (y: number) => {
    setYearState(y)
    setStart(windowStart(y))
  }
  const months = wide ? MONTHS : MONTHS.slice(start - 1, start - 1 + WINDOW)

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
        <View className="grid__months" data-testid="grid-months">
          {wide ? null : (
            <Text
              className={`grid__step${start > 1 ? '' : ' grid__step--off'}`}
              data-testid="months-earlier"
              onClick={() => setStart(Math.max(1, start - 1))}
            >
              ‹ 上月
            </Text>
          )}
          <Text className="grid__range">{wide ? '1–12 月' : `${months[0]}–${months[months.length - 1]} 月`}</Text>
          {wide ? null : (
            <Text
              className={`grid__step${start < 12 - WINDOW + 1 ? '' : ' grid__step--off'}`}
              data-testid="months-later"
              onClick={() => setStart(Math.min(12 - WINDOW + 1, start + 1))}
            >
              下月 ›
            </Text>
          )}
          <Text className="grid__toggle" data-testid="months-toggle" onClick={() => setWide(!wide)}>
            {wide ? '按月查看' : '全年'}
          </Text>
        </View>
        {g.rows.length === 0 ? (
          <EmptyState text={`${year} 年的清单还没有活动`} />
        ) : (
          <Grid grid={g} months={months} wide={wide} />
        )}
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
