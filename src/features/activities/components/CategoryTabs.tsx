import Tabs from '@taroify/core/tabs'
import '@taroify/core/tabs/style'
import type { Category } from '@api/activity'

const ALL = '__all__'

interface Props {
  categories: Category[]
  value: string | null
  onChange(code: string | null): void
}

/** 全部 first, then the categories in the server's order. */
export function CategoryTabs({ categories, value, onChange }: Props) {
  return (
    <Tabs
      className="category-tabs"
      value={value ?? ALL}
      ellipsis={false}
      onChange={(next: string) => onChange(next === ALL ? null : next)}
    >
      <Tabs.TabPane value={ALL} title="全部" />
      {categories.map((c) => (
        <Tabs.TabPane key={c.code} value={c.code} title={c.name} />
      ))}
    </Tabs>
  )
}
