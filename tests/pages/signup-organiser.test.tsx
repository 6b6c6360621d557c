import Taro from '@tarojs/taro'
import type { ManagedActivity } from '@api/activity'
import type { RosterEntry, SignupSettings } from '@api/signup'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, settle } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { detail } from './support/fixtures'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, fire, pick, tap, typeInto } from './support/dom'
import { ACT, REG, rosterEntry, settings, summary } from './support/signup-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const SETTINGS = `/packages/organiser/pages/signup-settings/index?id=${ACT}`
const ROSTER = `/packages/organiser/pages/roster/index?id=${ACT}`
const R2 = '44444444-5555-4666-8777-888888888888'

function managed(overrides: Partial<ManagedActivity> = {}): ManagedActivity {
  return {
    ...detail({ id: ACT, title: '青年交友联谊会', capacity: 30, startAt: '2024-03-10T01:00:00.000Z' }),
    state: 'published',
    seatsTaken: 0,
    coverSource: null,
    cancelReason: null,
    publishedAt: '2024-03-01T00:00:00Z',
    updatedAt: '2024-03-01T00:00:00Z',
    ...overrides,
  }
}

function button(label: string, root: ParentNode = pageRoot()): HTMLElement {
  const b = Array.from(root.querySelectorAll<HTMLElement>('.taroify-button')).find(
    (e) => e.textContent?.trim() === label,
  )
  if (!b) throw new Error(`no button ${label}`)
  return b
}

function disabled(el: HTMLElement): boolean {
  return el.className.includes('taroify-button--disabled')
}

let modal: jest.SpyInstance

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
  modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
})

afterEach(() => {
  modal.mockRestore()
  jest.useRealTimers()
})

describe('报名设置', () => {
  test('questions, balanced quotas (the sum must equal the capacity) and the settings payload', async () => {
    serve({
      'activity.manageGet': () => managed(),
      'signup.summary': () => summary(),
      'signup.settings': (d) => summary({}, (d as { settings: SignupSettings }).settings),
    })
    await openPage(SETTINGS)
    expect(byTestId('signup-settings').textContent).toContain('活动名额 30 人')

    // Approval, conditions, deadlines.
    await fire(byTestId('switch-approvalRequired'), 'change', true)
    await fire(byTestId('switch-leagueMembersOnly'), 'change', true)
    await typeInto('input-minAge', '18')
    await typeInto('input-maxAge', '35')
    await typeInto('input-minAttendance', '80')
    await typeInto('input-cancelDeadlineHours', '12')
    await pick('picker-promotion', 1)
    await typeInto('input-offerHours', '24')

    // A text question, then the gender preset, then move gender up.
    await tap(byTestId('q-add'))
    await typeInto('q-label-0', '工作单位')
    await tap(byTestId('q-add-gender'))
    await tap(byTestId('q-up-1'))
    expect((byTestId('q-label-0') as HTMLInputElement).value ?? byTestId('q-label-0').getAttribute('value')).toBe(
      '性别',
    )

    // A multi-choice question with three options, then removed again.
    await tap(byTestId('q-add'))
    await typeInto('q-label-2', '兴趣')
    await pick('q-kind-2', 2)
    await typeInto('q-option-2-0', '运动')
    await typeInto('q-option-2-1', '阅读')
    await tap(byTestId('q-add-option-2'))
    await typeInto('q-option-2-2', '旅行')
    await fire(byTestId('q-required-2'), 'change', true)

    // Split 30 seats by gender: 10 + 15 ≠ 30 blocks saving.
    await pick('picker-quotaQuestionId', 1)
    await typeInto('quota-男', '10')
    await typeInto('quota-女', '15')
    expect(byTestId('quota-sum').textContent).toBe('合计 25 / 活动名额 30（须相等）')
    expect(disabled(button('保存设置'))).toBe(true)
    await tap(button('保存设置'))
    expect(callsOf(callFunctionMock, 'signup', 'settings')).toEqual([])

    await typeInto('quota-女', '20')
    await pick('picker-realNameRequired', 1)
    expect(byTestId('quota-sum').textContent).toBe('合计 30 / 活动名额 30')
    expect(disabled(button('保存设置'))).toBe(false)
    await tap(button('保存设置'))

    expect(callsOf(callFunctionMock, 'signup', 'settings')).toEqual([
      {
        activityId: ACT,
        settings: {
          allocation: 'fcfs',
          approvalRequired: true,
          waitlist: true,
          eligibility: { leagueMembersOnly: true, minAge: 18, maxAge: 35, minAttendanceRate: 0.8 },
          cancelDeadlineHours: 12,
          questions: [
            { id: 'gender', label: '性别', kind: 'single', required: true, options: ['男', '女'] },
            { id: 'q1', label: '工作单位', kind: 'text', required: false, options: [] },
            { id: 'q2', label: '兴趣', kind: 'multi', required: true, options: ['运动', '阅读', '旅行'] },
          ],
          quotaQuestionId: 'gender',
          quotas: [
            { key: '男', capacity: 10 },
            { key: '女', capacity: 20 },
          ],
          promotion: 'offer',
          offerHours: 24,
          promotionCutoffHours: 2,
          realNameRequired: true,
        },
      },
    ])
  })

  test('removing the quota question ends the split; the server message and fields show', async () => {
    serve({
      'activity.manageGet': () => managed(),
      'signup.summary': () =>
        summary(
          {},
          {
            questions: [{ id: 'gender', label: '性别', kind: 'single', required: true, options: ['男', '女'] }],
            quotaQuestionId: 'gender',
            quotas: [
              { key: '男', capacity: 15 },
              { key: '女', capacity: 15 },
            ],
          },
        ),
      'signup.settings': () => {
        throw new ApiError('CONFLICT', '配额「男」已占用 12 个名额，不能少于此数')
      },
    })
    await openPage(SETTINGS)
    expect(byTestId('quota-sum').textContent).toBe('合计 30 / 活动名额 30')
    await tap(byTestId('q-remove-0'))
    expect(pageRoot().querySelector('[data-testid="quota-sum"]')).toBeNull()
    await tap(button('保存设置'))
    const sent = callsOf(callFunctionMock, 'signup', 'settings') as { settings: SignupSettings }[]
    expect(sent[0].settings).toMatchObject({ questions: [], quotaQuestionId: null, quotas: [] })
    expect(byTestId('form-error').textContent).toBe('配额「男」已占用 12 个名额，不能少于此数')
  })

  test('a choice question needs two options before any call', async () => {
    serve({ 'activity.manageGet': () => managed(), 'signup.summary': () => summary() })
    await openPage(SETTINGS)
    await tap(byTestId('q-add'))
    await typeInto('q-label-0', '尺码')
    await pick('q-kind-0', 1)
    await typeInto('q-option-0-0', 'M')
    await tap(button('保存设置'))
    expect(byTestId('q-0').textContent).toContain('选择题至少需要两个选项')
    expect(callsOf(callFunctionMock, 'signup', 'settings')).toEqual([])
  })
})

describe('报名名单', () => {
  function serveRoster(entries: RosterEntry[], extra: Record<string, (d: unknown) => unknown> = {}, s = settings()) {
    serve({
      'activity.manageGet': () => managed(),
      'signup.summary': () => summary({ counts: { pending: 1, waitlisted: 1, confirmed: 1 } }, s),
      'signup.roster': () => ({ items: entries, nextCursor: null }),
      'signup.notices': () => ({ items: [], leftToday: 3 }),
      ...extra,
    })
  }

  test('shows people in full with their answers; approve and promote update the entry', async () => {
    serveRoster(
      [
        rosterEntry({ id: REG, state: 'pending', answers: { work: '邮政' } }),
        rosterEntry({
          id: R2,
          state: 'waitlisted',
          waitlistPosition: 1,
          person: { ...rosterEntry().person, realName: '王明', phone: '13800001111', gender: '男', age: 30 },
        }),
      ],
      {
        'signup.decide': () => rosterEntry({ id: REG, state: 'confirmed', answers: { work: '邮政' } }),
        'signup.promote': () => rosterEntry({ id: R2, state: 'confirmed' }),
      },
      settings({
        approvalRequired: true,
        questions: [{ id: 'work', label: '工作单位', kind: 'text', required: false, options: [] }],
      }),
    )
    await openPage(ROSTER)

    expect(byTestId('roster-summary').textContent).toContain('审核中 1')
    const [first, second] = allByTestId('roster-item')
    expect(first.textContent).toContain('李青')
    expect(first.textContent).toContain('13912342233')
    expect(first.textContent).toContain('24 岁')
    expect(first.textContent).toContain('到场率 75%')
    expect(first.textContent).toContain('工作单位：邮政')
    expect(second.textContent).toContain('候补第 1 位')

    await tap(button('通过', first))
    expect(callsOf(callFunctionMock, 'signup', 'decide')).toEqual([{ registrationId: REG, decision: 'approve' }])
    expect(allByTestId('roster-item')[0].textContent).toContain('已报名')

    await tap(button('递补', allByTestId('roster-item')[1]))
    expect(callsOf(callFunctionMock, 'signup', 'promote')).toEqual([{ registrationId: R2 }])
    expect(allByTestId('roster-item')[1].textContent).toContain('已报名')
  })

  test('驳回 needs a reason; the reason is sent', async () => {
    serveRoster([rosterEntry({ state: 'pending' })], {
      'signup.decide': () => rosterEntry({ state: 'rejected', reason: '年龄不符合要求' }),
    })
    await openPage(ROSTER)
    await tap(button('驳回'))
    const dialog = byTestId('reason-dialog')
    expect(disabled(button('确认驳回', dialog))).toBe(true)
    await tap(button('确认驳回', dialog))
    expect(callsOf(callFunctionMock, 'signup', 'decide')).toEqual([])

    await typeInto('reason-input', '年龄不符合要求')
    await tap(button('确认驳回', byTestId('reason-dialog')))
    expect(callsOf(callFunctionMock, 'signup', 'decide')).toEqual([
      { registrationId: REG, decision: 'reject', reason: '年龄不符合要求' },
    ])
    expect(pageRoot().querySelector('[data-testid="reason-dialog"]')).toBeNull()
    expect(byTestId('roster-item').textContent).toContain('原因：年龄不符合要求')
  })

  test('到场/缺席 appear only after the start and call attendance', async () => {
    serveRoster([rosterEntry({ state: 'confirmed' })], {
      'activity.manageGet': () => managed({ startAt: '2024-03-05T01:00:00.000Z', endAt: '2024-03-05T08:00:00.000Z' }),
      'signup.attendance': (d) => rosterEntry({ state: (d as { outcome: 'attended' | 'no_show' }).outcome }),
    })
    await openPage(ROSTER)
    await tap(button('缺席'))
    expect(callsOf(callFunctionMock, 'signup', 'attendance')).toEqual([{ registrationId: REG, outcome: 'no_show' }])
    expect(byTestId('roster-item').textContent).toContain('缺席')
    await tap(button('到场'))
    expect(callsOf(callFunctionMock, 'signup', 'attendance')).toContainEqual({
      registrationId: REG,
      outcome: 'attended',
    })
  })

  test('before the start there is no attendance, but 取消资格 with a reason', async () => {
    serveRoster([rosterEntry({ state: 'confirmed' })], {
      'signup.decide': () => rosterEntry({ state: 'cancelled', reason: '重复报名' }),
    })
    await openPage(ROSTER)
    const labels = Array.from(byTestId('roster-item').querySelectorAll('.taroify-button')).map((b) =>
      b.textContent?.trim(),
    )
    expect(labels).toEqual(['取消资格'])
    await tap(button('取消资格'))
    await typeInto('reason-input', '重复报名')
    await tap(button('确认取消资格', byTestId('reason-dialog')))
    expect(callsOf(callFunctionMock, 'signup', 'decide')).toEqual([
      { registrationId: REG, decision: 'reject', reason: '重复报名' },
    ])
  })

  test('state filter and cursor paging', async () => {
    serve({
      'activity.manageGet': () => managed(),
      'signup.summary': () => summary({ counts: { confirmed: 2, waitlisted: 1 } }),
      'signup.notices': () => ({ items: [], leftToday: 3 }),
      'signup.roster': (d) => {
        const req = d as { cursor?: string }
        return req.cursor
          ? { items: [rosterEntry({ id: R2 })], nextCursor: null }
          : { items: [rosterEntry()], nextCursor: 'c1' }
      },
    })
    await openPage(ROSTER)
    await tap(byTestId('roster-more'))
    expect(allByTestId('roster-item')).toHaveLength(2)
    await tap(byTestId('filter-waitlisted'))
    const calls = callsOf(callFunctionMock, 'signup', 'roster')
    expect(calls).toEqual([
      { activityId: ACT, limit: 50 },
      { activityId: ACT, limit: 50, cursor: 'c1' },
      { activityId: ACT, limit: 50, state: 'waitlisted' },
    ])
  })

  test('select mode: draw with a seed shows the recorded result; ticked applicants are picked', async () => {
    serveRoster(
      [rosterEntry({ state: 'applied' }), rosterEntry({ id: R2, state: 'applied' })],
      {
        'signup.draw': () => ({ seed: 'spring-2024', order: { '': [REG, R2] }, offered: 1 }),
        'signup.pick': () => ({ offered: 1 }),
      },
      settings({ allocation: 'select' }),
    )
    await openPage(ROSTER)
    await typeInto('draw-seed', 'spring-2024')
    await tap(button('抽签'))
    await settle()
    expect(callsOf(callFunctionMock, 'signup', 'draw')).toEqual([{ activityId: ACT, seed: 'spring-2024' }])
    expect(byTestId('draw-result').textContent).toContain('抽签种子：spring-2024')
    expect(byTestId('draw-result').textContent).toContain('入选待确认：1 人')

    await tap(allByTestId('roster-check')[1])
    expect(byTestId('pick-bar').textContent).toContain('已勾选 1 人')
    await tap(button('选中', byTestId('pick-bar')))
    expect(callsOf(callFunctionMock, 'signup', 'pick')).toEqual([{ activityId: ACT, registrationIds: [R2] }])
  })

  test('调整分组 moves an entry to another quota', async () => {
    serveRoster([rosterEntry({ state: 'confirmed', quotaKey: '男' })], {
      'signup.summary': () =>
        summary(
          {
            quotas: [
              { key: '女', capacity: 15, taken: 3, waiting: 0 },
              { key: '男', capacity: 15, taken: 15, waiting: 2 },
            ],
          },
          settings({ quotaQuestionId: 'gender' }),
        ),
      'signup.moveQuota': () => rosterEntry({ state: 'confirmed', quotaKey: '女' }),
    })
    await openPage(ROSTER)
    await pick('roster-move', 0)
    expect(callsOf(callFunctionMock, 'signup', 'moveQuota')).toEqual([{ registrationId: REG, quotaKey: '女' }])
    expect(byTestId('roster-item').textContent).toContain('分组：女')
  })
})
