/**
 * The district reports' toolbar (时长统计, 阵地使用率, 青年评议): a year stepper, a period picker (a month
 * or a quarter) and the export button; and their row of headline numbers.
 */
import { Picker, Text, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import './period.scss'

/** The month picker's options: the whole year, then each month (index = month, 0 = 全年). */
export const MONTH_OPTIONS = ['全年', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)]

interface ToolbarProps {
  /** Prefixes the test ids: `<id>-prev-year`, `<id>-year`, `<id>-next-year`, `<id>-export`. */
  id: string
  year: number
  onYear(year: number): void
  /** The period picker: its test id, its options and the chosen one's index. */
  period: { testId: string; options: string[]; index: number; onPick(index: number): void }
  exporting: boolean
  exportLabel: string
  onExport(): void
}

export function PeriodToolbar({ id, year, onYear, period, exporting, exportLabel, onExport }: ToolbarProps) {
  return (
    <View className="admin__toolbar">
      <View className="admin__year">
        <Text className="admin__year-step" data-testid={`${id}-prev-year`} onClick={() => onYear(year - 1)}>
          ‹
        </Text>
        <Text data-testid={`${id}-year`}>{year} 年</Text>
        <Text className="admin__year-step" data-testid={`${id}-next-year`} onClick={() => onYear(year + 1)}>
          ›
        </Text>
      </View>
      <Picker
        mode="selector"
        data-testid={period.testId}
        range={period.options}
        value={period.index}
        onChange={(e) => period.onPick(Number(e.detail.value))}
      >
        <View className="period__pick">{period.options[period.index]} ▾</View>
      </Picker>
      <Button
        className="period__export"
        data-testid={`${id}-export`}
        size="small"
        shape="round"
        variant="outlined"
        color="primary"
        loading={exporting}
        disabled={exporting}
        onClick={onExport}
      >
        {exportLabel}
      </Button>
    </View>
  )
}

/** What the numbers below the toolbar mean, in a line. */
export function PeriodNote({ children }: { children: string }) {
  return <Text className="period__note">{children}</Text>
}

/** The headline numbers of a report, side by side in one card. */
export function Totals({
  testId,
  items,
}: {
  testId: string
  items: { value: string; label: string; testId: string }[]
}) {
  return (
    <View className="admin__card totals" data-testid={testId}>
      {items.map((i) => (
        <View key={i.testId} className="totals__stat">
          <Text className="totals__value" data-testid={i.testId}>
            {i.value}
          </Text>
          <Text className="totals__label">{i.label}</Text>
        </View>
      ))}
    </View>
  )
}
