/**
 * 活动海报 (subpackage share): the poster of an activity, drawn on a canvas with its cover (or a band
 * in the theme's red with the category), title, time, place, organiser and the mini-program code from
 * activity.posterCode; 保存图片 downloads it in H5. And the pure layout: the title wraps to two lines.
 */
import { ApiError } from '@/services/cloud'
import { layoutPoster, POSTER_HEIGHT, POSTER_WIDTH, textWidth } from '@/packages/share/features/poster/layout'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { installFakeCanvas } from './support/fake-canvas'
import { byTestId, callsOf, tap } from './support/dom'
import { detail } from './support/fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const CODE_URL = '/files/codes/runzhou/poster-code.png?exp=1&sig=x'
const COVER = 'https://img.example.com/cover.jpg'

/** jsdom loads no images: this one "loads" on the next tick, 800 × 600. */
class LoadingImage {
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  crossOrigin = ''
  width = 800
  height = 600
  private url = ''
  get src() {
    return this.url
  }
  set src(value: string) {
    this.url = value
    setTimeout(() => this.onload?.(), 0)
  }
}

let canvas: ReturnType<typeof installFakeCanvas>
const RealImage = window.Image

beforeEach(() => {
  freezeNow('2024-03-06T04:00:00.000Z')
  callFunctionMock.mockReset()
  canvas = installFakeCanvas()
  window.Image = LoadingImage as unknown as typeof Image
})

afterEach(() => {
  canvas.restore()
  window.Image = RealImage
  jest.useRealTimers()
})

function serveActivity(coverUrl: string | null) {
  const a = detail({ title: '青年公益林植树', coverUrl, placeName: '南山风景区', phase: 'open' })
  serve({
    'activity.get': () => a,
    'activity.posterCode': () => ({
      activityId: a.id,
      scene: a.id.replace(/-/g, ''),
      page: 'pages/activity/index',
      codeUrl: CODE_URL,
    }),
  })
  return a
}

async function drawn(): Promise<void> {
  for (let i = 0; i < 10 && !text().includes('保存图片后'); i++) await settle()
}

test('draws the cover, the title, time, place, organiser and the code, and downloads the PNG', async () => {
  const a = serveActivity(COVER)
  await openPage(`/packages/share/pages/poster/index?id=${a.id}`)
  await drawn()
  expect(callsOf(callFunctionMock, 'activity', 'posterCode')).toEqual([{ id: a.id }])
  const el = byTestId('poster-canvas') as HTMLCanvasElement
  expect([el.width, el.height]).toEqual([POSTER_WIDTH * 2, POSTER_HEIGHT * 2])
  const ctx = canvas.ctx()
  const texts = ctx.allText()
  expect(texts).toContain('青年公益林植树')
  expect(texts).toEqual(expect.arrayContaining(['时间', '地点', '主办', '南山风景区', '区青年志愿者协会']))
  expect(texts).toContain('长按识别小程序码')
  expect(texts.join('|')).toContain('3月10日')
  // The cover fills the band (cropped from its 800 × 600), the code sits bottom right.
  expect(ctx.images.map((i) => (i.image as LoadingImage).src)).toEqual([COVER, CODE_URL])
  expect(texts).not.toContain(a.category.name)

  const clicks: { href: string | null; download: string | null }[] = []
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.getAttribute('href'), download: this.getAttribute('download') })
  })
  try {
    const save = Array.from(pageRoot().querySelectorAll<HTMLElement>('.taroify-button')).find(
      (b) => b.textContent?.trim() === '保存图片',
    )
    await tap(save as HTMLElement)
    expect(clicks).toEqual([{ href: 'data:image/png;base64,RkFLRQ==', download: '活动海报-青年公益林植树.png' }])
  } finally {
    click.mockRestore()
  }
})

test('without a cover the band is red with the category', async () => {
  const a = serveActivity(null)
  await openPage(`/packages/share/pages/poster/index?id=${a.id}`)
  await drawn()
  const ctx = canvas.ctx()
  expect(ctx.allText()).toContain(a.category.name)
  expect(ctx.images.map((i) => (i.image as LoadingImage).src)).toEqual([CODE_URL])
  expect(ctx.rects.some((r) => r.w === POSTER_WIDTH && r.h === 340)).toBe(true)
})

test('an activity that has no poster says so', async () => {
  const a = detail()
  serve({
    'activity.get': () => a,
    'activity.posterCode': () => {
      throw new ApiError('NOT_FOUND', '活动不存在或已下线')
    },
  })
  await openPage(`/packages/share/pages/poster/index?id=${a.id}`)
  await settle()
  expect(text()).toContain('活动不存在或已下线')
})

test('a long title wraps to two lines that fit, the second cut with …', () => {
  const title = '青年公益林植树暨“绿色润州”志愿服务行动启动仪式与青年环保知识讲座及交流联谊活动'
  const layout = layoutPoster(detail({ title }), false, new Date('2024-03-06T04:00:00.000Z'))
  expect(layout.titleLines).toHaveLength(2)
  expect(layout.titleLines[1].endsWith('…')).toBe(true)
  expect(title.startsWith(layout.titleLines.join('').slice(0, -1))).toBe(true)
  for (const op of layout.ops) {
    if (op.op !== 'text') continue
    expect(textWidth(op.text, op.size)).toBeLessThanOrEqual(op.maxWidth)
    expect(op.y).toBeLessThan(POSTER_HEIGHT)
  }
})
