import { Button } from '@tarojs/components'
import { AGREE_BUTTON_ID } from '../consent'
import { useConsentStore } from '../store/consent'

const WEAPP = process.env.TARO_ENV === 'weapp'

/**
 * 同意: in WeChat the `agreePrivacyAuthorization` button (WeChat checks this very button was tapped
 * before it lets a pending privacy API run); in H5 a plain button. Either way the store records it.
 */
export function AgreeButton({ className, label }: { className: string; label: string }) {
  const agree = () => useConsentStore.getState().agree()
  return (
    <Button
      id={AGREE_BUTTON_ID}
      className={className}
      data-testid="privacy-agree"
      openType="agreePrivacyAuthorization"
      onAgreePrivacyAuthorization={WEAPP ? agree : undefined}
      onClick={WEAPP ? undefined : agree}
    >
      {label}
    </Button>
  )
}
