import type { UnitDetail } from '@api/org'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { byTestId, callsOf, pick, tap, typeInto } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const APPLY = '/packages/organiser/pages/apply/index'
const UNIT_ID = 'cccccccc-0000-4000-8000-000000000003'

function unit(overrides: Partial<UnitDetail> = {}): UnitDetail {
  return {
    id: UNIT_ID,
    districtId: 'runzhou',
    name: '瑞祥科技集团团委',
    kind: 'new_economy',
    intro: '',
    status: 'pending',
    contactName: '王强',
    contactPhone: '13900000000',
    reviewReason: null,
    reviewedAt: null,
    createdAt: '2024-03-05T04:00:00.000Z',
    myRole: null,
    ...overrides,
  }
}

async function fillForm(phone: string) {
  await typeInto('input-name', '瑞祥科技集团团委')
  // UNIT_KINDS order: agency, state_owned, finance, new_economy…
  await pick('picker-kind', 3)
  await typeInto('input-contactName', '王强')
  await typeInto('input-contactPhone', phone)
  await typeInto('input-intro', '科技企业青年')
}

beforeEach(() => {
  callFunctionMock.mockReset()
  window.localStorage.clear()
})

test("shows the server's INVALID_INPUT message next to the form, then the pending state after success", async () => {
  let attempt = 0
  serve({
    'org.myApplications': () => ({ items: [] }),
    'org.apply': () => {
      attempt += 1
      if (attempt === 1) {
        throw new ApiError('INVALID_INPUT', '联系电话格式不正确，请填写 11 位手机号码', undefined, {
          contactPhone: '联系电话格式不正确，请填写 11 位手机号码',
        })
      }
      return unit()
    },
  })
  await openPage(APPLY)
  expect(byTestId('apply-form')).toBeTruthy()
  // No earlier application: the form is shown straight away.
  expect(callFunctionMock).toHaveBeenCalledWith('org', 'myApplications', {})

  await fillForm('12')
  expect(byTestId('apply-form').textContent).toContain('两新组织')
  await tap(pageRoot().querySelector<HTMLElement>('[data-testid="apply-submit"]') as HTMLElement)

  expect(callsOf(callFunctionMock, 'org', 'apply')[0]).toEqual({
    name: '瑞祥科技集团团委',
    kind: 'new_economy',
    contactName: '王强',
    contactPhone: '12',
    intro: '科技企业青年',
  })
  expect(byTestId('form-error').textContent).toBe('联系电话格式不正确，请填写 11 位手机号码')
  expect(pageRoot().querySelector('[data-field="contactPhone"] .field__error')?.textContent).toBe(
    '联系电话格式不正确，请填写 11 位手机号码',
  )
  expect(pageRoot().querySelector('[data-field="contactPhone"]')?.classList.contains('field--error')).toBe(true)
  expect(pageRoot().querySelector('[data-testid="unit-status"]')).toBeNull()

  await typeInto('input-contactPhone', '13900000000')
  await tap(pageRoot().querySelector<HTMLElement>('[data-testid="apply-submit"]') as HTMLElement)

  const status = byTestId('unit-status')
  expect(status.textContent).toContain('瑞祥科技集团团委')
  expect(status.textContent).toContain('待审核')
  expect(status.textContent).toContain('等待团区委审核')
  expect(pageRoot().querySelector('[data-testid="apply-form"]')).toBeNull()
})

test('an empty submit marks every required field red with what to fill in, and calls nothing', async () => {
  serve({ 'org.myApplications': () => ({ items: [] }), 'org.apply': () => unit() })
  await openPage(APPLY)
  await tap(pageRoot().querySelector<HTMLElement>('[data-testid="apply-submit"]') as HTMLElement)

  const marked = Array.from(pageRoot().querySelectorAll('.field--error')).map((f) => [
    f.querySelector('.field__label')?.textContent?.replace('*', ''),
    f.querySelector('.field__error')?.textContent,
  ])
  expect(marked).toEqual([
    ['单位名称', '请填写单位名称'],
    ['单位类型', '请选择单位类型'],
    ['联系人', '请填写联系人'],
    ['联系电话', '请填写联系电话'],
  ])
  expect(byTestId('form-error').textContent).toBe('请填写标红的必填项')
  expect(callsOf(callFunctionMock, 'org', 'apply')).toEqual([])

  // Filling one in and submitting again leaves only the others marked; spaces alone are still empty.
  await typeInto('input-name', '瑞祥科技集团团委')
  await typeInto('input-contactName', '   ')
  await tap(pageRoot().querySelector<HTMLElement>('[data-testid="apply-submit"]') as HTMLElement)
  expect(Array.from(pageRoot().querySelectorAll('.field--error')).map((f) => f.getAttribute('data-field'))).toEqual([
    'kind',
    'contactName',
    'contactPhone',
  ])
  expect(callsOf(callFunctionMock, 'org', 'apply')).toEqual([])
})

test('coming back shows the last application, rejected with its reason, and 重新申请 reopens the form', async () => {
  serve({ 'org.myApplications': () => ({ items: [unit({ status: 'rejected', reviewReason: '请使用单位全称' })] }) })
  await openPage(APPLY)

  expect(callFunctionMock).toHaveBeenCalledWith('org', 'myApplications', {})
  expect(byTestId('unit-status').textContent).toContain('已驳回')
  expect(byTestId('unit-status').textContent).toContain('驳回原因：请使用单位全称')

  await tap(
    Array.from(pageRoot().querySelectorAll<HTMLElement>('.taroify-button')).find(
      (b) => b.textContent === '重新申请',
    ) as HTMLElement,
  )
  expect(byTestId('apply-form')).toBeTruthy()
  expect(text()).toContain('两新组织')
})
