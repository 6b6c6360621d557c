import { useEffect, useState } from 'react'
import { Input, Picker, ScrollView, Text, View } from '@tarojs/components'
import type { Unit } from '@api/org'
import type { HomeFilters, HomeStatus } from '../store/activity-list'
import { hasFilters } from '../store/activity-list'
import { currentYearMonth, formatYearMonth, fromPickerMonth, toPickerMonth } from '@/utils/month'
import './FilterBar.scss'

export const STATUS_OPTIONS: { value: HomeStatus; label: string }[] = [
  { value: 'active', label: '全部未结束' },
  { value: 'open', label: '报名中' },
  { value: 'upcoming', label: '即将开始' },
  { value: 'ongoing', label: '进行中' },
  { value: 'finished', label: '已结束' },
]

interface Props {
  filters: HomeFilters
  units: Unit[]
  onChange(patch: Partial<HomeFilters>): void
  onClear(): void
  /** 附近: ordered by distance (a chip at the head of the row), when the page offers it. */
  nearby?: { on: boolean; asking: boolean; onToggle(): void }
}

/** Status chips, month and unit pickers and a keyword box; every change reloads the list from page 1. */
export function FilterBar({ filters, units, onChange, onClear, nearby }: Props) {
  // The box holds what is being typed; the list is filtered only on confirm.
  const [draft, setDraft] = useState(filters.keyword)
  useEffect(() => setDraft(filters.keyword), [filters.keyword])

  const submit = (value: string) => onChange({ keyword: value.trim().slice(0, 20) })
  const unitIndex = Math.max(0, units.findIndex((u) => u.id === filters.unitId) + 1)
  const unitName = units.find((u) => u.id === filters.unitId)?.name

  return (
    <View className="filter-bar" data-testid="filter-bar">
      <View className="filter-bar__search">
        <Input
          className="filter-bar__input"
          data-testid="keyword-input"
          value={draft}
          maxlength={20}
          confirmType="search"
          placeholder="搜索活动、地点或单位"
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={(e) => submit(e.detail.value)}
        />
        <Text className="filter-bar__go" data-testid="keyword-submit" onClick={() => submit(draft)}>
          搜索
        </Text>
      </View>

      {/* One row for status, month and unit (it scrolls sideways): the list starts higher on a phone. */}
      <ScrollView className="filter-bar__statuses" scrollX enhanced showScrollbar={false}>
        {nearby ? (
          <>
            <View
              className={`filter-bar__chip filter-bar__near${nearby.on ? ' filter-bar__chip--set' : ''}`}
              data-testid="near-toggle"
              role="switch"
              aria-checked={nearby.on}
              onClick={nearby.onToggle}
            >
              {nearby.asking ? '定位中…' : '附近'}
            </View>
            <View className="filter-bar__divider" />
          </>
        ) : null}
        <View className="filter-bar__tabs" role="tablist" aria-label="活动状态">
          {STATUS_OPTIONS.map((o) => (
            <View
              key={o.value}
              role="tab"
              aria-selected={o.value === filters.status}
              className={`filter-bar__status${o.value === filters.status ? ' filter-bar__status--active' : ''}`}
              onClick={() => onChange({ status: o.value })}
            >
              {o.label}
            </View>
          ))}
        </View>
        <View className="filter-bar__divider" />
        <Picker
          className="filter-bar__picker"
          mode="date"
          fields="month"
          data-testid="month-picker"
          value={toPickerMonth(filters.month ?? currentYearMonth())}
          onChange={(e) => {
            const month = fromPickerMonth(String(e.detail.value))
            if (month) onChange({ month })
          }}
        >
          <View className={`filter-bar__chip${filters.month ? ' filter-bar__chip--set' : ''}`}>
            {filters.month ? formatYearMonth(filters.month) : '全部月份'} ▾
          </View>
        </Picker>
        <Picker
          className="filter-bar__picker"
          mode="selector"
          data-testid="unit-picker"
          range={['全部单位', ...units.map((u) => u.name)]}
          value={unitIndex}
          onChange={(e) => {
            const i = Number(e.detail.value)
            onChange({ unitId: i > 0 ? (units[i - 1]?.id ?? null) : null })
          }}
        >
          <View className={`filter-bar__chip filter-bar__chip--unit${unitName ? ' filter-bar__chip--set' : ''}`}>
            {unitName ?? '全部单位'} ▾
          </View>
        </Picker>
        {hasFilters(filters) ? (
          <Text className="filter-bar__clear" data-testid="clear-filters" onClick={onClear}>
            清除筛选
          </Text>
        ) : null}
      </ScrollView>
    </View>
  )
}
