/** The organiser's check-in pages: the rotating code with the board, and the event page's links. */
import Taro from '@tarojs/taro'
import type { ManagedActivity } from '@api/activity'
import type { SiteCodeRequest } from '@api/checkin'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, settle } from './support/app'
import { board, scanResult, siteCode } from './support/checkin-fixtures'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow, freezeNowWithIntervals } from './support/clock'
import { allByTestId, byTestId, callsOf, tap } from './support/dom'
import { deferred, detail } from './support/fixtures'
import { ACT } from './support/signup-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const CODE = `/packages/organiser/pages/checkin-code/index?id=${ACT}`
const T0 = '2024-03-05T04:00:00.000Z'

function managed(overrides: Partial<ManagedActivity> = {}): ManagedActivity {
  return {
    ...detail({ id: ACT, title: '青年志愿服务日' }),
    state: 'published',
    seatsTaken: 10,
    coverSource: null,
    cancelReason: null,
    publishedAt: '2024-03-01T00:00:00Z',
    updatedAt: '2024-03-01T00:00:00Z',
    ...overrides,
  }
}

function codeCalls(): SiteCodeRequest[] {
  return callsOf(callFunctionMock, 'checkin', 'siteCode') as SiteCodeRequest[]
}

/** Moves the clock (and the page's once-a-second ticker) on, then lets the answers land. */
async function advance(ms: number): Promise<void> {
  jest.advanceTimersByTime(ms)
  await settle()
}

afterEach(() => {
  jest.useRealTimers()
})

describe('签到码', () => {
  beforeEach(() => {
    freezeNowWithIntervals(T0)
    callFunctionMock.mockReset()
  })

  test('shows the QR code, its 6 digits, a countdown and the board', async () => {
    serve({
      'activity.manageGet': () => managed(),
      'checkin.siteCode': () => siteCode({ shortCode: '482913', qrDataUrl: 'data:image/png;base64,QRIN' }),
      'checkin.board': () =>
        board({
          confirmed: 30,
          checkedIn: 12,
          checkedOut: 3,
          needsReview: 1,
          recent: [
            scanResult({ scannedAt: '2024-03-05T03:58:00.000Z' }),
            scanResult({
              direction: 'out',
              method: 'ticket',
              needsReview: true,
              person: { nickname: '阿芳', realName: null },
            }),
          ],
        }),
    })
    await openPage(CODE)
    expect(codeCalls()).toEqual([{ activityId: ACT, direction: 'in' }])
    expect(byTestId('site-qr').getAttribute('src')).toBe('data:image/png;base64,QRIN')
    expect(byTestId('site-short-code').textContent).toBe('482913')
    expect(byTestId('site-countdown').textContent).toBe('30 秒后更新')
    expect(pageRoot().textContent).toContain('青年志愿服务日')

    const b = byTestId('board')
    for (const text of ['30已报名', '12已签到', '3已签退', '1待核查']) expect(b.textContent).toContain(text)
    const recent = allByTestId('board-scan')
    expect(recent.map((r) => r.textContent)).toEqual(['李青签到11:58', '阿芳签退（验票）待核查12:05'])

    await advance(10_000)
    expect(byTestId('site-countdown').textContent).toBe('20 秒后更新')
  })

  test('a phone clock two hours behind the server still refreshes when the code rotates', async () => {
    let n = 0
    serve({
      'activity.manageGet': () => managed(),
      'checkin.siteCode': () => {
        n += 1
        // The server lives 2 h ahead of this phone; its code rotates 30 s after its own now.
        const serverNow = Date.now() + 2 * 3600_000
        return siteCode({
          shortCode: String(200000 + n),
          serverNow: new Date(serverNow).toISOString(),
          rotatesAt: new Date(serverNow + 30_000).toISOString(),
        })
      },
      'checkin.board': () => board(),
    })
    await openPage(CODE)
    expect(byTestId('site-countdown').textContent).toBe('30 秒后更新')
    await advance(29_000)
    expect(codeCalls()).toHaveLength(1)
    await advance(1_000)
    expect(codeCalls()).toHaveLength(2)
    expect(byTestId('site-short-code').textContent).toBe('200002')
  })

  test('fetches a fresh code (and board) when the code rotates', async () => {
    let n = 0
    serve({
      'activity.manageGet': () => managed(),
      'checkin.siteCode': () => {
        n += 1
        const at = Date.parse(T0) + n * 30_000
        return siteCode({ shortCode: String(100000 + n), rotatesAt: new Date(at).toISOString() })
      },
      'checkin.board': () => board({ checkedIn: n }),
    })
    await openPage(CODE)
    expect(byTestId('site-short-code').textContent).toBe('100001')

    await advance(29_000)
    expect(codeCalls()).toHaveLength(1)
    expect(byTestId('site-countdown').textContent).toBe('1 秒后更新')

    await advance(1_000)
    expect(codeCalls()).toHaveLength(2)
    expect(byTestId('site-short-code').textContent).toBe('100002')
    expect(callsOf(callFunctionMock, 'checkin', 'board')).toHaveLength(2)
    expect(byTestId('board').textContent).toContain('2已签到')

    await advance(30_000)
    expect(codeCalls()).toHaveLength(3)
    expect(byTestId('site-short-code').textContent).toBe('100003')
  })

  test('a device clock ahead of the server does not make it ask in a loop', async () => {
    // The server keeps answering with a code that (by this device's clock) has already rotated.
    serve({
      'activity.manageGet': () => managed(),
      'checkin.siteCode': () => siteCode({ rotatesAt: '2024-03-05T03:59:50.000Z' }),
      'checkin.board': () => board(),
    })
    await openPage(CODE)
    await advance(1_000)
    await advance(1_000)
    expect(codeCalls()).toHaveLength(1)
    await advance(1_000)
    expect(codeCalls()).toHaveLength(2)
  })

  test('switching to 签退码 asks for the other code; a late answer for 签到 is dropped', async () => {
    const late = deferred<unknown>()
    serve({
      'activity.manageGet': () => managed(),
      'checkin.siteCode': (d) =>
        (d as SiteCodeRequest).direction === 'in'
          ? late.promise
          : siteCode({ direction: 'out', shortCode: '765432', qrDataUrl: 'data:image/png;base64,QROUT' }),
      'checkin.board': () => board(),
    })
    await openPage(CODE)
    await tap(byTestId('code-out'))
    expect(codeCalls()).toEqual([
      { activityId: ACT, direction: 'in' },
      { activityId: ACT, direction: 'out' },
    ])
    expect(byTestId('site-short-code').textContent).toBe('765432')
    expect(byTestId('site-qr').getAttribute('src')).toBe('data:image/png;base64,QROUT')

    late.resolve(siteCode({ shortCode: '111111' }))
    await settle()
    expect(byTestId('site-short-code').textContent).toBe('765432')
    expect(pageRoot().textContent).toContain('扫码签退')
  })

  test('no permission: the message, and no asking again', async () => {
    serve({
      'activity.manageGet': () => managed(),
      'checkin.siteCode': () => {
        throw new ApiError('FORBIDDEN', '你不是该活动的组织者')
      },
      'checkin.board': () => {
        throw new ApiError('FORBIDDEN', '你不是该活动的组织者')
      },
    })
    await openPage(CODE)
    expect(byTestId('error-state').textContent).toContain('你不是该活动的组织者')
    expect(pageRoot().querySelector('[data-testid="site-qr"]')).toBeNull()
    await advance(60_000)
    expect(codeCalls()).toHaveLength(1)
  })

  test('a network failure is tried again by itself', async () => {
    let fail = true
    serve({
      'activity.manageGet': () => managed(),
      'checkin.siteCode': () => {
        if (fail) throw new ApiError('NETWORK', '网络不给力，请稍后重试')
        return siteCode({ rotatesAt: '2024-03-05T04:01:00.000Z' })
      },
      'checkin.board': () => board(),
    })
    await openPage(CODE)
    expect(byTestId('error-state').textContent).toContain('网络不给力')
    fail = false
    await advance(15_000)
    expect(codeCalls()).toHaveLength(2)
    expect(byTestId('site-short-code').textContent).toBe('123456')
  })

  test('leaving the page stops the timer', async () => {
    serve({
      'activity.manageGet': () => managed(),
      'checkin.siteCode': () => siteCode(),
      'checkin.board': () => board(),
      'activity.get': () => {
        throw new ApiError('NOT_FOUND', '活动不存在')
      },
    })
    await openPage(CODE)
    expect(codeCalls()).toHaveLength(1)
    await openPage(`/pages/activity/index?id=${ACT}`)
    await advance(120_000)
    expect(codeCalls()).toHaveLength(1)
  })

  test('WeChat: keeps the screen on, and a refusal changes nothing', async () => {
    const saved = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    const keep = jest.spyOn(Taro, 'setKeepScreenOn').mockRejectedValue(new Error('setKeepScreenOn:fail') as never)
    try {
      serve({
        'activity.manageGet': () => managed(),
        'checkin.siteCode': () => siteCode(),
        'checkin.board': () => board(),
      })
      await openPage(CODE)
      expect(keep).toHaveBeenCalledWith({ keepScreenOn: true })
      expect(byTestId('site-short-code').textContent).toBe('123456')
    } finally {
      process.env.TARO_ENV = saved
      keep.mockRestore()
    }
  })
})

describe('the event page links to check-in', () => {
  let navigate: jest.SpyInstance

  beforeEach(() => {
    freezeNow(T0)
    callFunctionMock.mockReset()
    navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  })

  afterEach(() => navigate.mockRestore())

  function serveEvent(state: ManagedActivity['state']) {
    serve({
      'activity.manageGet': () => managed({ state }),
      'activity.categories': () => ({ items: [] }),
      'plan.get': () => {
        throw new ApiError('NOT_FOUND', '没有清单')
      },
    })
  }

  test('a published event has 签到码, 验票 and 时长审核', async () => {
    serveEvent('published')
    await openPage(`/packages/organiser/pages/event/index?id=${ACT}`)
    await tap(byTestId('link-checkin-code'))
    await tap(byTestId('link-scanner'))
    await tap(byTestId('link-hours'))
    expect(navigate.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      `/packages/organiser/pages/checkin-code/index?id=${ACT}`,
      `/packages/organiser/pages/scanner/index?id=${ACT}`,
      `/packages/organiser/pages/hours/index?id=${ACT}`,
    ])
  })

  test('a draft has none; a finished event keeps 时长审核 only', async () => {
    serveEvent('draft')
    await openPage(`/packages/organiser/pages/event/index?id=${ACT}`)
    expect(byTestId('event-state')).toBeTruthy()
    expect(pageRoot().querySelector('[data-testid="checkin-links"]')).toBeNull()

    serveEvent('finished')
    await openPage(`/packages/organiser/pages/event/index?id=${ACT}`)
    expect(pageRoot().querySelector('[data-testid="link-checkin-code"]')).toBeNull()
    expect(pageRoot().querySelector('[data-testid="link-scanner"]')).toBeNull()
    expect(byTestId('link-hours').textContent).toBe('时长审核')
    // Its ratings (活动评价) open the anonymous summary.
    await tap(byTestId('link-ratings'))
    expect(navigate.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      `/packages/rating/pages/event/index?id=${ACT}`,
    ])
  })
})
