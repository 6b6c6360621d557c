import { View } from '@tarojs/components'
import Empty from '@taroify/core/empty'
import '@taroify/core/empty/style'
import './states.scss'

/** Nothing to show. No remote illustration: it must render offline and in the local host. */
export function EmptyState({ text }: { text: string }) {
  return (
    <View className="state" data-testid="empty-state">
      <Empty>
        <View className="state__icon">∅</View>
        <Empty.Description>{text}</Empty.Description>
      </Empty>
    </View>
  )
}
