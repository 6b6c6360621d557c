/** 我的青年团体 (apply, states, an approved group's bookings) and 青年团体审核 (the district admin's review). */
import type { MyData } from '@api/session'
import type { Booking } from '@api/venue'
import { PRIVACY_VERSION } from '@contract/session'
import { rememberAgreed } from '@/features/privacy/consent'
import type { YouthGroup } from '@api/youth-group'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, pick, tap, typeInto } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const G1: YouthGroup = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  name: '润州青年羽毛球社',
  kind: 'interest',
  intro: '每周六打球',
  size: 24,
  state: 'approved',
  reason: null,
  leaderName: '王芳',
  leaderPhone: '13912345678',
  createdAt: '2026-11-01T02:00:00.000Z',
  decidedAt: '2026-11-02T02:00:00.000Z',
}
const G2: YouthGroup = {
  ...G1,
  id: 'aaaaaaaa-0000-4000-8000-000000000002',
  name: '金山读书会',
  kind: 'self_organised',
  state: 'declined',
  reason: '请补充成员名单',
}
const B1: Booking = {
  id: 'dddddddd-0000-4000-8000-000000000001',
  kind: 'booking',
  facilityId: 'f-1',
  facilityName: '羽毛球场 1 号',
  venueId: 'v-1',
  venueName: '移动公司职工活动中心',
  unitId: null,
  unitName: null,
  groupId: G1.id,
  groupName: G1.name,
  leaderContact: { name: '王芳', phone: '13912345678' },
  startAt: '2026-11-28T11:00:00.000Z',
  endAt: '2026-11-28T13:00:00.000Z',
  purpose: '周末训练',
  activityId: null,
  state: 'approved',
  reason: null,
  recurrenceId: null,
  decidedAt: null,
  createdAt: '2026-11-25T02:00:00.000Z',
}

beforeEach(() => {
  freezeNow('2026-11-25T04:00:00.000Z')
  callFunctionMock.mockReset()
})

afterEach(() => {
  jest.useRealTimers()
})

describe('我的青年团体', () => {
  test('lists my groups with their states and reasons; an approved group shows its bookings, which I can cancel', async () => {
    let cancelled = false
    serve({
      'org.myYouthGroups': () => ({ items: [G1, G2] }),
      'venue.groupBookings': () => ({ items: cancelled ? [] : [B1] }),
      'venue.cancel': () => {
        cancelled = true
        return { ...B1, state: 'cancelled' }
      },
    })
    await openPage('/packages/mine/pages/youth-groups/index')
    expect(allByTestId('youth-group-state').map((e) => e.textContent)).toEqual(['已通过', '未通过'])
    expect(text()).toContain('原因：请补充成员名单')
    // Only the approved group's bookings are asked for.
    expect(callsOf(callFunctionMock, 'venue', 'groupBookings')).toEqual([{ groupId: G1.id }])
    expect(allByTestId('group-booking')).toHaveLength(1)
    expect(byTestId('group-booking').textContent).toContain('移动公司职工活动中心 · 羽毛球场 1 号（已预订）')
    await tap(byTestId('group-booking-cancel'))
    expect(callsOf(callFunctionMock, 'venue', 'cancel')).toEqual([{ bookingId: B1.id }])
    expect(text()).toContain('暂无预约')
  })

  test('applies with name, kind, size and intro; an identity refusal shows the message and a way to the profile', async () => {
    let attempts = 0
    serve({
      'org.myYouthGroups': () => ({ items: attempts > 1 ? [{ ...G1, state: 'pending' }] : [] }),
      'org.applyYouthGroup': () => {
        attempts += 1
        if (attempts === 1) throw new ApiError('IDENTITY_REQUIRED', '申请青年团体需要先填写真实姓名')
        return { ...G1, state: 'pending' }
      },
    })
    await openPage('/packages/mine/pages/youth-groups/index')
    expect(text()).toContain('你还没有登记青年团体')
    // Nothing is sent without a name.
    await tap(byTestId('youth-group-submit'))
    expect(callsOf(callFunctionMock, 'org', 'applyYouthGroup')).toHaveLength(0)
    await typeInto('input-name', '润州青年羽毛球社')
    await pick('picker-kind', 0)
    await typeInto('input-size', '24')
    await typeInto('input-intro', '每周六打球')
    await tap(byTestId('youth-group-submit'))
    expect(callsOf(callFunctionMock, 'org', 'applyYouthGroup')).toEqual([
      { name: '润州青年羽毛球社', kind: 'interest', size: 24, intro: '每周六打球' },
    ])
    expect(text()).toContain('申请青年团体需要先填写真实姓名')
    expect(byTestId('go-profile')).toBeTruthy()
    await tap(byTestId('youth-group-submit'))
    expect(callsOf(callFunctionMock, 'org', 'applyYouthGroup')).toHaveLength(2)
    expect(allByTestId('youth-group-state').map((e) => e.textContent)).toEqual(['待审核'])
    expect(pageRoot().querySelector('[data-testid="go-profile"]')).toBeNull()
  })
})

describe('青年团体审核', () => {
  const P1 = { ...G1, state: 'pending' as const }
  const P2 = { ...G2, state: 'pending' as const, reason: null }

  test('通过 approves; 不通过 needs a reason; both leave the pending list', async () => {
    serve({
      'org.youthGroups': () => ({ items: [P1, P2] }),
      'org.decideYouthGroup': (data) => ({ ...P1, ...(data as object) }),
    })
    await openPage('/packages/admin/pages/youth-groups/index')
    expect(callsOf(callFunctionMock, 'org', 'youthGroups')).toEqual([{ state: 'pending' }])
    expect(allByTestId('youth-group')[0].textContent).toContain('负责人：王芳 13912345678 · 24 人')

    await tap(allByTestId('youth-group')[1].querySelector<HTMLElement>('.youth-group__decline') as HTMLElement)
    const dialog = byTestId('reason-dialog')
    expect(dialog.textContent).toContain('不通过「金山读书会」')
    const confirm = dialog.querySelector<HTMLElement>('.reason-dialog__confirm') as HTMLElement
    await tap(confirm)
    expect(callsOf(callFunctionMock, 'org', 'decideYouthGroup')).toHaveLength(0)
    await typeInto('reason-input', '请补充成员名单')
    await tap(confirm)
    expect(callsOf(callFunctionMock, 'org', 'decideYouthGroup')).toEqual([
      { groupId: P2.id, decision: 'decline', reason: '请补充成员名单' },
    ])
    expect(allByTestId('youth-group')).toHaveLength(1)

    await tap(allByTestId('youth-group')[0].querySelector<HTMLElement>('.youth-group__approve') as HTMLElement)
    expect(callsOf(callFunctionMock, 'org', 'decideYouthGroup')[1]).toEqual({ groupId: P1.id, decision: 'approve' })
    expect(text()).toContain('没有待审核的团体')
  })

  test('an approved group is suspended with a reason; a refusal stays in the dialog', async () => {
    let tries = 0
    serve({
      'org.youthGroups': (data) => ({ items: (data as { state: string }).state === 'approved' ? [G1] : [] }),
      'org.suspendYouthGroup': () => {
        tries += 1
        if (tries === 1) throw new ApiError('CONFLICT', '只能暂停已通过审核的团体')
        return { ...G1, state: 'suspended' }
      },
    })
    await openPage('/packages/admin/pages/youth-groups/index')
    await tap(
      [...pageRoot().querySelectorAll<HTMLElement>('.taroify-tabs__tab')].find((t) =>
        t.textContent?.includes('已通过'),
      ) as HTMLElement,
    )
    expect(callsOf(callFunctionMock, 'org', 'youthGroups')).toEqual([{ state: 'pending' }, { state: 'approved' }])
    await tap(byTestId('youth-group').querySelector<HTMLElement>('.youth-group__suspend') as HTMLElement)
    await typeInto('reason-input', '违规使用场地')
    const confirm = byTestId('reason-dialog').querySelector<HTMLElement>('.reason-dialog__confirm') as HTMLElement
    await tap(confirm)
    expect(byTestId('reason-dialog').textContent).toContain('只能暂停已通过审核的团体')
    await tap(confirm)
    expect(callsOf(callFunctionMock, 'org', 'suspendYouthGroup')).toEqual([
      { groupId: G1.id, reason: '违规使用场地' },
      { groupId: G1.id, reason: '违规使用场地' },
    ])
    expect(pageRoot().querySelector('[data-testid="reason-dialog"]')).toBeNull()
    expect(text()).toContain('暂无')
  })
})

describe('我的数据', () => {
  test('lists the youth groups I lead', async () => {
    rememberAgreed()
    const data: MyData = {
      generatedAt: '2026-11-25T02:00:00.000Z',
      profile: {
        nickname: '小青',
        realName: '王芳',
        phone: '13912345678',
        birthDate: null,
        gender: null,
        leagueMember: false,
        idType: null,
        createdAt: '2026-01-02T01:00:00.000Z',
        privacyVersion: PRIVACY_VERSION,
        privacyAgreedAt: '2026-11-20T01:00:00.000Z',
        phoneVerifiedAt: '2026-11-20T01:05:00.000Z',
        guardian: null,
      },
      units: [],
      districtAdmin: false,
      applications: [],
      signups: [],
      scans: [],
      hours: [],
      certificates: [],
      youthGroups: [
        { name: '润州青年羽毛球社', kind: 'interest', state: 'approved', size: 24, createdAt: G1.createdAt },
      ],
    }
    serve({ 'session.myData': () => data })
    await openPage('/packages/mine/pages/my-data/index')
    expect(byTestId('data-youth-groups').textContent).toContain('润州青年羽毛球社兴趣社团 · 24 人 · 已通过')
  })
})
