import { Text, View } from '@tarojs/components'
import { PRIVACY_VERSION } from '@contract/session'
import { AgreeButton } from '@/features/privacy/components/AgreeButton'
import { usePrivacyConsent } from '@/features/privacy/hooks/usePrivacyConsent'
import { GUIDE } from '../../features/privacy-guide/content'
import './index.scss'

/** 青聚隐私保护指引: readable without signing in; agreeing here counts as in the popup. */
export default function PrivacyGuidePage() {
  const { agreed } = usePrivacyConsent()
  return (
    <View className="guide" data-testid="privacy-guide">
      <Text className="guide__title">青聚隐私保护指引</Text>
      <Text className="guide__version">版本：{PRIVACY_VERSION}</Text>
      {GUIDE.map((section) => (
        <View key={section.title} className="guide__section" data-testid="guide-section">
          <Text className="guide__heading">{section.title}</Text>
          {section.paragraphs?.map((p) => (
            <Text key={p} className="guide__paragraph">
              {p}
            </Text>
          ))}
          {section.items?.length ? (
            <View className="guide__items">
              {section.items.map(([label, text]) => (
                <View key={label} className="guide__item">
                  <Text className="guide__label">{label}</Text>
                  <Text className="guide__text">{text}</Text>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ))}
      <View className="guide__footer">
        {agreed ? (
          <Text className="guide__agreed" data-testid="guide-agreed">
            你已同意本指引
          </Text>
        ) : (
          <AgreeButton className="guide__agree" label="我已阅读并同意" />
        )}
      </View>
    </View>
  )
}
