/** Self check-in on the activity detail page: the bar, the H5 code entry, results, nonces, the camera path. */
import Taro from '@tarojs/taro'
import type { MyCheckin, ScanRequest, ScanResult } from '@api/checkin'
import type { Registration } from '@api/signup'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, settle } from './support/app'
import { NONCE, myCheckin, scanResult } from './support/checkin-fixtures'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { byTestId, callsOf, tap, typeInto } from './support/dom'
import { detail } from './support/fixtures'
import { ACT, registration, summary } from './support/signup-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = `/pages/activity/index?id=${ACT}`

function bar(): HTMLElement | null {
  return pageRoot().querySelector<HTMLElement>('[data-testid="checkin-bar"]')
}

/** The label of a Taroify button: its test id sits on the inner native button. */
function label(testId: string): string {
  return byTestId(testId).closest('.taroify-button')?.textContent?.trim() ?? ''
}

/** The detail page, then my registration, then my check-in state: three answers in a row. */
async function open(): Promise<void> {
  await openPage(PAGE)
  await settle()
}

function scans(): ScanRequest[] {
  return callsOf(callFunctionMock, 'checkin', 'scan') as ScanRequest[]
}

/** The detail page of an event I hold `reg` for, with my check-in state `mine` and a scan handler. */
function servePage(opts: {
  reg?: Registration | null
  mine?: () => MyCheckin
  scan?: (req: ScanRequest) => ScanResult
}) {
  serve({
    'activity.get': () => detail({ id: ACT, title: '社区敬老志愿服务' }),
    'signup.summary': () => summary(),
    'signup.mine': () => (opts.reg === undefined ? registration({ state: 'confirmed' }) : opts.reg),
    'checkin.mine': () => (opts.mine ?? (() => myCheckin()))(),
    'checkin.scan': (d) => {
      if (!opts.scan) throw new Error('no scan expected')
      return opts.scan(d as ScanRequest)
    },
  })
}

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
})

afterEach(() => {
  jest.useRealTimers()
})

describe('the check-in bar', () => {
  test('offers 签到 before a check-in and 签退 after one', async () => {
    servePage({})
    await open()
    expect(callsOf(callFunctionMock, 'checkin', 'mine')).toEqual([{ activityId: ACT }])
    expect(bar()?.textContent).toContain('尚未签到')
    expect(label('checkin-submit')).toBe('签到')

    servePage({ mine: () => myCheckin({ lastDirection: 'in', lastScanAt: '2024-03-05T03:40:00.000Z' }) })
    await open()
    expect(label('checkin-submit')).toBe('签退')
    expect(byTestId('checkin-state').textContent).toBe('签到于 11:40')

    // After a check-out the next scan is a check-in again (a second session the same day), and says so.
    servePage({ mine: () => myCheckin({ lastDirection: 'out', lastScanAt: '2024-03-05T03:50:00.000Z' }) })
    await open()
    expect(label('checkin-submit')).toBe('再次签到')
    expect(byTestId('checkin-state').textContent).toBe('签退于 11:50')
  })

  test('the sign-up bar follows the check-in: 已签到 after a check-in, 已签退 after a check-out', async () => {
    servePage({})
    await open()
    expect(byTestId('signup-note').textContent).toBe('报名成功，请准时参加')

    servePage({
      mine: () => myCheckin({ lastDirection: 'in', lastScanAt: '2024-03-05T03:40:00.000Z' }),
      scan: () => scanResult({ direction: 'out' }),
    })
    await open()
    expect(byTestId('signup-bar').textContent).toContain('已签到')
    expect(byTestId('signup-note').textContent).toBe('离场时请签退，记录本次参与')

    // Checking out here changes the bottom bar without leaving the page.
    servePage({
      mine: () => myCheckin({ lastDirection: 'out', lastScanAt: '2024-03-05T04:00:00.000Z' }),
      scan: () => scanResult({ direction: 'out' }),
    })
    await typeInto('checkin-code-input', '123456')
    await tap(byTestId('checkin-submit'))
    await settle()
    expect(byTestId('signup-bar').textContent).toContain('已签退')
    expect(byTestId('signup-note').textContent).toBe('感谢参与')
  })

  test('the code field says what to type in words that fit', async () => {
    servePage({})
    await open()
    expect(byTestId('checkin-code-input').getAttribute('placeholder')).toBe('输入 6 位签到码')
  })

  test('is hidden outside the check-in window, without a place, and without a registration', async () => {
    servePage({ mine: () => myCheckin({ open: false }) })
    await open()
    expect(pageRoot().querySelector('[data-testid="activity-detail"]')).not.toBeNull()
    expect(bar()).toBeNull()

    servePage({ mine: () => myCheckin({ registered: false }) })
    await open()
    expect(bar()).toBeNull()

    // No place held: the check-in function is not even asked.
    callFunctionMock.mockReset()
    servePage({ reg: registration({ state: 'waitlisted', waitlistPosition: 2 }) })
    await open()
    expect(bar()).toBeNull()
    servePage({ reg: null })
    await open()
    expect(bar()).toBeNull()
    expect(callsOf(callFunctionMock, 'checkin', 'mine')).toEqual([])
    expect(callsOf(callFunctionMock, 'signup', 'mine')).toHaveLength(2)
  })

  test('H5: the 6-digit code is sent with the event and a nonce; success shows the time and flips the button', async () => {
    let mine = myCheckin()
    servePage({
      mine: () => mine,
      scan: () => {
        mine = myCheckin({ lastDirection: 'in', lastScanAt: '2024-03-05T04:05:00.000Z' })
        return scanResult({ scannedAt: '2024-03-05T04:05:00.000Z' })
      },
    })
    await open()
    expect(pageRoot().querySelector('[data-testid="checkin-scan"]')).toBeNull()

    await typeInto('checkin-code-input', '123456')
    await tap(byTestId('checkin-submit'))
    expect(scans()).toEqual([{ activityId: ACT, shortCode: '123456', nonce: expect.stringMatching(NONCE) }])
    const result = byTestId('checkin-result')
    expect(result.textContent).toContain('签到成功')
    expect(result.textContent).toContain('时间 12:05')
    expect(result.className).toContain('checkin-bar__result--ok')
    // My state was asked again: the next action is the check-out.
    expect(callsOf(callFunctionMock, 'checkin', 'mine')).toHaveLength(2)
    expect(label('checkin-submit')).toBe('签退')
  })

  test('a repeated scan is still a success; a flagged one says it will be reviewed', async () => {
    servePage({
      scan: () =>
        scanResult({ direction: 'out', repeated: true, needsReview: true, scannedAt: '2024-03-05T04:01:00.000Z' }),
    })
    await open()
    await typeInto('checkin-code-input', '654321')
    await tap(byTestId('checkin-submit'))
    const result = byTestId('checkin-result')
    expect(result.textContent).toContain('签退成功')
    expect(result.textContent).toContain('时间 12:01')
    expect(result.textContent).toContain('此前已记录，无需重复扫码')
    expect(result.textContent).toContain('已交由组织者核查')
  })

  test('a malformed code is refused before any call', async () => {
    servePage({ scan: () => scanResult() })
    await open()
    await typeInto('checkin-code-input', '12345')
    await tap(byTestId('checkin-submit'))
    expect(scans()).toEqual([])
    expect(byTestId('checkin-hint').textContent).toBe('请输入现场二维码下方的 6 位数字')
  })

  // Typed codes: the title speaks of the 签到码 the person typed, not of a QR code.
  test.each([
    ['CODE_INVALID', '签到码不正确', '签到码不正确或已过期，请输入现场最新的 6 位数字'],
    ['CODE_EXPIRED', '签到码已过期', '签到码已过期，请输入现场最新的 6 位数字'],
    ['WRONG_EVENT', '不是本活动的签到码', '这不是本活动的签到码'],
    ['CHECKIN_CLOSED', '不在签到时间内', '活动已结束，签到已关闭'],
    ['NOT_REGISTERED', '未报名本活动', '你没有报名本活动，请联系现场组织者'],
    ['REGISTRATION_CANCELLED', '报名无效', '该报名已取消或未通过，不能签到'],
    ['NOT_CHECKED_IN', '尚未签到', '请先签到再签退'],
  ] as const)('%s shows its title and the server message', async (code, title, message) => {
    servePage({
      scan: () => {
        throw new ApiError(code, message)
      },
    })
    await open()
    await typeInto('checkin-code-input', '123456')
    await tap(byTestId('checkin-submit'))
    const result = byTestId('checkin-result')
    expect(result.className).toContain('checkin-bar__result--error')
    expect(result.querySelector('.checkin-bar__result-title')?.textContent).toBe(title)
    expect(result.textContent).toContain(message)
    // Sending the same refused request again would not help: no 重试.
    expect(result.querySelector('[data-testid="checkin-retry"]')).toBeNull()
  })

  test('a retry of a failed attempt sends the same nonce; the next attempt gets a new one', async () => {
    let calls = 0
    servePage({
      scan: () => {
        calls += 1
        if (calls === 1) throw new ApiError('NETWORK', '网络不给力，请稍后重试')
        return scanResult({ repeated: calls === 2 })
      },
    })
    await open()
    await typeInto('checkin-code-input', '123456')
    await tap(byTestId('checkin-submit'))
    expect(byTestId('checkin-result').textContent).toContain('网络不给力，请稍后重试')

    await tap(byTestId('checkin-retry'))
    expect(byTestId('checkin-result').textContent).toContain('签到成功')
    // A success empties the field; the next code is a new attempt.
    expect((byTestId('checkin-code-input') as HTMLInputElement).value).toBe('')
    await typeInto('checkin-code-input', '234567')
    await tap(byTestId('checkin-submit'))
    const sent = scans()
    expect(sent).toHaveLength(3)
    expect(sent[1]).toEqual(sent[0])
    expect(sent[2].nonce).toMatch(NONCE)
    expect(sent[2].nonce).not.toBe(sent[0].nonce)
  })

  test('submitting again after a failure (a corrected code) stays in the same attempt', async () => {
    servePage({
      scan: (req) => {
        if (req.shortCode === '111111') throw new ApiError('CODE_INVALID', '二维码无效')
        return scanResult()
      },
    })
    await open()
    await typeInto('checkin-code-input', '111111')
    await tap(byTestId('checkin-submit'))
    await typeInto('checkin-code-input', '222222')
    await tap(byTestId('checkin-submit'))
    const [first, second] = scans()
    expect(second).toEqual({ ...first, shortCode: '222222' })
    expect(byTestId('checkin-result').textContent).toContain('签到成功')
  })
})

describe('WeChat: scanning the rotating code', () => {
  const saved = process.env.TARO_ENV
  let scanCode: jest.SpyInstance
  let getLocation: jest.SpyInstance

  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
    scanCode = jest.spyOn(Taro, 'scanCode').mockResolvedValue({ result: 'S'.repeat(48) } as never)
    getLocation = jest.spyOn(Taro, 'getLocation')
  })

  afterEach(() => {
    process.env.TARO_ENV = saved
    scanCode.mockRestore()
    getLocation.mockRestore()
  })

  test('扫码签到 opens the camera and sends the code with the location when allowed', async () => {
    getLocation.mockResolvedValue({ latitude: 32.2, longitude: 119.45 } as never)
    servePage({ scan: () => scanResult() })
    await open()
    expect(pageRoot().querySelector('[data-testid="checkin-code-input"]')).toBeNull()
    expect(label('checkin-scan')).toBe('扫码签到')

    await tap(byTestId('checkin-scan'))
    expect(getLocation).toHaveBeenCalledWith({ type: 'gcj02' })
    expect(scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] })
    expect(scans()).toEqual([
      { token: 'S'.repeat(48), nonce: expect.stringMatching(NONCE), location: { latitude: 32.2, longitude: 119.45 } },
    ])
    expect(byTestId('checkin-result').textContent).toContain('签到成功')
  })

  test('a scanned code that fails is titled by the QR code; after a check-out the camera offers 再次扫码签到', async () => {
    getLocation.mockRejectedValue(new Error('getLocation:fail auth deny'))
    servePage({
      mine: () => myCheckin({ lastDirection: 'out', lastScanAt: '2024-03-05T03:00:00.000Z' }),
      scan: () => {
        throw new ApiError('CODE_INVALID', '二维码无效')
      },
    })
    await open()
    expect(label('checkin-scan')).toBe('再次扫码签到')
    await tap(byTestId('checkin-scan'))
    expect(byTestId('checkin-result').querySelector('.checkin-bar__result-title')?.textContent).toBe('二维码无效')
  })

  test('a refused location is left out; a closed camera sends nothing', async () => {
    getLocation.mockRejectedValue(new Error('getLocation:fail auth deny'))
    servePage({
      mine: () => myCheckin({ lastDirection: 'in', lastScanAt: '2024-03-05T03:00:00.000Z' }),
      scan: () => scanResult({ direction: 'out' }),
    })
    await open()
    expect(label('checkin-scan')).toBe('扫码签退')

    scanCode.mockRejectedValueOnce(new Error('scanCode:fail cancel'))
    await tap(byTestId('checkin-scan'))
    expect(scans()).toEqual([])

    await tap(byTestId('checkin-scan'))
    expect(scans()).toEqual([{ token: 'S'.repeat(48), nonce: expect.stringMatching(NONCE) }])
    expect(byTestId('checkin-result').textContent).toContain('签退成功')
  })
})
