/**
 * 认领心愿 (packages/wishes/pages/claim): an organiser sees their unit's lines of the year (and next
 * year's), picks one, claims; a refusal (another unit claimed it first) is shown; someone who may
 * not claim is told so.
 */
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/cloud'
import { openPage, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, byText, callsOf, tap } from './support/dom'
import { LINE_ID, UNIT_A, WISH_ID, detail } from './support/wish-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = `/packages/wishes/pages/claim/index?id=${WISH_ID}`
let redirect: jest.SpyInstance
let toast: jest.SpyInstance

const organiser = detail({
  mine: {
    wanted: false,
    proposer: false,
    canWithdraw: false,
    canHide: false,
    claimUnits: [{ id: UNIT_A, name: '中国邮政镇江分公司团委' }],
  },
})

const line = (id: string, title: string, plannedMonth: number) => ({
  id,
  title,
  year: 2026,
  plannedMonth,
  categoryName: '交友联谊',
  planStatus: 'published' as const,
  wishes: 0,
})

beforeEach(() => {
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never)
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
})
afterEach(() => {
  redirect.mockRestore()
  toast.mockRestore()
  jest.useRealTimers()
})

test('pick a line of the unit’s list and claim; a refusal first is shown in the server’s words', async () => {
  let first = true
  serve({
    'wish.get': () => organiser,
    'wish.claimLines': (d) => ({
      items:
        (d as { year: number }).year === 2026
          ? [line('aaaaaaaa-0000-4000-8000-000000000001', '邮政青年读书会', 11), line(LINE_ID, '邮政青年飞盘联谊', 12)]
          : [],
    }),
    'wish.claim': () => {
      if (first) {
        first = false
        throw new ApiError('CONFLICT', '这个心愿已被认领')
      }
      return detail({ stage: 'claimed' })
    },
  })
  await openPage(PAGE)
  await settle()
  expect(callsOf(callFunctionMock, 'wish', 'claimLines')).toEqual([{ unitId: UNIT_A, year: 2026 }])
  expect(text()).toContain('中国邮政镇江分公司团委')
  expect(allByTestId('claim-line').map((l) => l.textContent)).toEqual([
    '邮政青年读书会交友联谊 · 计划 11 月',
    '邮政青年飞盘联谊交友联谊 · 计划 12 月',
  ])
  // Nothing chosen: said, not sent.
  await tap(byTestId('claim-submit'))
  expect(byTestId('form-error').textContent).toBe('请选择清单条目')
  await tap(allByTestId('claim-line')[1])
  await tap(byTestId('claim-submit'))
  await settle()
  expect(byTestId('form-error').textContent).toBe('这个心愿已被认领')
  await tap(byTestId('claim-submit'))
  await settle()
  expect(callsOf(callFunctionMock, 'wish', 'claim')).toEqual([
    { wishId: WISH_ID, planLineId: LINE_ID },
    { wishId: WISH_ID, planLineId: LINE_ID },
  ])
  expect(toast).toHaveBeenCalledWith({ title: '已认领', icon: 'none' })
  expect(redirect).toHaveBeenCalledWith({ url: `/packages/wishes/pages/detail/index?id=${WISH_ID}` })

  // Next year's list has no lines yet.
  await openPage(PAGE)
  await settle()
  await tap(byText('.claim__chip', '2027 年'))
  await settle()
  expect(callsOf(callFunctionMock, 'wish', 'claimLines').slice(-1)).toEqual([{ unitId: UNIT_A, year: 2027 }])
  expect(byTestId('empty-state').textContent).toContain('本单位 2027 年的年度清单还没有条目')
})

test('someone who organises no unit is told only organisers claim', async () => {
  serve({ 'wish.get': () => detail() })
  await openPage(PAGE)
  await settle()
  expect(byTestId('empty-state').textContent).toContain('只有成员单位的组织者可以认领心愿')
  expect(callsOf(callFunctionMock, 'wish', 'claimLines')).toHaveLength(0)
})
