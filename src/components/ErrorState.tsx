import { View } from '@tarojs/components'
import Empty from '@taroify/core/empty'
import '@taroify/core/empty/style'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import './states.scss'

interface Props {
  message: string
  onRetry?(): void
}

/** A failed load: the server's message and a way to try again. */
export function ErrorState({ message, onRetry }: Props) {
  return (
    <View className="state" data-testid="error-state">
      <Empty>
        <View className="state__icon state__icon--error">!</View>
        <Empty.Description>{message}</Empty.Description>
        {onRetry ? (
          <Button className="state__action" color="primary" shape="round" size="small" onClick={onRetry}>
            重试
          </Button>
        ) : null}
      </Empty>
    </View>
  )
}
