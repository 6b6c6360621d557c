/**
 * Tiered identity in the pages: the sign-up sheet asks in place for what the server says is missing
 * (a phone from the phone button — in H5 the local stand-in —, a real name, a birth date, a
 * guardian's consent), saves it and sends the same sign-up again; 个人资料 shows the bound phone
 * masked with 绑定/更换手机号 instead of a phone field, and records a guardian's consent.
 */
import type { Profile, Registration } from '@api/signup'
import { ApiError } from '@/services/cloud'
import { rememberAgreed } from '@/features/privacy/consent'
import { devPhoneCode } from '@/features/session/dev-phone'
import { openPage, pageRoot, settle } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { detail } from './support/fixtures'
import { freezeNow } from './support/clock'
import { byTestId, callsOf, pick, tap, typeInto, fire } from './support/dom'
import { ACT, registration, summary } from './support/signup-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))
jest.mock('@/features/session/dev-phone', () => ({ devPhoneCode: jest.fn() }))

const devCode = devPhoneCode as jest.MockedFunction<typeof devPhoneCode>
const DETAIL = `/pages/activity/index?id=${ACT}`
const PROFILE = '/packages/mine/pages/profile/index'

function button(label: string, root: ParentNode = pageRoot()): HTMLElement {
  const b = Array.from(root.querySelectorAll<HTMLElement>('.taroify-button')).find(
    (e) => e.textContent?.trim() === label,
  )
  if (!b) throw new Error(`no button ${label}`)
  return b
}

const sheet = () => byTestId('signup-sheet')
const submit = () => tap(button('提交报名', sheet()))
const absent = (testId: string) => pageRoot().querySelector(`[data-testid="${testId}"]`) === null

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
  devCode.mockReset()
  devCode.mockImplementation(async (phone) => `dev-code-for-${phone}`)
  rememberAgreed() // the privacy popup is tested in privacy.test.tsx
})

afterEach(() => jest.useRealTimers())

/** The detail page whose sign-up answers `refusals` in turn, then succeeds. */
async function openSheet(refusals: ApiError[]) {
  const queue = [...refusals]
  serve({
    'activity.get': () => detail({ id: ACT }),
    'signup.summary': () => summary(),
    'signup.mine': () => null,
    'signup.signup': () => {
      const next = queue.shift()
      if (next) throw next
      return registration({ state: 'confirmed' }) satisfies Registration
    },
    'signup.updateProfile': (d) => ({ ...(d as object) }),
    'session.bindPhone': (d) => ({ phone: `1390511${(d as { code: string }).code.slice(-4)}`, phoneVerified: true }),
  })
  await openPage(DETAIL)
  await tap(byTestId('signup-bar').querySelector<HTMLElement>('.signup-bar__main')!)
}

const signups = () => callsOf(callFunctionMock, 'signup', 'signup') as { idempotencyKey: string }[]

describe('the sign-up sheet asks for what is missing, in place', () => {
  test('no phone and no real name: bind the phone (local stand-in), give the name, and the same sign-up goes through', async () => {
    await openSheet([
      new ApiError('IDENTITY_REQUIRED', '报名前请先绑定手机号、填写真实姓名', undefined, {
        phone: '请绑定手机号',
        realName: '请填写真实姓名',
      }),
    ])
    expect(absent('identity-step')).toBe(true) // nothing asked before the server says so
    await submit()
    expect(byTestId('signup-error').textContent).toContain('报名前请先绑定手机号、填写真实姓名')
    expect(absent('identity-phone')).toBe(false)
    expect(absent('identity-realName')).toBe(false)
    expect(absent('identity-birthDate')).toBe(true)

    // Not bound yet: nothing is sent.
    await submit()
    expect(byTestId('signup-error').textContent).toBe('请先绑定手机号')
    expect(signups()).toHaveLength(1)

    // The local stand-in: type the number, the host issues a code, bindPhone takes it.
    await typeInto('input-bind-phone', '13905110042')
    await tap(button('绑定手机号', byTestId('identity-phone')))
    expect(devCode).toHaveBeenCalledWith('13905110042')
    expect(callsOf(callFunctionMock, 'session', 'bindPhone')).toEqual([{ code: 'dev-code-for-13905110042' }])
    expect(byTestId('identity-phone-bound').textContent).toBe('已绑定 139****0042')
    expect(absent('signup-error')).toBe(true)

    await typeInto('input-identity-realName', ' 王青 ')
    await submit()
    await settle()
    expect(callsOf(callFunctionMock, 'signup', 'updateProfile')).toEqual([{ realName: '王青' }])
    expect(signups()).toHaveLength(2)
    expect(signups()[1].idempotencyKey).toBe(signups()[0].idempotencyKey)
    expect(absent('signup-sheet')).toBe(true)
  })

  test('a refused phone code is shown by the binder, and nothing is bound', async () => {
    await openSheet([new ApiError('IDENTITY_REQUIRED', '报名需要先绑定手机号', undefined, { phone: '请绑定手机号' })])
    await submit()
    callFunctionMock.mockImplementationOnce(async () => {
      throw new ApiError('INVALID_INPUT', '目前仅支持绑定中国大陆手机号')
    })
    await typeInto('input-bind-phone', '12345')
    await tap(button('绑定手机号', byTestId('identity-phone')))
    expect(byTestId('phone-binder-error').textContent).toBe('目前仅支持绑定中国大陆手机号')
    expect(absent('identity-phone-bound')).toBe(true)
  })

  test('a mixer asks for a birth date; the date is saved before the sign-up is sent again', async () => {
    await openSheet([
      new ApiError('IDENTITY_REQUIRED', '本活动需要核实年龄，请填写出生日期', undefined, {
        birthDate: '请填写出生日期',
      }),
    ])
    await submit()
    expect(absent('identity-phone')).toBe(true)
    await pick('picker-identity-birthDate', '1999-04-01')
    await submit()
    await settle()
    expect(callsOf(callFunctionMock, 'signup', 'updateProfile')).toEqual([{ birthDate: '1999-04-01' }])
    expect(signups()).toHaveLength(2)
  })

  test('under 14: the guardian’s name, phone and explicit consent are recorded first', async () => {
    await openSheet([
      new ApiError(
        'GUARDIAN_CONSENT_REQUIRED',
        '未满 14 周岁报名需要监护人同意，请先在个人资料中填写监护人信息并确认同意',
      ),
    ])
    await submit()
    expect(absent('identity-guardian')).toBe(false)
    await typeInto('input-identity-guardianName', '李母')
    await typeInto('input-identity-guardianPhone', '13905112233')
    await submit()
    expect(byTestId('signup-error').textContent).toBe('需要监护人确认同意')
    expect(signups()).toHaveLength(1)
    await tap(byTestId('identity-guardianConsent'))
    await submit()
    await settle()
    expect(callsOf(callFunctionMock, 'signup', 'updateProfile')).toEqual([
      { guardian: { name: '李母', phone: '13905112233', consent: true } },
    ])
    expect(signups()).toHaveLength(2)
  })
})

describe('in WeChat the phone comes from the phone-number button', () => {
  const saved = process.env.TARO_ENV
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterEach(() => {
    process.env.TARO_ENV = saved
  })

  test('the button’s code goes to session.bindPhone; nothing is typed', async () => {
    await openSheet([new ApiError('IDENTITY_REQUIRED', '报名需要先绑定手机号', undefined, { phone: '请绑定手机号' })])
    await submit()
    expect(absent('input-bind-phone')).toBe(true)
    const phoneButton = byTestId('phone-button')
    phoneButton.dispatchEvent(new CustomEvent('getphonenumber', { detail: { code: 'wx-code-0042' }, bubbles: true }))
    await settle()
    expect(devCode).not.toHaveBeenCalled()
    expect(callsOf(callFunctionMock, 'session', 'bindPhone')).toEqual([{ code: 'wx-code-0042' }])
    expect(byTestId('identity-phone-bound').textContent).toBe('已绑定 139****0042')
  })
})

describe('个人资料', () => {
  const profile: Profile = {
    realName: '李青',
    phone: '13905110042',
    phoneVerified: true,
    guardian: null,
    birthDate: null,
    gender: null,
    leagueMember: false,
    idType: null,
    attendanceRate: null,
    attended: 0,
    noShows: 0,
  }

  function serveProfile(p: Profile = profile) {
    serve({
      'signup.profile': () => p,
      'signup.updateProfile': (d) => {
        const g = (d as { guardian?: { name: string; phone: string } }).guardian
        return { ...p, ...(d as object), guardian: g ? { ...g, consentAt: '2024-03-05T04:00:00.000Z' } : p.guardian }
      },
      'session.bindPhone': () => ({ phone: '13800001111', phoneVerified: true }),
    })
  }

  test('shows the bound phone masked, with 更换手机号 instead of a phone field', async () => {
    serveProfile()
    await openPage(PROFILE)
    expect(byTestId('bound-phone').textContent).toBe('139****0042')
    expect(absent('input-phone')).toBe(true)
    expect(byTestId('bind-phone').textContent).toBe('更换手机号')
    await tap(byTestId('bind-phone'))
    await typeInto('input-bind-phone', '13800001111')
    await tap(button('更换手机号'))
    expect(callsOf(callFunctionMock, 'session', 'bindPhone')).toEqual([{ code: 'dev-code-for-13800001111' }])
    expect(byTestId('bound-phone').textContent).toBe('138****1111')
    // Saving the profile never sends a phone.
    await tap(button('保存'))
    expect(callsOf(callFunctionMock, 'signup', 'updateProfile')).toEqual([{ realName: '李青', leagueMember: false }])
  })

  test('without a phone it says 未绑定 and offers 绑定手机号', async () => {
    serveProfile({ ...profile, phone: null, phoneVerified: false })
    await openPage(PROFILE)
    expect(byTestId('bound-phone').textContent).toBe('未绑定')
    expect(byTestId('bind-phone').textContent).toBe('绑定手机号')
  })

  test('a guardian is recorded only with the consent switched on', async () => {
    serveProfile()
    await openPage(PROFILE)
    await typeInto('input-guardianName', '李母')
    await typeInto('input-guardianPhone', '13905112233')
    await tap(button('保存'))
    expect(callsOf(callFunctionMock, 'signup', 'updateProfile')).toEqual([{ realName: '李青', leagueMember: false }])
    await fire(byTestId('switch-guardianConsent'), 'change', true)
    await tap(button('保存'))
    expect(callsOf(callFunctionMock, 'signup', 'updateProfile')[1]).toEqual({
      realName: '李青',
      leagueMember: false,
      guardian: { name: '李母', phone: '13905112233', consent: true },
    })
    expect(byTestId('guardian-section').textContent).toContain('已记录监护人 李母（139****2233）的同意')
  })
})
