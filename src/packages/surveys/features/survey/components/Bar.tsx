import { Text, View } from '@tarojs/components'
import './Bar.scss'

/** One result line: the label, a bar drawn with Views (no chart library), the count and the share. */
export function Bar({ label, count, percent }: { label: string; count: number; percent: number }) {
  return (
    <View className="sbar" data-testid="result-bar">
      <View className="sbar__head">
        <Text className="sbar__label">{label}</Text>
        <Text className="sbar__value" data-testid="result-bar-value">
          {count} 人 · {percent}%
        </Text>
      </View>
      <View className="sbar__track">
        <View className="sbar__fill" data-testid="result-bar-fill" style={{ width: `${Math.min(100, percent)}%` }} />
      </View>
    </View>
  )
}
