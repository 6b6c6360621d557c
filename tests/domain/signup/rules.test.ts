/** The sign-up rules answer typed failures (data), never exceptions or text. */
import { readdirSync, readFileSync } from 'fs'
import { join } from 'path'
import { signupSettingsSchema, type SignupSettingsInput } from '@api/signup'
import {
  ageOn,
  attendanceRate,
  canSelfCancel,
  checkAcceptOffer,
  checkBirthDate,
  checkEligibility,
  checkSelfCancel,
  checkSettings,
  checkSignupWindow,
  needsPersonRecord,
  offerExpiry,
  promotionFor,
  promotionOpen,
  quotasOf,
  readAnswers,
  signupMode,
} from '../../../server/domain/signup/rules'

const HOUR = 3600_000
const settings = (s: SignupSettingsInput = {}) => signupSettingsSchema.parse(s)
const start = new Date('2026-06-10T02:00:00Z') // 10:00 in Shanghai
const event = {
  startAt: start,
  endAt: new Date(start.getTime() + 2 * HOUR),
  signupOpensAt: new Date(start.getTime() - 10 * 24 * HOUR),
  signupClosesAt: new Date(start.getTime() - 24 * HOUR),
}
const before = (hours: number) => new Date(start.getTime() - hours * HOUR)

describe('the sign-up window', () => {
  test('open between opening and closing', () => expect(checkSignupWindow(event, before(48))).toBeNull())
  test('not open yet', () => expect(checkSignupWindow(event, before(11 * 24))).toEqual({ kind: 'signupNotOpen' }))
  test('closed at the closing time', () =>
    expect(checkSignupWindow(event, before(24))).toEqual({ kind: 'signupClosed' }))
  test('closed once started, whatever the closing time', () =>
    expect(checkSignupWindow({ ...event, signupClosesAt: event.endAt }, start)).toEqual({ kind: 'signupClosed' }))
})

describe('eligibility', () => {
  const person = { birthDate: '2000-06-10', leagueMember: true, attendanceRate: null }
  const rules = (eligibility: SignupSettingsInput['eligibility']) => settings({ eligibility })

  test('no conditions: anyone', () => expect(checkEligibility(person, settings(), start)).toBeNull())
  test('league members only', () => {
    expect(checkEligibility({ ...person, leagueMember: false }, rules({ leagueMembersOnly: true }), start)).toEqual({
      kind: 'leagueMembersOnly',
    })
    expect(checkEligibility(person, rules({ leagueMembersOnly: true }), start)).toBeNull()
  })
  test('an age rule needs a birth date', () =>
    expect(checkEligibility({ ...person, birthDate: null }, rules({ minAge: 18 }), start)).toEqual({
      kind: 'birthDateMissing',
    }))
  test('too young and too old carry the limits', () => {
    // 26 on the day of the event (birthday that very day, Shanghai calendar).
    expect(checkEligibility(person, rules({ minAge: 27, maxAge: 35 }), start)).toEqual({
      kind: 'tooYoung',
      minAge: 27,
      maxAge: 35,
    })
    expect(checkEligibility(person, rules({ maxAge: 25 }), start)).toEqual({ kind: 'tooOld', minAge: null, maxAge: 25 })
    expect(checkEligibility(person, rules({ minAge: 26, maxAge: 26 }), start)).toBeNull()
  })
  test('attendance below the required rate carries both rates', () => {
    expect(checkEligibility({ ...person, attendanceRate: 0.5 }, rules({ minAttendanceRate: 0.8 }), start)).toEqual({
      kind: 'attendanceTooLow',
      required: 0.8,
      actual: 0.5,
    })
    // No record yet: not held against anyone.
    expect(checkEligibility(person, rules({ minAttendanceRate: 0.8 }), start)).toBeNull()
  })
  test('ages count in the Shanghai calendar', () => {
    expect(ageOn('2000-06-10', new Date('2026-06-09T16:00:00Z'))).toBe(26) // 00:00 on the 10th in Shanghai
    expect(ageOn('2000-06-10', new Date('2026-06-09T15:59:59Z'))).toBe(25)
  })
  test('only conditions that read the record need it', () => {
    expect(needsPersonRecord(settings())).toBe(false)
    expect(needsPersonRecord(rules({ maxAge: 30 }))).toBe(true)
    expect(needsPersonRecord(rules({ minAttendanceRate: 0.5 }))).toBe(true)
  })
})

describe('answers', () => {
  const form = settings({
    questions: [
      { id: 'gender', label: '性别', kind: 'single', required: true, options: ['男', '女'] },
      { id: 'note', label: '备注', kind: 'text' },
      { id: 'days', label: '日期', kind: 'multi', options: ['周六', '周日'] },
    ],
    quotaQuestionId: 'gender',
    quotas: [
      { key: '男', capacity: 1 },
      { key: '女', capacity: 1 },
    ],
  })
  test('clean answers and the quota they fall in', () =>
    expect(readAnswers(form, { gender: '女', note: '', days: ['周日'] })).toEqual({
      answers: { gender: '女', days: ['周日'] },
      quotaKey: '女',
    }))
  test('every problem, by field, in order', () =>
    expect(readAnswers(form, { extra: 'x', note: ['a'], days: ['周日', '周日'] })).toEqual({
      kind: 'invalidAnswers',
      problems: {
        'answers.extra': 'unknownQuestion',
        'answers.gender': 'required',
        'answers.note': 'notText',
        'answers.days': 'badOption',
      },
    }))
  test('an option outside the list, a single answer to a multiple choice', () =>
    expect(readAnswers(form, { gender: '其他', days: '周六' })).toEqual({
      kind: 'invalidAnswers',
      problems: { 'answers.gender': 'badOption', 'answers.days': 'notMultiple' },
    }))
  test('without quotas everyone is in quota ""', () =>
    expect(readAnswers(settings(), {})).toEqual({ answers: {}, quotaKey: '' }))
})

describe('settings', () => {
  const gender = { id: 'gender', label: '性别', kind: 'single' as const, required: true, options: ['男', '女'] }
  test('coherent settings pass', () =>
    expect(
      checkSettings(
        settings({
          questions: [gender],
          quotaQuestionId: 'gender',
          quotas: [
            { key: '男', capacity: 3 },
            { key: '女', capacity: 2 },
          ],
        }),
        5,
      ),
    ).toBeNull())
  test('quotas that do not add up to the capacity say both numbers', () =>
    expect(
      checkSettings(
        settings({
          questions: [gender],
          quotaQuestionId: 'gender',
          quotas: [
            { key: '男', capacity: 3 },
            { key: '女', capacity: 3 },
          ],
        }),
        5,
      ),
    ).toEqual({ kind: 'invalidSettings', problems: { quotas: 'quotaTotalNotCapacity' }, quotaTotal: 6, capacity: 5 }))
  test('every other problem, by field', () => {
    expect(
      checkSettings(
        settings({
          questions: [
            { ...gender, required: false },
            { id: 'gender', label: '再来', kind: 'multi', options: ['一'] },
          ],
          eligibility: { minAge: 30, maxAge: 20 },
          quotaQuestionId: 'gender',
          quotas: [{ key: '男', capacity: 5 }],
        }),
        5,
      ),
    ).toMatchObject({
      kind: 'invalidSettings',
      problems: {
        questions: 'duplicateQuestionIds',
        'questions.gender': 'tooFewOptions',
        'eligibility.maxAge': 'maxAgeBelowMinAge',
        quotaQuestionId: 'quotaQuestionUnfit',
      },
    })
    expect(checkSettings(settings({ quotas: [{ key: '男', capacity: 5 }] }), 5)).toMatchObject({
      problems: { quotaQuestionId: 'quotaQuestionMissing' },
    })
    expect(
      checkSettings(
        settings({ questions: [gender], quotaQuestionId: 'gender', quotas: [{ key: '男', capacity: 5 }] }),
        5,
      ),
    ).toMatchObject({ problems: { quotas: 'quotasNotOptions' } })
  })
  test('one quota of the whole capacity without balanced quotas', () =>
    expect(quotasOf(settings(), 7)).toEqual([{ key: '', capacity: 7 }]))
})

describe('cancelling and offers', () => {
  const s = settings({ cancelDeadlineHours: 24 })
  test('a seat is cancelled until the deadline, with the hours in the refusal', () => {
    expect(checkSelfCancel('confirmed', event, s, before(25))).toBeNull()
    expect(checkSelfCancel('confirmed', event, s, before(23))).toEqual({ kind: 'cancelDeadlinePassed', hours: 24 })
    expect(canSelfCancel('offered', event, s, before(23))).toBe(false)
  })
  test('a waiting entry is cancelled until the start; an ended one never', () => {
    expect(checkSelfCancel('waitlisted', event, s, before(1))).toBeNull()
    expect(checkSelfCancel('waitlisted', event, s, start)).toEqual({ kind: 'notCancellable' })
    expect(checkSelfCancel('cancelled', event, s, before(100))).toEqual({ kind: 'notCancellable' })
  })
  test('an offer is accepted only while it lasts', () => {
    const now = before(48)
    expect(checkAcceptOffer({ state: 'offered', offerExpiresAt: new Date(now.getTime() + 1) }, now)).toBeNull()
    expect(checkAcceptOffer({ state: 'offered', offerExpiresAt: now }, now)).toEqual({ kind: 'offerExpired' })
    expect(checkAcceptOffer({ state: 'confirmed', offerExpiresAt: null }, now)).toEqual({ kind: 'noOffer' })
  })
})

describe('promotion policy', () => {
  test('direct promotion confirms; offer promotion offers until the expiry', () => {
    const now = before(100)
    expect(promotionFor(event, settings({ promotion: 'direct' }), now)).toEqual({ state: 'confirmed' })
    expect(promotionFor(event, settings({ promotion: 'offer', offerHours: 12 }), now)).toEqual({
      state: 'offered',
      offerExpiresAt: new Date(now.getTime() + 12 * HOUR),
    })
  })
  test('an offer never outlasts the cutoff before the start (but lasts at least a quarter hour)', () => {
    const s = settings({ promotion: 'offer', offerHours: 48, promotionCutoffHours: 2 })
    expect(offerExpiry(event, s, before(10))).toEqual(before(2))
    expect(offerExpiry(event, s, before(2))).toEqual(new Date(before(2).getTime() + HOUR / 4))
  })
  test('no promotion when off, or within the cutoff', () => {
    expect(promotionOpen(event, settings({ promotion: 'off' }), before(100))).toBe(false)
    expect(promotionOpen(event, settings({ promotionCutoffHours: 2 }), before(3))).toBe(true)
    expect(promotionOpen(event, settings({ promotionCutoffHours: 2 }), before(2))).toBe(false)
  })
  test('how a sign-up is recorded follows allocation and approval', () => {
    expect(signupMode(settings())).toEqual({ kind: 'seat', waitlist: true })
    expect(signupMode(settings({ waitlist: false }))).toEqual({ kind: 'seat', waitlist: false })
    expect(signupMode(settings({ approvalRequired: true }))).toEqual({ kind: 'fixed', state: 'pending' })
    expect(signupMode(settings({ allocation: 'select', approvalRequired: true }))).toEqual({
      kind: 'fixed',
      state: 'applied',
    })
  })
})

describe('the profile', () => {
  const now = new Date('2026-06-10T02:00:00Z')
  test('a birth date in the past after 1900', () => {
    expect(checkBirthDate('2000-01-01', now)).toBeNull()
    expect(checkBirthDate(undefined, now)).toBeNull()
    expect(checkBirthDate('2026-06-11', now)).toEqual({ kind: 'invalidBirthDate' })
    expect(checkBirthDate('1899-12-31', now)).toEqual({ kind: 'invalidBirthDate' })
  })
  test('attendance rate: none without a record', () => {
    expect(attendanceRate(0, 0)).toBeNull()
    expect(attendanceRate(3, 1)).toBe(0.75)
  })
})

describe('the sign-up domain stays pure', () => {
  const dir = join(__dirname, '../../../server/domain/signup')
  test.each(readdirSync(dir).filter((f) => f.endsWith('.ts')))(
    '%s: no text, no runtime, store, platform or app',
    (f) => {
      const source = readFileSync(join(dir, f), 'utf8')
      expect(source).not.toMatch(/[\u4e00-\u9fff]/)
      expect(source).not.toMatch(/from '\.\.\/\.\.\/(runtime|store|platform|app)\b/)
      expect(source).not.toMatch(/AppError|throw /)
    },
  )
})
