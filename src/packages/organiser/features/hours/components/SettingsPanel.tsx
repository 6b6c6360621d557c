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

/** 签到与计时规则: minimum share of each day (as %), rounding step, days of public notice, check-in window and radius. */
export function SettingsPanel({ settings, busy, error, onSave }: Props) {
  const [share, setShare] = useState(String(Math.round(settings.minShare * 100)))
  const [step, setStep] = useState<Step>((STEP_OPTIONS as readonly number[]).includes(settings.stepHours) ? settings.stepHours as Step : 0.5)
  const [notice, setNotice] = useState(String(settings.noticeDays))
  const [opens, setOpens] = useState(String(settings.checkinOpensMinutes))
  const [radius, setRadius] = useState(String(settings.checkinRadiusMeters))
  const [problem, setProblem] = useState<string | null>(null)

  function save() {
    const pct = Number(share.trim())
    if (!share.trim() || !Number.isInteger(pct) || pct < 0 || pct > 100) return setProblem('最低在场比例须为 0–100 的整数')
    const days = Number(notice.trim())
    if (!notice.trim() || !Number.isInteger(days) || days < 0 || days > 30) return setProblem('公示天数须为 0–30 的整数')
    const minutes = Number(opens.trim())
    if (!opens.trim() || !Number.isInteger(minutes) || minutes < 0 || minutes > 1440) return setProblem('提前开放签到的分钟数须为 0–1440 的整数')
    const metres = Number(radius.trim())
    if (!radius.trim() || !Number.isInteger(metres) || metres < 10 || metres > 100000) return setProblem('签到范围须为 10–100000 米的整数')
    setProblem(null)
    onSave({ minShare: pct / 100, stepHours: step, noticeDays: days, checkinOpensMinutes: minutes, checkinRadiusMeters: metres })
  }

  return (
    <View className="hours-card" data-testid="hours-settings">
      <Text className="hours-card__title">签到与计时规则</Text>
      <View className="hours-settings__row">
        <Text className="hours-settings__label">最低在场比例</Text>
        <Input className="hours-settings__input" data-testid="settings-min-share" type="number" value={share} maxlength={3}
          onInput={(e) => setShare(e.detail.value)} />
        <Text>%</Text>
      </View>
      <View className="hours-settings__row">
        <Text className="hours-settings__label">时长取整</Text>
        <Picker mode="selector" data-testid="settings-step" range={STEP_OPTIONS.map((s) => `${s} 小时`)}
          value={STEP_OPTIONS.indexOf(step)} onChange={(e) => setStep(STEP_OPTIONS[Number(e.detail.value)] ?? 0.5)}>
          <View className="hours-settings__picker">按 {step} 小时向下取整</View>
        </Picker>
      </View>
      <View className="hours-settings__row">
        <Text className="hours-settings__label">公示天数</Text>
        <Input className="hours-settings__input" data-testid="settings-notice-days" type="number" value={notice} maxlength={2}
          onInput={(e) => setNotice(e.detail.value)} />
        <Text>天</Text>
      </View>
      <View className="hours-settings__row">
        <Text className="hours-settings__label">提前开放签到</Text>
        <Input className="hours-settings__input" data-testid="settings-opens-minutes" type="number" value={opens} maxlength={4}
          onInput={(e) => setOpens(e.detail.value)} />
        <Text>分钟</Text>
      </View>
      <View className="hours-settings__row">
        <Text className="hours-settings__label">签到范围</Text>
        <Input className="hours-settings__input" data-testid="settings-radius" type="number" value={radius} maxlength={6}
          onInput={(e) => setRadius(e.detail.value)} />
        <Text>米</Text>
      </View>
      <Text className="hours-card__hint">
        超出签到范围的扫码照常记录，但当天时长需核实后才能确认；签退在活动结束后 1 小时内仍可进行。
        当天在场达到安排时间的这一比例才计时长；公示 0 天表示确认后立即生效。修改后，点「重新汇总」让待确认的时长按新规则重算。
      </Text>
      {problem || error ? <Text className="hours-dialog__error" data-testid="settings-error">{problem ?? error}</Text> : null}
      <View className="hours-card__buttons">
        <Button data-testid="settings-save" size="small" shape="round" color="primary" loading={busy} disabled={busy}
          onClick={save}>保存规则</Button>
      </View>
    </View>
  )
}
