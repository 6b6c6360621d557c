import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { ManagedActivity } from '@api/activity'
import type { SignupSummary } from '@api/signup'
import { CallError } from '@/components/CallError'
import { FieldRow, FormError, SelectField, SwitchField, TextField } from '@/components/form/Field'
import { errorCode, errorFields, errorMessage } from '@/utils/errors'
import { useLoad } from '@/hooks/useLoad'
import { useAction } from '@/hooks/useAction'
import { getManaged } from '../../features/events/api'
import { getSummary, saveSettings } from '../../features/signup/api'
import { QuestionEditor } from '../../features/signup/components/QuestionEditor'
import {
  DEFAULT_SETTINGS,
  PROMOTIONS,
  PROMOTION_NAMES,
  buildSettings,
  formOf,
  quotaCandidates,
  quotaQuestion,
  quotaSum,
  type SettingsForm,
} from '../../features/signup/settings-form'
import '@/components/form/form.scss'
import '../../features/signup/components/signup-admin.scss'
import './index.scss'

/** Real-name sign-up: by default (mixers and volunteer-hour events), always, or never. */
const REAL_NAME_OPTIONS = ['默认（交友联谊、志愿时长活动需实名）', '需要实名', '不需要实名'] as const

const ALLOCATIONS = ['先到先得', '先申请，后选人/抽签'] as const

interface Data {
  activity: ManagedActivity
  summary: SignupSummary
  /** A draft's saved settings cannot be read back yet (see the report): the form shows defaults. */
  unread: boolean
}

function Editor({ data, onSaved }: { data: Data; onSaved(s: SignupSummary): void }) {
  const { activity } = data
  const [form, setForm] = useState<SettingsForm>(() => formOf(data.summary.settings))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const { busy: running, run: act } = useAction()
  const busy = running !== null
  const set = (patch: Partial<SettingsForm>) => setForm((f) => ({ ...f, ...patch }))

  const candidates = quotaCandidates(form.questions)
  const qq = quotaQuestion(form)
  const sum = quotaSum(form)
  const sumOk = !qq || sum === activity.capacity
  const closed = activity.state === 'cancelled' || activity.state === 'finished'

  async function save() {
    const built = buildSettings(form, activity.capacity)
    if (!built.ok) {
      setErrors(built.errors)
      setError('请检查标红的项目')
      return
    }
    setErrors({})
    setError(null)
    await act(
      'save',
      async () => {
        const saved = await saveSettings(activity.id, built.settings)
        onSaved(saved)
        void Taro.showToast({ title: '已保存', icon: 'success' })
      },
      (err) => {
        setError(errorMessage(err))
        setErrors(errorFields(err))
      },
    )
  }

  return (
    <View className="signup-settings" data-testid="signup-settings">
      <View className="signup-settings__head">
        <Text className="signup-settings__title">{activity.title}</Text>
        <Text>活动名额 {activity.capacity} 人</Text>
      </View>
      {data.unread ? (
        <FormError message="草稿活动已保存的报名设置暂时无法读取，下面是默认设置；保存会覆盖之前的设置。" />
      ) : null}

      <Text className="signup-settings__section">报名方式</Text>
      <View className="form-card">
        <SelectField
          name="allocation"
          label="名额分配"
          options={[...ALLOCATIONS]}
          index={form.allocation === 'fcfs' ? 0 : 1}
          error={errors.allocation}
          hint={
            form.allocation === 'select'
              ? '报名期内只收申请；截止后在报名名单中抽签或选人，入选者需在时限内确认。'
              : undefined
          }
          onChange={(i) => set({ allocation: i === 1 ? 'select' : 'fcfs' })}
        />
        {form.allocation === 'fcfs' ? (
          <SwitchField
            name="approvalRequired"
            label="报名需审核"
            checked={form.approvalRequired}
            error={errors.approvalRequired}
            onChange={(approvalRequired) => set({ approvalRequired })}
          />
        ) : null}
        <SwitchField
          name="waitlist"
          label="名额满后允许候补"
          checked={form.waitlist}
          error={errors.waitlist}
          onChange={(waitlist) => set({ waitlist })}
        />
        <TextField
          name="cancelDeadlineHours"
          label="开始前多少小时停止自行取消"
          type="number"
          maxlength={3}
          value={form.cancelDeadlineHours}
          error={errors.cancelDeadlineHours}
          onChange={(cancelDeadlineHours) => set({ cancelDeadlineHours })}
        />
      </View>

      <Text className="signup-settings__section">报名条件</Text>
      <View className="form-card">
        <SelectField
          name="realNameRequired"
          label="实名报名"
          options={[...REAL_NAME_OPTIONS]}
          index={form.realNameRequired === null ? 0 : form.realNameRequired ? 1 : 2}
          error={errors.realNameRequired}
          hint="报名都需要绑定手机号；交友联谊和计志愿时长的活动默认要求实名。"
          onChange={(i) => set({ realNameRequired: i === 0 ? null : i === 1 })}
        />
        <SwitchField
          name="leagueMembersOnly"
          label="仅限共青团员"
          checked={form.leagueMembersOnly}
          error={errors['eligibility.leagueMembersOnly']}
          onChange={(leagueMembersOnly) => set({ leagueMembersOnly })}
        />
        <TextField
          name="minAge"
          label="最小年龄（留空不限）"
          type="number"
          maxlength={3}
          value={form.minAge}
          error={errors['eligibility.minAge']}
          onChange={(minAge) => set({ minAge })}
        />
        <TextField
          name="maxAge"
          label="最大年龄（留空不限）"
          type="number"
          maxlength={3}
          value={form.maxAge}
          error={errors['eligibility.maxAge']}
          onChange={(maxAge) => set({ maxAge })}
        />
        <TextField
          name="minAttendance"
          label="最低到场率 %（留空不限）"
          type="number"
          maxlength={3}
          value={form.minAttendancePercent}
          error={errors['eligibility.minAttendanceRate']}
          hint="按近期报名后到场与缺席的次数计算；没有记录的人不受限制。"
          onChange={(minAttendancePercent) => set({ minAttendancePercent })}
        />
      </View>

      <Text className="signup-settings__section">报名表</Text>
      <View className="form-card">
        <QuestionEditor
          questions={form.questions}
          errors={errors}
          onChange={(questions) =>
            setForm((f) => ({
              ...f,
              questions,
              // A removed or changed quota question ends the split.
              quotaQuestionId: quotaCandidates(questions).some((q) => q.id === f.quotaQuestionId)
                ? f.quotaQuestionId
                : null,
            }))
          }
        />
      </View>

      <Text className="signup-settings__section">名额分组</Text>
      <View className="form-card" data-testid="quota-editor">
        <SelectField
          name="quotaQuestionId"
          label="按问题分组（如男女各半）"
          options={['不分组', ...candidates.map((q) => q.label || q.id)]}
          index={qq ? candidates.indexOf(qq) + 1 : 0}
          error={errors.quotaQuestionId}
          hint={candidates.length === 0 ? '先添加一个必填的单选题，才能按它分配名额。' : undefined}
          onChange={(i) => set({ quotaQuestionId: i === 0 ? null : (candidates[i - 1]?.id ?? null) })}
        />
        {qq ? (
          <FieldRow label="各分组名额" name="quotas" error={errors.quotas}>
            <View className="quota-editor">
              {qq.options
                .filter((o) => o.trim())
                .map((o) => (
                  <View key={o} className="quota-editor__row">
                    <Text className="quota-editor__key">{o}</Text>
                    <Input
                      className="quota-editor__input"
                      data-testid={`quota-${o}`}
                      type="number"
                      maxlength={6}
                      value={form.quotas[o] ?? ''}
                      placeholder="0"
                      onInput={(e) => set({ quotas: { ...form.quotas, [o]: e.detail.value } })}
                    />
                    <Text>人</Text>
                  </View>
                ))}
              <Text className={`quota-editor__sum${sumOk ? '' : ' quota-editor__sum--bad'}`} data-testid="quota-sum">
                合计 {sum} / 活动名额 {activity.capacity}
                {sumOk ? '' : '（须相等）'}
              </Text>
            </View>
          </FieldRow>
        ) : null}
      </View>

      <Text className="signup-settings__section">名额空出时</Text>
      <View className="form-card">
        <SelectField
          name="promotion"
          label="递补方式"
          options={PROMOTIONS.map((p) => PROMOTION_NAMES[p])}
          index={PROMOTIONS.indexOf(form.promotion)}
          error={errors.promotion}
          onChange={(i) => set({ promotion: PROMOTIONS[i] ?? 'direct' })}
        />
        {form.promotion === 'offer' || form.allocation === 'select' ? (
          <TextField
            name="offerHours"
            label="确认时限（小时）"
            type="number"
            maxlength={3}
            value={form.offerHours}
            error={errors.offerHours}
            onChange={(offerHours) => set({ offerHours })}
          />
        ) : null}
        <TextField
          name="promotionCutoffHours"
          label="开始前多少小时停止递补"
          type="number"
          maxlength={3}
          value={form.promotionCutoffHours}
          error={errors.promotionCutoffHours}
          onChange={(promotionCutoffHours) => set({ promotionCutoffHours })}
        />
      </View>

      <FormError message={error} />
      <View className="form-actions">
        <Button
          className="signup-settings__save"
          color="primary"
          shape="round"
          loading={busy}
          disabled={busy || !sumOk || closed}
          onClick={() => void save()}
        >
          {closed ? '活动已结束或已取消' : '保存设置'}
        </Button>
      </View>
    </View>
  )
}

export default function SignupSettingsPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const data = useLoad(async () => {
    const activity = await getManaged(id)
    try {
      return { activity, summary: await getSummary(id), unread: false }
    } catch (err) {
      // Managers can read a draft's summary; NOT_FOUND here means the draft has no readable settings yet.
      if (activity.state !== 'draft' || errorCode(err) !== 'NOT_FOUND') throw err
      const summary: SignupSummary = {
        activityId: id,
        capacity: activity.capacity,
        quotas: [],
        counts: {},
        settings: DEFAULT_SETTINGS,
        lastDraw: null,
      }
      return { activity, summary, unread: true }
    }
  }, [id])

  if (data.phase === 'loading') return <View className="form-title">加载中…</View>
  if (data.phase === 'error') return <CallError error={data.error} onRetry={() => void data.reload()} />
  return <Editor data={data.data} onSaved={(summary) => data.setData({ ...data.data, summary, unread: false })} />
}
