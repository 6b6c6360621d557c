import type { VerifyResult } from '@api/hours'
import { openPage, pageRoot } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { byTestId, callsOf, tap, typeInto } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = '/packages/verify/pages/verify/index'

const GENUINE: VerifyResult = {
  genuine: true,
  code: 'QJ7K2M-9XH4PD',
  holderName: '李*',
  from: '2024-01-01',
  to: '2024-03-05',
  totalHours: 8.5,
  activities: [
    { title: '青年公益林植树', unitName: '中国邮政镇江分公司团委', hours: 2.5 },
    { title: '社区敬老志愿服务', unitName: '南山街道朝阳社区团支部', hours: 6 },
  ],
  issuedAt: '2024-03-05T04:00:00.000Z',
  issuer: '共青团镇江市润州区委员会',
}

function genuineFor(code: string): VerifyResult {
  return code === 'QJ7K2M-9XH4PD' ? GENUINE : { genuine: false }
}

beforeEach(() => {
  freezeNow('2024-03-06T04:00:00.000Z')
  callFunctionMock.mockReset()
})

afterEach(() => {
  jest.useRealTimers()
})

test('a genuine code: green card with the masked name, period, hours, activities, issue date and issuer', async () => {
  serve({ 'hours.verify': (d) => genuineFor((d as { code: string }).code) })
  await openPage(PAGE)
  expect(callsOf(callFunctionMock, 'hours', 'verify')).toEqual([])

  // Typed loosely: lower case, no dash, spaces.
  await typeInto('verify-input', ' qj7k2m 9xh4pd ')
  await tap(byTestId('verify-submit'))
  expect(callsOf(callFunctionMock, 'hours', 'verify')).toEqual([{ code: 'QJ7K2M-9XH4PD' }])

  const card = byTestId('verify-result')
  expect(card.dataset.genuine).toBe('true')
  expect(card.className).toContain('verify__result--ok')
  expect(card.textContent).toContain('证明真实有效')
  expect(card.textContent).toContain('持有人：李*')
  expect(card.textContent).toContain('服务期间：2024年1月1日 至 2024年3月5日')
  expect(card.textContent).toContain('累计时长：8.5 小时')
  expect(card.textContent).toContain('开具日期：2024年3月5日')
  expect(card.textContent).toContain('开具单位：共青团镇江市润州区委员会')
  expect(byTestId('verify-activities').textContent).toContain('青年公益林植树')
  expect(byTestId('verify-activities').textContent).toContain('南山街道朝阳社区团支部')
  expect(byTestId('verify-activities').textContent).toContain('6 小时')
})

test('an unknown code: red card saying it may be forged or mistyped', async () => {
  serve({ 'hours.verify': (d) => genuineFor((d as { code: string }).code) })
  await openPage(PAGE)
  await typeInto('verify-input', 'QJ0000-000000')
  await tap(byTestId('verify-submit'))
  expect(callsOf(callFunctionMock, 'hours', 'verify')).toEqual([{ code: 'QJ0000-000000' }])
  const card = byTestId('verify-result')
  expect(card.dataset.genuine).toBe('false')
  expect(card.className).toContain('verify__result--bad')
  expect(card.textContent).toContain('未查到该证明，可能是伪造或输错了')
  expect(card.textContent).not.toContain('真实有效')
})

test('a malformed code is refused before asking', async () => {
  serve({ 'hours.verify': () => GENUINE })
  await openPage(PAGE)
  await typeInto('verify-input', 'ABC123')
  await tap(byTestId('verify-submit'))
  expect(callsOf(callFunctionMock, 'hours', 'verify')).toEqual([])
  expect(byTestId('verify-error').textContent).toContain('验证码格式不对')
  expect(pageRoot().querySelector('[data-testid="verify-result"]')).toBeNull()
})

test('opened with ?code=… it checks at once', async () => {
  serve({ 'hours.verify': (d) => genuineFor((d as { code: string }).code) })
  await openPage(`${PAGE}?code=QJ7K2M-9XH4PD`)
  expect(callsOf(callFunctionMock, 'hours', 'verify')).toEqual([{ code: 'QJ7K2M-9XH4PD' }])
  expect(byTestId('verify-result').dataset.genuine).toBe('true')
})

test('opened from a mini-program code: the URL-encoded scene is decoded', async () => {
  serve({ 'hours.verify': (d) => genuineFor((d as { code: string }).code) })
  // WeChat hands the page the scene URL-encoded ("-" as %2D here).
  await openPage(`${PAGE}?scene=QJ7K2M%2D9XH4PD`)
  expect(callsOf(callFunctionMock, 'hours', 'verify')).toEqual([{ code: 'QJ7K2M-9XH4PD' }])
  expect(byTestId('verify-result').dataset.genuine).toBe('true')
})
