import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { SURVEY_STATE_NAMES } from '@contract/survey'
import { useLoad } from '@/hooks/useLoad'
import { callFunction } from '@/services/cloud'

/**
 * The surveys (调研问卷) that inform this year's list, with their results a tap away. Shown only
 * when there are some; a failure to load them leaves the plan page as it is.
 */
export function LinkedSurveys({ year }: { year: number }) {
  const surveys = useLoad(() => callFunction('survey', 'list', { scope: 'plan', year }), [year])
  if (surveys.phase !== 'ready' || surveys.data.items.length === 0) return null
  return (
    <View className="admin__card" data-testid="plan-surveys">
      <Text className="admin__card-title">调研问卷</Text>
      {surveys.data.items.map((s) => (
        <View key={s.id} className="plan__survey" data-testid="plan-survey">
          <Text>
            {s.title}（{SURVEY_STATE_NAMES[s.status]} · {s.responses} 份答卷）
          </Text>
          {s.manageable && s.status !== 'draft' ? (
            <Text
              className="plan__survey-link"
              data-testid="plan-survey-results"
              onClick={() => void Taro.navigateTo({ url: `/packages/surveys/pages/results/index?id=${s.id}` })}
            >
              查看结果 ›
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  )
}
