/**
 * 心愿详情 (packages/wishes/pages/detail): 想参加 toggles (the server's count shown), the path with
 * the claiming unit and the event link once scheduled, the proposer's 撤回, the district admin's
 * 隐藏 with a reason, an organiser's way to 认领, and a refusal in the server's words.
 */
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, tap, typeInto } from './support/dom'
import { EVENT_ID, LINE_ID, UNIT_A, WISH_ID, detail } from './support/wish-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = `/packages/wishes/pages/detail/index?id=${WISH_ID}`
let navigate: jest.SpyInstance
let toast: jest.SpyInstance
let modal: jest.SpyInstance

beforeEach(() => {
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
  modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
})
afterEach(() => {
  navigate.mockRestore()
  toast.mockRestore()
  modal.mockRestore()
  jest.useRealTimers()
})

const steps = () =>
  Array.from(pageRoot().querySelectorAll('.wish-path__step--on .wish-path__name')).map((e) => e.textContent)

test('想参加 and taking it back: the server answers the count', async () => {
  let wanted = false
  serve({
    'wish.get': () => detail(),
    'wish.want': (d) => {
      wanted = (d as { want: boolean }).want
      return { wishId: WISH_ID, wanted, supporters: wanted ? 13 : 12 }
    },
  })
  await openPage(PAGE)
  await settle()
  expect(callsOf(callFunctionMock, 'wish', 'get')).toEqual([{ wishId: WISH_ID }])
  expect(byTestId('wish-count').textContent).toBe('12 人想参加（满 20 人将提交团区委）')
  expect(steps()).toEqual(['征集中'])
  expect(byTestId('wish-want-label').textContent).toBe('想参加')
  await tap(byTestId('wish-want'))
  await settle()
  expect(callsOf(callFunctionMock, 'wish', 'want')).toEqual([{ wishId: WISH_ID, want: true }])
  expect(byTestId('wish-count').textContent).toContain('13 人想参加')
  expect(byTestId('wish-want-label').textContent).toBe('已想参加（点击取消）')
  await tap(byTestId('wish-want'))
  await settle()
  expect(callsOf(callFunctionMock, 'wish', 'want').slice(-1)).toEqual([{ wishId: WISH_ID, want: false }])
  expect(byTestId('wish-count').textContent).toContain('12 人想参加')
  // Nobody here may claim, withdraw or hide.
  expect(allByTestId('wish-claim')).toHaveLength(0)
  expect(allByTestId('wish-withdraw')).toHaveLength(0)
  expect(allByTestId('wish-hide')).toHaveLength(0)
})

test('a refusal is shown in the server’s words', async () => {
  serve({
    'wish.get': () => detail(),
    'wish.want': () => {
      throw new ApiError('UNAUTHENTICATED', '请先登录')
    },
  })
  await openPage(PAGE)
  await settle()
  await tap(byTestId('wish-want'))
  await settle()
  expect(toast).toHaveBeenCalledWith({ title: '请先登录', icon: 'none' })
  expect(byTestId('wish-count').textContent).toContain('12 人想参加')
})

test('scheduled: the path names the unit, the line and the event, which opens', async () => {
  serve({
    'wish.get': () =>
      detail({
        stage: 'scheduled',
        supporters: 25,
        claimedBy: { unitId: UNIT_A, unitName: '中国邮政镇江分公司团委' },
        claimedAt: '2026-11-20T02:00:00.000Z',
        line: { id: LINE_ID, title: '邮政青年飞盘联谊', year: 2026, plannedMonth: 12 },
        event: {
          id: EVENT_ID,
          title: '飞盘联谊（第一期）',
          startAt: '2026-12-05T06:00:00.000Z',
          endAt: '2026-12-05T08:00:00.000Z',
        },
      }),
  })
  await openPage(PAGE)
  await settle()
  expect(byTestId('wish-stage').textContent).toBe('已排期')
  expect(steps()).toEqual(['征集中', '已认领', '已排期'])
  const path = byTestId('wish-path').textContent ?? ''
  expect(path).toContain('中国邮政镇江分公司团委 · 邮政青年飞盘联谊')
  expect(path).toContain('飞盘联谊（第一期）')
  expect(byTestId('wish-count').textContent).toBe('25 人想参加')
  await tap(byTestId('wish-event'))
  expect(navigate).toHaveBeenCalledWith({ url: `/pages/activity/index?id=${EVENT_ID}` })
})

test('the proposer withdraws after confirming', async () => {
  serve({
    'wish.get': () =>
      detail({ mine: { wanted: false, proposer: true, canWithdraw: true, canHide: false, claimUnits: [] } }),
    'wish.withdraw': () =>
      detail({
        state: 'withdrawn',
        mine: { wanted: false, proposer: true, canWithdraw: false, canHide: false, claimUnits: [] },
      }),
  })
  await openPage(PAGE)
  await settle()
  await tap(byTestId('wish-withdraw'))
  await settle()
  expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤回这个心愿？' }))
  expect(callsOf(callFunctionMock, 'wish', 'withdraw')).toEqual([{ wishId: WISH_ID }])
  expect(byTestId('wish-stage').textContent).toBe('已撤回')
  expect(allByTestId('wish-want')).toHaveLength(0)
  expect(allByTestId('wish-withdraw')).toHaveLength(0)
})

test('the district admin hides it with a reason; an organiser is offered 认领', async () => {
  serve({
    'wish.get': () =>
      detail({
        mine: {
          wanted: false,
          proposer: false,
          canWithdraw: false,
          canHide: true,
          claimUnits: [{ id: UNIT_A, name: '中国邮政镇江分公司团委' }],
        },
      }),
    'wish.hide': (d) => detail({ state: 'hidden', hiddenReason: (d as { reason: string }).reason }),
  })
  await openPage(PAGE)
  await settle()
  await tap(byTestId('wish-claim'))
  expect(navigate).toHaveBeenCalledWith({ url: `/packages/wishes/pages/claim/index?id=${WISH_ID}` })
  await tap(byTestId('wish-hide'))
  await typeInto('reason-input', '与青年活动无关')
  await tap(pageRoot().querySelector('.reason-dialog__confirm') as HTMLElement)
  await settle()
  expect(callsOf(callFunctionMock, 'wish', 'hide')).toEqual([{ wishId: WISH_ID, reason: '与青年活动无关' }])
  expect(byTestId('wish-stage').textContent).toBe('已隐藏')
  expect(text()).toContain('隐藏原因：与青年活动无关')
})
