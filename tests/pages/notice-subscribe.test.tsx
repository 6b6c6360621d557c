/**
 * The sign-up tap asks WeChat for the reminder and the notice template in one prompt; accepting the
 * notice tells the server (signup.subscribeNotices), so an organiser's 时间变更 / 地点变更 can reach them.
 */
import Taro from '@tarojs/taro'
import { openPage, pageRoot } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { detail } from './support/fixtures'
import { freezeNow } from './support/clock'
import { byTestId, callsOf, tap } from './support/dom'
import { ACT, registration, summary } from './support/signup-fixtures'
import { rememberAgreed } from '@/features/privacy/consent'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))
jest.mock('@/config/subscribe', () => ({ REMINDER_TEMPLATE_ID: 'tmpl-remind', NOTICE_TEMPLATE_ID: 'tmpl-notice' }))

const PAGE = `/pages/activity/index?id=${ACT}`

function submit(): HTMLElement {
  const b = Array.from(byTestId('signup-sheet').querySelectorAll<HTMLElement>('.taroify-button')).find(
    (e) => e.textContent?.trim() === '提交报名',
  )
  if (!b) throw new Error('no submit button')
  return b
}

async function signUpWith(answer: Record<string, string> | null) {
  serve({
    'activity.get': () => detail({ id: ACT }),
    'signup.summary': () => summary(),
    'signup.mine': () => null,
    'signup.signup': () => registration({ state: 'confirmed' }),
    'signup.subscribeNotices': () => ({ subscribed: true }),
  })
  const ask = jest
    .spyOn(Taro, 'requestSubscribeMessage')
    .mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', ...answer } as never)
  await openPage(PAGE)
  // After the app started (its launch in a weapp build initialises CloudBase): the tap asks WeChat.
  process.env.TARO_ENV = 'weapp'
  await tap(byTestId('signup-bar').querySelector<HTMLElement>('.signup-bar__main') as HTMLElement)
  await tap(submit())
  return ask
}

let saved: typeof process.env.TARO_ENV
beforeEach(() => {
  rememberAgreed()
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
  saved = process.env.TARO_ENV
})

afterEach(() => {
  process.env.TARO_ENV = saved
  jest.restoreAllMocks()
  jest.useRealTimers()
})

test('both templates in one prompt; accepting the notice subscribes to this event', async () => {
  const ask = await signUpWith({ 'tmpl-remind': 'accept', 'tmpl-notice': 'accept' })
  expect(ask).toHaveBeenCalledWith({ tmplIds: ['tmpl-remind', 'tmpl-notice'] })
  expect((callsOf(callFunctionMock, 'signup', 'signup') as { remind: boolean }[]).map((r) => r.remind)).toEqual([true])
  expect(callsOf(callFunctionMock, 'signup', 'subscribeNotices')).toEqual([{ activityId: ACT }])
  expect(pageRoot().querySelector('[data-testid="signup-sheet"]')).toBeNull()
})

test('refusing the notice template subscribes to nothing but the reminder', async () => {
  await signUpWith({ 'tmpl-remind': 'accept', 'tmpl-notice': 'reject' })
  expect(callsOf(callFunctionMock, 'signup', 'subscribeNotices')).toEqual([])
})

test('on the local host the reminder switch stands in for both subscriptions', async () => {
  serve({
    'activity.get': () => detail({ id: ACT }),
    'signup.summary': () => summary(),
    'signup.mine': () => null,
    'signup.signup': () => registration({ state: 'confirmed' }),
    'signup.subscribeNotices': () => ({ subscribed: true }),
  })
  await openPage(PAGE)
  await tap(byTestId('signup-bar').querySelector<HTMLElement>('.signup-bar__main') as HTMLElement)
  expect(byTestId('remind-local').textContent).toContain('时间地点变更时通知')
  await tap(byTestId('remind-local'))
  await tap(submit())
  expect(callsOf(callFunctionMock, 'signup', 'subscribeNotices')).toEqual([{ activityId: ACT }])
})
