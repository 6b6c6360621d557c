/** The organiser's ticket scanner: online results, offline verification and its queue, syncing, walk-ins. */
import { createHash } from 'crypto'
import Taro from '@tarojs/taro'
import type { ManagedActivity } from '@api/activity'
import type { OfflineRoster, SyncOutcome, SyncRequest, TicketScanRequest, WalkInRequest } from '@api/checkin'
import { ApiError } from '@/services/cloud'
import { queueKey, rosterKey } from '@/packages/organiser/features/checkin/storage'
import type { QueuedScan } from '@/packages/organiser/features/checkin/offline'
import { openPage, pageRoot, settle } from './support/app'
import { NONCE, roster as makeRoster, scanResult } from './support/checkin-fixtures'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, fire, tap, typeInto } from './support/dom'
import { detail } from './support/fixtures'
import { ACT } from './support/signup-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = `/packages/organiser/pages/scanner/index?id=${ACT}`
const TICKET = 'Tk'.repeat(32)
const OTHER_TICKET = 'Zz'.repeat(32)
const STRANGER = 'Xx'.repeat(32)
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

const ROSTER: OfflineRoster = makeRoster([
  { registrationId: 'r1', ticketDigest: digest(TICKET), name: '李青', state: 'confirmed', lastDirection: null },
  { registrationId: 'r2', ticketDigest: digest(OTHER_TICKET), name: '王芳', state: 'confirmed', lastDirection: null },
])

type Handlers = Parameters<typeof serve>[0]

function managed(): ManagedActivity {
  return {
    ...detail({ id: ACT, title: '青年志愿服务日' }),
    state: 'published',
    seatsTaken: 10,
    coverSource: null,
    cancelReason: null,
    publishedAt: '2024-03-01T00:00:00Z',
    updatedAt: '2024-03-01T00:00:00Z',
  }
}

function servePage(handlers: Handlers) {
  serve({ 'activity.manageGet': () => managed(), ...handlers })
}

function stored(): QueuedScan[] {
  return (Taro.getStorageSync(queueKey(ACT)) || []) as QueuedScan[]
}

function panel(): HTMLElement {
  return byTestId('scan-result')
}

function pending(): string | null {
  return pageRoot().querySelector('[data-testid="pending-count"]')?.textContent ?? null
}

async function check(token: string) {
  await typeInto('ticket-input', token)
  await tap(byTestId('ticket-submit'))
}

let networkType: jest.SpyInstance
let onNetwork: jest.SpyInstance
let offNetwork: jest.SpyInstance
let modal: jest.SpyInstance
let listeners: ((res: { isConnected: boolean; networkType: string }) => void)[]

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
  Taro.clearStorageSync()
  listeners = []
  networkType = jest.spyOn(Taro, 'getNetworkType').mockResolvedValue({ networkType: 'wifi' } as never)
  onNetwork = jest.spyOn(Taro, 'onNetworkStatusChange').mockImplementation(((cb: (typeof listeners)[number]) => {
    listeners.push(cb)
  }) as never)
  offNetwork = jest.spyOn(Taro, 'offNetworkStatusChange').mockImplementation(((cb: (typeof listeners)[number]) => {
    listeners = listeners.filter((l) => l !== cb)
  }) as never)
  modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
})

afterEach(() => {
  for (const spy of [networkType, onNetwork, offNetwork, modal]) spy.mockRestore()
  jest.useRealTimers()
})

describe('online', () => {
  test('a good ticket: a green panel with the name; 签退 sends the other direction', async () => {
    servePage({
      'checkin.scanTicket': (d) =>
        scanResult({
          method: 'ticket',
          direction: (d as TicketScanRequest).direction,
          scannedAt: '2024-03-05T04:02:00.000Z',
        }),
    })
    await openPage(PAGE)
    expect(pageRoot().textContent).toContain('青年志愿服务日')
    expect(byTestId('scanner-mode').textContent).toBe('在线验票')

    await check(` ${TICKET} `)
    const sent = callsOf(callFunctionMock, 'checkin', 'scanTicket') as TicketScanRequest[]
    expect(sent).toEqual([{ activityId: ACT, token: TICKET, direction: 'in', nonce: expect.stringMatching(NONCE) }])
    expect(panel().className).toContain('scanner__panel--ok')
    expect(byTestId('scan-result-name').textContent).toBe('李青')
    expect(panel().textContent).toContain('签到成功')
    expect(panel().textContent).toContain('已签到')
    expect(panel().textContent).toContain('时间 12:02')

    await tap(byTestId('direction-out'))
    await check(TICKET)
    const again = callsOf(callFunctionMock, 'checkin', 'scanTicket') as TicketScanRequest[]
    expect(again[1]).toMatchObject({ token: TICKET, direction: 'out' })
    // Every scan is its own attempt.
    expect(again[1].nonce).not.toBe(again[0].nonce)
    expect(panel().textContent).toContain('签退成功')
    expect(panel().textContent).toContain('已签退')
    // Nothing queued while online.
    expect(stored()).toEqual([])
  })

  test("a refused ticket: a red panel with the server's message", async () => {
    servePage({
      'checkin.scanTicket': () => {
        throw new ApiError('REGISTRATION_CANCELLED', '该报名已取消或未通过，不能签到')
      },
    })
    await openPage(PAGE)
    await check(TICKET)
    expect(panel().className).toContain('scanner__panel--error')
    expect(panel().textContent).toContain('报名无效')
    expect(panel().textContent).toContain('该报名已取消或未通过，不能签到')
    expect(stored()).toEqual([])
  })

  test('WeChat: 扫描入场券 opens the camera, then offers the next scan at once', async () => {
    const saved = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    const scanCode = jest.spyOn(Taro, 'scanCode').mockResolvedValue({ result: TICKET } as never)
    const vibrate = jest.spyOn(Taro, 'vibrateShort').mockResolvedValue({ errMsg: 'vibrateShort:ok' } as never)
    try {
      servePage({ 'checkin.scanTicket': () => scanResult({ method: 'ticket' }) })
      await openPage(PAGE)
      expect(pageRoot().querySelector('[data-testid="ticket-input"]')).toBeNull()
      const label = () => byTestId('scan-ticket').closest('.taroify-button')?.textContent?.trim()
      expect(label()).toBe('扫描入场券（签到）')
      await tap(byTestId('scan-ticket'))
      expect(scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] })
      expect(byTestId('scan-result-name').textContent).toBe('李青')
      expect(label()).toBe('扫描下一位（签到）')
      await tap(byTestId('scan-ticket'))
      expect(callsOf(callFunctionMock, 'checkin', 'scanTicket')).toHaveLength(2)
    } finally {
      process.env.TARO_ENV = saved
      scanCode.mockRestore()
      vibrate.mockRestore()
    }
  })
})

describe('offline', () => {
  test('下载名单 stores the roster for this event', async () => {
    servePage({ 'checkin.offlineRoster': () => ROSTER })
    await openPage(PAGE)
    expect(byTestId('roster-status').textContent).toContain('活动前请下载名单')
    await tap(byTestId('roster-download'))
    expect(callsOf(callFunctionMock, 'checkin', 'offlineRoster')).toEqual([{ activityId: ACT }])
    expect(Taro.getStorageSync(rosterKey(ACT))).toEqual(ROSTER)
    expect(byTestId('roster-status').textContent).toContain('离线名单 2 人，3月5日 10:00 下载')
  })

  test('no network on a scan: the roster accepts a listed ticket (queued with the same nonce) and refuses others', async () => {
    Taro.setStorageSync(rosterKey(ACT), ROSTER)
    servePage({
      'checkin.scanTicket': () => {
        throw new ApiError('NETWORK', '网络不给力，请稍后重试')
      },
    })
    await openPage(PAGE)
    await check(TICKET)
    expect(panel().className).toContain('scanner__panel--ok')
    expect(byTestId('scan-result-name').textContent).toBe('李青')
    expect(panel().textContent).toContain('待同步')
    const [online] = callsOf(callFunctionMock, 'checkin', 'scanTicket') as TicketScanRequest[]
    expect(stored()).toEqual([
      { token: TICKET, direction: 'in', nonce: online.nonce, scannedAt: '2024-03-05T04:00:00.000Z' },
    ])
    expect(pending()).toBe('待同步 1')

    await check(STRANGER)
    expect(panel().className).toContain('scanner__panel--error')
    expect(panel().textContent).toContain('无效入场券')
    expect(stored()).toHaveLength(1)

    // The same ticket again the same way: still green, nothing new to send.
    await check(TICKET)
    expect(panel().className).toContain('scanner__panel--ok')
    expect(panel().textContent).toContain('此前已扫描过')
    expect(stored()).toHaveLength(1)
  })

  test("offline scans carry the server's time as learnt at download, not a wrong phone clock", async () => {
    // The server was 10 minutes ahead of this phone when the roster came.
    servePage({
      'checkin.offlineRoster': () => ({ ...ROSTER, generatedAt: '2024-03-05T04:10:00.000Z' }),
      'checkin.scanTicket': () => {
        throw new ApiError('NETWORK', '网络不给力，请稍后重试')
      },
    })
    await openPage(PAGE)
    await tap(byTestId('roster-download'))
    await check(TICKET)
    expect(stored()).toEqual([expect.objectContaining({ token: TICKET, scannedAt: '2024-03-05T04:10:00.000Z' })])
  })

  test('without a roster an offline scan cannot be verified', async () => {
    servePage({
      'checkin.scanTicket': () => {
        throw new ApiError('NETWORK', '网络不给力，请稍后重试')
      },
    })
    await openPage(PAGE)
    await check(TICKET)
    expect(panel().className).toContain('scanner__panel--error')
    expect(panel().textContent).toContain('未下载离线名单')
    expect(stored()).toEqual([])
  })

  test('离线模式 verifies on the device without asking the server', async () => {
    Taro.setStorageSync(rosterKey(ACT), ROSTER)
    servePage({})
    await openPage(PAGE)
    await fire(byTestId('offline-switch'), 'change', true)
    expect(byTestId('scanner-mode').textContent).toBe('离线模式：离线验票')
    await tap(byTestId('direction-out'))
    await check(OTHER_TICKET)
    expect(callsOf(callFunctionMock, 'checkin', 'scanTicket')).toEqual([])
    expect(byTestId('scan-result-name').textContent).toBe('王芳')
    expect(panel().textContent).toContain('签退成功')
    expect(stored()).toEqual([
      {
        token: OTHER_TICKET,
        direction: 'out',
        nonce: expect.stringMatching(NONCE),
        scannedAt: '2024-03-05T04:00:00.000Z',
      },
    ])
  })

  test('the queue survives a restart; 同步 sends it and clears it', async () => {
    Taro.setStorageSync(rosterKey(ACT), ROSTER)
    networkType.mockResolvedValue({ networkType: 'none' } as never)
    servePage({})
    await openPage(PAGE)
    expect(byTestId('scanner-mode').textContent).toBe('网络不可用：离线验票')
    await check(TICKET)
    await check(OTHER_TICKET)
    expect(callsOf(callFunctionMock, 'checkin', 'scanTicket')).toEqual([])
    const queued = stored()
    expect(queued).toHaveLength(2)

    // The mini-program is closed and opened again, still without network.
    await openPage(PAGE)
    expect(pending()).toBe('待同步 2')

    servePage({
      'checkin.syncTicketScans': (d) => ({
        outcomes: (d as SyncRequest).scans.map((s) => ({ nonce: s.nonce, status: 'recorded', scan: scanResult() })),
        recorded: 2,
        repeated: 0,
        conflicts: 0,
        rejected: 0,
      }),
    })
    await tap(byTestId('sync-button'))
    expect(callsOf(callFunctionMock, 'checkin', 'syncTicketScans')).toEqual([{ activityId: ACT, scans: queued }])
    expect(stored()).toEqual([])
    expect(Taro.getStorageSync(queueKey(ACT))).toBeFalsy()
    expect(pending()).toBeNull()
  })

  test('conflicts and rejections are listed; scans without an answer stay queued', async () => {
    Taro.setStorageSync(rosterKey(ACT), ROSTER)
    const queue: QueuedScan[] = [
      { token: TICKET, direction: 'in', nonce: 'nonce-0001', scannedAt: '2024-03-05T03:10:00.000Z' },
      { token: OTHER_TICKET, direction: 'in', nonce: 'nonce-0002', scannedAt: '2024-03-05T03:20:00.000Z' },
      { token: OTHER_TICKET, direction: 'out', nonce: 'nonce-0003', scannedAt: '2024-03-05T03:30:00.000Z' },
    ]
    Taro.setStorageSync(queueKey(ACT), queue)
    networkType.mockResolvedValue({ networkType: 'none' } as never)
    servePage({
      'checkin.syncTicketScans': () => ({
        outcomes: [
          { nonce: 'nonce-0001', status: 'conflict', scan: scanResult() },
          {
            nonce: 'nonce-0002',
            status: 'rejected',
            code: 'REGISTRATION_CANCELLED',
            message: '该报名已取消或未通过，不能签到',
          },
        ] satisfies SyncOutcome[],
        recorded: 0,
        repeated: 0,
        conflicts: 1,
        rejected: 1,
      }),
    })
    await openPage(PAGE)
    await tap(byTestId('sync-button'))
    const problems = allByTestId('sync-problem').map((p) => p.textContent)
    expect(problems).toEqual([
      '李青 · 签到 · 11:10该票已在其他设备扫描，以最早一次为准',
      '王芳 · 签到 · 11:20该报名已取消或未通过，不能签到',
    ])
    expect(stored()).toEqual([queue[2]])
    expect(pending()).toBe('待同步 1')
  })

  test('a long queue goes in batches of 200', async () => {
    const queue: QueuedScan[] = Array.from({ length: 250 }, (_, i) => ({
      token: TICKET,
      direction: 'in',
      nonce: `nonce-${String(i).padStart(4, '0')}`,
      scannedAt: '2024-03-05T03:10:00.000Z',
    }))
    Taro.setStorageSync(queueKey(ACT), queue)
    networkType.mockResolvedValue({ networkType: 'none' } as never)
    servePage({
      'checkin.syncTicketScans': (d) => ({
        outcomes: (d as SyncRequest).scans.map((s) => ({ nonce: s.nonce, status: 'repeated' })),
        recorded: 0,
        repeated: (d as SyncRequest).scans.length,
        conflicts: 0,
        rejected: 0,
      }),
    })
    await openPage(PAGE)
    await tap(byTestId('sync-button'))
    const batches = callsOf(callFunctionMock, 'checkin', 'syncTicketScans') as SyncRequest[]
    expect(batches.map((b) => b.scans.length)).toEqual([200, 50])
    expect(batches[1].scans[0].nonce).toBe('nonce-0200')
    expect(stored()).toEqual([])
  })

  test('a failed sync keeps the queue', async () => {
    const queue: QueuedScan[] = [
      { token: TICKET, direction: 'in', nonce: 'nonce-0001', scannedAt: '2024-03-05T03:10:00.000Z' },
    ]
    Taro.setStorageSync(queueKey(ACT), queue)
    networkType.mockResolvedValue({ networkType: 'none' } as never)
    servePage({
      'checkin.syncTicketScans': () => {
        throw new ApiError('NETWORK', '网络不给力，请稍后重试')
      },
    })
    await openPage(PAGE)
    await tap(byTestId('sync-button'))
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '网络不给力，请稍后重试' }))
    expect(stored()).toEqual(queue)
    expect(pending()).toBe('待同步 1')
  })

  test('syncs by itself when the page shows online and when the network comes back; the listener goes with the page', async () => {
    const queue: QueuedScan[] = [
      { token: TICKET, direction: 'in', nonce: 'nonce-0001', scannedAt: '2024-03-05T03:10:00.000Z' },
    ]
    const answer: Handlers = {
      'checkin.syncTicketScans': (d) => ({
        outcomes: (d as SyncRequest).scans.map((s) => ({ nonce: s.nonce, status: 'recorded' })),
        recorded: 1,
        repeated: 0,
        conflicts: 0,
        rejected: 0,
      }),
    }
    // Shown online with a queue left from before: sent at once.
    Taro.setStorageSync(queueKey(ACT), queue)
    servePage(answer)
    await openPage(PAGE)
    await settle()
    expect(callsOf(callFunctionMock, 'checkin', 'syncTicketScans')).toHaveLength(1)
    expect(stored()).toEqual([])

    // Shown offline: nothing sent until the network is back.
    callFunctionMock.mockReset()
    Taro.setStorageSync(queueKey(ACT), queue)
    networkType.mockResolvedValue({ networkType: 'none' } as never)
    servePage(answer)
    await openPage(PAGE)
    expect(callsOf(callFunctionMock, 'checkin', 'syncTicketScans')).toEqual([])
    expect(listeners).toHaveLength(1)
    listeners[0]({ isConnected: true, networkType: 'wifi' })
    await settle()
    expect(callsOf(callFunctionMock, 'checkin', 'syncTicketScans')).toEqual([{ activityId: ACT, scans: queue }])
    expect(stored()).toEqual([])
    expect(byTestId('scanner-mode').textContent).toBe('在线验票')

    // Leaving the page removes the listener.
    serve({
      'activity.get': () => {
        throw new ApiError('NOT_FOUND', '活动不存在')
      },
    })
    await openPage(`/pages/activity/index?id=${ACT}`)
    expect(offNetwork).toHaveBeenCalled()
    expect(listeners).toHaveLength(0)
  })
})

describe('现场报名', () => {
  const CODE_A = 'Aa'.repeat(28) // an identity code's shape: 56 URL-safe characters
  const CODE_B = 'Bb'.repeat(28)

  test('H5: sends the pasted identity code with a nonce; a retry of the same code reuses it, another code does not', async () => {
    let calls = 0
    servePage({
      'checkin.walkIn': () => {
        calls += 1
        if (calls === 1) throw new ApiError('NETWORK', '网络不给力，请稍后重试')
        if (calls === 3) throw new ApiError('CODE_EXPIRED', '身份码已过期，请对方刷新后重新出示')
        return scanResult({ person: { nickname: '小赵', realName: '赵磊' } })
      },
    })
    await openPage(PAGE)
    // No phone number anywhere: a person is named only by the code on their own screen.
    expect(pageRoot().querySelector('[data-testid="walkin-phone"]')).toBeNull()
    expect(byTestId('walkin').textContent).not.toContain('手机号')
    expect(byTestId('walkin').textContent).toContain('我的身份码')
    await typeInto('walkin-token', CODE_A)
    await tap(byTestId('walkin-submit'))
    expect(panel().className).toContain('scanner__panel--error')
    expect(panel().textContent).toContain('网络不给力')

    await tap(byTestId('walkin-submit'))
    expect(panel().className).toContain('scanner__panel--ok')
    expect(panel().textContent).toContain('现场报名成功')
    expect(byTestId('scan-result-name').textContent).toBe('赵磊')

    await typeInto('walkin-token', CODE_B)
    await tap(byTestId('walkin-submit'))
    expect(panel().textContent).toContain('身份码已过期，请对方刷新后重新出示')

    const sent = callsOf(callFunctionMock, 'checkin', 'walkIn') as WalkInRequest[]
    expect(sent[0]).toEqual({ activityId: ACT, identityToken: CODE_A, nonce: expect.stringMatching(NONCE) })
    expect(sent[1]).toEqual(sent[0])
    expect(sent[2].identityToken).toBe(CODE_B)
    expect(sent[2].nonce).not.toBe(sent[0].nonce)
  })

  test('a phone number, a ticket or anything else that is not an identity code is refused before any call', async () => {
    servePage({})
    await openPage(PAGE)
    for (const notACode of ['13912342233', TICKET, 'https://example.com/x']) {
      await typeInto('walkin-token', notACode)
      await tap(byTestId('walkin-submit'))
      expect(pageRoot().textContent).toContain('这不是身份码，请扫描对方「我的身份码」页面上的二维码')
    }
    expect(callsOf(callFunctionMock, 'checkin', 'walkIn')).toEqual([])
  })

  test('WeChat: 扫描身份码 opens the camera; a lost answer is retried with the same nonce', async () => {
    const saved = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    const scanCode = jest.spyOn(Taro, 'scanCode').mockResolvedValue({ result: CODE_A } as never)
    const vibrate = jest.spyOn(Taro, 'vibrateShort').mockResolvedValue({ errMsg: 'vibrateShort:ok' } as never)
    let calls = 0
    try {
      servePage({
        'checkin.walkIn': () => {
          calls += 1
          if (calls === 1) throw new ApiError('NETWORK', '网络不给力，请稍后重试')
          return scanResult({ person: { nickname: '小赵', realName: null } })
        },
      })
      await openPage(PAGE)
      expect(pageRoot().querySelector('[data-testid="walkin-token"]')).toBeNull()
      expect(pageRoot().querySelector('[data-testid="walkin-retry"]')).toBeNull()
      await tap(byTestId('walkin-scan'))
      expect(scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] })
      expect(panel().textContent).toContain('网络不给力')
      await tap(byTestId('walkin-retry'))
      expect(panel().textContent).toContain('现场报名成功')
      expect(byTestId('scan-result-name').textContent).toBe('小赵')
      expect(pageRoot().querySelector('[data-testid="walkin-retry"]')).toBeNull()
      const sent = callsOf(callFunctionMock, 'checkin', 'walkIn') as WalkInRequest[]
      expect(sent).toHaveLength(2)
      expect(sent[1]).toEqual(sent[0])
      expect(sent[0].identityToken).toBe(CODE_A)
    } finally {
      process.env.TARO_ENV = saved
      scanCode.mockRestore()
      vibrate.mockRestore()
    }
  })
})
