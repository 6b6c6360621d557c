import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import { errorCode, errorMessage } from '@/utils/errors'
import { ErrorState } from './ErrorState'
import './states.scss'

/**
 * A failed call shown the way its code asks: sign in (H5 only — in WeChat the OPENID is
 * automatic), no permission, or the server's message with 重试.
 */
export function CallError({ error, onRetry }: { error: unknown; onRetry?(): void }) {
  const code = errorCode(error)
  if (code === 'UNAUTHENTICATED') return <SignInPrompt />
  // Trying again will not grant a permission.
  if (code === 'FORBIDDEN') return <ErrorState message={errorMessage(error)} />
  return <ErrorState message={errorMessage(error)} onRetry={onRetry} />
}

export function SignInPrompt() {
  return (
    <View className="state" data-testid="sign-in-prompt">
      <View className="state__icon">?</View>
      <View className="state__text">请先登录</View>
      {process.env.TARO_ENV === 'h5' ? (
        <Button
          className="state__action"
          color="primary"
          shape="round"
          size="small"
          onClick={() => void Taro.navigateTo({ url: '/pages/dev-login/index' })}
        >
          本地开发登录
        </Button>
      ) : null}
    </View>
  )
}
