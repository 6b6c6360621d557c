/**
 * Home cards (issue 16): a picture on every card (the cover, else the category's illustration),
 * "N 人已报名" with up to three circles (avatars, then neutral ones), 附近 with the distance on each
 * card, the same header on the detail page, and the avatar on 个人资料.
 */
import Taro from '@tarojs/taro'
import type { Profile } from '@api/signup'
import { rememberAgreed } from '@/features/privacy/consent'
import { useActivityListStore } from '@/features/activities/store/activity-list'
import { artFor, artUrl } from '@/features/activities/illustrations'
import { distanceText } from '@/features/activities/distance'
import { NO_LOCATION } from '@/features/activities/hooks/useNearby'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, listCalls, serve } from './support/cloud-mock'
import { card, categories, detail } from './support/fixtures'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, tap } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))
jest.mock('@/services/files', () => ({
  ...jest.requireActual('@/services/files'),
  uploadPrivate: jest.fn(async (t: { cloudPath: string }) => `local://${t.cloudPath}`),
}))

const HOME = '/pages/index/index'
const cards = () => allByTestId('activity-card')
const within = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const within_all = (el: HTMLElement, id: string) =>
  Array.from(el.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`))
/** The address an <Image> shows (Taro's H5 image draws an <img> inside). */
const srcOf = (el: HTMLElement | null) => (el?.querySelector('img') ?? el)?.getAttribute('src') ?? null

/** jsdom has no IntersectionObserver: Taro's lazy <Image> on H5 waits for one; everything is in view here. */
class InView {
  constructor(private readonly report: (entries: unknown[], observer: unknown) => void) {}
  observe(target: Element) {
    this.report([{ isIntersecting: true, intersectionRatio: 1, target }], this)
  }
  unobserve() {}
  disconnect() {}
}
;(globalThis as { IntersectionObserver?: unknown }).IntersectionObserver ??= InView

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
  useActivityListStore.getState().reset()
})

afterEach(() => jest.useRealTimers())

describe('the card', () => {
  test('the uploaded cover when there is one, else the category’s illustration', async () => {
    serve({
      'activity.categories': () => ({ items: categories }),
      'activity.list': () => ({
        items: [
          card({ title: '有封面', coverUrl: '/files/images/x.jpg?exp=1&sig=s' }),
          card({ title: '志愿服务无封面' }),
          card({
            title: '植树无封面',
            category: { code: 'tree_planting', name: '植树/公益林', awardsServiceHours: true },
          }),
          card({ title: '新分类', category: { code: 'brand_new', name: '其他', awardsServiceHours: false } }),
        ],
        nextCursor: null,
      }),
    })
    await openPage(HOME)
    const [withCover, volunteer, tree, other] = cards().map((c) => within(c, 'activity-picture'))
    expect(withCover?.dataset.kind).toBe('cover')
    expect(srcOf(withCover)).toBe('/files/images/x.jpg?exp=1&sig=s')
    for (const [el, art] of [
      [volunteer, 'heart'],
      [tree, 'tree'],
      [other, 'flag'],
    ] as const) {
      expect(el?.dataset.kind).toBe('illustration')
      expect(srcOf(el)).toBe(artUrl(art))
    }
    expect(artUrl('heart')).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(new Set(['heart', 'tree', 'flag'].map((a) => artUrl(a as 'heart')))).toHaveProperty('size', 3)
  })

  test('a cover that fails to load falls back to the illustration', async () => {
    serve({
      'activity.categories': () => ({ items: categories }),
      'activity.list': () => ({ items: [card({ coverUrl: '/files/gone.jpg' })], nextCursor: null }),
    })
    await openPage(HOME)
    const picture = within(cards()[0], 'activity-picture')!
    ;(picture.querySelector('img') ?? picture).dispatchEvent(new Event('error'))
    await settle()
    expect(within(cards()[0], 'activity-picture')?.dataset.kind).toBe('illustration')
  })

  test('"N 人已报名" with the avatars people set, then neutral circles, three at most', async () => {
    serve({
      'activity.categories': () => ({ items: categories }),
      'activity.list': () => ({
        items: [
          card({ title: '多人', signedUp: 18, avatars: ['/files/avatars/a.jpg?sig=1', '/files/avatars/b.jpg?sig=2'] }),
          card({ title: '一人', signedUp: 1, avatars: [] }),
          card({ title: '无人', signedUp: 0, avatars: [] }),
        ],
        nextCursor: null,
      }),
    })
    await openPage(HOME)
    const [many, one, none] = cards()
    expect(within(many, 'signed-up')?.textContent).toBe('18 人已报名')
    expect(within_all(many, 'signed-up-avatar').map(srcOf)).toEqual([
      '/files/avatars/a.jpg?sig=1',
      '/files/avatars/b.jpg?sig=2',
    ])
    expect(within_all(many, 'signed-up-blank')).toHaveLength(1)
    expect(within(one, 'signed-up')?.textContent).toBe('1 人已报名')
    expect(within_all(one, 'signed-up-avatar')).toHaveLength(0)
    expect(within_all(one, 'signed-up-blank')).toHaveLength(1)
    expect(within(none, 'signed-up')?.textContent).toBe('暂无人报名')
    expect(within_all(none, 'signed-up-blank')).toHaveLength(0)
    // The seats stay beside it.
    expect(many.textContent).toContain('剩余 12 席 / 共 30 席')
  })

  test('the distance when the list is by distance, in 米 or 公里', async () => {
    serve({
      'activity.categories': () => ({ items: categories }),
      'activity.list': () => ({
        items: [
          card({ distanceMeters: 800 }),
          card({ distanceMeters: 1234 }),
          card({ distanceMeters: 5000 }),
          card({ distanceMeters: null }),
        ],
        nextCursor: null,
      }),
    })
    await openPage(HOME)
    expect(cards().map((c) => within(c, 'card-distance')?.textContent ?? null)).toEqual([
      '800 米',
      '1.2 公里',
      '5 公里',
      null,
    ])
  })

  test('distance words', () => {
    expect([0, 4, 96, 804, 996, 1000, 1049, 9940, 9960, 12_400, 123_456].map(distanceText)).toEqual([
      '10 米',
      '10 米',
      '100 米',
      '800 米',
      '1 公里',
      '1 公里',
      '1 公里',
      '9.9 公里',
      '10 公里',
      '12 公里',
      '123 公里',
    ])
  })

  test('illustrations by code, else by words in the name', () => {
    expect(artFor({ code: 'reading_club', name: '读书会' })).toBe('book')
    expect(artFor({ code: 'x_new', name: '青年创新创业大赛' })).toBe('bulb')
    expect(artFor({ code: 'x_other', name: '其他' })).toBe('flag')
  })
})

describe('附近', () => {
  let getLocation: jest.SpyInstance
  let toast: jest.SpyInstance
  beforeEach(() => {
    getLocation = jest.spyOn(Taro, 'getLocation')
    toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
    serve({
      'activity.categories': () => ({ items: categories }),
      'activity.list': (data) => {
        const near = (data as { near?: unknown }).near
        return {
          items: near
            ? [card({ title: '最近的', distanceMeters: 300 }), card({ title: '远一点', distanceMeters: 2600 })]
            : [card({ title: '按时间' })],
          nextCursor: null,
        }
      },
    })
  })
  afterEach(() => {
    getLocation.mockRestore()
    toast.mockRestore()
  })

  test('asks for the location, then lists by distance from there; tapped again, back to start order', async () => {
    // H5 knows WGS-84 only: the point sent is shifted to GCJ-02 (a few hundred metres in Zhenjiang).
    getLocation.mockResolvedValue({ latitude: 32.2, longitude: 119.45 } as never)
    await openPage(HOME)
    expect(byTestId('near-toggle').textContent).toBe('附近')
    expect(byTestId('near-toggle').getAttribute('aria-checked')).toBe('false')

    await tap(byTestId('near-toggle'))
    await settle()

    expect(getLocation).toHaveBeenCalledWith({ type: 'wgs84' })
    const asked = listCalls()[1]
    expect(asked).toMatchObject({ limit: 20, status: 'active' })
    expect(asked.near!.latitude).toBeCloseTo(32.198, 2)
    expect(asked.near!.longitude).toBeCloseTo(119.455, 2)
    expect(Math.abs(asked.near!.latitude - 32.2) + Math.abs(asked.near!.longitude - 119.45)).toBeGreaterThan(0.001)
    expect(cards().map((c) => within(c, 'card-distance')?.textContent)).toEqual(['300 米', '2.6 公里'])
    expect(byTestId('near-toggle').getAttribute('aria-checked')).toBe('true')

    await tap(byTestId('near-toggle'))
    expect(listCalls()[2]).toEqual({ limit: 20, status: 'active' })
    expect(text()).toContain('按时间')
    expect(allByTestId('card-distance')).toHaveLength(0)
  })

  test('refused: a Chinese toast, and the list stays as it was', async () => {
    getLocation.mockRejectedValue(new Error('getLocation:fail auth deny'))
    await openPage(HOME)
    await tap(byTestId('near-toggle'))
    await settle()
    expect(toast).toHaveBeenCalledWith({ title: NO_LOCATION, icon: 'none' })
    expect(NO_LOCATION).toMatch(/^[\u4e00-\u9fff，]+$/)
    expect(listCalls()).toHaveLength(1)
    expect(text()).toContain('按时间')
    expect(byTestId('near-toggle').getAttribute('aria-checked')).toBe('false')
  })

  test('the next page keeps asking by distance', async () => {
    getLocation.mockResolvedValue({ latitude: 32.2, longitude: 119.45 } as never)
    serve({
      'activity.categories': () => ({ items: categories }),
      'activity.list': (data) => {
        const d = data as { cursor?: string }
        return d.cursor
          ? { items: [card({ title: '第二页', distanceMeters: 9000 })], nextCursor: null }
          : { items: [card({ title: '第一页', distanceMeters: 10 })], nextCursor: 'near-cursor' }
      },
    })
    await openPage(HOME)
    await tap(byTestId('near-toggle'))
    await settle()
    await useActivityListStore.getState().loadMore()
    await settle()
    expect(listCalls()[2]).toMatchObject({ cursor: 'near-cursor', near: listCalls()[1].near })
    expect(text()).toContain('第二页')
  })
})

describe('the detail header', () => {
  const ID = '11111111-2222-4333-8444-555555555555'
  test('the picture and "N 人已报名" with the avatars under the title', async () => {
    serve({
      'activity.get': () =>
        detail({ id: ID, signedUp: 35, avatars: ['/files/avatars/a.jpg?sig=1'], coverUrl: null, title: '社区敬老' }),
      'signup.summary': () => null,
      'signup.mine': () => null,
    })
    await openPage(`/pages/activity/index?id=${ID}`)
    const root = byTestId('activity-detail')
    expect(within(root, 'activity-picture')?.dataset.kind).toBe('illustration')
    // The banner frame: the motif centred in the wide header, not a square cropped.
    expect(srcOf(within(root, 'activity-picture'))).toBe(artUrl('heart', 'banner'))
    expect(artUrl('heart', 'banner')).not.toBe(artUrl('heart'))
    expect(within(root, 'signed-up')?.textContent).toBe('35 人已报名')
    expect(within_all(root, 'signed-up-avatar').map(srcOf)).toEqual(['/files/avatars/a.jpg?sig=1'])
    expect(within_all(root, 'signed-up-blank')).toHaveLength(2)
  })
})

describe('头像 on 个人资料', () => {
  const PROFILE = '/packages/mine/pages/profile/index'
  const base: Profile = {
    realName: '李青',
    phone: '13900000042',
    phoneVerified: true,
    guardian: null,
    birthDate: null,
    gender: null,
    leagueMember: false,
    idType: null,
    attendanceRate: null,
    attended: 0,
    noShows: 0,
    avatarUrl: null,
  }
  let choose: jest.SpyInstance
  beforeEach(() => {
    rememberAgreed()
    choose = jest.spyOn(Taro, 'chooseImage').mockResolvedValue({
      tempFilePaths: ['blob:me.png'],
      tempFiles: [{ path: 'blob:me.png', size: 10, type: 'image/png' }],
      errMsg: 'chooseImage:ok',
    } as never)
    let avatar: string | null = null
    serve({
      'signup.profile': () => ({ ...base, avatarUrl: avatar }),
      'signup.avatarUpload': () => ({ cloudPath: 'avatars/0123/abcd.png', uploadUrl: '/upload/x' }),
      'signup.updateProfile': (d) => {
        const a = (d as { avatar?: string | null }).avatar
        if (a !== undefined) avatar = a ? `/files/${a.replace('local://', '')}?sig=1` : null
        return { ...base, avatarUrl: avatar }
      },
    })
  })
  afterEach(() => choose.mockRestore())

  test('set from the photo picker on H5: uploaded to the name the server gave, saved, shown; 移除 takes it off', async () => {
    await openPage(PROFILE)
    expect(byTestId('my-avatar-blank')).toBeTruthy()
    expect(byTestId('choose-avatar').textContent).toContain('设置头像')

    await tap(byTestId('choose-avatar'))
    await settle()

    expect(callsOf(callFunctionMock, 'signup', 'avatarUpload')).toEqual([{ file: 'png' }])
    expect(callsOf(callFunctionMock, 'signup', 'updateProfile')).toEqual([{ avatar: 'local://avatars/0123/abcd.png' }])
    expect(srcOf(byTestId('my-avatar'))).toBe('/files/avatars/0123/abcd.png?sig=1')
    expect(byTestId('choose-avatar').textContent).toContain('更换头像')

    await tap(byTestId('remove-avatar'))
    await settle()
    expect(callsOf(callFunctionMock, 'signup', 'updateProfile')[1]).toEqual({ avatar: null })
    expect(byTestId('my-avatar-blank')).toBeTruthy()
    expect(pageRoot().querySelector('[data-testid="remove-avatar"]')).toBeNull()
  })

  test('closing the picker changes nothing', async () => {
    choose.mockRejectedValue(new Error('chooseImage:fail cancel'))
    await openPage(PROFILE)
    await tap(byTestId('choose-avatar'))
    await settle()
    expect(callsOf(callFunctionMock, 'signup', 'avatarUpload')).toEqual([])
    expect(callsOf(callFunctionMock, 'signup', 'updateProfile')).toEqual([])
  })
})
