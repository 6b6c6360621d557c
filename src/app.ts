import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initCloud } from '@/services/cloud'
import { listenForWechatPrivacyRequests } from '@/features/privacy/consent'
import { useConsentStore } from '@/features/privacy/store/consent'
import { focusableScrollRegions } from '@/utils/h5-scroll-focus'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
    listenForWechatPrivacyRequests((resolve) => useConsentStore.getState().fromWechat(resolve))
    if (process.env.TARO_ENV === 'h5') focusableScrollRegions()
  })

  // Pages are rendered as children by Taro.
  return children
}

export default App
