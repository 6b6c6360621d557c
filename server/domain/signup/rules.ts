/**
 * Sign-up rules as pure functions: windows and deadlines, eligibility, answers and quotas,
 * settings coherence, offer expiry, attendance rate. No database, no platform, no text: a rule
 * answers a typed failure (see ./failures.ts) or null.
 */
import type { Event } from '../event'
import type { FormQuestion, RegistrationState, SignupSettings } from '@api/signup'
import type { AnswerProblem, SettingsProblem, SignupFailure } from './failures'

export type { AnswerProblem, IdentityItem, OrganiserAct, SettingsProblem, SignupFailure } from './failures'

const HOUR = 3600_000

/** The times of an event the sign-up rules read. */
export type EventTimes = Pick<Event, 'startAt' | 'endAt' | 'signupOpensAt' | 'signupClosesAt'>

export function checkSignupWindow(e: EventTimes, now: Date): SignupFailure | null {
  if (now < e.signupOpensAt) return { kind: 'signupNotOpen' }
  if (now >= e.signupClosesAt || now >= e.startAt) return { kind: 'signupClosed' }
  return null
}

/** People cancel confirmed seats themselves until `cancelDeadlineHours` before the start; waiting entries until the start. */
export function canSelfCancel(state: string, e: EventTimes, settings: SignupSettings, now: Date): boolean {
  if (now >= e.startAt) return false
  if (state === 'confirmed' || state === 'offered')
    return now.getTime() < e.startAt.getTime() - settings.cancelDeadlineHours * HOUR
  return ['applied', 'pending', 'waitlisted'].includes(state)
}

/** Why the owner may not cancel now, or null when they may. */
export function checkSelfCancel(
  state: string,
  e: EventTimes,
  settings: SignupSettings,
  now: Date,
): SignupFailure | null {
  if (canSelfCancel(state, e, settings, now)) return null
  return state === 'confirmed' || state === 'offered'
    ? { kind: 'cancelDeadlinePassed', hours: settings.cancelDeadlineHours }
    : { kind: 'notCancellable' }
}

/** Why an offer cannot be accepted, or null when it can. */
export function checkAcceptOffer(
  reg: { state: RegistrationState; offerExpiresAt: Date | null },
  now: Date,
): SignupFailure | null {
  if (reg.state !== 'offered') return { kind: 'noOffer' }
  if (reg.offerExpiresAt && reg.offerExpiresAt <= now) return { kind: 'offerExpired' }
  return null
}

/** The states that hold a seat: releasing one of them frees it for the line. */
export const HOLDS_SEAT: readonly RegistrationState[] = ['offered', 'confirmed']

export function holdsSeat(state: RegistrationState): boolean {
  return HOLDS_SEAT.includes(state)
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

/** What the first in line gets when a seat passes to them: the seat at once (direct), or an offer until a deadline. */
export type Promotion = { state: 'confirmed' } | { state: 'offered'; offerExpiresAt: Date }

export function promotionFor(e: EventTimes, settings: SignupSettings, now: Date): Promotion {
  return settings.promotion === 'direct'
    ? { state: 'confirmed' }
    : { state: 'offered', offerExpiresAt: offerExpiry(e, settings, now) }
}

/**
 * How a sign-up is recorded: a seat (first come, first served, with or without a waiting line),
 * or a state awaiting a decision (applied for apply-then-select, pending for approval).
 */
export type SignupMode = { kind: 'seat'; waitlist: boolean } | { kind: 'fixed'; state: 'pending' | 'applied' }

export function signupMode(settings: SignupSettings): SignupMode {
  return settings.allocation === 'select'
    ? { kind: 'fixed', state: 'applied' }
    : settings.approvalRequired
      ? { kind: 'fixed', state: 'pending' }
      : { kind: 'seat', waitlist: settings.waitlist }
}

/** Whether eligibility needs the person's record (birth date, league membership, attendance). */
export function needsPersonRecord(settings: SignupSettings): boolean {
  const rules = settings.eligibility
  return rules.leagueMembersOnly || rules.minAge !== null || rules.maxAge !== null || rules.minAttendanceRate !== null
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

export function checkEligibility(p: PersonFacts, settings: SignupSettings, startAt: Date): SignupFailure | null {
  const { leagueMembersOnly, minAge, maxAge, minAttendanceRate } = settings.eligibility
  if (leagueMembersOnly && !p.leagueMember) return { kind: 'leagueMembersOnly' }
  if (minAge !== null || maxAge !== null) {
    if (!p.birthDate) return { kind: 'birthDateMissing' }
    const age = ageOn(p.birthDate, startAt)
    if (minAge !== null && age < minAge) return { kind: 'tooYoung', minAge, maxAge }
    if (maxAge !== null && age > maxAge) return { kind: 'tooOld', minAge, maxAge }
  }
  if (minAttendanceRate !== null && p.attendanceRate !== null && p.attendanceRate < minAttendanceRate) {
    return { kind: 'attendanceTooLow', required: minAttendanceRate, actual: p.attendanceRate }
  }
  return null
}

export type Answers = Record<string, string | string[]>

export interface ReadAnswers {
  answers: Answers
  quotaKey: string
}

/** Checks answers against the questions: the cleaned answers and the quota they fall in, or what is wrong. */
export function readAnswers(
  settings: SignupSettings,
  raw: Answers,
): ReadAnswers | Extract<SignupFailure, { kind: 'invalidAnswers' }> {
  const problems: Record<string, AnswerProblem> = {}
  const answers: Answers = {}
  const known = new Map(settings.questions.map((q) => [q.id, q]))
  for (const id of Object.keys(raw)) if (!known.has(id)) problems[`answers.${id}`] = 'unknownQuestion'
  for (const q of settings.questions) {
    const value = raw[q.id]
    const problem = answerProblem(q, value)
    if (problem) problems[`answers.${q.id}`] = problem
    else if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) answers[q.id] = value
  }
  let quotaKey = ''
  if (settings.quotaQuestionId) {
    const value = answers[settings.quotaQuestionId]
    if (typeof value !== 'string' || !settings.quotas.some((q) => q.key === value)) {
      problems[`answers.${settings.quotaQuestionId}`] ??= 'noQuotaChosen'
    } else {
      quotaKey = value
    }
  }
  if (Object.keys(problems).length) return { kind: 'invalidAnswers', problems }
  return { answers, quotaKey }
}

function answerProblem(q: FormQuestion, value: string | string[] | undefined): AnswerProblem | null {
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  if (empty) return q.required ? 'required' : null
  if (q.kind === 'text') return typeof value === 'string' ? null : 'notText'
  if (q.kind === 'single') return typeof value === 'string' && q.options.includes(value) ? null : 'badOption'
  if (!Array.isArray(value)) return 'notMultiple'
  if (new Set(value).size !== value.length || value.some((v) => !q.options.includes(v))) return 'badOption'
  return null
}

/** Quotas must split exactly the event's capacity over the options of a single-choice question. */
export function checkSettings(settings: SignupSettings, capacity: number): SignupFailure | null {
  const problems: Record<string, SettingsProblem> = {}
  const ids = settings.questions.map((q) => q.id)
  if (new Set(ids).size !== ids.length) problems.questions = 'duplicateQuestionIds'
  for (const q of settings.questions) {
    if (q.kind !== 'text' && q.options.length < 2) problems[`questions.${q.id}`] = 'tooFewOptions'
  }
  const { minAge, maxAge } = settings.eligibility
  if (minAge !== null && maxAge !== null && minAge > maxAge) problems['eligibility.maxAge'] = 'maxAgeBelowMinAge'
  const quotaTotal = settings.quotas.reduce((sum, x) => sum + x.capacity, 0)
  if (settings.quotaQuestionId) {
    const q = settings.questions.find((x) => x.id === settings.quotaQuestionId)
    if (!q || q.kind !== 'single' || !q.required) problems.quotaQuestionId = 'quotaQuestionUnfit'
    else {
      const keys = settings.quotas.map((x) => x.key)
      if (
        new Set(keys).size !== keys.length ||
        keys.some((k) => !q.options.includes(k)) ||
        keys.length !== q.options.length
      ) {
        problems.quotas = 'quotasNotOptions'
      }
      if (quotaTotal !== capacity) problems.quotas = 'quotaTotalNotCapacity'
    }
  } else if (settings.quotas.length) {
    problems.quotaQuestionId = 'quotaQuestionMissing'
  }
  return Object.keys(problems).length ? { kind: 'invalidSettings', problems, quotaTotal, capacity } : null
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

/** A birth date a person may record: not in the future (Shanghai-agnostic ISO day compare, as before), not before 1900. */
export function checkBirthDate(birthDate: string | undefined, now: Date): SignupFailure | null {
  if (birthDate && (birthDate > now.toISOString().slice(0, 10) || birthDate < '1900-01-01'))
    return { kind: 'invalidBirthDate' }
  return null
}
