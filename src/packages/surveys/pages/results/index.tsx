import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import { QUESTION_KIND_NAMES, SURVEY_STATE_NAMES } from '@contract/survey'
import type { QuestionResult } from '@api/survey'
import { CallError } from '@/components/CallError'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { openExport } from '@/utils/open-export'
import { exportSurvey, surveyResults, textAnswers } from '../../features/survey/api'
import { Bar } from '../../features/survey/components/Bar'
import '../surveys.scss'

/** A text question's answers, a page at a time, without their authors. */
function TextAnswers({ surveyId, q }: { surveyId: string; q: QuestionResult }) {
  const first = useLoad(() => textAnswers(surveyId, q.questionId, null), [surveyId, q.questionId])
  const [more, setMore] = useState<{ items: string[]; cursor: string | null } | null>(null)
  const { busy, run } = useAction<'more'>()
  if (first.phase === 'error') return <CallError error={first.error} onRetry={() => void first.reload()} />
  if (first.phase === 'loading') return <View className="sv__hint">加载中…</View>
  const items = [...first.data.items, ...(more?.items ?? [])]
  const cursor = more ? more.cursor : first.data.nextCursor
  const loadMore = async () => {
    if (!cursor) return
    const page = await run('more', () => textAnswers(surveyId, q.questionId, cursor))
    if (page) setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor })
  }
  return (
    <View>
      {items.length === 0 ? <Text className="sv__meta">还没有人作答</Text> : null}
      {items.map((t, i) => (
        <View key={i} className="sv__text-item" data-testid={`text-answer-${q.questionId}`}>
          {t}
        </View>
      ))}
      {cursor ? (
        <Text
          className="sv__link"
          data-testid={`text-more-${q.questionId}`}
          onClick={() => void (busy ? null : loadMore())}
        >
          {busy ? '加载中…' : '查看更多'}
        </Text>
      ) : null}
    </View>
  )
}

/** 问卷结果: counts and shares as bars, the scale's mean, text answers, and the xlsx export. */
export default function ResultsPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const results = useLoad(() => surveyResults(id), [id])
  const { busy, run } = useAction<'export'>()

  if (results.phase === 'error') return <CallError error={results.error} onRetry={() => void results.reload()} />
  if (results.phase === 'loading') return <View className="sv__hint">加载中…</View>
  const r = results.data

  return (
    <View className="sv" data-testid="survey-results">
      <View className="sv__card">
        <Text className="sv__title">
          {r.survey.title}
          <Text className="sv__state">{SURVEY_STATE_NAMES[r.survey.status]}</Text>
        </Text>
        <Text className="sv__meta" data-testid="results-responses">
          共 {r.responses} 份答卷
        </Text>
        <Button
          size="small"
          shape="round"
          loading={busy === 'export'}
          data-testid="results-export"
          onClick={() =>
            void run(
              'export',
              async () => {
                await openExport(await exportSurvey(id))
              },
              { modal: '导出失败' },
            )
          }
        >
          导出 Excel
        </Button>
      </View>
      {r.questions.map((q, i) => (
        <View key={q.questionId} className="sv__q" data-testid="result-question">
          <Text className="sv__q-title">
            {i + 1}. {q.title}（{QUESTION_KIND_NAMES[q.kind]}）
          </Text>
          <Text className="sv__meta" data-testid="result-answered">
            {q.answered} 人作答{q.average !== null ? ` · 平均 ${q.average} 分` : ''}
          </Text>
          {q.kind === 'text' ? (
            <TextAnswers surveyId={id} q={q} />
          ) : (
            q.choices.map((c) => <Bar key={c.key} label={c.label} count={c.count} percent={c.percent} />)
          )}
        </View>
      ))}
    </View>
  )
}
