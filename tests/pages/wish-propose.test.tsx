/**
 * 提心愿 (packages/wishes/pages/propose): the form checks what it can, sends title, category code,
 * text and the chosen months in order, shows the server's refusal (content, limits) and opens the
 * new wish.
 */
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/cloud'
import { openPage, settle } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { allByTestId, byTestId, byText, callsOf, pick, tap, typeInto } from './support/dom'
import { WISH_ID, categories, detail } from './support/wish-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = '/packages/wishes/pages/propose/index'
let redirect: jest.SpyInstance
let toast: jest.SpyInstance

beforeEach(() => {
  callFunctionMock.mockReset()
  redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never)
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
})
afterEach(() => {
  redirect.mockRestore()
  toast.mockRestore()
})

test('missing title and category are caught before any call', async () => {
  serve({ 'activity.categories': () => categories })
  await openPage(PAGE)
  await settle()
  await tap(byTestId('propose-submit'))
  expect(byTestId('form-error').textContent).toBe('请完善心愿内容')
  expect(byTestId('propose-form').textContent).toContain('请选择活动类别')
  expect(callsOf(callFunctionMock, 'wish', 'propose')).toHaveLength(0)
})

test('a refusal in the server’s words; then the wish is sent and opened', async () => {
  let refuse = true
  serve({
    'activity.categories': () => categories,
    'wish.propose': () => {
      if (refuse) {
        refuse = false
        throw new ApiError('CONFLICT', '你已有 5 个征集中的心愿，等它们被认领或撤回后再提吧')
      }
      return detail()
    },
  })
  await openPage(PAGE)
  await settle()
  await typeInto('input-title', '周末飞盘体验课')
  await pick('picker-category', 2)
  await typeInto('input-body', '想在周末和大家一起学飞盘。')
  await tap(byText('.propose__month', '9月'))
  await tap(byText('.propose__month', '4月'))
  await tap(byText('.propose__month', '5月'))
  await tap(byText('.propose__month', '9月'))
  expect(
    allByTestId('propose-month')
      .filter((m) => m.className.includes('--on'))
      .map((m) => m.textContent),
  ).toEqual(['4月', '5月'])
  await tap(byTestId('propose-submit'))
  await settle()
  expect(byTestId('form-error').textContent).toBe('你已有 5 个征集中的心愿，等它们被认领或撤回后再提吧')
  await tap(byTestId('propose-submit'))
  await settle()
  expect(callsOf(callFunctionMock, 'wish', 'propose')).toEqual([
    { title: '周末飞盘体验课', category: 'social_mixer', body: '想在周末和大家一起学飞盘。', months: [4, 5] },
    { title: '周末飞盘体验课', category: 'social_mixer', body: '想在周末和大家一起学飞盘。', months: [4, 5] },
  ])
  expect(toast).toHaveBeenCalledWith({ title: '心愿已发布', icon: 'none' })
  expect(redirect).toHaveBeenCalledWith({ url: `/packages/wishes/pages/detail/index?id=${WISH_ID}` })
})
