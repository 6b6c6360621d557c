import { useEffect, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { SurveyDetail, SurveyQuestion } from '@api/survey'
import { CallError } from '@/components/CallError'
import { FormError } from '@/components/form/Field'
import { PrivacyGate } from '@/features/privacy/components/PrivacyGate'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorMessage } from '@/utils/errors'
import { answerSurvey, getSurvey } from '../../features/survey/api'
import { firstMissing, toPayload, toggleOption, type Draft } from '../../features/survey/answers'
import '../surveys.scss'

function Question({
  q,
  no,
  value,
  readOnly,
  onChange,
}: {
  q: SurveyQuestion
  no: number
  value: Draft[string] | undefined
  readOnly: boolean
  onChange(next: (d: Draft) => Draft): void
}) {
  const picked = Array.isArray(value) ? value : []
  return (
    <View className="sv__q" data-testid="answer-question">
      <Text className="sv__q-title">
        {no}. {q.title}
        {q.required ? <Text className="sv__required"> *</Text> : null}
        {q.kind === 'multi' ? `（多选${q.maxPicks ? `，最多 ${q.maxPicks} 项` : ''}）` : ''}
      </Text>
      {q.kind === 'single' || q.kind === 'multi'
        ? q.options.map((o) => (
            <View
              key={o.id}
              className={`sv__choice${picked.includes(o.id) ? ' sv__choice--on' : ''}`}
              data-testid={`option-${q.id}-${o.id}`}
              onClick={() => (readOnly ? undefined : onChange((d) => toggleOption(d, q, o.id)))}
            >
              {o.label}
            </View>
          ))
        : null}
      {q.kind === 'scale' ? (
        <View className="sv__scale">
          {[1, 2, 3, 4, 5].map((v) => (
            <View
              key={v}
              className={`sv__scale-item${value === v ? ' sv__scale-item--on' : ''}`}
              data-testid={`scale-${q.id}-${v}`}
              onClick={() => (readOnly ? undefined : onChange((d) => ({ ...d, [q.id]: v })))}
            >
              {v}
            </View>
          ))}
        </View>
      ) : null}
      {q.kind === 'text' ? (
        <Textarea
          className="sv__textarea"
          data-testid={`text-${q.id}`}
          value={typeof value === 'string' ? value : ''}
          maxlength={500}
          disabled={readOnly}
          placeholder="请输入（最多 500 字）"
          onInput={(e) => {
            const text = e.detail.value
            onChange((d) => ({ ...d, [q.id]: text }))
          }}
        />
      ) : null}
    </View>
  )
}

/** 填写问卷: the questions with my answers (editable while the survey is open). */
export default function AnswerPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const survey = useLoad(() => getSurvey(id), [id])
  const [draft, setDraft] = useState<Draft>({})
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<SurveyDetail | null>(null)
  const { busy, run } = useAction<'submit'>()

  useEffect(() => {
    if (survey.phase === 'ready') setDraft(survey.data.myAnswers)
  }, [survey.phase, survey.data])

  if (survey.phase === 'error') return <CallError error={survey.error} onRetry={() => void survey.reload()} />
  if (survey.phase === 'loading') return <View className="sv__hint">加载中…</View>
  const s = saved ?? survey.data
  const readOnly = !s.canAnswer

  const submit = async () => {
    setError(null)
    const missing = firstMissing(s.questions, draft)
    if (missing !== null) {
      setError(`第 ${missing} 题为必答题，请作答`)
      return
    }
    const done = await run(
      'submit',
      () => answerSurvey(s.id, toPayload(s.questions, draft)),
      (err) => setError(errorMessage(err)),
    )
    if (done) {
      setSaved(done)
      void Taro.showToast({ title: s.answered ? '已更新答卷' : '提交成功，谢谢参与', icon: 'none' })
    }
  }

  const questionsView = (
    <View>
      {s.questions.map((q, i) => (
        <Question
          key={q.id}
          q={q}
          no={i + 1}
          value={draft[q.id]}
          readOnly={readOnly}
          onChange={(f) => setDraft((d) => f(d))}
        />
      ))}
      <FormError message={error} />
      {readOnly ? null : (
        <View className="sv__actions">
          <Button
            color="primary"
            shape="round"
            block
            loading={busy === 'submit'}
            data-testid="answer-submit"
            onClick={() => void submit()}
          >
            {s.answered ? '更新答卷' : '提交'}
          </Button>
        </View>
      )}
    </View>
  )

  return (
    <View className="sv" data-testid="survey-answer">
      <View className="sv__card">
        <Text className="sv__title">{s.title}</Text>
        <Text className="sv__meta">{s.ownerName}</Text>
        {s.intro ? <Text className="sv__intro">{s.intro}</Text> : null}
        {readOnly ? (
          <Text className="sv__meta" data-testid="survey-readonly">
            {s.status === 'closed' ? '问卷已结束，答卷不能再修改' : '您不在本问卷的调查范围内'}
          </Text>
        ) : s.answered ? (
          <Text className="sv__meta">您已填写，可在问卷结束前修改</Text>
        ) : null}
      </View>
      {readOnly ? questionsView : <PrivacyGate purpose="填写问卷">{questionsView}</PrivacyGate>}
    </View>
  )
}
