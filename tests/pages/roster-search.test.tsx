/** The roster's search and filters, and 发送通知 (a notice to everyone confirmed) with its history. */
import Taro from '@tarojs/taro'
import type { ManagedActivity } from '@api/activity'
import type { ActivityNotice, RosterPage } from '@api/signup'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { detail } from './support/fixtures'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, confirmInput, tap, typeInto } from './support/dom'
import { ACT, rosterEntry, summary } from './support/signup-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const ROSTER = `/packages/organiser/pages/roster/index?id=${ACT}`
const R2 = '44444444-5555-4666-8777-888888888888'

function managed(): ManagedActivity {
  return {
    ...detail({ id: ACT, title: '青年读书会', capacity: 30, startAt: '2024-03-10T01:00:00.000Z' }),
    state: 'published',
    seatsTaken: 2,
    coverSource: null,
    cancelReason: null,
    publishedAt: '2024-03-01T00:00:00Z',
    updatedAt: '2024-03-01T00:00:00Z',
  }
}

function notice(overrides: Partial<ActivityNotice> = {}): ActivityNotice {
  return {
    id: 'n1',
    kind: 'time',
    text: '改为下午两点开始',
    sentAt: '2024-03-05T02:00:00.000Z',
    sentBy: { userId: 'o1', nickname: '陆老师' },
    recipients: 12,
    unreachable: 3,
    ...overrides,
  }
}

const WANG = rosterEntry({ person: { ...rosterEntry().person, realName: '王明', phone: '13800001234' } })
const LI = rosterEntry({ id: R2, state: 'waitlisted', person: { ...rosterEntry().person, realName: '李红' } })

function page(items = [WANG, LI], extra: Partial<RosterPage> = {}): RosterPage {
  return { items, nextCursor: null, counts: { confirmed: 1, waitlisted: 1 }, checkinOpen: false, ...extra }
}

let modal: jest.SpyInstance
let navigate: jest.SpyInstance

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
  modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})

afterEach(() => {
  modal.mockRestore()
  navigate.mockRestore()
  jest.useRealTimers()
})

const rosterCalls = () => callsOf(callFunctionMock, 'signup', 'roster')
const chips = (testId: string) =>
  Array.from(byTestId(testId).children).map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())

describe('search and filters', () => {
  test('a name or phone tail is searched on the server; the chips count what was found; nothing found reads 没有符合条件的报名', async () => {
    serve({
      'activity.manageGet': () => managed(),
      'signup.summary': () => summary({ counts: { confirmed: 20, waitlisted: 4, cancelled: 2 } }),
      'signup.notices': () => ({ items: [], leftToday: 3 }),
      'signup.roster': (d) => {
        const req = d as { search?: string }
        if (!req.search) return page([WANG, LI], { counts: { confirmed: 20, waitlisted: 4, cancelled: 2 } })
        if (req.search === '王') return page([WANG], { counts: { confirmed: 1 } })
        return page([], { counts: {} })
      },
    })
    await openPage(ROSTER)
    expect(chips('state-filter')).toEqual(['全部 26', '已报名 20', '候补中 4', '已取消 2'])

    await typeInto('roster-search', '王')
    await tap(byTestId('roster-search-go'))
    expect(allByTestId('roster-item')).toHaveLength(1)
    expect(byTestId('roster-item').textContent).toContain('王明')
    expect(chips('state-filter')).toEqual(['全部 1', '已报名 1'])

    // The keyboard's 搜索 key searches too.
    await typeInto('roster-search', '9999')
    await confirmInput('roster-search', '9999')
    expect(pageRoot().textContent).toContain('没有符合条件的报名')
    expect(chips('state-filter')).toEqual(['全部 0'])

    await tap(byTestId('roster-search-clear'))
    expect(allByTestId('roster-item')).toHaveLength(2)
    expect(rosterCalls()).toEqual([
      { activityId: ACT, limit: 50 },
      { activityId: ACT, limit: 50, search: '王' },
      { activityId: ACT, limit: 50, search: '9999' },
      { activityId: ACT, limit: 50 },
    ])
  })

  test('a state chip keeps the search; the attendance chips appear once check-in opens', async () => {
    serve({
      'activity.manageGet': () => managed(),
      'signup.summary': () => summary({ counts: { confirmed: 1, waitlisted: 1 } }),
      'signup.notices': () => ({ items: [], leftToday: 3 }),
      'signup.roster': (d) => {
        const req = d as { state?: string; attendance?: string }
        if (req.attendance === 'notCheckedIn') return page([LI], { checkinOpen: true, counts: { confirmed: 1 } })
        return page(req.state === 'waitlisted' ? [LI] : [WANG, LI], { checkinOpen: true })
      },
    })
    await openPage(ROSTER)
    expect(chips('attendance-filter')).toEqual(['全部签到情况', '已签到', '未签到'])
    await typeInto('roster-search', '李')
    await tap(byTestId('roster-search-go'))
    await tap(byTestId('filter-waitlisted'))
    await tap(byTestId('attendance-notCheckedIn'))
    expect(rosterCalls().slice(1)).toEqual([
      { activityId: ACT, limit: 50, search: '李' },
      { activityId: ACT, limit: 50, search: '李', state: 'waitlisted' },
      { activityId: ACT, limit: 50, search: '李', state: 'waitlisted', attendance: 'notCheckedIn' },
    ])
    expect(byTestId('attendance-notCheckedIn').className).toContain('roster__chip--on')
  })

  test('before check-in opens there is no attendance filter', async () => {
    serve({
      'activity.manageGet': () => managed(),
      'signup.summary': () => summary(),
      'signup.notices': () => ({ items: [], leftToday: 3 }),
      'signup.roster': () => page(),
    })
    await openPage(ROSTER)
    expect(pageRoot().querySelector('[data-testid="attendance-filter"]')).toBeNull()
  })
})

describe('发送通知', () => {
  /** The server's record: the history answers what was sent. */
  function serveNotices(send: (d: unknown) => ActivityNotice) {
    const sent = [notice()]
    serve({
      'activity.manageGet': () => managed(),
      'signup.summary': () => summary({ counts: { confirmed: 12 } }),
      'signup.roster': () => page(),
      'signup.notices': () => ({ items: [...sent], leftToday: 3 - sent.length }),
      'signup.sendNotice': (d) => {
        const n = send(d)
        sent.unshift(n)
        return n
      },
    })
  }

  test('the organiser picks the kind, writes up to 20 characters and sends; the history shows who was reached', async () => {
    serveNotices((d) => {
      const req = d as { kind: 'place'; text: string }
      return notice({ id: 'n2', kind: req.kind, text: req.text, recipients: 12, unreachable: 0 })
    })
    await openPage(ROSTER)
    expect(byTestId('notice-history').textContent).toContain('时间变更')
    expect(byTestId('notice-history').textContent).toContain('改为下午两点开始')
    expect(byTestId('notice-history').textContent).toContain('陆老师 发送')
    expect(byTestId('notice-history').textContent).toContain('已发给 12 人，其中 3 人未订阅活动通知，无法送达')

    await tap(byTestId('notice-open'))
    const dialog = byTestId('notice-dialog')
    expect(dialog.textContent).toContain('已确认参加的 12 人')
    expect(dialog.textContent).toContain('今天还可发送 2 条')
    expect(byTestId('notice-text').getAttribute('maxlength')).toBe('20')
    const send = dialog.querySelector<HTMLElement>('.notice-dialog__send') as HTMLElement
    expect(send.className).toContain('taroify-button--disabled')

    await tap(byTestId('notice-kind-place'))
    await typeInto('notice-text', ' 改到青年之家二楼 ')
    expect(dialog.textContent).toContain('8/20 字')
    await tap(send)
    expect(callsOf(callFunctionMock, 'signup', 'sendNotice')).toEqual([
      { activityId: ACT, kind: 'place', text: '改到青年之家二楼' },
    ])
    expect(pageRoot().querySelector('[data-testid="notice-dialog"]')).toBeNull()
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '通知已发送', content: '已发给 12 人' }))
    expect(allByTestId('notice-item').map((x) => x.textContent?.slice(0, 4))).toEqual(['地点变更', '时间变更'])
  })

  test("a refusal (the day's limit, unsafe words) shows in the dialog and keeps the text", async () => {
    serveNotices(() => {
      throw new ApiError('RATE_LIMITED', '每个活动每天最多发送 3 条通知，请明天再发')
    })
    await openPage(ROSTER)
    await tap(byTestId('notice-open'))
    await typeInto('notice-text', '请带好水杯')
    await tap(byTestId('notice-dialog').querySelector<HTMLElement>('.notice-dialog__send') as HTMLElement)
    expect(byTestId('notice-error').textContent).toBe('每个活动每天最多发送 3 条通知，请明天再发')
    expect(byTestId('notice-dialog')).toBeTruthy()
    expect(allByTestId('notice-item')).toHaveLength(1)
  })

  test('opened from the editor after a change of time, the dialog is already open on 时间变更', async () => {
    serveNotices(() => notice())
    await openPage(`${ROSTER}&notify=time`)
    expect(byTestId('notice-kind-time').className).toContain('notice-dialog__kind--on')
  })

  test('when the day allows no more, 发送通知 cannot be tapped in the dialog', async () => {
    serve({
      'activity.manageGet': () => managed(),
      'signup.summary': () => summary(),
      'signup.roster': () => page(),
      'signup.notices': () => ({ items: [notice(), notice({ id: 'n2' }), notice({ id: 'n3' })], leftToday: 0 }),
    })
    await openPage(ROSTER)
    await tap(byTestId('notice-open'))
    await typeInto('notice-text', '再发一条')
    expect(byTestId('notice-dialog').textContent).toContain('今天的通知次数已用完')
    const send = byTestId('notice-dialog').querySelector<HTMLElement>('.notice-dialog__send') as HTMLElement
    expect(send.className).toContain('taroify-button--disabled')
  })
})
