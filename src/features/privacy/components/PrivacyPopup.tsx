import { useEffect } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PRIVACY_GUIDE_PAGE, useConsentStore } from '../store/consent'
import { AgreeButton } from './AgreeButton'
import './PrivacyPopup.scss'

/**
 * The privacy authorisation popup, shown before any personal data is collected: a short summary,
 * the full guide one tap away, 不同意 and 同意. In WeChat 同意 is the `agreePrivacyAuthorization`
 * button WeChat requires before it lets a privacy API run. Drawn in the page (not a portal), like
 * the other dialogs; put it on every page that collects personal data.
 */
export function PrivacyPopup() {
  const open = useConsentStore((s) => s.open)
  useEffect(() => {
    useConsentStore.getState().mount(1)
    return () => useConsentStore.getState().mount(-1)
  }, [])
  if (!open) return null
  const { decline } = useConsentStore.getState()
  return (
    <View className="privacy-popup" data-testid="privacy-popup" catchMove>
      <View className="privacy-popup__box">
        <Text className="privacy-popup__title">个人信息保护提示</Text>
        <Text className="privacy-popup__text">
          在你填写个人信息、报名活动之前，请阅读并同意《青聚隐私保护指引》。我们只为组织活动、签到和记录志愿服务时长收集必要的信息：
          报名时活动组织者会看到你的姓名和手机号；你可以随时在“我的 → 我的数据”中查看、下载或注销。
        </Text>
        <Text
          className="privacy-popup__link"
          data-testid="privacy-guide-link"
          onClick={() => void Taro.navigateTo({ url: PRIVACY_GUIDE_PAGE })}
        >
          《青聚隐私保护指引》
        </Text>
        <View className="privacy-popup__actions">
          <Button className="privacy-popup__decline" data-testid="privacy-decline" onClick={decline}>
            不同意
          </Button>
          <AgreeButton className="privacy-popup__agree" label="同意并继续" />
        </View>
      </View>
    </View>
  )
}
