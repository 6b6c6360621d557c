/**
 * The privacy authorisation: the 隐私保护指引 page, the popup that comes before any personal data is
 * collected (个人资料, the sign-up sheet), what 同意 / 不同意 do, and WeChat's pending privacy requests.
 */
import Taro from '@tarojs/taro'
import type { Profile } from '@api/signup'
import { PRIVACY_VERSION } from '@contract/session'
import { agreedOnThisDevice, forgetAgreed, listenForWechatPrivacyRequests } from '@/features/privacy/consent'
import { useConsentStore } from '@/features/privacy/store/consent'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { detail } from './support/fixtures'
import { freezeNow } from './support/clock'
import { byTestId, callsOf, tap } from './support/dom'
import { ACT, summary } from './support/signup-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const GUIDE = '/packages/mine/pages/privacy/index'
const PROFILE = '/packages/mine/pages/profile/index'
const ACTIVITY = `/pages/activity/index?id=${ACT}`

const profile: Profile = {
  realName: null,
  phone: null,
  phoneVerified: false,
  guardian: null,
  birthDate: null,
  gender: null,
  leagueMember: false,
  idType: null,
  attendanceRate: null,
  attended: 0,
  noShows: 0,
}

const popup = () => pageRoot().querySelector<HTMLElement>('[data-testid="privacy-popup"]')

beforeEach(() => {
  forgetAgreed()
  useConsentStore.setState({ open: false, waiters: [], wechat: null })
  callFunctionMock.mockReset()
})

afterEach(() => {
  jest.useRealTimers()
})

describe('隐私保护指引', () => {
  test('says what is collected and why, who sees it, how long it is kept, the rights and the operator', async () => {
    serve({ 'session.agreePrivacy': () => ({ version: PRIVACY_VERSION, agreed: true, agreedAt: null }) })
    await openPage(GUIDE)
    const headings = Array.from(pageRoot().querySelectorAll('.guide__heading')).map((h) => h.textContent)
    expect(headings).toEqual([
      '一、我们是谁',
      '二、我们收集哪些信息，为什么',
      '三、谁能看到你的信息',
      '四、保存多久',
      '五、你的权利',
      '六、未成年人',
      '七、本指引的更新',
      '八、联系我们',
    ])
    for (const held of [
      '真实姓名、手机号',
      '出生日期、性别、是否共青团员',
      '监护人',
      '签到、签退记录和位置',
      '报名时填写的信息',
    ])
      expect(text()).toContain(held)
    expect(text()).toContain('你报名的活动的组织者')
    expect(text()).toContain('“张*”')
    expect(text()).toContain('以匿名方式保存')
    expect(text()).toContain('我的 → 我的数据')
    expect(text()).toContain('共青团镇江市润州区委员会（团区委）')
    expect(text()).toContain(`版本：${PRIVACY_VERSION}`)
    // Readable without signing in: it asks the server nothing.
    expect(callFunctionMock).not.toHaveBeenCalled()
  })

  test('agreeing at the foot of the guide counts: remembered here and recorded by the server', async () => {
    serve({ 'session.agreePrivacy': () => ({ version: PRIVACY_VERSION, agreed: true, agreedAt: null }) })
    await openPage(GUIDE)
    await tap(byTestId('privacy-agree'))
    expect(agreedOnThisDevice()).toBe(true)
    expect(callsOf(callFunctionMock, 'session', 'agreePrivacy')).toEqual([{ version: PRIVACY_VERSION }])
    expect(byTestId('guide-agreed').textContent).toBe('你已同意本指引')
  })
})

describe('个人资料 asks for consent before it shows the form', () => {
  test('不同意 leaves no form and stores nothing; 同意并继续 shows it and records the version', async () => {
    serve({
      'signup.profile': () => profile,
      'session.agreePrivacy': () => ({ version: PRIVACY_VERSION, agreed: true, agreedAt: null }),
    })
    await openPage(PROFILE)
    expect(popup()?.textContent).toContain('《青聚隐私保护指引》')
    expect(byTestId('privacy-gate').textContent).toContain('同意《青聚隐私保护指引》后才能填写个人资料')
    expect(pageRoot().querySelector('[data-testid="profile-page"]')).toBeNull()
    expect(callsOf(callFunctionMock, 'signup', 'profile')).toEqual([]) // nothing personal is even read

    await tap(byTestId('privacy-decline'))
    expect(popup()).toBeNull()
    expect(pageRoot().querySelector('[data-testid="profile-page"]')).toBeNull()
    expect(agreedOnThisDevice()).toBe(false)
    expect(callsOf(callFunctionMock, 'session', 'agreePrivacy')).toEqual([])

    await tap(pageRoot().querySelector<HTMLElement>('.privacy-gate__ask')!)
    expect(popup()).not.toBeNull()
    await tap(byTestId('privacy-agree'))
    await settle()
    expect(popup()).toBeNull()
    expect(byTestId('profile-page')).toBeTruthy()
    expect(callsOf(callFunctionMock, 'signup', 'profile')).toEqual([{}])
    expect(callsOf(callFunctionMock, 'session', 'agreePrivacy')).toEqual([{ version: PRIVACY_VERSION }])
    expect(agreedOnThisDevice()).toBe(true)

    // Once agreed, the form comes straight away.
    await openPage(PROFILE)
    expect(popup()).toBeNull()
    expect(byTestId('profile-page')).toBeTruthy()
  })

  test('the popup opens the full guide', async () => {
    serve({ 'signup.profile': () => profile })
    await openPage(PROFILE)
    await tap(byTestId('privacy-guide-link'))
    await settle()
    expect(text()).toContain('二、我们收集哪些信息，为什么')
  })
})

describe('the sign-up sheet opens only after consent', () => {
  beforeEach(() => {
    freezeNow('2024-03-05T04:00:00.000Z')
  })

  test('报名 asks first; 不同意 opens no sheet, 同意 opens it', async () => {
    serve({
      'activity.get': () => detail({ id: ACT }),
      'signup.summary': () => summary(),
      'signup.mine': () => null,
      'session.agreePrivacy': () => ({ version: PRIVACY_VERSION, agreed: true, agreedAt: null }),
    })
    await openPage(ACTIVITY)
    const main = () => byTestId('signup-bar').querySelector<HTMLElement>('.signup-bar__main')!
    await tap(main())
    expect(popup()).not.toBeNull()
    expect(pageRoot().querySelector('[data-testid="signup-sheet"]')).toBeNull()
    await tap(byTestId('privacy-decline'))
    await settle()
    expect(pageRoot().querySelector('[data-testid="signup-sheet"]')).toBeNull()

    await tap(main())
    await tap(byTestId('privacy-agree'))
    await settle()
    expect(popup()).toBeNull()
    expect(byTestId('signup-sheet')).toBeTruthy()
    expect(callsOf(callFunctionMock, 'session', 'agreePrivacy')).toEqual([{ version: PRIVACY_VERSION }])

    // Agreed: the next 报名 opens the sheet directly.
    await openPage(ACTIVITY)
    await tap(main())
    expect(popup()).toBeNull()
    expect(byTestId('signup-sheet')).toBeTruthy()
  })
})

describe("WeChat's pending privacy requests", () => {
  test('are registered at launch in the WeChat build only', () => {
    const taro = Taro as unknown as { onNeedPrivacyAuthorization?: jest.Mock }
    const saved = [process.env.TARO_ENV, taro.onNeedPrivacyAuthorization] as const
    taro.onNeedPrivacyAuthorization = jest.fn()
    try {
      listenForWechatPrivacyRequests(() => {})
      expect(taro.onNeedPrivacyAuthorization).not.toHaveBeenCalled() // H5
      process.env.TARO_ENV = 'weapp'
      listenForWechatPrivacyRequests(() => {})
      expect(taro.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1)
    } finally {
      process.env.TARO_ENV = saved[0]
      taro.onNeedPrivacyAuthorization = saved[1]
    }
  })

  test('show the popup (exposure reported); 同意 resolves with the agree button, 不同意 refuses', async () => {
    serve({
      'signup.profile': () => profile,
      'session.agreePrivacy': () => ({ version: PRIVACY_VERSION, agreed: true, agreedAt: null }),
    })
    await openPage(PROFILE)
    await tap(byTestId('privacy-decline'))

    const first = jest.fn()
    useConsentStore.getState().fromWechat(first)
    await settle()
    expect(first).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
    expect(popup()).not.toBeNull()
    await tap(byTestId('privacy-decline'))
    expect(first).toHaveBeenLastCalledWith({ event: 'disagree' })

    const second = jest.fn()
    useConsentStore.getState().fromWechat(second)
    await settle()
    await tap(byTestId('privacy-agree'))
    expect(second).toHaveBeenLastCalledWith({ buttonId: 'privacy-agree', event: 'agree' })
    expect(agreedOnThisDevice()).toBe(true)
  })

  test('with no popup on the page, the guide opens so that it can be agreed to there', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    const mounted = useConsentStore.getState().mounted
    useConsentStore.setState({ mounted: 0 })
    try {
      useConsentStore.getState().fromWechat(jest.fn())
      expect(navigate).toHaveBeenCalledWith({ url: GUIDE })
    } finally {
      useConsentStore.setState({ mounted })
      navigate.mockRestore()
    }
  })
})
