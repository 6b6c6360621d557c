import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import { QUESTION_KINDS, QUESTION_KIND_NAMES, SURVEY_LIMITS, SURVEY_STATE_NAMES } from '@contract/survey'
import type { SurveyAudience, SurveyDetail } from '@api/survey'
import { CallError, SignInPrompt } from '@/components/CallError'
import { FormError, SelectField, SwitchField, TextAreaField, TextField } from '@/components/form/Field'
import { hasRole, useSessionStore } from '@/features/session/store/session'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorMessage } from '@/utils/errors'
import { currentYear } from '@/utils/month'
import {
  PAGES,
  closeSurvey,
  createSurvey,
  getSurvey,
  openSurvey,
  unitEvents,
  updateSurvey,
} from '../../features/survey/api'
import {
  blankQuestion,
  fromQuestion,
  move,
  toRequestQuestions,
  withKind,
  type EditQuestion,
} from '../../features/survey/editor'
import '../surveys.scss'

const AUDIENCES: { value: SurveyAudience; label: string }[] = [
  { value: 'district', label: '全区青年' },
  { value: 'unit', label: '本单位成员和参加过本单位活动的青年' },
  { value: 'event', label: '某场活动的参加者' },
]

function QuestionEditor({
  q,
  no,
  onChange,
  onMove,
  onRemove,
}: {
  q: EditQuestion
  no: number
  onChange(q: EditQuestion): void
  onMove(by: number): void
  onRemove(): void
}) {
  const choice = q.kind === 'single' || q.kind === 'multi'
  return (
    <View className="sv__q" data-testid="editor-question">
      <View className="sv__row">
        <Text className="sv__grow sv__q-title">第 {no} 题</Text>
        <Text className="sv__tool" data-testid="question-up" onClick={() => onMove(-1)}>
          上移
        </Text>
        <Text className="sv__tool" data-testid="question-down" onClick={() => onMove(1)}>
          下移
        </Text>
        <Text className="sv__tool" data-testid="question-remove" onClick={onRemove}>
          删除
        </Text>
      </View>
      <SelectField
        label="题型"
        name={`kind-${no}`}
        options={QUESTION_KINDS.map((k) => QUESTION_KIND_NAMES[k])}
        index={QUESTION_KINDS.indexOf(q.kind)}
        onChange={(i) => onChange(withKind(q, QUESTION_KINDS[i]))}
      />
      <TextField
        label="题目"
        name={`title-${no}`}
        value={q.title}
        maxlength={SURVEY_LIMITS.questionTitle}
        onChange={(title) => onChange({ ...q, title })}
      />
      <SwitchField
        label="必答"
        name={`required-${no}`}
        checked={q.required}
        onChange={(required) => onChange({ ...q, required })}
      />
      {choice ? (
        <View>
          {q.options.map((o, j) => (
            <View key={j} className="sv__row">
              <Input
                className="sv__input sv__grow"
                data-testid={`option-${no}-${j + 1}`}
                value={o}
                maxlength={SURVEY_LIMITS.optionLabel}
                placeholder={`选项 ${j + 1}`}
                onInput={(e) => {
                  const v = e.detail.value
                  onChange({ ...q, options: q.options.map((x, k) => (k === j ? v : x)) })
                }}
              />
              {q.options.length > SURVEY_LIMITS.minOptions ? (
                <Text
                  className="sv__tool"
                  data-testid={`option-remove-${no}-${j + 1}`}
                  onClick={() => onChange({ ...q, options: q.options.filter((_, k) => k !== j) })}
                >
                  删除
                </Text>
              ) : null}
            </View>
          ))}
          {q.options.length < SURVEY_LIMITS.maxOptions ? (
            <Text
              className="sv__link"
              data-testid={`option-add-${no}`}
              onClick={() => onChange({ ...q, options: [...q.options, ''] })}
            >
              + 添加选项
            </Text>
          ) : null}
        </View>
      ) : null}
      {q.kind === 'multi' ? (
        <TextField
          label="最多可选"
          name={`max-${no}`}
          type="number"
          value={q.maxPicks}
          placeholder="不限"
          onChange={(maxPicks) => onChange({ ...q, maxPicks })}
        />
      ) : null}
    </View>
  )
}

/** 编辑问卷: title, intro, who may answer, questions (add, remove, reorder, kinds, options, required); publish and close. */
export default function SurveyEditorPage() {
  const { params } = useRouter()
  const [id, setId] = useState<string | null>(params.id ?? null)
  const session = useSessionStore()
  const me = session.me
  const admin = hasRole(me, 'district_admin')
  const owners = [...(admin ? [{ id: null as string | null, name: '团区委' }] : []), ...(me?.units ?? [])]
  const [ownerIndex, setOwnerIndex] = useState(0)
  const [title, setTitle] = useState('')
  const [intro, setIntro] = useState('')
  const [audience, setAudience] = useState<SurveyAudience>('district')
  const [activityId, setActivityId] = useState<string | null>(null)
  const [linkPlan, setLinkPlan] = useState(false)
  const [questions, setQuestions] = useState<EditQuestion[]>([blankQuestion()])
  const [detail, setDetail] = useState<SurveyDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useAction<'save' | 'open' | 'close'>()

  const existing = useLoad(() => (params.id ? getSurvey(params.id) : Promise.resolve(null)), [params.id])
  useEffect(() => {
    if (existing.phase !== 'ready' || !existing.data) return
    const s = existing.data
    setDetail(s)
    setTitle(s.title)
    setIntro(s.intro)
    setAudience(s.audience)
    setActivityId(s.audienceActivityId)
    setLinkPlan(s.planYear !== null)
    setQuestions(s.questions.map(fromQuestion))
  }, [existing.phase, existing.data])

  const ownerUnitId = detail ? detail.ownerUnitId : (owners[ownerIndex]?.id ?? null)
  const events = useLoad(
    () => (ownerUnitId ? unitEvents(ownerUnitId) : Promise.resolve({ items: [], nextCursor: null })),
    [ownerUnitId],
  )
  const eventList = events.phase === 'ready' ? events.data.items : []
  const audiences = AUDIENCES.filter((a) => ownerUnitId || a.value === 'district')

  useEffect(() => {
    if (!me) void useSessionStore.getState().load()
  }, [me])

  if (session.phase === 'signed-out') return <SignInPrompt />
  if (existing.phase === 'error') return <CallError error={existing.error} onRetry={() => void existing.reload()} />
  if (existing.phase === 'loading') return <View className="sv__hint">加载中…</View>

  const draft = !detail || detail.status === 'draft'
  const fields = {
    title,
    intro,
    questions: toRequestQuestions(questions),
    audience,
    audienceUnitId: audience === 'unit' ? ownerUnitId : null,
    audienceActivityId: audience === 'event' ? activityId : null,
    planYear: !ownerUnitId && linkPlan ? (detail?.planYear ?? currentYear()) : null,
  }

  const save = async () => {
    setError(null)
    const saved = await run(
      'save',
      () => (id ? updateSurvey({ surveyId: id, ...fields }) : createSurvey({ ownerUnitId, ...fields })),
      (err) => setError(errorMessage(err)),
    )
    if (saved) {
      setId(saved.id)
      setDetail(saved)
      void Taro.showToast({ title: '已保存', icon: 'none' })
    }
    return saved
  }

  const publish = async () => {
    const saved = await save()
    if (!saved) return
    const opened = await run(
      'open',
      () => openSurvey(saved.id),
      (err) => setError(errorMessage(err)),
    )
    if (opened) {
      setDetail(opened)
      void Taro.showToast({ title: '问卷已发布', icon: 'none' })
    }
  }

  const close = async () => {
    if (!detail) return
    const closed = await run(
      'close',
      () => closeSurvey(detail.id),
      (err) => setError(errorMessage(err)),
    )
    if (closed) {
      setDetail(closed)
      void Taro.showToast({ title: '问卷已结束', icon: 'none' })
    }
  }

  if (!draft && detail)
    return (
      <View className="sv" data-testid="survey-editor">
        <View className="sv__card">
          <Text className="sv__title">
            {detail.title}
            <Text className="sv__state" data-testid="editor-state">
              {SURVEY_STATE_NAMES[detail.status]}
            </Text>
          </Text>
          <Text className="sv__meta">
            {detail.questionCount} 题 · {detail.responses} 份答卷 · 已发布的问卷不能再修改题目
          </Text>
          <Text
            className="sv__link"
            onClick={() => void Taro.navigateTo({ url: `${PAGES}/results/index?id=${detail.id}` })}
          >
            查看结果
          </Text>
        </View>
        <FormError message={error} />
        {detail.status === 'open' ? (
          <View className="sv__actions">
            <Button
              shape="round"
              block
              loading={busy === 'close'}
              data-testid="editor-close"
              onClick={() => void close()}
            >
              结束收集
            </Button>
          </View>
        ) : null}
      </View>
    )

  return (
    <View className="sv" data-testid="survey-editor">
      <View className="sv__card">
        {!detail && owners.length > 1 ? (
          <SelectField
            label="发起方"
            name="owner"
            options={owners.map((o) => o.name)}
            index={ownerIndex}
            onChange={(i) => {
              setOwnerIndex(i)
              setAudience('district')
            }}
          />
        ) : null}
        <TextField
          label="问卷标题"
          name="title"
          required
          value={title}
          maxlength={SURVEY_LIMITS.title}
          onChange={setTitle}
        />
        <TextAreaField label="说明" name="intro" value={intro} maxlength={SURVEY_LIMITS.intro} onChange={setIntro} />
        <SelectField
          label="谁可以填写"
          name="audience"
          options={audiences.map((a) => a.label)}
          index={audiences.findIndex((a) => a.value === audience)}
          onChange={(i) => setAudience(audiences[i].value)}
        />
        {audience === 'event' ? (
          <SelectField
            label="活动"
            name="event"
            options={eventList.map((e) => e.title)}
            index={eventList.findIndex((e) => e.id === activityId)}
            placeholder={eventList.length ? '请选择活动' : '本单位还没有活动'}
            onChange={(i) => setActivityId(eventList[i]?.id ?? null)}
          />
        ) : null}
        {!ownerUnitId ? (
          <SwitchField label="关联本年度活动清单" name="plan" checked={linkPlan} onChange={setLinkPlan} />
        ) : null}
      </View>
      {questions.map((q, i) => (
        <QuestionEditor
          key={i}
          q={q}
          no={i + 1}
          onChange={(next) => setQuestions((qs) => qs.map((x, k) => (k === i ? next : x)))}
          onMove={(by) => setQuestions((qs) => move(qs, i, by))}
          onRemove={() => setQuestions((qs) => qs.filter((_, k) => k !== i))}
        />
      ))}
      {questions.length < SURVEY_LIMITS.questions ? (
        <View className="sv__actions">
          <Button
            size="small"
            shape="round"
            data-testid="question-add"
            onClick={() => setQuestions((qs) => [...qs, blankQuestion()])}
          >
            + 添加题目
          </Button>
        </View>
      ) : null}
      <FormError message={error} />
      <View className="sv__actions">
        <Button shape="round" loading={busy === 'save'} data-testid="editor-save" onClick={() => void save()}>
          保存草稿
        </Button>
        <Button
          color="primary"
          shape="round"
          loading={busy === 'open'}
          data-testid="editor-publish"
          onClick={() => void publish()}
        >
          发布问卷
        </Button>
      </View>
    </View>
  )
}
