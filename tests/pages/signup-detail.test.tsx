import Taro from '@tarojs/taro'
import type { Registration } from '@api/signup'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, settle } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { detail } from './support/fixtures'
import { freezeNow } from './support/clock'
import { byTestId, callsOf, tap, typeInto } from './support/dom'
import { ACT, QUESTIONS, REG, registration, summary } from './support/signup-fixtures'
import { rememberAgreed } from '@/features/privacy/consent'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = `/pages/activity/index?id=${ACT}`

function bar(): HTMLElement {
  return byTestId('signup-bar')
}

function button(label: string, root: ParentNode = pageRoot()): HTMLElement {
  const b = Array.from(root.querySelectorAll<HTMLElement>('.taroify-button')).find(
    (e) => e.textContent?.trim() === label,
  )
  if (!b)
    throw new Error(
      `no button ${label}; have ${Array.from(root.querySelectorAll('.taroify-button'))
        .map((e) => e.textContent)
        .join('|')}`,
    )
  return b
}

function mainButton(): HTMLElement {
  const b = bar().querySelector<HTMLElement>('.signup-bar__main')
  if (!b) throw new Error('no main button')
  return b
}

let modal: jest.SpyInstance

beforeEach(() => {
  rememberAgreed() // the privacy popup is tested in privacy.test.tsx
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

describe('the sign-up button follows the event and my registration', () => {
  const cases: [
    string,
    Partial<ReturnType<typeof detail>>,
    ReturnType<typeof summary>,
    Registration | null,
    string,
    boolean,
  ][] = [
    ['open, nothing yet', {}, summary(), null, '立即报名', true],
    ['select mode', {}, summary({}, { allocation: 'select' }), null, '申请报名', true],
    [
      'full with a waitlist',
      {},
      summary({ quotas: [{ key: '', capacity: 30, taken: 30, waiting: 4 }] }),
      null,
      '已满（可候补）',
      true,
    ],
    [
      'full without a waitlist',
      {},
      summary({ quotas: [{ key: '', capacity: 30, taken: 30, waiting: 0 }] }, { waitlist: false }),
      null,
      '已满',
      false,
    ],
    ['before the window', { signupOpensAt: '2024-03-06T00:00:00.000Z' }, summary(), null, '报名未开始', false],
    ['after the window', { signupClosesAt: '2024-03-05T00:00:00.000Z' }, summary(), null, '报名已截止', false],
    ['pending approval', {}, summary(), registration({ state: 'pending' }), '报名审核中', false],
    ['applied', {}, summary({}, { allocation: 'select' }), registration({ state: 'applied' }), '已提交申请', false],
    ['confirmed', {}, summary(), registration({ state: 'confirmed' }), '已报名', false],
    [
      'waitlisted third',
      {},
      summary(),
      registration({ state: 'waitlisted', waitlistPosition: 3 }),
      '候补第 3 位',
      false,
    ],
    [
      'rejected',
      {},
      summary(),
      registration({ state: 'rejected', reason: '名额已满', cancellable: false }),
      '报名未通过',
      false,
    ],
    ['cancelled earlier', {}, summary(), registration({ state: 'cancelled', cancellable: false }), '立即报名', true],
  ]
  test.each(cases)('%s', async (_name, activity, sum, mine, label, enabled) => {
    serve({
      'activity.get': () => detail({ id: ACT, ...activity }),
      'signup.summary': () => sum,
      'signup.mine': () => mine,
    })
    await openPage(PAGE)
    expect(mainButton().textContent?.trim()).toBe(label)
    expect(mainButton().className.includes('taroify-button--disabled')).toBe(!enabled)
  })

  test('an offer shows 确认参加 and 放弃 with its deadline; 确认参加 calls acceptOffer', async () => {
    let mine = registration({ state: 'offered', offerExpiresAt: '2024-03-07T04:00:00.000Z' })
    serve({
      'activity.get': () => detail({ id: ACT }),
      'signup.summary': () => summary(),
      'signup.mine': () => mine,
      'signup.acceptOffer': () => {
        mine = registration({ state: 'confirmed' })
        return mine
      },
    })
    await openPage(PAGE)
    expect(byTestId('signup-note').textContent).toContain('3月7日 12:00 前确认参加')
    expect(button('放弃', bar())).toBeTruthy()
    await tap(button('确认参加', bar()))
    expect(callsOf(callFunctionMock, 'signup', 'acceptOffer')).toEqual([{ registrationId: REG }])
    expect(mainButton().textContent).toBe('已报名')
  })

  test('signed out (H5) offers 登录后报名', async () => {
    serve({
      'activity.get': () => detail({ id: ACT }),
      'signup.summary': () => summary(),
      'signup.mine': () => {
        throw new ApiError('UNAUTHENTICATED', '请先登录')
      },
    })
    await openPage(PAGE)
    expect(mainButton().textContent).toBe('登录后报名')
  })

  test('shows the conditions and my attendance rate when the event asks for one', async () => {
    serve({
      'activity.get': () => detail({ id: ACT }),
      'signup.summary': () =>
        summary({}, { eligibility: { leagueMembersOnly: true, minAge: 18, maxAge: 35, minAttendanceRate: 0.8 } }),
      'signup.mine': () => null,
      'signup.profile': () => ({
        realName: null,
        phone: null,
        birthDate: null,
        gender: null,
        leagueMember: true,
        attendanceRate: 0.9,
        attended: 9,
        noShows: 1,
      }),
    })
    await openPage(PAGE)
    expect(pageRoot().querySelector('.detail__conditions')?.textContent).toContain(
      '仅限共青团员 · 18–35 岁 · 到场率不低于 80%',
    )
    expect(pageRoot().querySelector('.detail__my-rate')?.textContent).toContain('90%（到场 9 次，缺席 1 次）')
  })
})

test('the form sends the answers with one idempotency key, reused on a retry after a network error', async () => {
  let calls = 0
  serve({
    'activity.get': () => detail({ id: ACT, title: '青年读书会' }),
    'signup.summary': () =>
      summary(
        {
          quotas: [
            { key: '男', capacity: 15, taken: 15, waiting: 0 },
            { key: '女', capacity: 15, taken: 3, waiting: 0 },
          ],
        },
        {
          questions: QUESTIONS,
          quotaQuestionId: 'gender',
          quotas: [
            { key: '男', capacity: 15 },
            { key: '女', capacity: 15 },
          ],
        },
      ),
    'signup.mine': () => (calls >= 2 ? registration({ state: 'waitlisted', waitlistPosition: 2 }) : null),
    'signup.signup': () => {
      calls += 1
      if (calls === 1) throw new ApiError('NETWORK', '网络不给力，请稍后重试')
      return registration({ state: 'waitlisted', waitlistPosition: 2 })
    },
  })
  await openPage(PAGE)
  await tap(mainButton())
  const sheet = byTestId('signup-sheet')
  expect(sheet.textContent).toContain('性别*')
  // Quota options say how many seats are left.
  expect(byTestId('option-gender-男').textContent).toBe('男（已满，可候补）')
  expect(byTestId('option-gender-女').textContent).toBe('女（剩 12 席）')

  // Required questions are checked before any call.
  await tap(button('提交报名', sheet))
  expect(callsOf(callFunctionMock, 'signup', 'signup')).toEqual([])
  expect(byTestId('question-gender').textContent).toContain('必填')

  await typeInto('answer-name_note', '  想多认识朋友 ')
  await tap(byTestId('option-gender-男'))
  await tap(byTestId('option-topics-历史'))
  await tap(byTestId('option-topics-文学'))
  await tap(byTestId('option-topics-历史'))
  await tap(byTestId('option-topics-科技'))
  await tap(button('提交报名', byTestId('signup-sheet')))
  expect(byTestId('signup-error').textContent).toContain('网络不给力，请稍后重试')

  await tap(button('重试', byTestId('signup-sheet')))
  await settle()
  const sent = callsOf(callFunctionMock, 'signup', 'signup') as { idempotencyKey: string }[]
  expect(sent).toHaveLength(2)
  expect(sent[0]).toEqual({
    activityId: ACT,
    idempotencyKey: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
    answers: { name_note: '想多认识朋友', gender: '男', topics: ['文学', '科技'] },
    remind: false,
  })
  expect(sent[1]).toEqual(sent[0])
  // Done: the sheet closes and the bar shows the result.
  expect(pageRoot().querySelector('[data-testid="signup-sheet"]')).toBeNull()
  expect(mainButton().textContent).toBe('候补第 2 位')
})

test('closing and reopening the sheet starts a new idempotency key', async () => {
  serve({
    'activity.get': () => detail({ id: ACT }),
    'signup.summary': () => summary(),
    'signup.mine': () => null,
    'signup.signup': () => {
      throw new ApiError('FULL', '名额已满')
    },
  })
  await openPage(PAGE)
  await tap(mainButton())
  expect(byTestId('signup-sheet').textContent).toContain('确认报名参加本次活动？')
  await tap(button('提交报名', byTestId('signup-sheet')))
  expect(byTestId('signup-error').textContent).toBe('名额已满')
  await tap(byTestId('signup-sheet').querySelector<HTMLElement>('.signup-sheet__close') as HTMLElement)
  await tap(mainButton())
  await tap(button('提交报名', byTestId('signup-sheet')))
  const keys = (callsOf(callFunctionMock, 'signup', 'signup') as { idempotencyKey: string }[]).map(
    (r) => r.idempotencyKey,
  )
  expect(keys).toHaveLength(2)
  expect(keys[0]).not.toBe(keys[1])
})

test('on the local host a switch stands in for the reminder subscription', async () => {
  serve({
    'activity.get': () => detail({ id: ACT }),
    'signup.summary': () => summary(),
    'signup.mine': () => null,
    'signup.signup': () => {
      throw new ApiError('FULL', '名额已满')
    },
  })
  await openPage(PAGE)
  await tap(mainButton())
  await tap(byTestId('remind-local'))
  expect(byTestId('remind-local').textContent).toContain('✓')
  await tap(button('提交报名', byTestId('signup-sheet')))
  const sent = callsOf(callFunctionMock, 'signup', 'signup') as { remind: boolean }[]
  expect(sent.map((r) => r.remind)).toEqual([true])
})

test.each([
  ['NOT_ELIGIBLE', '本活动仅限共青团员报名', true],
  ['PROFILE_INCOMPLETE', '本活动有年龄要求，请先在个人资料中填写出生日期', true],
  ['SIGNUP_CLOSED', '报名已截止', false],
  ['DEADLINE_PASSED', '确认时间已过', false],
] as const)('refusal %s shows the server message', async (code, message, link) => {
  serve({
    'activity.get': () => detail({ id: ACT }),
    'signup.summary': () => summary(),
    'signup.mine': () => null,
    'signup.signup': () => {
      throw new ApiError(code, message)
    },
  })
  await openPage(PAGE)
  await tap(mainButton())
  await tap(button('提交报名', byTestId('signup-sheet')))
  expect(byTestId('signup-error').textContent).toContain(message)
  expect(pageRoot().querySelector('[data-testid="profile-link"]') !== null).toBe(link)
})

test('INVALID_INPUT fields show next to their question', async () => {
  serve({
    'activity.get': () => detail({ id: ACT }),
    'signup.summary': () =>
      summary({}, { questions: [{ id: 'note', label: '备注', kind: 'text', required: false, options: [] }] }),
    'signup.mine': () => null,
    'signup.signup': () => {
      throw new ApiError('INVALID_INPUT', '报名信息有误：应为文字', undefined, { 'answers.note': '应为文字' })
    },
  })
  await openPage(PAGE)
  await tap(mainButton())
  await typeInto('answer-note', 'x')
  await tap(button('提交报名', byTestId('signup-sheet')))
  expect(byTestId('question-note').textContent).toContain('应为文字')
})

test('取消报名 asks first, then calls cancel and offers sign-up again', async () => {
  let mine: Registration = registration({ state: 'confirmed', cancellable: true })
  serve({
    'activity.get': () => detail({ id: ACT }),
    'signup.summary': () => summary(),
    'signup.mine': () => mine,
    'signup.cancel': () => {
      mine = registration({ state: 'cancelled', cancellable: false })
      return mine
    },
  })
  await openPage(PAGE)
  expect(mainButton().textContent).toBe('已报名')

  modal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
  await tap(button('取消报名', bar()))
  expect(callsOf(callFunctionMock, 'signup', 'cancel')).toEqual([])

  await tap(button('取消报名', bar()))
  expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '取消报名' }))
  expect(callsOf(callFunctionMock, 'signup', 'cancel')).toEqual([{ registrationId: REG }])
  expect(mainButton().textContent).toBe('立即报名')
  expect(byTestId('signup-note').textContent).toContain('可以重新报名')
})

test('on the waitlist the button is 退出候补, and its question says so', async () => {
  serve({
    'activity.get': () => detail({ id: ACT }),
    'signup.summary': () => summary(),
    'signup.mine': () => registration({ state: 'waitlisted', waitlistPosition: 2, cancellable: true }),
    'signup.cancel': () => registration({ state: 'cancelled', cancellable: false }),
  })
  await openPage(PAGE)
  expect(bar().textContent).not.toContain('取消报名')
  await tap(button('退出候补', bar()))
  expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '退出候补' }))
  expect(callsOf(callFunctionMock, 'signup', 'cancel')).toEqual([{ registrationId: REG }])
})

test('no 取消报名 when the registration is not cancellable', async () => {
  serve({
    'activity.get': () => detail({ id: ACT }),
    'signup.summary': () => summary(),
    'signup.mine': () => registration({ state: 'confirmed', cancellable: false }),
  })
  await openPage(PAGE)
  expect(bar().textContent).not.toContain('取消报名')
})
