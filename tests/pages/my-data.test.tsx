/** 我的数据: everything held, grouped; the download; 注销账号 with what is kept said before confirming. */
import Taro from '@tarojs/taro'
import type { Me, MyData } from '@api/session'
import { PRIVACY_VERSION } from '@contract/session'
import { agreedOnThisDevice, rememberAgreed } from '@/features/privacy/consent'
import { useSessionStore } from '@/features/session/store/session'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { byTestId, byText, callsOf, tap, typeInto } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = '/packages/mine/pages/my-data/index'
const HOME = '/pages/index/index'

const DATA: MyData = {
  generatedAt: '2026-11-25T02:00:00.000Z',
  profile: {
    nickname: '小青',
    realName: '张小青',
    phone: '13912345678',
    birthDate: '2000-05-04',
    gender: '女',
    leagueMember: true,
    idType: '居民身份证',
    createdAt: '2026-01-02T01:00:00.000Z',
    privacyVersion: PRIVACY_VERSION,
    privacyAgreedAt: '2026-11-20T01:00:00.000Z',
    phoneVerifiedAt: '2026-11-20T01:05:00.000Z',
    guardian: { name: '张大青', phone: '13800001111', consentAt: '2026-11-20T01:10:00.000Z' },
  },
  units: [{ id: 'u-1', name: '甲单位团委', role: 'organiser' }],
  districtAdmin: false,
  applications: [],
  signups: [
    {
      activityId: 'a-1',
      title: '青年读书会：隐私专场',
      startAt: '2026-12-10T01:00:00.000Z',
      state: 'confirmed',
      createdAt: '2026-11-21T01:00:00.000Z',
      answers: [{ question: '衣服尺码', answer: 'M' }],
    },
  ],
  scans: [
    {
      activityTitle: '青年公益林植树',
      direction: 'in',
      method: 'site_code',
      scannedAt: '2026-11-01T01:00:00.000Z',
      latitude: 32.2,
      longitude: 119.43,
    },
  ],
  hours: [{ activityTitle: '青年公益林植树', day: '2026-11-01', kind: 'scan', hours: 1.5, status: 'approved' }],
  certificates: [
    {
      code: 'QJ7K2M-9XH4PD',
      from: '2026-01-01',
      to: '2026-12-31',
      totalHours: 1.5,
      issuedAt: '2026-11-02T01:00:00.000Z',
    },
  ],
  ratings: [
    {
      activityId: 'a-2',
      title: '青年公益林植树',
      stars: 4,
      tags: ['well_organised', 'come_again'],
      comment: '组织得很好，下次还来',
      ratedAt: '2026-11-02T02:00:00.000Z',
    },
  ],
  surveyResponses: [
    {
      surveyId: 's-1',
      title: '青年活动满意度调研',
      ownerUnitName: null,
      status: 'open',
      answeredAt: '2026-11-03T02:00:00.000Z',
      answers: [
        { question: '活动整体感受', answer: '很好' },
        { question: '还想说的话', answer: '希望多办读书会' },
      ],
    },
  ],
  wishes: [
    {
      id: 'w-1',
      title: '周末桌游夜',
      categoryName: '文体活动',
      body: '想认识更多同龄人',
      months: [5, 6],
      state: 'withdrawn',
      supporters: 3,
      createdAt: '2026-11-04T02:00:00.000Z',
    },
  ],
  wishSupports: [{ wishId: 'w-2', title: '城市定向赛', state: 'open', createdAt: '2026-11-05T02:00:00.000Z' }],
}

const EMPTY: MyData = {
  ...DATA,
  profile: { ...DATA.profile, realName: null, phone: null, privacyAgreedAt: null, privacyVersion: null },
  units: [],
  signups: [],
  scans: [],
  hours: [],
  certificates: [],
  ratings: [],
  surveyResponses: [],
  wishes: [],
  wishSupports: [],
}

function button(label: string, root: ParentNode = pageRoot()): HTMLElement {
  const b = Array.from(root.querySelectorAll<HTMLElement>('.taroify-button')).find(
    (e) => e.textContent?.trim() === label,
  )
  if (!b) throw new Error(`no button ${label}`)
  return b
}

const group = (id: string) => byTestId(id).textContent ?? ''

let reLaunch: jest.SpyInstance

beforeEach(() => {
  callFunctionMock.mockReset()
  rememberAgreed()
  // openPage itself relaunches to open a page; only the jump home after deleting is held back.
  const original = Taro.reLaunch.bind(Taro)
  reLaunch = jest
    .spyOn(Taro, 'reLaunch')
    .mockImplementation((option) =>
      option.url === HOME ? Promise.resolve({ errMsg: 'reLaunch:ok' }) : original(option),
    )
})

afterEach(() => {
  reLaunch.mockRestore()
})

test('我的 leads to 我的数据 and to the privacy guide', async () => {
  const me: Me = {
    userId: 'u-1',
    nickname: '小青',
    roles: ['youth'],
    units: [],
    privacy: { version: PRIVACY_VERSION, agreed: true, agreedAt: null },
    application: null,
  }
  serve({ 'session.me': () => me, 'session.myData': () => DATA })
  useSessionStore.getState().reset()
  await openPage('/pages/me/index')
  expect(group('my-privacy')).toContain('隐私保护指引')
  await tap(byText('.taroify-cell__title', '我的数据'))
  await settle()
  expect(callsOf(callFunctionMock, 'session', 'myData')).toEqual([{}])
  expect(byTestId('my-data-page')).toBeTruthy()
})

test('shows what is held, grouped', async () => {
  serve({ 'session.myData': () => DATA })
  await openPage(PAGE)
  const profile = group('data-profile')
  for (const shown of [
    '小青',
    '张小青',
    '13912345678',
    '2000-05-04',
    '女',
    '居民身份证',
    `版本 ${PRIVACY_VERSION}`,
    '已通过微信验证',
    '张大青 13800001111',
  ])
    expect(profile).toContain(shown)
  expect(group('data-units')).toContain('甲单位团委')
  expect(group('data-units')).toContain('组织者')
  expect(group('data-signups')).toContain('青年读书会：隐私专场')
  expect(group('data-signups')).toContain('已报名')
  expect(group('data-signups')).toContain('衣服尺码：M')
  expect(group('data-scans')).toContain('签到')
  expect(group('data-scans')).toContain('北纬 32.2000，东经 119.4300')
  expect(group('data-hours')).toContain('1.5 小时')
  expect(group('data-hours')).toContain('已确认')
  expect(group('data-certificates')).toContain('QJ7K2M-9XH4PD')
  for (const shown of ['青年公益林植树', '4 星', '标签：组织有序、想再参加', '留言：组织得很好，下次还来'])
    expect(group('data-ratings')).toContain(shown)
  for (const shown of ['青年活动满意度调研', '团区委 · 收集中', '活动整体感受：很好', '还想说的话：希望多办读书会'])
    expect(group('data-surveys')).toContain(shown)
  for (const shown of ['周末桌游夜', '文体活动', '5月、6月', '已撤回', '3 人想参加', '想认识更多同龄人'])
    expect(group('data-wishes')).toContain(shown)
  expect(group('data-wish-supports')).toContain('城市定向赛')
  expect(group('data-wish-supports')).toContain('展示中')
  // Only Chinese (and the values themselves) is shown: no state or kind identifiers.
  expect(text()).not.toMatch(/confirmed|approved|site_code|organiser|scan\b|well_organised|come_again|withdrawn|open\b/)
})

test('empty groups say so', async () => {
  serve({ 'session.myData': () => EMPTY })
  await openPage(PAGE)
  expect(group('data-profile')).toContain('未填写')
  expect(group('data-profile')).toContain('未同意')
  for (const id of [
    'data-units',
    'data-signups',
    'data-scans',
    'data-hours',
    'data-certificates',
    'data-ratings',
    'data-surveys',
    'data-wishes',
    'data-wish-supports',
  ])
    expect(group(id)).toContain('暂无')
})

test('an answer from a server without the youth-voice fields shows those groups as empty', async () => {
  const { ratings: _r, surveyResponses: _s, wishes: _w, wishSupports: _ws, ...older } = EMPTY
  serve({ 'session.myData': () => older })
  await openPage(PAGE)
  for (const id of ['data-ratings', 'data-surveys', 'data-wishes', 'data-wish-supports'])
    expect(group(id)).toContain('暂无')
})

test('下载我的数据 asks for the export and downloads it through its link', async () => {
  const file = {
    fileName: '青聚-我的数据.json',
    fileId: 'local://exports/my-data/x.json',
    url: '/files/exports/my-data/x.json?exp=1&sig=s',
  }
  serve({ 'session.myData': () => DATA, 'session.exportMyData': () => file })
  const clicked: { href: string | null; download: string | null }[] = []
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.getAttribute('href'), download: this.getAttribute('download') })
  })
  try {
    await openPage(PAGE)
    await tap(button('下载我的数据'))
    await settle()
    expect(callsOf(callFunctionMock, 'session', 'exportMyData')).toEqual([{}])
    expect(clicked).toEqual([{ href: file.url, download: file.fileName }])
  } finally {
    click.mockRestore()
  }
})

test('下载为表格 asks for the workbook and downloads it through its link', async () => {
  const file = {
    fileName: '青聚-我的数据.xlsx',
    fileId: 'local://exports/my-data/x.xlsx',
    url: '/files/exports/my-data/x.xlsx?exp=1&sig=s',
  }
  serve({ 'session.myData': () => DATA, 'session.exportMyData': () => file })
  const clicked: { href: string | null; download: string | null }[] = []
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.getAttribute('href'), download: this.getAttribute('download') })
  })
  try {
    await openPage(PAGE)
    await tap(button('下载为表格（Excel）'))
    await settle()
    expect(callsOf(callFunctionMock, 'session', 'exportMyData')).toEqual([{ format: 'xlsx' }])
    expect(clicked).toEqual([{ href: file.url, download: file.fileName }])
  } finally {
    click.mockRestore()
  }
})

describe('注销账号', () => {
  test('says what goes and what is kept, and needs the word 注销 before anything happens', async () => {
    serve({ 'session.myData': () => DATA, 'session.deleteAccount': () => ({ deleted: true }) })
    await openPage(PAGE)
    await tap(button('注销账号'))
    const dialog = byTestId('delete-dialog')
    expect(byTestId('delete-kept').textContent).toBe(
      '志愿服务时长和已出具的证书依规需保留，将以匿名方式保存（证明仍可查验，但不显示姓名）。',
    )
    expect(dialog.textContent).toContain('尚未开始的活动报名将被取消，名额依次让给候补者')
    expect(dialog.textContent).toContain('退出所在的成员单位')
    expect(dialog.textContent).toContain('你写的活动评价留言和问卷文字回答将被删除')
    expect(dialog.textContent).toContain('如无他人想参加、也未被认领，将被撤下并删除内容')
    expect(byTestId('delete-kept-voice').textContent).toContain('评分和标签、问卷选择题和评分题的答案')
    expect(byTestId('delete-kept-voice').textContent).toContain('已有他人想参加或已被认领的心愿继续留在心愿墙上')
    const confirm = () => button('确认注销', byTestId('delete-dialog'))
    expect(confirm().className).toContain('taroify-button--disabled')
    await typeInto('input-confirm', '删除')
    expect(confirm().className).toContain('taroify-button--disabled')
    expect(callsOf(callFunctionMock, 'session', 'deleteAccount')).toEqual([])

    await typeInto('input-confirm', '注销')
    expect(confirm().className).not.toContain('taroify-button--disabled')
    await tap(confirm())
    await settle()
    expect(callsOf(callFunctionMock, 'session', 'deleteAccount')).toEqual([{ confirm: '注销' }])
    // The next person on this device is asked for consent again, and starts from the home page.
    expect(agreedOnThisDevice()).toBe(false)
    expect(reLaunch).toHaveBeenCalledWith({ url: HOME })
  })

  test("the last admin's refusal shows in the dialog and nothing else happens", async () => {
    serve({
      'session.myData': () => DATA,
      'session.deleteAccount': () => {
        throw new ApiError('LAST_ADMIN', '您是“甲单位团委”唯一的管理员，请先指定其他管理员，再注销账号')
      },
    })
    await openPage(PAGE)
    await tap(button('注销账号'))
    await typeInto('input-confirm', '注销')
    await tap(button('确认注销', byTestId('delete-dialog')))
    await settle()
    expect(byTestId('delete-error').textContent).toBe('您是“甲单位团委”唯一的管理员，请先指定其他管理员，再注销账号')
    expect(agreedOnThisDevice()).toBe(true)
    expect(reLaunch).not.toHaveBeenCalledWith({ url: HOME })
    await tap(button('取消', byTestId('delete-dialog')))
    expect(pageRoot().querySelector('[data-testid="delete-dialog"]')).toBeNull()
  })
})
