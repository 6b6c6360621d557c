import { useState } from 'react'
import { Input, Picker, Text, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { HoursSettings, HoursSettingsRequest } from '@api/hours'
import './hours.scss'

/** The steps the contract allows (types/api/hours.ts). */
export const STEP_OPTIONS = [0.1, 0.25, 0.5, 1] as const
type Step = (typeof STEP_OPTIONS)[number]
export type SettingsValue = Required<Omit<HoursSettingsRequest, 'activityId'>>

interface Props {
  settings: HoursSettings
  busy: boolean
  error: string | null
  onSave(s: SettingsValue): void
}

/** The whole-number rules: each a row with a unit, checked against its range before saving. */
const WHOLE_FIELDS = [
  {
    key: 'share',
    label: '最低在场比例',
    unit: '%',
    testId: 'settings-min-share',
    maxlength: 3,
    min: 0,
    max: 100,
    problem: '最低在场比例须为 0–100 的整数',
  },
  {
    key: 'notice',
    label: '公示天数',
    unit: '天',
    testId: 'settings-notice-days',
    maxlength: 2,
    min: 0,
    max: 30,
    problem: '公示天数须为 0–30 的整数',
  },
  {
    key: 'opens',
    label: '提前开放签到',
    unit: '分钟',
    testId: 'settings-opens-minutes',
    maxlength: 4,
    min: 0,
    max: 1440,
    problem: '提前开放签到的分钟数须为 0–1440 的整数',
  },
  {
    key: 'radius',
    label: '签到范围',
    unit: '米',
    testId: 'settings-radius',
    maxlength: 6,
    min: 10,
    max: 100000,
    problem: '签到范围须为 10–100000 米的整数',
  },
] as const
type WholeKey = (typeof WHOLE_FIELDS)[number]['key']

/** 签到与计时规则: minimum share of each day (as %), rounding step, days of public notice, check-in window and radius. */
export function SettingsPanel({ settings, busy, error, onSave }: Props) {
  const [text, setText] = useState<Record<WholeKey, string>>({
    share: String(Math.round(settings.minShare * 100)),
    notice: String(settings.noticeDays),
    opens: String(settings.checkinOpensMinutes),
    radius: String(settings.checkinRadiusMeters),
  })
  const [step, setStep] = useState<Step>(
    (STEP_OPTIONS as readonly number[]).includes(settings.stepHours) ? (settings.stepHours as Step) : 0.5,
  )
  const [problem, setProblem] = useState<string | null>(null)

  function save() {
    const value = {} as Record<WholeKey, number>
    for (const f of WHOLE_FIELDS) {
      const raw = text[f.key].trim()
      const n = Number(raw)
      if (!raw || !Number.isInteger(n) || n < f.min || n > f.max) return setProblem(f.problem)
      value[f.key] = n
    }
    setProblem(null)
    onSave({
      minShare: value.share / 100,
      stepHours: step,
      noticeDays: value.notice,
      checkinOpensMinutes: value.opens,
      checkinRadiusMeters: value.radius,
    })
  }

  const row = (f: (typeof WHOLE_FIELDS)[number]) => (
    <View key={f.key} className="hours-settings__row">
      <Text className="hours-settings__label">{f.label}</Text>
      <Input
        className="hours-settings__input"
        data-testid={f.testId}
        type="number"
        value={text[f.key]}
        maxlength={f.maxlength}
        onInput={(e) => setText((t) => ({ ...t, [f.key]: e.detail.value }))}
      />
      <Text>{f.unit}</Text>
    </View>
  )

  return (
    <View className="hours-card" data-testid="hours-settings">
      <Text className="hours-card__title">签到与计时规则</Text>
      {row(WHOLE_FIELDS[0])}
      <View className="hours-settings__row">
        <Text className="hours-settings__label">时长取整</Text>
        <Picker
          mode="selector"
          data-testid="settings-step"
          range={STEP_OPTIONS.map((s) => `${s} 小时`)}
          value={STEP_OPTIONS.indexOf(step)}
          onChange={(e) => setStep(STEP_OPTIONS[Number(e.detail.value)] ?? 0.5)}
        >
          <View className="hours-settings__picker">按 {step} 小时向下取整</View>
        </Picker>
      </View>
      {WHOLE_FIELDS.slice(1).map(row)}
      <Text className="hours-card__hint">
        超出签到范围的扫码照常记录，但当天时长需核实后才能确认；签退在活动结束后 1 小时内仍可进行。
        当天在场达到安排时间的这一比例才计时长；公示 0
        天表示确认后立即生效。修改后，点「重新汇总」让待确认的时长按新规则重算。
      </Text>
      {problem || error ? (
        <Text className="hours-dialog__error" data-testid="settings-error">
          {problem ?? error}
        </Text>
      ) : null}
      <View className="hours-card__buttons">
        <Button
          data-testid="settings-save"
          size="small"
          shape="round"
          color="primary"
          loading={busy}
          disabled={busy}
          onClick={save}
        >
          保存规则
        </Button>
      </View>
    </View>
  )
}
