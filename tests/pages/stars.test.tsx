/**
 * 摘星 (packages/stars): 我的摘星 shows each indicator's progress from the server and submits evidence
 * with photos uploaded to names the server gives; the organiser's review opens photos through links
 * and approves or declines with a reason.
 */
import Taro from '@tarojs/taro'
import type { MyStars, ReviewEvidence, StarProgress, StarYear } from '@api/star'
import { PRIVACY_VERSION } from '@contract/session'
import { ApiError } from '@/services/cloud'
import { forgetAgreed, rememberAgreed } from '@/features/privacy/consent'
import { useConsentStore } from '@/features/privacy/store/consent'
import { openPage, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, byText, callsOf, tap, typeInto } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))
jest.mock('@/services/files', () => ({
  ...jest.requireActual('@/services/files'),
  uploadPrivate: jest.fn(async (t: { cloudPath: string }) => `local://${t.cloudPath}`),
}))

const UNIT_A = 'aaaaaaaa-0000-4000-8000-00000000000a'
const IND = (n: number) => `bbbbbbbb-0000-4000-8000-00000000000${n}`
const EV = 'cccccccc-0000-4000-8000-000000000001'

const indicator = (over: Partial<StarProgress>): StarProgress => ({
  id: IND(1),
  name: '志愿服务',
  kind: 'hours',
  threshold: 10,
  categories: [],
  order: 1,
  description: '',
  progress: 6,
  unit: '小时',
  met: false,
  evidence: null,
  ...over,
})

const stars = (over: Partial<MyStars> = {}): MyStars => ({
  year: 2026,
  published: true,
  stars: 1,
  units: [{ id: UNIT_A, name: '甲单位团委' }],
  indicators: [
    indicator({}),
    indicator({ id: IND(2), name: '参与活动', kind: 'activities', threshold: 4, progress: 5, unit: '次', met: true }),
    indicator({ id: IND(3), name: '亮身份', kind: 'evidence', threshold: 1, progress: 0, unit: '项' }),
  ],
  ...over,
})

let toast: jest.SpyInstance
beforeEach(() => {
  rememberAgreed() // the gate itself is tested below
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
})
afterEach(() => {
  toast.mockRestore()
  jest.useRealTimers()
})

test('我的摘星: progress per indicator as the server computed it; an unpublished year says so', async () => {
  serve({ 'star.mine': () => stars() })
  await openPage('/packages/stars/pages/mine/index')
  await settle()
  expect(callsOf(callFunctionMock, 'star', 'mine')).toEqual([{ year: 2026 }])
  expect(byTestId('star-total').textContent).toBe('2026 年已摘 1 / 3 颗星')
  expect(allByTestId('star-progress').map((p) => p.textContent)).toEqual(['6/10 小时', '5/4 次', '待证明'])
  expect((byTestId('star-indicator').querySelector('.stars__fill') as HTMLElement).style.width).toBe('60%')

  serve({ 'star.mine': () => stars({ published: false, indicators: [] }) })
  await openPage('/packages/stars/pages/mine/index')
  await settle()
  expect(byTestId('empty-state').textContent).toContain('2026 年的摘星指标尚未发布')
})

test('我的摘星 opens the year the record asked for, never a future one', async () => {
  serve({ 'star.mine': (d) => stars({ year: (d as { year: number }).year }) })
  await openPage('/packages/stars/pages/mine/index?year=2025')
  await settle()
  expect(callsOf(callFunctionMock, 'star', 'mine')).toEqual([{ year: 2025 }])
  expect(byTestId('star-total').textContent).toBe('2025 年已摘 1 / 3 颗星')

  callFunctionMock.mockClear()
  await openPage('/packages/stars/pages/mine/index?year=2099')
  await settle()
  expect(callsOf(callFunctionMock, 'star', 'mine')).toEqual([{ year: 2026 }])
})

test('我的摘星 sits behind the privacy consent: nothing is read before 同意', async () => {
  forgetAgreed()
  useConsentStore.setState({ open: false, waiters: [], wechat: null })
  serve({
    'star.mine': () => stars(),
    'session.agreePrivacy': () => ({ version: PRIVACY_VERSION, agreed: true, agreedAt: null }),
  })
  await openPage('/packages/stars/pages/mine/index')
  await settle()
  expect(byTestId('privacy-gate').textContent).toContain('同意《青聚隐私保护指引》后才能查看摘星进度、提交证明')
  expect(callsOf(callFunctionMock, 'star', 'mine')).toEqual([])
  await tap(byTestId('privacy-agree'))
  await settle()
  expect(callsOf(callFunctionMock, 'star', 'mine')).toEqual([{ year: 2026 }])
  expect(byTestId('star-total').textContent).toBe('2026 年已摘 1 / 3 颗星')
})

test('submit evidence with photos to a unit; a refusal is shown in the server’s words', async () => {
  const choose = jest.spyOn(Taro, 'chooseImage').mockResolvedValue({
    tempFilePaths: ['wxfile://a.jpg', 'wxfile://b.png'],
    tempFiles: [],
  } as never)
  let first = true
  serve({
    'star.mine': () => stars(),
    'star.evidenceUploads': (d) => ({
      uploads: (d as { files: string[] }).files.map((ext, i) => ({
        cloudPath: `star-evidence/x/${i}.${ext}`,
        uploadUrl: null,
      })),
    }),
    'star.submitEvidence': () => {
      if (first) {
        first = false
        throw new ApiError('CONFLICT', '这项指标的证明已提交，请等待审核')
      }
      return {}
    },
  })
  try {
    await openPage('/packages/stars/pages/mine/index')
    await settle()
    await tap(byTestId('star-submit-open'))
    await tap(byTestId('star-submit'))
    expect(byTestId('form-error').textContent).toBe('请写下证明说明（至少 2 个字）')
    await typeInto('input-note', '佩戴团徽参加植树')
    await tap(byTestId('star-add-photos'))
    await settle()
    expect(callsOf(callFunctionMock, 'star', 'evidenceUploads')).toEqual([{ unitId: UNIT_A, files: ['jpg', 'png'] }])
    await tap(byTestId('star-submit'))
    await settle()
    expect(byTestId('form-error').textContent).toBe('这项指标的证明已提交，请等待审核')
    await tap(byTestId('star-submit'))
    await settle()
    expect(callsOf(callFunctionMock, 'star', 'submitEvidence').slice(-1)).toEqual([
      {
        indicatorId: IND(3),
        unitId: UNIT_A,
        note: '佩戴团徽参加植树',
        fileIds: ['local://star-evidence/x/0.jpg', 'local://star-evidence/x/1.png'],
      },
    ])
    expect(toast).toHaveBeenCalledWith({ title: '已提交，等待审核', icon: 'none' })
  } finally {
    choose.mockRestore()
  }
})

test('a declined submission shows its reason and may be submitted again', async () => {
  serve({
    'star.mine': () =>
      stars({
        indicators: [
          indicator({
            id: IND(3),
            name: '亮身份',
            kind: 'evidence',
            threshold: 1,
            progress: 0,
            evidence: {
              id: EV,
              indicatorId: IND(3),
              unitId: UNIT_A,
              unitName: '甲单位团委',
              note: '照片',
              photoCount: 1,
              state: 'declined',
              reason: '照片看不清团徽',
              reviewedAt: '2026-11-20T02:00:00.000Z',
              createdAt: '2026-11-19T02:00:00.000Z',
            },
          }),
        ],
      }),
  })
  await openPage('/packages/stars/pages/mine/index')
  await settle()
  expect(byTestId('star-evidence').textContent).toBe('证明（甲单位团委）：未通过，原因：照片看不清团徽')
  expect(byTestId('star-submit-open').textContent).toBe('重新提交证明')
})

const review = (over: Partial<ReviewEvidence> = {}): ReviewEvidence => ({
  id: EV,
  indicatorId: IND(3),
  indicatorName: '亮身份',
  unitId: UNIT_A,
  unitName: '甲单位团委',
  note: '佩戴团徽参加植树',
  photoCount: 2,
  state: 'pending',
  reason: null,
  reviewedAt: null,
  createdAt: '2026-11-19T02:00:00.000Z',
  person: { nickname: '小李', realName: '李青' },
  reviewerName: null,
  ...over,
})

test('the organiser opens photos through links, must give a reason to decline, and approves', async () => {
  serve({
    'star.reviewList': () => [review()],
    'star.evidencePhotos': () => ({ urls: ['/files/a?sig=1', '/files/b?sig=2'] }),
    'star.review': (d) =>
      review({ state: (d as { decision: string }).decision === 'approve' ? 'approved' : 'declined' }),
  })
  await openPage(`/packages/stars/pages/review/index?unitId=${UNIT_A}`)
  await settle()
  expect(callsOf(callFunctionMock, 'star', 'reviewList')).toEqual([{ unitId: UNIT_A, state: 'pending' }])
  expect(text()).toContain('李青 · 亮身份')
  await tap(byTestId('evidence-photos'))
  await settle()
  expect(callsOf(callFunctionMock, 'star', 'evidencePhotos')).toEqual([{ evidenceId: EV }])
  expect(document.querySelectorAll('.stars__photo')).toHaveLength(2)

  await tap(byTestId('evidence-decline'))
  expect(byTestId('form-error').textContent).toBe('请填写未通过的原因')
  expect(callsOf(callFunctionMock, 'star', 'review')).toEqual([])
  await tap(byTestId('evidence-approve'))
  await settle()
  expect(callsOf(callFunctionMock, 'star', 'review')).toEqual([{ evidenceId: EV, decision: 'approve' }])
  expect(toast).toHaveBeenCalledWith({ title: '已通过', icon: 'none' })

  await tap(byText('.stars__chip', '未通过'))
  await settle()
  expect(callsOf(callFunctionMock, 'star', 'reviewList').slice(-1)).toEqual([{ unitId: UNIT_A, state: 'declined' }])
})

test('the district admin adds an indicator and publishes the year', async () => {
  const year = (over: Partial<StarYear> = {}): StarYear => ({ year: 2026, published: false, indicators: [], ...over })
  const hours = {
    id: IND(1),
    name: '志愿服务',
    kind: 'hours' as const,
    threshold: 10,
    categories: [],
    order: 1,
    description: '',
  }
  serve({
    'star.indicators': () => year(),
    'star.saveIndicator': () => year({ indicators: [hours] }),
    'star.publish': () => year({ published: true, indicators: [hours] }),
  })
  await openPage('/packages/stars/pages/indicators/index')
  await settle()
  expect(byTestId('indicators-state').textContent).toBe('2026 年摘星指标 · 未发布')
  await tap(byTestId('indicator-add'))
  expect(byTestId('form-error').textContent).toBe('请填写指标名称和达标数')
  await typeInto('input-name', '志愿服务')
  await typeInto('input-threshold', '10')
  await tap(byTestId('indicator-add'))
  await settle()
  expect(callsOf(callFunctionMock, 'star', 'saveIndicator')).toEqual([
    { year: 2026, name: '志愿服务', kind: 'hours', threshold: 10, categories: [], order: 1 },
  ])
  expect(allByTestId('indicator-row')).toHaveLength(1)
  await tap(byTestId('indicators-publish'))
  await settle()
  expect(callsOf(callFunctionMock, 'star', 'publish')).toEqual([{ year: 2026, published: true }])
  expect(byTestId('indicators-state').textContent).toBe('2026 年摘星指标 · 已发布')
})
