import { Text, View } from '@tarojs/components'
import type { SlotState, WeekGrid as Grid } from '@api/venue'
import { dayHead, isSelected, visibleRows, type Selection } from '../week'
import './WeekGrid.scss'

export const SLOT_NAMES: Record<SlotState, string> = {
  free: '可预订',
  taken: '已占用',
  pending: '待审批',
  closed: '不开放',
  past: '已过',
}

interface Props {
  grid: Grid
  selection: Selection | null
  onTap(day: number, index: number): void
}

/** Seven Shanghai days side by side, one row per slot; free slots can be tapped to pick a time. */
export function WeekGrid({ grid, selection, onTap }: Props) {
  const rows = visibleRows(grid)
  return (
    <View className="week-grid" data-testid="week-grid">
      <View className="week-grid__legend" data-testid="grid-legend">
        {(['free', 'taken', 'pending', 'closed', 'past'] as const).map((s) => (
          <View key={s} className="week-grid__legend-item">
            <View className={`week-grid__swatch week-grid__cell--${s}`} />
            <Text>{SLOT_NAMES[s]}</Text>
          </View>
        ))}
        <View className="week-grid__legend-item">
          <View className="week-grid__swatch week-grid__cell--selected" />
          <Text>已选</Text>
        </View>
      </View>
      {rows.length === 0 ? (
        <View className="week-grid__empty">本周不开放</View>
      ) : (
        <View className="week-grid__table">
          <View className="week-grid__row week-grid__row--head">
            <View className="week-grid__time" />
            {grid.days.map((d, i) => {
              const head = dayHead(d.day, i)
              return (
                <View key={d.day} className="week-grid__head" data-testid="grid-day">
                  <Text className="week-grid__weekday">{head.weekday}</Text>
                  <Text className="week-grid__date">{head.date}</Text>
                </View>
              )
            })}
          </View>
          {rows.map((r) => (
            <View key={r.index} className="week-grid__row">
              <Text className="week-grid__time">{r.label}</Text>
              {grid.days.map((d, i) => {
                const slot = d.slots[r.index]
                const selected = isSelected(selection, i, r.index)
                return (
                  <View
                    key={d.day}
                    className={`week-grid__cell week-grid__cell--${slot.state}${selected ? ' week-grid__cell--selected' : ''}`}
                    data-testid="grid-slot"
                    data-state={selected ? 'selected' : slot.state}
                    data-start={slot.startAt}
                    onClick={() => onTap(i, r.index)}
                  />
                )
              })}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
