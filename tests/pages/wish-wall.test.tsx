/**
 * 心愿墙 (packages/wishes/pages/wall): newest and most wanted tabs, the category and stage filters sent
 * to the server, the stages in Chinese, the next page by its cursor, and the way to a wish and to 提心愿.
 */
import Taro from '@tarojs/taro'
import { openPage, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { allByTestId, byTestId, byText, callsOf, tap } from './support/dom'
import { WISH_ID, categories, summary } from './support/wish-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = '/packages/wishes/pages/wall/index'
let navigate: jest.SpyInstance

beforeEach(() => {
  callFunctionMock.mockReset()
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})
afterEach(() => navigate.mockRestore())

const second = summary({
  id: 'b1b2b3b4-0000-4000-8000-000000000002',
  title: '职场读书分享会',
  stage: 'claimed',
  supporters: 30,
  claimedBy: { unitId: 'u', unitName: '中国邮政镇江分公司团委' },
})

test('newest first; the tabs, category and stage go to the server; a card opens its wish', async () => {
  serve({
    'activity.categories': () => categories,
    'wish.list': (d) => {
      const req = d as { order: string; cursor?: string }
      if (req.cursor) return { items: [second], nextCursor: null, threshold: 20 }
      return { items: req.order === 'wanted' ? [second, summary()] : [summary()], nextCursor: 'c1', threshold: 20 }
    },
  })
  await openPage(PAGE)
  await settle()
  expect(callsOf(callFunctionMock, 'wish', 'list')).toEqual([{ order: 'newest', limit: 20 }])
  expect(text()).toContain('满 20 人想参加将提交团区委')
  expect(allByTestId('wish-card')[0].textContent).toContain('周末飞盘体验课')
  expect(allByTestId('wish-stage').map((e) => e.textContent)).toEqual(['征集中'])
  expect(allByTestId('wish-count')[0].textContent).toBe('12 人想参加')
  expect(allByTestId('wish-card')[0].textContent).toContain('希望时间：4月、5月')

  // The next page by the cursor, appended.
  await tap(byTestId('list-footer'))
  await settle()
  expect(callsOf(callFunctionMock, 'wish', 'list').slice(-1)).toEqual([{ order: 'newest', limit: 20, cursor: 'c1' }])
  expect(allByTestId('wish-stage').map((e) => e.textContent)).toEqual(['征集中', '已认领'])
  expect(allByTestId('wish-card')[1].textContent).toContain('认领：中国邮政镇江分公司团委')

  await tap(byText('.taroify-tabs__tab', '最想参加'))
  await settle()
  expect(callsOf(callFunctionMock, 'wish', 'list').slice(-1)).toEqual([{ order: 'wanted', limit: 20 }])
  expect(allByTestId('wish-card')[0].textContent).toContain('职场读书分享会')

  await tap(byText('.taroify-tabs__tab', '读书会'))
  await tap(byText('.wishes__chip', '已排期'))
  await settle()
  expect(callsOf(callFunctionMock, 'wish', 'list').slice(-1)).toEqual([
    { order: 'wanted', limit: 20, category: 'reading_club', stage: 'scheduled' },
  ])

  await tap(allByTestId('wish-card')[1])
  expect(navigate).toHaveBeenCalledWith({ url: `/packages/wishes/pages/detail/index?id=${WISH_ID}` })
  await tap(byTestId('wish-propose'))
  expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/wishes/pages/propose/index' })
})

test('an empty wall invites the first wish; a filtered one says nothing matches', async () => {
  serve({
    'activity.categories': () => categories,
    'wish.list': () => ({ items: [], nextCursor: null, threshold: 20 }),
  })
  await openPage(PAGE)
  await settle()
  expect(byTestId('empty-state').textContent).toContain('还没有心愿，来提第一个吧')
  await tap(byText('.wishes__chip', '已举办'))
  await settle()
  expect(byTestId('empty-state').textContent).toContain('没有符合条件的心愿')
})
