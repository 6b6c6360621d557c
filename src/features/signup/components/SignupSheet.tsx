import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { FormQuestion, ProfileUpdateRequest, Registration, SignupSummary } from '@api/signup'
import { NOTICE_TEMPLATE_ID, REMINDER_TEMPLATE_ID } from '@/config/subscribe'
import { useAction } from '@/hooks/useAction'
import { ApiError } from '@/services/cloud'
import { signUp, subscribeNotices, updateProfile } from '../api'
import { newIdempotencyKey } from '../idempotency'
import { PHONE_CALENDAR, type CalendarSource } from '../calendar'
import { SignupDone } from './SignupDone'
import {
  EMPTY_IDENTITY,
  IdentityStep,
  identityProblem,
  needsFrom,
  type IdentityForm,
  type IdentityNeeds,
} from './IdentityStep'
import './SignupSheet.scss'

type Answer = string | string[]

export const PROFILE_URL = '/packages/mine/pages/profile/index'

interface Props {
  activityId: string
  title: string
  /** The event's time and place, for 添加到手机日历 after success. */
  event: CalendarSource
  summary: SignupSummary
  submitLabel: string
  onClose(): void
  onDone(reg: Registration): void
  /** The server says I already have a registration: the page should load it. */
  onStale(): void
}

/** Whether the sheet stays open after success to offer 添加到手机日历 (WeChat, a confirmed place). */
export function showsDoneStep(reg: Registration): boolean {
  return PHONE_CALENDAR && reg.state === 'confirmed'
}

interface Subscriptions {
  /** The day-before reminder. */
  remind: boolean
  /** An organiser's notice of a change of time or place (when the build names its template). */
  notices: boolean
}

/**
 * Asked from the submit tap itself (WeChat allows it only there), in one prompt for both templates;
 * H5 has no subscribe messages.
 */
async function askSubscriptions(): Promise<Subscriptions> {
  if (process.env.TARO_ENV !== 'weapp' || !REMINDER_TEMPLATE_ID) return { remind: false, notices: false }
  try {
    const tmplIds = NOTICE_TEMPLATE_ID ? [REMINDER_TEMPLATE_ID, NOTICE_TEMPLATE_ID] : [REMINDER_TEMPLATE_ID]
    // Taro's typing also demands Alipay's entityIds; WeChat takes tmplIds only.
    const option = { tmplIds } as unknown as Taro.requestSubscribeMessage.Option
    const res = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, string>
    return {
      remind: res[REMINDER_TEMPLATE_ID] === 'accept',
      notices: !!NOTICE_TEMPLATE_ID && res[NOTICE_TEMPLATE_ID] === 'accept',
    }
  } catch {
    return { remind: false, notices: false }
  }
}

function isEmpty(v: Answer | undefined): boolean {
  return v === undefined || (typeof v === 'string' ? v.trim() === '' : v.length === 0)
}

/** "（剩 3 席）" / "（已满，可候补）" after an option that is a quota key. */
function quotaNote(summary: SignupSummary, q: FormQuestion, option: string): string {
  if (summary.settings.quotaQuestionId !== q.id) return ''
  const quota = summary.quotas.find((x) => x.key === option)
  if (!quota) return ''
  const left = quota.capacity - quota.taken
  if (left > 0) return `（剩 ${left} 席）`
  return summary.settings.waitlist ? '（已满，可候补）' : '（已满）'
}

/** The profile update that gives what the identity step asked for (a bound phone is already saved). */
function profileUpdateOf(needs: IdentityNeeds, f: IdentityForm): ProfileUpdateRequest | null {
  const req: ProfileUpdateRequest = {}
  if (needs.realName) req.realName = f.realName.trim()
  if (needs.birthDate) req.birthDate = f.birthDate
  if (needs.guardian) req.guardian = { name: f.guardianName.trim(), phone: f.guardianPhone.trim(), consent: true }
  return Object.keys(req).length ? req : null
}

/**
 * The sign-up form, drawn in the page as a bottom sheet. One idempotency key per opening: a retry
 * after a network error sends the same key, so the server never registers twice. When the server
 * answers that the person lacks something (a phone, a real name, a birth date, a guardian's
 * consent), the sheet asks for exactly that in place, saves it, and sends the sign-up again.
 */
export function SignupSheet({ activityId, title, event, summary, submitLabel, onClose, onDone, onStale }: Props) {
  const questions = summary.settings.questions
  const [key] = useState(newIdempotencyKey)
  const [answers, setAnswers] = useState<Record<string, Answer>>({})
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<{ code: string; message: string } | null>(null)
  const { busy: running, run: act } = useAction()
  const busy = running !== null
  // null: not asked yet in this sheet; asked once per opening.
  const [remind, setRemind] = useState<boolean | null>(null)
  const [notices, setNotices] = useState(false)
  const [needs, setNeeds] = useState<IdentityNeeds | null>(null)
  const [identity, setIdentity] = useState<IdentityForm>(EMPTY_IDENTITY)
  // After 报名成功 in WeChat: the sheet shows the calendar row and what the reminder will do.
  const [done, setDone] = useState(false)

  const set = (id: string, value: Answer) => {
    setAnswers((a) => ({ ...a, [id]: value }))
    setFieldErrors((f) => {
      const next = { ...f }
      delete next[`answers.${id}`]
      return next
    })
  }

  function toggle(id: string, option: string) {
    const current = answers[id]
    const list = Array.isArray(current) ? current : []
    set(id, list.includes(option) ? list.filter((o) => o !== option) : [...list, option])
  }

  async function submit() {
    // The subscribe request must start synchronously inside the tap.
    // In H5 the local switch stands in for both (the local outbox receives either message).
    const reminded =
      remind === null
        ? askSubscriptions()
        : Promise.resolve({ remind, notices: process.env.TARO_ENV === 'h5' ? remind : notices })
    const missing: Record<string, string> = {}
    for (const q of questions) if (q.required && isEmpty(answers[q.id])) missing[`answers.${q.id}`] = '必填'
    const { remind: wants, notices: wantsNotices } = await reminded
    setRemind(wants)
    setNotices(wantsNotices)
    if (Object.keys(missing).length) {
      setFieldErrors(missing)
      setError({ code: 'INVALID_INPUT', message: '请填写标 * 的项目' })
      return
    }
    const lacking = needs && identityProblem(needs, identity)
    if (lacking) {
      setError({ code: 'IDENTITY_REQUIRED', message: lacking })
      return
    }
    const sent: Record<string, Answer> = {}
    for (const q of questions) {
      const v = answers[q.id]
      if (!isEmpty(v)) sent[q.id] = typeof v === 'string' ? v.trim() : (v as string[])
    }
    setError(null)
    await act(
      'signup',
      async () => {
        const given = needs && profileUpdateOf(needs, identity)
        if (given) await updateProfile(given)
        const reg = await signUp({ activityId, idempotencyKey: key, answers: sent, remind: wants })
        // Not part of the sign-up: a failure here must not hide the registration.
        if (wantsNotices) void subscribeNotices(activityId).catch(() => undefined)
        if (showsDoneStep(reg)) setDone(true)
        onDone(reg)
      },
      (err) => {
        if (err instanceof ApiError) {
          setError({ code: err.code, message: err.message })
          setFieldErrors(err.fields ?? {})
          const lacks = needsFrom(err.code, err.fields)
          // What is still missing is asked for; what was just given stays on screen.
          if (lacks) setNeeds((was) => (was ? { ...lacks, phone: lacks.phone || was.phone } : lacks))
          if (err.code === 'ALREADY_REGISTERED') onStale()
        } else {
          setError({ code: 'NETWORK', message: '出了点问题，请稍后重试' })
        }
      },
    )
  }

  const profileLink = error && (error.code === 'PROFILE_INCOMPLETE' || error.code === 'NOT_ELIGIBLE')

  return (
    <View className="signup-sheet" data-testid="signup-sheet" catchMove>
      {/* The handlers stay attached and check `busy`: in the WeChat build, Taro crashes React's commit
          when a Text loses its last listener (it looks up a "pure-text" template that does not exist). */}
      <View className="signup-sheet__mask" onClick={() => !busy && onClose()} />
      <View className="signup-sheet__panel">
        <View className="signup-sheet__head">
          <Text className="signup-sheet__title">{done ? '报名成功' : `报名：${title}`}</Text>
          <Text className="signup-sheet__close" onClick={() => !busy && onClose()}>
            ×
          </Text>
        </View>
        {done ? (
          <View className="signup-sheet__body">
            <SignupDone event={event} reminded={remind === true} />
          </View>
        ) : (
          <View className="signup-sheet__body">
            {questions.length === 0 ? <Text className="signup-sheet__plain">确认报名参加本次活动？</Text> : null}
            {questions.map((q) => {
              const err = fieldErrors[`answers.${q.id}`]
              const value = answers[q.id]
              return (
                <View
                  key={q.id}
                  className={`signup-q${err ? ' signup-q--error' : ''}`}
                  data-testid={`question-${q.id}`}
                >
                  <View className="signup-q__label">
                    {q.label}
                    {q.required ? <Text className="signup-q__required">*</Text> : null}
                    {q.kind === 'multi' ? <Text className="signup-q__kind">（可多选）</Text> : null}
                  </View>
                  {q.kind === 'text' ? (
                    q.label.length > 12 ? (
                      <Textarea
                        className="signup-q__textarea"
                        data-testid={`answer-${q.id}`}
                        maxlength={500}
                        autoHeight
                        value={typeof value === 'string' ? value : ''}
                        placeholder="请填写"
                        onInput={(e) => set(q.id, e.detail.value)}
                      />
                    ) : (
                      <Input
                        className="signup-q__input"
                        data-testid={`answer-${q.id}`}
                        maxlength={500}
                        value={typeof value === 'string' ? value : ''}
                        placeholder="请填写"
                        onInput={(e) => set(q.id, e.detail.value)}
                      />
                    )
                  ) : (
                    <View className="signup-q__options">
                      {q.options.map((o) => {
                        const on = q.kind === 'single' ? value === o : Array.isArray(value) && value.includes(o)
                        return (
                          <View
                            key={o}
                            className={`signup-q__option${on ? ' signup-q__option--on' : ''}`}
                            data-testid={`option-${q.id}-${o}`}
                            onClick={() => (q.kind === 'single' ? set(q.id, o) : toggle(q.id, o))}
                          >
                            {o}
                            {quotaNote(summary, q, o)}
                          </View>
                        )
                      })}
                    </View>
                  )}
                  {err ? <Text className="signup-q__error">{err}</Text> : null}
                </View>
              )
            })}
            {needs ? (
              <IdentityStep
                needs={needs}
                form={identity}
                onChange={(patch) => {
                  setIdentity((f) => ({ ...f, ...patch }))
                  // A phone just bound answers "bind a phone first": that message is done.
                  if (patch.boundPhone) setError(null)
                }}
              />
            ) : null}
          </View>
        )}
        {process.env.TARO_ENV === 'h5' && !done ? (
          // The local host has no subscribe messages: this switch stands in for WeChat's prompt,
          // and the reminder lands in the local outbox.
          <View
            className={`signup-sheet__remind${remind ? ' signup-sheet__remind--on' : ''}`}
            data-testid="remind-local"
            onClick={() => setRemind(!remind)}
          >
            <Text className="signup-sheet__remind-check">{remind ? '✓' : ''}</Text>
            <View className="signup-sheet__remind-text">
              <Text className="signup-sheet__remind-title">活动前一天提醒我</Text>
              <Text className="signup-sheet__remind-note">
                活动开始前一天提醒，时间地点变更时通知（本地演示写入消息箱，微信中为订阅消息）
              </Text>
            </View>
          </View>
        ) : null}
        {error && !done ? (
          <View className="signup-sheet__error" data-testid="signup-error">
            <Text>{error.message}</Text>
            {profileLink ? (
              <Text
                className="signup-sheet__link"
                data-testid="profile-link"
                onClick={() => void Taro.navigateTo({ url: PROFILE_URL })}
              >
                去完善个人资料 ›
              </Text>
            ) : null}
          </View>
        ) : null}
        <View className="signup-sheet__actions">
          {done ? (
            <Button className="signup-sheet__finish" color="primary" shape="round" block onClick={onClose}>
              完成
            </Button>
          ) : (
            <Button
              className="signup-sheet__submit"
              color="primary"
              shape="round"
              block
              loading={busy}
              disabled={busy}
              onClick={() => void submit()}
            >
              {error?.code === 'NETWORK' ? '重试' : submitLabel}
            </Button>
          )}
        </View>
      </View>
    </View>
  )
}
