/** 我的身份码: the QR code a person shows a site organiser for a walk-in, its countdown and refresh. */
import Taro from '@tarojs/taro'
import type { IdentityCode } from '@api/checkin'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, settle } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNowWithIntervals } from './support/clock'
import { byTestId, callsOf, tap } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = '/packages/mine/pages/identity-code/index'
const T0 = '2024-03-05T04:00:00.000Z'

/** A code as the server answers it at `serverNow`, replaced a minute after its slot began. */
function identityCode(n: number, serverNow = Date.now(), rotatesInMs = 60_000): IdentityCode {
  return {
    token: `${'I'.repeat(55)}${n}`,
    qrDataUrl: `data:image/png;base64,QR${n}`,
    nickname: '小青',
    rotatesAt: new Date(serverNow + rotatesInMs).toISOString(),
    validUntil: new Date(serverNow + rotatesInMs + 60_000).toISOString(),
    serverNow: new Date(serverNow).toISOString(),
  }
}

function codeCalls() {
  return callsOf(callFunctionMock, 'checkin', 'identityCode')
}

async function advance(ms: number): Promise<void> {
  jest.advanceTimersByTime(ms)
  await settle()
}

beforeEach(() => {
  freezeNowWithIntervals(T0)
  callFunctionMock.mockReset()
})

afterEach(() => {
  jest.useRealTimers()
})

test('shows my nickname, the QR code, a countdown, and what showing it allows', async () => {
  serve({ 'checkin.identityCode': () => identityCode(1) })
  await openPage(PAGE)
  expect(codeCalls()).toEqual([{}])
  expect(byTestId('identity-name').textContent).toBe('小青')
  expect(byTestId('identity-qr').getAttribute('src')).toBe('data:image/png;base64,QR1')
  expect(byTestId('identity-countdown').textContent).toBe('60 秒后自动更新')
  expect(byTestId('identity-about').textContent).toContain('现场组织者扫码后可为你报名并签到')
  // The token itself is never printed as text, only drawn as the QR code.
  expect(pageRoot().textContent).not.toContain('IIIIIIII')
  await advance(15_000)
  expect(byTestId('identity-countdown').textContent).toBe('45 秒后自动更新')
})

test('H5 (no camera scan): the code can be copied for the organiser to paste', async () => {
  const clip = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok' } as never)
  try {
    serve({ 'checkin.identityCode': () => identityCode(7) })
    await openPage(PAGE)
    await tap(byTestId('identity-copy'))
    expect(clip).toHaveBeenCalledWith({ data: `${'I'.repeat(55)}7` })
  } finally {
    clip.mockRestore()
  }
})

test('WeChat: no copy button; the organiser scans the QR code', async () => {
  const saved = process.env.TARO_ENV
  process.env.TARO_ENV = 'weapp'
  const screen = jest.spyOn(Taro, 'setKeepScreenOn').mockResolvedValue({ errMsg: 'setKeepScreenOn:ok' } as never)
  try {
    serve({ 'checkin.identityCode': () => identityCode(1) })
    await openPage(PAGE)
    expect(byTestId('identity-qr').getAttribute('src')).toBe('data:image/png;base64,QR1')
    expect(pageRoot().querySelector('[data-testid="identity-copy"]')).toBeNull()
    expect(screen).toHaveBeenCalledWith({ keepScreenOn: true })
  } finally {
    process.env.TARO_ENV = saved
    screen.mockRestore()
  }
})

test('refreshes itself when the code rotates, also when the phone clock differs from the server', async () => {
  let n = 0
  serve({
    'checkin.identityCode': () => {
      n += 1
      // The server lives 2 h ahead of this phone; its code rotates 20 s after its own now.
      return identityCode(n, Date.now() + 2 * 3600_000, 20_000)
    },
  })
  await openPage(PAGE)
  expect(byTestId('identity-countdown').textContent).toBe('20 秒后自动更新')
  await advance(19_000)
  expect(codeCalls()).toHaveLength(1)
  await advance(1_000)
  expect(codeCalls()).toHaveLength(2)
  expect(byTestId('identity-qr').getAttribute('src')).toBe('data:image/png;base64,QR2')
  await advance(20_000)
  expect(codeCalls()).toHaveLength(3)
})

test('a phone clock ahead of the server does not make it ask in a loop', async () => {
  serve({ 'checkin.identityCode': () => identityCode(1, Date.now(), -10_000) })
  await openPage(PAGE)
  await advance(1_000)
  await advance(1_000)
  expect(codeCalls()).toHaveLength(1)
  await advance(1_000)
  expect(codeCalls()).toHaveLength(2)
})

test('a failed call shows no stale code and offers 重试; it also retries by itself', async () => {
  let n = 0
  serve({
    'checkin.identityCode': () => {
      n += 1
      if (n === 1 || n === 3) throw new ApiError('NETWORK', '网络不给力，请稍后重试')
      return identityCode(n, Date.now(), 10_000)
    },
  })
  await openPage(PAGE)
  expect(pageRoot().querySelector('[data-testid="identity-qr"]')).toBeNull()
  expect(byTestId('error-state').textContent).toContain('网络不给力')
  await tap(byTestId('error-state').querySelector('.state__action') as HTMLElement)
  expect(codeCalls()).toHaveLength(2)
  expect(byTestId('identity-qr').getAttribute('src')).toBe('data:image/png;base64,QR2')
  // The next code fails: the old one is taken down, and a new try comes by itself.
  await advance(10_000)
  expect(codeCalls()).toHaveLength(3)
  expect(pageRoot().querySelector('[data-testid="identity-qr"]')).toBeNull()
  await advance(15_000)
  expect(codeCalls()).toHaveLength(4)
  expect(byTestId('identity-qr').getAttribute('src')).toBe('data:image/png;base64,QR4')
})

test('signed out: asks to sign in and does not keep asking for a code', async () => {
  serve({
    'checkin.identityCode': () => {
      throw new ApiError('UNAUTHENTICATED', '请先登录')
    },
  })
  await openPage(PAGE)
  expect(pageRoot().textContent).toContain('请先登录')
  await advance(60_000)
  expect(codeCalls()).toHaveLength(1)
})

test('no timers and no calls while the page is hidden; a fresh code when it shows again', async () => {
  let n = 0
  serve({
    'checkin.identityCode': () => {
      n += 1
      return identityCode(n)
    },
  })
  await openPage(PAGE)
  expect(codeCalls()).toHaveLength(1)
  const pages = Taro.getCurrentPages()
  const page = pages[pages.length - 1] as unknown as { onHide(): void; onShow(): void }
  expect(typeof page.onHide).toBe('function')
  page.onHide()
  await settle()
  await advance(120_000)
  expect(codeCalls()).toHaveLength(1)
  page.onShow()
  await settle()
  expect(codeCalls()).toHaveLength(2)
  expect(byTestId('identity-qr').getAttribute('src')).toBe('data:image/png;base64,QR2')
})
