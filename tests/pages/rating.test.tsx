/**
 * Ratings pages: the rating sheet (stars, tag chips, comment) reached from 我的活动's prompt, 我的评价,
 * and an event's anonymous ratings for its organisers (nothing but counts below 5 ratings).
 */
import Taro from '@tarojs/taro'
import type { EventRatingSummary, MyRatings } from '@api/rating'
import { ApiError } from '@/services/cloud'
import { rememberAgreed } from '@/features/privacy/consent'
import { openPage, pageRoot, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, tap, typeInto } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const RATE = '/packages/rating/pages/rate/index'
const MINE = '/packages/rating/pages/mine/index'
const EVENT = '/packages/rating/pages/event/index'
const MY_ACTIVITIES = '/packages/mine/pages/activities/index'
const A = 'aaaaaaaa-0000-4000-8000-000000000001'
const B = 'aaaaaaaa-0000-4000-8000-000000000002'

function mine(overrides: Partial<MyRatings> = {}): MyRatings {
  return {
    awaiting: [
      {
        activityId: A,
        title: '青年读书会：《平凡的世界》',
        unitName: '甲单位团委',
        endAt: '2026-11-24T04:00:00.000Z',
        rateUntil: '2026-12-01T16:00:00.000Z',
      },
    ],
    ratings: [
      {
        activityId: B,
        title: '植树节公益林',
        unitName: '乙单位团委',
        endAt: '2026-11-20T04:00:00.000Z',
        stars: 4,
        tags: ['come_again', 'well_organised'],
        comment: '很有意义',
        editableUntil: '2026-11-27T16:00:00.000Z',
        editable: true,
      },
    ],
    ...overrides,
  }
}

function button(label: string): HTMLElement {
  const b = Array.from(pageRoot().querySelectorAll<HTMLElement>('.taroify-button')).find(
    (e) => e.textContent?.trim() === label,
  )
  if (!b) throw new Error(`no button ${label}`)
  return b
}

let navigate: jest.SpyInstance
let back: jest.SpyInstance
let modal: jest.SpyInstance

beforeEach(() => {
  rememberAgreed()
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  back = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' } as never)
  modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
})

afterEach(() => {
  navigate.mockRestore()
  back.mockRestore()
  modal.mockRestore()
  jest.useRealTimers()
})

describe('the rating sheet', () => {
  test('stars, tag chips and a comment are sent as one rating', async () => {
    serve({ 'rating.mine': () => mine(), 'rating.rate': (d) => ({ ...mine().ratings[0], ...(d as object) }) })
    await openPage(`${RATE}?id=${A}`)
    expect(byTestId('rate-title').textContent).toBe('青年读书会：《平凡的世界》')
    expect(byTestId('rate-until').textContent).toBe('可评价至12月1日')
    // Nothing to send before a star is lit.
    expect(button('提交评价').className).toContain('taroify-button--disabled')
    await tap(byTestId('rate-star-4'))
    expect(byTestId('rate-star-word').textContent).toBe('满意')
    expect(allByTestId('rate-stars')[0].textContent).toBe('★★★★☆')
    await tap(byTestId('rate-tag-rich_content'))
    await tap(byTestId('rate-tag-come_again'))
    await tap(byTestId('rate-tag-rich_content')) // off again
    await typeInto('rate-comment', '  下次还来  ')
    expect(button('提交评价').className).not.toContain('taroify-button--disabled')
    await tap(button('提交评价'))
    expect(callsOf(callFunctionMock, 'rating', 'rate')).toEqual([
      { activityId: A, stars: 4, tags: ['come_again'], comment: '下次还来' },
    ])
    expect(back).toHaveBeenCalled()
  })

  test('a rating I gave is prefilled and can be changed', async () => {
    serve({ 'rating.mine': () => mine(), 'rating.rate': () => mine().ratings[0] })
    await openPage(`${RATE}?id=${B}`)
    expect(allByTestId('rate-stars')[0].textContent).toBe('★★★★☆')
    expect(byTestId('rate-tag-come_again').className).toContain('rating__chip--on')
    await tap(byTestId('rate-star-2'))
    await tap(button('修改评价'))
    expect(callsOf(callFunctionMock, 'rating', 'rate')).toEqual([
      { activityId: B, stars: 2, tags: ['come_again', 'well_organised'], comment: '很有意义' },
    ])
  })

  test('an event I cannot rate says who can; a refusal is shown in the server’s words', async () => {
    serve({ 'rating.mine': () => mine({ awaiting: [], ratings: [] }) })
    await openPage(`${RATE}?id=${A}`)
    expect(text()).toContain('只有参加了活动（已签到）的人，在活动结束 7 天内可以评价')

    serve({
      'rating.mine': () => mine(),
      'rating.rate': () => {
        throw new ApiError('RATING_CLOSED', '评价已截止：活动结束 7 天内可以评价')
      },
    })
    await openPage(`${RATE}?id=${A}&again=1`)
    await tap(byTestId('rate-star-5'))
    await tap(button('提交评价'))
    expect(back).not.toHaveBeenCalled()
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '提交失败', content: '评价已截止：活动结束 7 天内可以评价' }),
    )
  })
})

describe('我的评价 and 我的活动’s prompt', () => {
  test('lists events awaiting my rating and the ratings I gave', async () => {
    serve({ 'rating.mine': () => mine() })
    await openPage(MINE)
    const waiting = allByTestId('awaiting-item')
    expect(waiting).toHaveLength(1)
    expect(waiting[0].textContent).toContain('甲单位团委 · 11月24日结束 · 可评价至12月1日')
    const given = allByTestId('my-rating')
    expect(byTestId('my-rating-stars', given[0]).textContent).toBe('★★★★☆')
    expect(given[0].textContent).toContain('想再参加 · 组织有序')
    await tap(waiting[0])
    await tap(byTestId('my-rating-edit', given[0]))
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual([`${RATE}?id=${A}`, `${RATE}?id=${B}`])
  })

  test('我的活动 asks me to rate a finished event, and stays quiet when nothing awaits', async () => {
    serve({ 'rating.mine': () => mine(), 'signup.myList': () => ({ items: [] }) })
    await openPage(MY_ACTIVITIES)
    expect(byTestId('rating-prompt').textContent).toContain('「青年读书会：《平凡的世界》」已结束，说说你的感受吧')
    await tap(byTestId('rating-prompt'))
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual([`${RATE}?id=${A}`])

    serve({ 'rating.mine': () => mine({ awaiting: [] }), 'signup.myList': () => ({ items: [] }) })
    await openPage(`${MY_ACTIVITIES}?again=1`)
    expect(pageRoot().querySelector('[data-testid="rating-prompt"]')).toBeNull()
  })
})

describe('an event’s ratings for its organisers', () => {
  const summary = (overrides: Partial<EventRatingSummary>): EventRatingSummary => ({
    activityId: A,
    title: '青年读书会：《平凡的世界》',
    minimum: 5,
    count: 4,
    attended: 10,
    responseRate: 0.4,
    average: null,
    distribution: null,
    tags: null,
    comments: null,
    ...overrides,
  })

  test('below 5 ratings: the count and the reason, no average or comments', async () => {
    serve({ 'rating.eventSummary': () => summary({}) })
    await openPage(`${EVENT}?id=${A}`)
    expect(callsOf(callFunctionMock, 'rating', 'eventSummary')).toEqual([{ activityId: A }])
    expect(byTestId('event-counts').textContent).toBe('4 人评价 · 10 人参加 · 参评率 40%')
    expect(byTestId('event-hidden').textContent).toContain('评价满 5 人后显示平均分、分布和留言')
    expect(allByTestId('event-average')).toHaveLength(0)
    expect(allByTestId('event-comment')).toHaveLength(0)
  })

  test('at 5 or more: the average, the distribution as bars, tags and anonymous comments', async () => {
    serve({
      'rating.eventSummary': () =>
        summary({
          count: 5,
          responseRate: 0.5,
          average: 4.2,
          distribution: [0, 0, 1, 2, 2],
          tags: [{ tag: 'come_again', count: 3 }],
          comments: ['希望多办', '内容很好'],
        }),
    })
    await openPage(`${EVENT}?id=${A}&n=5`)
    expect(byTestId('event-average').textContent).toBe('4.2')
    const widths = Array.from(pageRoot().querySelectorAll<HTMLElement>('.rating__bar-fill')).map((b) => b.style.width)
    expect(widths).toEqual(['100.0%', '100.0%', '50.0%', '0.0%', '0.0%'])
    expect(allByTestId('event-tag').map((t) => t.textContent)).toEqual(['想再参加 3'])
    expect(allByTestId('event-comment').map((c) => c.textContent)).toEqual(['希望多办', '内容很好'])
  })

  test('another unit’s organiser is told why not', async () => {
    serve({
      'rating.eventSummary': () => {
        throw new ApiError('FORBIDDEN', '只有活动所属单位的组织者或团区委可以查看评价')
      },
    })
    await openPage(`${EVENT}?id=${A}&n=x`)
    expect(text()).toContain('只有活动所属单位的组织者或团区委可以查看评价')
  })
})
