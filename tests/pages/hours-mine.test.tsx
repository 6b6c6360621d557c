import Taro from '@tarojs/taro'
import type { CertificateRequest } from '@api/hours'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, pick, tap } from './support/dom'
import { installFakeCanvas } from './support/fake-canvas'
import { certificate, myHours } from './support/hours-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const MINE = '/packages/mine/pages/hours/index'
const CERT = '/packages/mine/pages/certificate/index'

let navigate: jest.SpyInstance

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})

afterEach(() => {
  navigate.mockRestore()
  jest.useRealTimers()
})

describe('我的时长', () => {
  test('the confirmed total large, totals per year, and each event with approved and pending hours', async () => {
    serve({ 'hours.mine': () => myHours() })
    await openPage(MINE)

    expect(callsOf(callFunctionMock, 'hours', 'mine')).toEqual([{}])
    expect(byTestId('my-hours-total').textContent).toBe('18.5')
    expect(allByTestId('my-hours-year').map((e) => e.textContent)).toEqual(['2024 年 6 小时', '2023 年 12.5 小时'])

    const [planting, elders] = allByTestId('my-hours-event')
    expect(planting.textContent).toContain('青年公益林植树')
    expect(planting.textContent).toContain('中国邮政镇江分公司团委')
    expect(byTestId('event-approved', planting).textContent).toBe('0 小时')
    // On public notice: pending, with the day it ends.
    expect(byTestId('event-pending', planting).textContent).toBe('公示中 3 小时（至 3月13日 12:00）')
    expect(planting.textContent).toContain('3月10日 周日 · 打卡 3 小时 · 公示中')

    expect(elders.textContent).toContain('社区敬老志愿服务')
    expect(byTestId('event-approved', elders).textContent).toBe('6 小时')
    expect(byTestId('event-pending', elders).textContent).toBe('待确认 1 小时')
    expect(elders.textContent).toContain('2月18日 周日 · 打卡 6 小时 · 已确认')
    expect(elders.textContent).toContain('2月19日 周一 · 补录 1 小时 · 待确认')

    await tap(byTestId('open-certificate'))
    expect(navigate).toHaveBeenCalledWith({ url: CERT })
  })

  test('no hours yet: zero and an explanation', async () => {
    serve({ 'hours.mine': () => myHours({ totalHours: 0, byYear: [], events: [] }) })
    await openPage(MINE)
    expect(byTestId('my-hours-total').textContent).toBe('0')
    expect(byTestId('empty-state').textContent).toContain('还没有志愿时长记录')
  })
})

describe('志愿服务证明', () => {
  let canvas: ReturnType<typeof installFakeCanvas>
  let clipboard: jest.SpyInstance

  beforeEach(() => {
    canvas = installFakeCanvas()
    clipboard = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok' } as never)
  })

  afterEach(() => {
    canvas.restore()
    clipboard.mockRestore()
  })

  test('asks for this year up to today (Shanghai) by default and draws the certificate with its code and disclaimer', async () => {
    const cert = certificate()
    serve({ 'hours.certificate': () => cert })
    await openPage(CERT)
    expect(byTestId('certificate-from').textContent).toBe('2024-01-01')
    expect(byTestId('certificate-to').textContent).toBe('2024-03-05')
    // Nothing is issued until asked.
    expect(callsOf(callFunctionMock, 'hours', 'certificate')).toEqual([])

    await tap(byTestId('certificate-issue'))
    expect(callsOf(callFunctionMock, 'hours', 'certificate')).toEqual([{ from: '2024-01-01', to: '2024-03-05' }])
    expect(byTestId('certificate-code').textContent).toBe('验证码 QJ7K2M-9XH4PD')

    const el = byTestId('certificate-canvas') as HTMLCanvasElement
    expect(el.tagName).toBe('CANVAS')
    expect([el.width, el.height]).toEqual([1500, 2400])
    const drawn = canvas.ctx().allText()
    expect(drawn).toContain('志愿服务证明')
    expect(drawn).toContain('验证码 QJ7K2M-9XH4PD')
    expect(drawn.join('')).toContain('李青')
    expect(drawn).toContain('青年公益林植树')
    expect(drawn).toContain('共青团镇江市润州区委员会')
    expect(drawn).toContain('2024年3月5日')
    // The disclaimer, printed plainly (wrapped over lines, every character kept).
    const start = drawn.findIndex((t) => cert.disclaimer.startsWith(t))
    expect(start).toBeGreaterThan(-1)
    expect(drawn.slice(start).join('')).toBe(cert.disclaimer)
    // Drawn at 2× for a sharp picture.
    expect(canvas.ctx().transforms[0]).toEqual([2, 0, 0, 2, 0, 0])

    await tap(byTestId('certificate-copy'))
    expect(clipboard).toHaveBeenCalledWith({ data: 'QJ7K2M-9XH4PD' })

    const clicks: { href: string | null; download: string | null }[] = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push({ href: this.getAttribute('href'), download: this.getAttribute('download') })
    })
    try {
      const save = Array.from(pageRoot().querySelectorAll<HTMLElement>('.taroify-button')).find(
        (b) => b.textContent?.trim() === '保存图片',
      )
      await tap(save as HTMLElement)
      expect(clicks).toEqual([{ href: 'data:image/png;base64,RkFLRQ==', download: '志愿服务证明-QJ7K2M-9XH4PD.png' }])
    } finally {
      click.mockRestore()
    }
  })

  test("just after midnight on New Year's Day in Shanghai the default period is the new year", async () => {
    freezeNow('2024-12-31T16:30:00.000Z')
    serve({ 'hours.certificate': () => certificate() })
    await openPage(CERT)
    await tap(byTestId('certificate-issue'))
    expect(callsOf(callFunctionMock, 'hours', 'certificate')).toEqual([{ from: '2025-01-01', to: '2025-01-01' }])
  })

  test('a chosen period is sent; a start after the end is refused before asking', async () => {
    serve({ 'hours.certificate': (d) => certificate(d as CertificateRequest) })
    await openPage(CERT)
    await pick('certificate-from', '2024-03-01')
    await pick('certificate-to', '2024-02-01')
    await tap(byTestId('certificate-issue'))
    expect(callsOf(callFunctionMock, 'hours', 'certificate')).toEqual([])
    expect(byTestId('form-error').textContent).toBe('开始日期不能晚于结束日期')

    await pick('certificate-to', '2024-03-04')
    await tap(byTestId('certificate-issue'))
    expect(callsOf(callFunctionMock, 'hours', 'certificate')).toEqual([{ from: '2024-03-01', to: '2024-03-04' }])
    expect(pageRoot().querySelector('[data-testid="form-error"]')).toBeNull()
  })

  test('PROFILE_INCOMPLETE: the message and a way to 个人资料; nothing is drawn', async () => {
    serve({
      'hours.certificate': () => {
        throw new ApiError('PROFILE_INCOMPLETE', '开具证明需要真实姓名，请先在个人资料中填写')
      },
    })
    await openPage(CERT)
    await tap(byTestId('certificate-issue'))
    const box = byTestId('certificate-profile-missing')
    expect(box.textContent).toContain('开具证明需要真实姓名，请先在个人资料中填写')
    expect(pageRoot().querySelector('[data-testid="certificate-canvas"]')).toBeNull()
    expect(pageRoot().querySelector('[data-testid="certificate-code"]')).toBeNull()
    await tap(byTestId('certificate-profile'))
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/mine/pages/profile/index' })
  })

  test('other failures show the server message', async () => {
    serve({
      'hours.certificate': () => {
        throw new ApiError('INVALID_INPUT', '开始日期不能晚于结束日期')
      },
    })
    await openPage(CERT)
    await tap(byTestId('certificate-issue'))
    expect(byTestId('form-error').textContent).toBe('开始日期不能晚于结束日期')
    expect(text()).not.toContain('去填写个人资料')
  })
})
