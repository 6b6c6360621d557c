import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { FieldRow, FormSubmit, SelectField, TextAreaField, TextField } from '@/components/form/Field'
import { listCategories } from '@/features/activities/api'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorFields, errorMessage } from '@/utils/errors'
import { proposeWish } from '../../features/wish/api'
import { WISH_PAGES } from '../../features/wish/labels'
import '@/components/form/form.scss'
import './index.scss'

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

/** 提心愿: what activity, which category, a few lines, the months that suit. */
export default function ProposeWishPage() {
  const categories = useLoad(listCategories, [])
  const [title, setTitle] = useState('')
  const [category, setCategory] = useState(-1)
  const [body, setBody] = useState('')
  const [months, setMonths] = useState<number[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useAction<'propose'>()
  const items = categories.data?.items ?? []

  const toggleMonth = (m: number) =>
    setMonths((old) => (old.includes(m) ? old.filter((x) => x !== m) : [...old, m].sort((a, b) => a - b)))

  async function submit() {
    const missing: Record<string, string> = {}
    if (title.trim().length < 2) missing.title = '请写下想参加的活动（至少 2 个字）'
    if (category < 0) missing.category = '请选择活动类别'
    if (Object.keys(missing).length) {
      setErrors(missing)
      setError('请完善心愿内容')
      return
    }
    setErrors({})
    setError(null)
    const created = await run(
      'propose',
      () => proposeWish({ title, category: items[category].code, body, months }),
      (err) => {
        setError(errorMessage(err))
        setErrors(errorFields(err))
      },
    )
    if (created) {
      void Taro.showToast({ title: '心愿已发布', icon: 'none' })
      void Taro.redirectTo({ url: `${WISH_PAGES}/detail/index?id=${encodeURIComponent(created.id)}` })
    }
  }

  return (
    <View className="propose" data-testid="propose-form">
      <View className="form-title">想参加什么活动？说出来，成员单位可以认领并安排。</View>
      <View className="form-card">
        <TextField
          label="活动名称"
          name="title"
          required
          value={title}
          maxlength={40}
          placeholder="例如：周末飞盘体验课"
          error={errors.title}
          onChange={setTitle}
        />
        <SelectField
          label="活动类别"
          name="category"
          required
          options={items.map((c) => c.name)}
          index={category}
          error={errors.category}
          onChange={setCategory}
        />
        <TextAreaField
          label="说几句"
          name="body"
          value={body}
          maxlength={300}
          placeholder="想怎么参加、和谁一起、在哪里（选填）"
          error={errors.body}
          onChange={setBody}
        />
        <FieldRow label="希望的月份" name="months" error={errors.months} hint="可多选，不选表示时间不限">
          <View className="propose__months">
            {MONTHS.map((m) => (
              <Text
                key={m}
                className={`propose__month${months.includes(m) ? ' propose__month--on' : ''}`}
                data-testid="propose-month"
                onClick={() => toggleMonth(m)}
              >
                {m}月
              </Text>
            ))}
          </View>
        </FieldRow>
      </View>
      <FormSubmit
        error={error}
        loading={busy === 'propose'}
        disabled={busy !== null}
        onSubmit={() => void submit()}
        testId="propose-submit"
      >
        发布心愿
      </FormSubmit>
    </View>
  )
}
