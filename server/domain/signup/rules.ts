/**
 * Sign-up rules as pure functions: windows and deadlines, eligibility, answers and quotas,
 * settings coherence, offer expiry, attendance rate. No database, no platform.
 */
import type { FormQuestion, SignupSettings } from '@api/signup'
import { AppError, invalidInput } from '../../runtime/errors'

const HOUR = 3600_000

export interface EventTimes {
  startAt: Date
  endAt: Date
  signupOpensAt: Date
  signupClosesAt: Date
}

export function checkSignupWindow(e: EventTimes, now: Date): void {
  if (now < e.signupOpensAt) throw new AppError('SIGNUP_CLOSED', '报名尚未开始')
  if (now >= e.signupClosesAt || now >= e.startAt) throw new AppError('SIGNUP_CLOSED', '报名已截止')
}

/** People cancel confirmed seats themselves until `cancelDeadlineHours` before the start; waiting entries until the start. */
export function canSelfCancel(state: string, e: EventTimes, settings: SignupSettings, now: Date): boolean {
  if (now >= e.startAt) return false
  if (state === 'confirmed' || state === 'offered')
    return now.getTime() < e.startAt.getTime() - settings.cancelDeadlineHours * HOUR
  return ['applied', 'pending', 'waitlisted'].includes(state)
}

/** Whether a freed seat still passes to the next in line. */
export function promotionOpen(e: EventTimes, settings: SignupSettings, now: Date): boolean {
  return settings.promotion !== 'off' && now.getTime() < e.startAt.getTime() - settings.promotionCutoffHours * HOUR
}

/** An offer lasts `offerHours`, but never past the promotion cutoff before the start. */
export function offerExpiry(e: EventTimes, settings: SignupSettings, now: Date): Date {
  const normal = now.getTime() + settings.offerHours * HOUR
  const latest = e.startAt.getTime() - settings.promotionCutoffHours * HOUR
  return new Date(Math.max(now.getTime() + HOUR / 4, Math.min(normal, latest)))
}

export interface PersonFacts {
  birthDate: string | null
  leagueMember: boolean
  attendanceRate: number | null
}

/** Age in whole years on a date, from a YYYY-MM-DD birth date (Shanghai calendar). */
export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number)
  const shanghai = new Date(on.getTime() + 8 * HOUR)
  const [oy, om, od] = [shanghai.getUTCFullYear(), shanghai.getUTCMonth() + 1, shanghai.getUTCDate()]
  return oy - y - (om < m || (om === m && od < d) ? 1 : 0)
}

export function checkEligibility(p: PersonFacts, settings: SignupSettings, startAt: Date): void {
  const { leagueMembersOnly, minAge, maxAge, minAttendanceRate } = settings.eligibility
  if (leagueMembersOnly && !p.leagueMember) throw new AppError('NOT_ELIGIBLE', '本活动仅限共青团员报名')
  if (minAge !== null || maxAge !== null) {
    if (!p.birthDate) throw new AppError('PROFILE_INCOMPLETE', '本活动有年龄要求，请先在个人资料中填写出生日期')
    const age = ageOn(p.birthDate, startAt)
    if ((minAge !== null && age < minAge) || (maxAge !== null && age > maxAge)) {
      throw new AppError('NOT_ELIGIBLE', `本活动限 ${minAge ?? 0}–${maxAge ?? '不限'} 岁报名`)
    }
  }
  if (minAttendanceRate !== null && p.attendanceRate !== null && p.attendanceRate < minAttendanceRate) {
    throw new AppError(
      'NOT_ELIGIBLE',
      `本活动要求到场率不低于 ${Math.round(minAttendanceRate * 100)}%，你近期的到场率为 ${Math.round(p.attendanceRate * 100)}%`,
    )
  }
}

export type Answers = Record<string, string | string[]>

/** Checks answers against the questions and returns the cleaned answers and the quota they fall in. */
export function readAnswers(settings: SignupSettings, raw: Answers): { answers: Answers; quotaKey: string } {
  const fields: Record<string, string> = {}
  const answers: Answers = {}
  const known = new Map(settings.questions.map((q) => [q.id, q]))
  for (const id of Object.keys(raw)) if (!known.has(id)) fields[`answers.${id}`] = '没有这个问题'
  for (const q of settings.questions) {
    const value = raw[q.id]
    const problem = answerProblem(q, value)
    if (problem) fields[`answers.${q.id}`] = problem
    else if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) answers[q.id] = value
  }
  let quotaKey = ''
  if (settings.quotaQuestionId) {
    const value = answers[settings.quotaQuestionId]
    if (typeof value !== 'string' || !settings.quotas.some((q) => q.key === value)) {
      fields[`answers.${settings.quotaQuestionId}`] ??= '请选择一个有名额的选项'
    } else {
      quotaKey = value
    }
  }
  const first = Object.entries(fields)[0]
  if (first) throw invalidInput(`报名信息有误：${first[1]}`, fields)
  return { answers, quotaKey }
}

function answerProblem(q: FormQuestion, value: string | string[] | undefined): string | null {
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  if (empty) return q.required ? '必填' : null
  if (q.kind === 'text') return typeof value === 'string' ? null : '应为文字'
  if (q.kind === 'single') return typeof value === 'string' && q.options.includes(value) ? null : '选项无效'
  if (!Array.isArray(value)) return '应为多选'
  if (new Set(value).size !== value.length || value.some((v) => !q.options.includes(v))) return '选项无效'
  return null
}

/** Quotas must split exactly the event's capacity over the options of a single-choice question. */
export function checkSettings(settings: SignupSettings, capacity: number): void {
  const fields: Record<string, string> = {}
  const ids = settings.questions.map((q) => q.id)
  if (new Set(ids).size !== ids.length) fields.questions = '问题编号重复'
  for (const q of settings.questions) {
    if (q.kind !== 'text' && q.options.length < 2) fields[`questions.${q.id}`] = '选择题至少需要两个选项'
  }
  const { minAge, maxAge } = settings.eligibility
  if (minAge !== null && maxAge !== null && minAge > maxAge) fields['eligibility.maxAge'] = '最大年龄不能小于最小年龄'
  if (settings.quotaQuestionId) {
    const q = settings.questions.find((x) => x.id === settings.quotaQuestionId)
    if (!q || q.kind !== 'single' || !q.required) fields.quotaQuestionId = '配额须基于一个必答的单选题'
    else {
      const keys = settings.quotas.map((x) => x.key)
      if (
        new Set(keys).size !== keys.length ||
        keys.some((k) => !q.options.includes(k)) ||
        keys.length !== q.options.length
      ) {
        fields.quotas = '配额须与该单选题的选项一一对应'
      }
      const total = settings.quotas.reduce((sum, x) => sum + x.capacity, 0)
      if (total !== capacity) fields.quotas = `各配额之和（${total}）须等于活动名额（${capacity}）`
    }
  } else if (settings.quotas.length) {
    fields.quotaQuestionId = '设置配额时须指定依据的问题'
  }
  const first = Object.entries(fields)[0]
  if (first) throw invalidInput(`报名设置有误：${first[1]}`, fields)
}

/** The quotas an event runs with: its balanced quotas, or one quota '' of the whole capacity. */
export function quotasOf(settings: SignupSettings, capacity: number): { key: string; capacity: number }[] {
  return settings.quotaQuestionId
    ? settings.quotas.map((q) => ({ key: q.key, capacity: q.capacity }))
    : [{ key: '', capacity }]
}

/** attended / (attended + no-shows); null with no record. */
export function attendanceRate(attended: number, noShows: number): number | null {
  const total = attended + noShows
  return total === 0 ? null : attended / total
}
