import { View } from '@tarojs/components'
import type { HomeStatus } from '../store/activity-list'
import './StatusToggle.scss'

const OPTIONS: { value: HomeStatus; label: string }[] = [
  { value: 'active', label: '近期活动' },
  { value: 'finished', label: '往期回顾' },
]

export function StatusToggle({ value, onChange }: { value: HomeStatus; onChange(v: HomeStatus): void }) {
  return (
    <View className="status-toggle" role="tablist">
      {OPTIONS.map((o) => (
        <View
          key={o.value}
          role="tab"
          aria-selected={o.value === value}
          className={`status-toggle__item${o.value === value ? ' status-toggle__item--active' : ''}`}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}
