import type { UnitDetail } from '@api/org'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { byTestId, callsOf, tap, typeInto } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const JOIN = '/packages/organiser/pages/join/index'
const INVITE_MESSAGE = '邀请码为 8 位字母和数字（不含 0、1、I、L、O）'

const unit: UnitDetail = {
  id: 'cccccccc-0000-4000-8000-000000000003',
  districtId: 'runzhou',
  name: '瑞祥科技集团团委',
  kind: 'new_economy',
  intro: '',
  status: 'admitted',
  contactName: '王强',
  contactPhone: '139****0000',
  reviewReason: null,
  reviewedAt: null,
  createdAt: '2024-03-05T04:00:00.000Z',
  myRole: 'organiser',
}

const joinButton = () =>
  Array.from(pageRoot().querySelectorAll<HTMLElement>('.taroify-button')).find((b) => b.textContent === '加入单位')!

beforeEach(() => {
  callFunctionMock.mockReset()
  window.localStorage.clear()
})

test('the hint says which characters an invite code never has', async () => {
  serve({})
  await openPage(JOIN)
  expect(pageRoot().querySelector('[data-field="code"] .field__hint')?.textContent).toBe(
    '8 位字母和数字（不含 0、1、I、L、O），由单位管理员提供',
  )
})

test('a mistyped code shows the server’s Chinese message on the field; a good one joins', async () => {
  let attempt = 0
  serve({
    'org.acceptInvite': () => {
      attempt += 1
      if (attempt === 1) throw new ApiError('INVALID_INPUT', INVITE_MESSAGE, undefined, { code: INVITE_MESSAGE })
      return unit
    },
    'session.me': () => ({ user: null }),
  })
  await openPage(JOIN)
  await typeInto('input-code', 'ab-cd 10ol')
  await tap(joinButton())
  expect(callsOf(callFunctionMock, 'org', 'acceptInvite')[0]).toEqual({ code: 'ABCD10OL' })
  expect(byTestId('form-error').textContent).toBe(INVITE_MESSAGE)
  expect(pageRoot().querySelector('[data-field="code"] .field__error')?.textContent).toBe(INVITE_MESSAGE)

  await typeInto('input-code', 'abcd2345')
  await tap(joinButton())
  expect(callsOf(callFunctionMock, 'org', 'acceptInvite')[1]).toEqual({ code: 'ABCD2345' })
  expect(byTestId('join-result').textContent).toContain('瑞祥科技集团团委')
  // A person joined a unit; no unit was admitted.
  expect(byTestId('join-result').textContent).toContain('已加入')
  expect(byTestId('join-result').textContent).toContain('你已成为本单位的组织者')
  expect(byTestId('join-result').textContent).not.toContain('已成为成员单位')
})
