import { Input, Picker, Switch, Text, View } from '@tarojs/components'
import { KINDS, KIND_NAMES, nextQuestionId, type QuestionForm } from '../settings-form'
import './signup-admin.scss'

interface Props {
  questions: QuestionForm[]
  errors: Record<string, string>
  onChange(questions: QuestionForm[]): void
}

const MAX_QUESTIONS = 20
const MAX_OPTIONS = 20

/** Adds, removes and reorders the sign-up form's questions; single/multi questions get options. */
export function QuestionEditor({ questions, errors, onChange }: Props) {
  const update = (i: number, patch: Partial<QuestionForm>) =>
    onChange(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)))
  const move = (i: number, by: number) => {
    const j = i + by
    if (j < 0 || j >= questions.length) return
    const next = [...questions]
    ;[next[i], next[j]] = [next[j], next[i]]
    onChange(next)
  }
  const add = (q?: Partial<QuestionForm>) => {
    if (questions.length >= MAX_QUESTIONS) return
    onChange([
      ...questions,
      { id: nextQuestionId(questions), label: '', kind: 'text', required: false, options: [], ...q },
    ])
  }

  return (
    <View className="q-editor" data-testid="question-editor">
      {questions.map((q, i) => (
        <View key={q.id} className="q-editor__item" data-testid={`q-${i}`}>
          <View className="q-editor__row">
            <Text className="q-editor__no">{i + 1}.</Text>
            <Input
              className="q-editor__label"
              data-testid={`q-label-${i}`}
              value={q.label}
              maxlength={60}
              placeholder="问题，如：性别"
              onInput={(e) => update(i, { label: e.detail.value })}
            />
          </View>
          <View className="q-editor__row q-editor__row--meta">
            <Picker
              mode="selector"
              range={KINDS.map((k) => KIND_NAMES[k])}
              value={KINDS.indexOf(q.kind)}
              data-testid={`q-kind-${i}`}
              onChange={(e) => {
                const kind = KINDS[Number(e.detail.value)]
                update(i, { kind, options: kind === 'text' ? [] : q.options.length ? q.options : ['', ''] })
              }}
            >
              <View className="q-editor__chip">{KIND_NAMES[q.kind]} ▾</View>
            </Picker>
            <View className="q-editor__required">
              <Text>必填</Text>
              <Switch
                data-testid={`q-required-${i}`}
                checked={q.required}
                color="#d81e06"
                onChange={(e) => update(i, { required: !!e.detail.value })}
              />
            </View>
            <Text className="q-editor__link" data-testid={`q-up-${i}`} onClick={() => move(i, -1)}>
              上移
            </Text>
            <Text className="q-editor__link" data-testid={`q-down-${i}`} onClick={() => move(i, 1)}>
              下移
            </Text>
            <Text
              className="q-editor__link q-editor__link--danger"
              data-testid={`q-remove-${i}`}
              onClick={() => onChange(questions.filter((_, j) => j !== i))}
            >
              删除
            </Text>
          </View>
          {q.kind !== 'text' ? (
            <View className="q-editor__options">
              {q.options.map((o, k) => (
                <View key={k} className="q-editor__option">
                  <Input
                    className="q-editor__option-input"
                    data-testid={`q-option-${i}-${k}`}
                    value={o}
                    maxlength={30}
                    placeholder={`选项 ${k + 1}`}
                    onInput={(e) => update(i, { options: q.options.map((x, m) => (m === k ? e.detail.value : x)) })}
                  />
                  <Text
                    className="q-editor__link q-editor__link--danger"
                    onClick={() => update(i, { options: q.options.filter((_, m) => m !== k) })}
                  >
                    删除
                  </Text>
                </View>
              ))}
              {q.options.length < MAX_OPTIONS ? (
                <Text
                  className="q-editor__link"
                  data-testid={`q-add-option-${i}`}
                  onClick={() => update(i, { options: [...q.options, ''] })}
                >
                  + 添加选项
                </Text>
              ) : null}
            </View>
          ) : null}
          {errors[`questions.${q.id}`] ? <Text className="q-editor__error">{errors[`questions.${q.id}`]}</Text> : null}
        </View>
      ))}
      {questions.length < MAX_QUESTIONS ? (
        <View className="q-editor__add">
          <Text className="q-editor__link" data-testid="q-add" onClick={() => add()}>
            + 添加问题
          </Text>
          {!questions.some((q) => q.id === 'gender') ? (
            <Text
              className="q-editor__link"
              data-testid="q-add-gender"
              onClick={() =>
                add({ id: 'gender', label: '性别', kind: 'single', required: true, options: ['男', '女'] })
              }
            >
              + 常用：性别
            </Text>
          ) : null}
        </View>
      ) : null}
      {errors.questions ? <Text className="q-editor__error">{errors.questions}</Text> : null}
    </View>
  )
}
