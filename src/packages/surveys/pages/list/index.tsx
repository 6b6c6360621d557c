import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import Tabs from '@taroify/core/tabs'
import '@taroify/core/tabs/style'
import { SURVEY_AUDIENCE_NAMES, SURVEY_STATE_NAMES } from '@contract/survey'
import type { SurveySummary } from '@api/survey'
import { CallError, SignInPrompt } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { hasRole, useSessionStore } from '@/features/session/store/session'
import { useLoad } from '@/hooks/useLoad'
import { PAGES, listSurveys } from '../../features/survey/api'
import '../surveys.scss'

type Tab = 'answer' | 'manage'

const go = (url: string) => void Taro.navigateTo({ url })

function SurveyCard({ s, tab }: { s: SurveySummary; tab: Tab }) {
  const audience = s.audienceName
    ? `${SURVEY_AUDIENCE_NAMES[s.audience]}（${s.audienceName}）`
    : SURVEY_AUDIENCE_NAMES[s.audience]
  return (
    <View
      className="sv__card"
      data-testid="survey-card"
      onClick={() => (tab === 'answer' ? go(`${PAGES}/answer/index?id=${s.id}`) : undefined)}
    >
      <Text className="sv__title">
        {s.title}
        <Text className="sv__state" data-testid="survey-state">
          {tab === 'answer' && s.answered ? '已填写' : SURVEY_STATE_NAMES[s.status]}
        </Text>
      </Text>
      <Text className="sv__meta">
        {s.ownerName} · {s.questionCount} 题{tab === 'manage' ? ` · ${s.responses} 份答卷` : ''}
      </Text>
      {tab === 'manage' ? (
        <View>
          <Text className="sv__meta">面向：{audience}</Text>
          <Text className="sv__link" data-testid="survey-edit" onClick={() => go(`${PAGES}/editor/index?id=${s.id}`)}>
            {s.status === 'draft' ? '编辑' : '查看'}
          </Text>
          {s.status !== 'draft' ? (
            <Text
              className="sv__link"
              data-testid="survey-results"
              onClick={() => go(`${PAGES}/results/index?id=${s.id}`)}
            >
              结果
            </Text>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

/** 调研问卷: the surveys I may answer, and for organisers and the district admin those they manage. */
export default function SurveyListPage() {
  const session = useSessionStore()
  const me = session.me
  const manager = !!me && (me.units.length > 0 || hasRole(me, 'district_admin'))
  const [tab, setTab] = useState<Tab>('answer')

  useDidShow(() => {
    void useSessionStore.getState().load()
  })

  const list = useLoad(() => (me ? listSurveys(tab) : new Promise<never>(() => undefined)), [tab, !!me])

  let body: JSX.Element
  if (session.phase === 'signed-out') body = <SignInPrompt />
  else if (session.phase === 'error')
    body = <ErrorState message={session.error ?? '加载失败'} onRetry={() => void session.load(true)} />
  else if (list.phase === 'error') body = <CallError error={list.error} onRetry={() => void list.reload()} />
  else if (list.phase === 'loading') body = <View className="sv__hint">加载中…</View>
  else if (list.data.items.length === 0)
    body = <EmptyState text={tab === 'answer' ? '暂时没有需要填写的问卷' : '还没有问卷，点“新建问卷”开始'} />
  else
    body = (
      <View>
        {list.data.items.map((s) => (
          <SurveyCard key={s.id} s={s} tab={tab} />
        ))}
      </View>
    )

  return (
    <View className="sv">
      {manager ? (
        <Tabs value={tab} onChange={(v: Tab) => setTab(v)}>
          <Tabs.TabPane value="answer" title="待我填写" />
          <Tabs.TabPane value="manage" title="我发起的" />
        </Tabs>
      ) : null}
      {manager && tab === 'manage' ? (
        <View className="sv__actions">
          <Button
            color="primary"
            shape="round"
            size="small"
            data-testid="survey-new"
            onClick={() => go(`${PAGES}/editor/index`)}
          >
            新建问卷
          </Button>
        </View>
      ) : null}
      {body}
    </View>
  )
}
