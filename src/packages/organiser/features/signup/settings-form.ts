/**
 * The 报名设置 form: text-field state ↔ the contract's SignupSettings, and the checks the server
 * would make (quota sum = capacity) so the organiser sees them before saving.
 */
import type { FormQuestion, SignupSettings } from '@api/signup'

export type QuestionKind = FormQuestion['kind']

export const KIND_NAMES: Record<QuestionKind, string> = { text: '填空', single: '单选', multi: '多选' }
export const KINDS: QuestionKind[] = ['text', 'single', 'multi']

export const PROMOTION_NAMES: Record<SignupSettings['promotion'], string> = {
  direct: '自动递补（直接确认下一位）',
  offer: '通知下一位限时确认',
  off: '不自动递补（由组织者处理）',
}
export const PROMOTIONS: SignupSettings['promotion'][] = ['direct', 'offer', 'off']

export interface QuestionForm {
  id: string
  label: string
  kind: QuestionKind
  required: boolean
  options: string[]
}

export interface SettingsForm {
  allocation: SignupSettings['allocation']
  approvalRequired: boolean
  waitlist: boolean
  leagueMembersOnly: boolean
  minAge: string
  maxAge: string
  /** Percent, "80". */
  minAttendancePercent: string
  cancelDeadlineHours: string
  questions: QuestionForm[]
  quotaQuestionId: string | null
  /** Quota capacity per option of the quota question. */
  quotas: Record<string, string>
  promotion: SignupSettings['promotion']
  offerHours: string
  promotionCutoffHours: string
  /** Real-name sign-up: null = by default (mixers and volunteer-hour events). Kept as saved. */
  realNameRequired: SignupSettings['realNameRequired']
}

/** The contract's defaults, for an event that never had settings saved. */
export const DEFAULT_SETTINGS: SignupSettings = {
  allocation: 'fcfs',
  approvalRequired: false,
  waitlist: true,
  eligibility: { leagueMembersOnly: false, minAge: null, maxAge: null, minAttendanceRate: null },
  cancelDeadlineHours: 24,
  questions: [],
  quotaQuestionId: null,
  quotas: [],
  promotion: 'direct',
  offerHours: 48,
  promotionCutoffHours: 2,
  realNameRequired: null,
}

const num = (n: number | null) => (n === null ? '' : String(n))

export function formOf(s: SignupSettings): SettingsForm {
  return {
    allocation: s.allocation,
    approvalRequired: s.approvalRequired,
    waitlist: s.waitlist,
    leagueMembersOnly: s.eligibility.leagueMembersOnly,
    minAge: num(s.eligibility.minAge),
    maxAge: num(s.eligibility.maxAge),
    minAttendancePercent:
      s.eligibility.minAttendanceRate === null ? '' : String(Math.round(s.eligibility.minAttendanceRate * 100)),
    cancelDeadlineHours: String(s.cancelDeadlineHours),
    questions: s.questions.map((q) => ({ ...q, options: [...q.options] })),
    quotaQuestionId: s.quotaQuestionId,
    quotas: Object.fromEntries(s.quotas.map((q) => [q.key, String(q.capacity)])),
    promotion: s.promotion,
    offerHours: String(s.offerHours),
    promotionCutoffHours: String(s.promotionCutoffHours),
    realNameRequired: s.realNameRequired ?? null,
  }
}

/** A fresh id that no question uses: q1, q2, … (ids are referenced by answers, so they never change). */
export function nextQuestionId(questions: { id: string }[]): string {
  for (let i = 1; ; i++) if (!questions.some((q) => q.id === `q${i}`)) return `q${i}`
}

/** Questions that can split the capacity: required single-choice with at least two options. */
export function quotaCandidates(questions: QuestionForm[]): QuestionForm[] {
  return questions.filter((q) => q.kind === 'single' && q.required && q.options.filter((o) => o.trim()).length >= 2)
}

export function quotaQuestion(form: SettingsForm): QuestionForm | null {
  return quotaCandidates(form.questions).find((q) => q.id === form.quotaQuestionId) ?? null
}

/** Sum of the quota capacities over the quota question's options (blank counts as 0). */
export function quotaSum(form: SettingsForm): number {
  const q = quotaQuestion(form)
  if (!q) return 0
  return q.options.reduce((sum, o) => sum + (Number(form.quotas[o]) || 0), 0)
}

function intOrNull(v: string): number | null | 'bad' {
  if (v.trim() === '') return null
  const n = Number(v)
  return Number.isInteger(n) && n >= 0 ? n : 'bad'
}

export type Built = { ok: true; settings: SignupSettings } | { ok: false; errors: Record<string, string> }

export function buildSettings(form: SettingsForm, capacity: number): Built {
  const errors: Record<string, string> = {}
  const int = (key: string, v: string, min: number, max: number): number => {
    const n = intOrNull(v)
    if (n === null || n === 'bad' || n < min || n > max) {
      errors[key] = `请填写 ${min}–${max} 的整数`
      return min
    }
    return n
  }
  const age = (key: string, v: string): number | null => {
    const n = intOrNull(v)
    if (n === 'bad' || (n !== null && n > 120)) {
      errors[key] = '请填写 0–120 的整数，或留空'
      return null
    }
    return n
  }
  const minAge = age('eligibility.minAge', form.minAge)
  const maxAge = age('eligibility.maxAge', form.maxAge)
  if (minAge !== null && maxAge !== null && minAge > maxAge) errors['eligibility.maxAge'] = '最大年龄不能小于最小年龄'
  let minAttendanceRate: number | null = null
  const pct = intOrNull(form.minAttendancePercent)
  if (pct === 'bad' || (pct !== null && pct > 100)) errors['eligibility.minAttendanceRate'] = '请填写 0–100，或留空'
  else if (pct !== null) minAttendanceRate = pct / 100

  const questions: FormQuestion[] = form.questions.map((q) => {
    const label = q.label.trim()
    const options = q.kind === 'text' ? [] : q.options.map((o) => o.trim()).filter(Boolean)
    if (!label) errors[`questions.${q.id}`] = '请填写问题'
    else if (q.kind !== 'text' && options.length < 2) errors[`questions.${q.id}`] = '选择题至少需要两个选项'
    else if (new Set(options).size !== options.length) errors[`questions.${q.id}`] = '选项不能重复'
    return { id: q.id, label, kind: q.kind, required: q.required, options }
  })

  const qq = quotaQuestion(form)
  const quotas = qq
    ? qq.options
        .map((o) => o.trim())
        .filter(Boolean)
        .map((key) => ({ key, capacity: Number(form.quotas[key]) || 0 }))
    : []
  if (qq) {
    if (quotas.some((q) => !Number.isInteger(q.capacity) || q.capacity < 1)) errors.quotas = '每个分组至少 1 个名额'
    const sum = quotas.reduce((s, q) => s + q.capacity, 0)
    if (sum !== capacity) errors.quotas = `各分组名额之和（${sum}）须等于活动名额（${capacity}）`
  }

  const settings: SignupSettings = {
    allocation: form.allocation,
    // Apply-then-select has its own review step; approval applies to first come, first served.
    approvalRequired: form.allocation === 'fcfs' && form.approvalRequired,
    waitlist: form.waitlist,
    eligibility: { leagueMembersOnly: form.leagueMembersOnly, minAge, maxAge, minAttendanceRate },
    cancelDeadlineHours: int('cancelDeadlineHours', form.cancelDeadlineHours, 0, 720),
    questions,
    quotaQuestionId: qq ? qq.id : null,
    quotas,
    promotion: form.promotion,
    offerHours: int('offerHours', form.offerHours, 1, 168),
    promotionCutoffHours: int('promotionCutoffHours', form.promotionCutoffHours, 0, 168),
    realNameRequired: form.realNameRequired,
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, settings }
}
