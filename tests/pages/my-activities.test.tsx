import Taro from '@tarojs/taro'
import type { MyRegistration, Profile } from '@api/signup'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, byText, callsOf, fire, pick, tap, typeInto } from './support/dom'
import { REG, myRegistration } from './support/signup-fixtures'
import { rememberAgreed } from '@/features/privacy/consent'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const LIST = '/packages/mine/pages/activities/index'
const PROFILE = '/packages/mine/pages/profile/index'
const OTHER = '33333333-4444-4555-8666-777777777777'

function button(label: string, root: ParentNode = pageRoot()): HTMLElement {
  const b = Array.from(root.querySelectorAll<HTMLElement>('.taroify-button')).find(
    (e) => e.textContent?.trim() === label,
  )
  if (!b) throw new Error(`no button ${label}`)
  return b
}

let modal: jest.SpyInstance

beforeEach(() => {
  rememberAgreed() // the privacy popup is tested in privacy.test.tsx
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
  modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
})

afterEach(() => {
  modal.mockRestore()
  jest.useRealTimers()
})

describe('我的活动', () => {
  test('tabs load upcoming, waitlist and past; items show time, place, unit, state and the ticket area', async () => {
    const lists: Record<string, MyRegistration[]> = {
      upcoming: [
        myRegistration({ state: 'confirmed', cancellable: true }),
        myRegistration({
          id: OTHER,
          state: 'pending',
          cancellable: true,
          activity: { ...myRegistration().activity, title: '青年篮球赛' },
        }),
      ],
      waitlist: [myRegistration({ state: 'waitlisted', waitlistPosition: 4, cancellable: true })],
      past: [myRegistration({ state: 'no_show', cancellable: false })],
    }
    serve({ 'signup.myList': (d) => ({ items: lists[(d as { tab: string }).tab] }) })
    await openPage(LIST)

    expect(callsOf(callFunctionMock, 'signup', 'myList')).toEqual([{ tab: 'upcoming' }])
    const items = allByTestId('my-registration')
    expect(items).toHaveLength(2)
    expect(items[0].textContent).toContain('青年读书会')
    expect(items[0].textContent).toContain('3月10日 周日 09:00–11:30')
    expect(items[0].textContent).toContain('市图书馆')
    expect(items[0].textContent).toContain('中国邮政镇江分公司团委')
    expect(items[0].textContent).toContain('已报名')
    expect(items[0].querySelector('[data-testid="my-ticket"]')?.textContent).toContain('入场券')
    expect(items[1].textContent).toContain('审核中')
    expect(items[1].querySelector('[data-testid="my-ticket"]')).toBeNull()

    await tap(byText('.taroify-tabs__tab', '候补中'))
    expect(callsOf(callFunctionMock, 'signup', 'myList')).toContainEqual({ tab: 'waitlist' })
    expect(byTestId('my-reg-state').textContent).toBe('候补第 4 位')
    // On the waitlist there is no held place to cancel: the button leaves the waitlist.
    expect(byTestId('my-registration').textContent).toContain('退出候补')
    expect(byTestId('my-registration').textContent).not.toContain('取消报名')

    await tap(byText('.taroify-tabs__tab', '已结束'))
    expect(byTestId('my-reg-state').textContent).toBe('缺席')
    expect(byTestId('my-registration').textContent).not.toContain('取消报名')
  })

  test('an offer shows its deadline; 确认参加 calls acceptOffer and reloads', async () => {
    let state: MyRegistration = myRegistration({
      state: 'offered',
      offerExpiresAt: '2024-03-07T04:00:00.000Z',
      cancellable: true,
    })
    serve({
      'signup.myList': () => ({ items: [state] }),
      'signup.acceptOffer': () => {
        state = myRegistration({ state: 'confirmed' })
        return state
      },
    })
    await openPage(LIST)
    const offer = byTestId('my-reg-offer')
    expect(offer.textContent).toContain('请在 3月7日 12:00 前确认')
    // Cancelling is replaced by 放弃 while an offer is open.
    expect(byTestId('my-registration').textContent).not.toContain('取消报名')

    await tap(button('确认参加', offer))
    expect(callsOf(callFunctionMock, 'signup', 'acceptOffer')).toEqual([{ registrationId: REG }])
    expect(callsOf(callFunctionMock, 'signup', 'myList')).toHaveLength(2)
    expect(byTestId('my-reg-state').textContent).toBe('已报名')
  })

  test('放弃 and 取消报名 confirm first', async () => {
    serve({
      'signup.myList': () => ({ items: [myRegistration({ state: 'confirmed', cancellable: true })] }),
      'signup.cancel': () => myRegistration({ state: 'cancelled' }),
    })
    await openPage(LIST)
    modal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
    await tap(button('取消报名'))
    expect(callsOf(callFunctionMock, 'signup', 'cancel')).toEqual([])
    await tap(button('取消报名'))
    expect(callsOf(callFunctionMock, 'signup', 'cancel')).toEqual([{ registrationId: REG }])
  })

  test('an empty tab says so', async () => {
    serve({ 'signup.myList': () => ({ items: [] }) })
    await openPage(LIST)
    expect(byTestId('empty-state').textContent).toContain('还没有报名的活动')
  })
})

describe('个人资料', () => {
  const profile: Profile = {
    realName: null,
    phone: null,
    phoneVerified: false,
    guardian: null,
    birthDate: null,
    gender: null,
    leagueMember: false,
    idType: null,
    attendanceRate: 0.8,
    attended: 4,
    noShows: 1,
  }

  test('shows the attendance rate and saves what was filled in', async () => {
    serve({
      'signup.profile': () => profile,
      'signup.updateProfile': (d) => ({ ...profile, ...(d as object) }),
    })
    await openPage(PROFILE)
    expect(byTestId('attendance').textContent).toContain('80%')
    expect(byTestId('attendance').textContent).toContain('到场 4 次 · 缺席 1 次')

    await typeInto('input-realName', ' 李青 ')
    expect(pageRoot().querySelector('[data-testid="input-phone"]')).toBeNull() // a phone is bound, never typed
    await pick('picker-birthDate', '2000-05-04')
    await pick('picker-gender', 1)
    await fire(byTestId('switch-leagueMember'), 'change', true)
    await tap(button('保存'))

    expect(callsOf(callFunctionMock, 'signup', 'updateProfile')).toEqual([
      {
        realName: '李青',
        birthDate: '2000-05-04',
        gender: '女',
        leagueMember: true,
      },
    ])
  })

  test('without any record the rate is a quiet note, and the inputs say what to type', async () => {
    serve({ 'signup.profile': () => ({ ...profile, attendanceRate: null, attended: 0, noShows: 0 }) })
    await openPage(PROFILE)
    expect(byTestId('attendance').textContent).toBe('参加活动后开始统计')
    expect(byTestId('attendance').querySelector('.profile__rate-value')).toBeNull()
    for (const field of ['realName', 'guardianName', 'guardianPhone']) {
      expect(byTestId(`input-${field}`).getAttribute('placeholder')).toBeTruthy()
    }
  })

  test("the ID type (for the hours export) is offered with the contract's list and saved", async () => {
    serve({
      'signup.profile': () => profile,
      'signup.updateProfile': (d) => ({ ...profile, ...(d as object) }),
    })
    await openPage(PROFILE)
    await pick('picker-idType', 3)
    await tap(button('保存'))
    expect(callsOf(callFunctionMock, 'signup', 'updateProfile')).toEqual([{ leagueMember: false, idType: '护照' }])
  })

  test("the server's field errors show next to the fields", async () => {
    serve({
      'signup.profile': () => ({ ...profile, realName: '李青' }),
      'signup.updateProfile': () => {
        throw new ApiError('INVALID_INPUT', '出生日期无效', undefined, { birthDate: '取值无效' })
      },
    })
    await openPage(PROFILE)
    await tap(button('保存'))
    expect(callsOf(callFunctionMock, 'signup', 'updateProfile')).toEqual([{ realName: '李青', leagueMember: false }])
    expect(byTestId('form-error').textContent).toBe('出生日期无效')
    expect(pageRoot().querySelector('[data-field="birthDate"]')?.textContent).toContain('取值无效')
  })
})
