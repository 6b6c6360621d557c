/** 我的活动: the 入场券 of a confirmed registration, shown as a QR code in a popup. */
import type { MyRegistration } from '@api/signup'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, tap } from './support/dom'
import { ACT, REG, myRegistration } from './support/signup-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const LIST = '/packages/mine/pages/activities/index'
const OTHER = '33333333-4444-4555-8666-777777777777'
const QR = 'data:image/png;base64,iVBORw0KGgoTICKET'

function popup(): HTMLElement | null {
  return pageRoot().querySelector<HTMLElement>('[data-testid="ticket-popup"]')
}

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
})

afterEach(() => {
  jest.useRealTimers()
})

test('a confirmed registration opens its ticket: the QR code, the title and where to show it', async () => {
  const items: MyRegistration[] = [
    myRegistration({ state: 'confirmed' }),
    myRegistration({
      id: OTHER,
      state: 'pending',
      activity: { ...myRegistration().activity, id: OTHER, title: '青年篮球赛' },
    }),
  ]
  serve({
    'signup.myList': () => ({ items }),
    'checkin.ticket': () => ({ token: 'K'.repeat(64), qrDataUrl: QR, registrationId: REG, activityId: ACT }),
  })
  await openPage(LIST)
  const cards = allByTestId('my-registration')
  expect(cards[0].querySelector('[data-testid="ticket-open"]')).not.toBeNull()
  // Only a held place has a ticket.
  expect(cards[1].querySelector('[data-testid="ticket-open"]')).toBeNull()
  expect(popup()).toBeNull()

  await tap(byTestId('ticket-open', cards[0]))
  expect(callsOf(callFunctionMock, 'checkin', 'ticket')).toEqual([{ activityId: ACT }])
  const box = popup() as HTMLElement
  expect(box.textContent).toContain('青年读书会')
  expect(box.textContent).toContain('请向现场组织者出示')
  expect(byTestId('ticket-qr').getAttribute('src')).toBe(QR)
  // Opening the ticket does not open the activity.
  expect(callsOf(callFunctionMock, 'activity', 'get')).toEqual([])

  await tap(
    Array.from(box.querySelectorAll<HTMLElement>('.taroify-button')).find(
      (b) => b.textContent?.trim() === '关闭',
    ) as HTMLElement,
  )
  expect(popup()).toBeNull()
})

test('after checking in the ticket stays (to check out by ticket) until the event is over', async () => {
  const base = myRegistration().activity
  const items: MyRegistration[] = [
    myRegistration({ state: 'attended', activity: { ...base, phase: 'ongoing' } }),
    myRegistration({
      id: OTHER,
      state: 'attended',
      activity: { ...base, id: OTHER, phase: 'finished', title: '往期活动' },
    }),
  ]
  serve({ 'signup.myList': () => ({ items }) })
  await openPage(LIST)
  const cards = allByTestId('my-registration')
  expect(cards[0].querySelector('[data-testid="ticket-open"]')).not.toBeNull()
  expect(cards[1].querySelector('[data-testid="ticket-open"]')).toBeNull()
})

test("a ticket that cannot be loaded shows the server's message and 重试", async () => {
  let fail = true
  serve({
    'signup.myList': () => ({ items: [myRegistration({ state: 'confirmed' })] }),
    'checkin.ticket': () => {
      if (fail) throw new ApiError('NETWORK', '网络不给力，请稍后重试')
      return { token: 'K'.repeat(64), qrDataUrl: QR, registrationId: REG, activityId: ACT }
    },
  })
  await openPage(LIST)
  await tap(byTestId('ticket-open'))
  expect(byTestId('ticket-error').textContent).toContain('网络不给力，请稍后重试')
  expect(pageRoot().querySelector('[data-testid="ticket-qr"]')).toBeNull()

  fail = false
  await tap(byTestId('ticket-error').querySelector('.taroify-button') as HTMLElement)
  expect(byTestId('ticket-qr').getAttribute('src')).toBe(QR)
})
