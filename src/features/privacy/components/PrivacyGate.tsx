import { type PropsWithChildren, useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import { usePrivacyConsent } from '../hooks/usePrivacyConsent'
import { PrivacyPopup } from './PrivacyPopup'
import './PrivacyGate.scss'

/**
 * Shows `children` (a form that collects personal data) only once the person agreed to the privacy
 * guide; until then asks with the popup, and after 不同意 says why the form is not there.
 */
export function PrivacyGate({ purpose, children }: PropsWithChildren<{ purpose: string }>) {
  const { agreed, ensure } = usePrivacyConsent()
  useEffect(() => {
    if (!agreed) void ensure()
    // Ask once when the page opens; the button below asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  if (agreed) return <>{children}</>
  return (
    <View className="privacy-gate" data-testid="privacy-gate">
      <Text className="privacy-gate__text">同意《青聚隐私保护指引》后才能{purpose}。</Text>
      <Button className="privacy-gate__ask" color="primary" shape="round" onClick={() => void ensure()}>
        阅读并同意
      </Button>
      <PrivacyPopup />
    </View>
  )
}
