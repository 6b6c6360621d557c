/**
 * 调研问卷 (packages/surveys): the list (to answer; and for organisers and the district admin, what
 * they run), the editor (questions added, removed, reordered, kinds, options, required; saved and
 * published), answering (choices, scale, text; required answers; a refusal shown; read-only once
 * closed), and the results (bars drawn with Views, percentages, text answers page by page, export).
 */
import Taro from '@tarojs/taro'
import type { SurveyDetail, SurveyResults, SurveySummary } from '@api/survey'
import { ApiError } from '@/services/cloud'
import { useSessionStore } from '@/features/session/store/session'
import { forgetAgreed, rememberAgreed } from '@/features/privacy/consent'
import { useConsentStore } from '@/features/privacy/store/consent'
import { openPage, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, byText, callsOf, pick, tap, typeInto } from './support/dom'
import { UNIT_A, me } from './support/venue-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const SURVEY_ID = '11111111-1111-4111-8111-111111111111'
const PAGES = '/packages/surveys/pages'

function summary(overrides: Partial<SurveySummary> = {}): SurveySummary {
  return {
    id: SURVEY_ID,
    title: '润州青年需求调研',
    status: 'open',
    ownerUnitId: null,
    ownerName: '团区委',
    audience: 'district',
    audienceUnitId: null,
    audienceActivityId: null,
    audienceName: null,
    planYear: 2026,
    questionCount: 4,
    responses: 0,
    answered: false,
    manageable: false,
    openedAt: '2026-11-20T01:00:00.000Z',
    closedAt: null,
    ...overrides,
  }
}

function detail(overrides: Partial<SurveyDetail> = {}): SurveyDetail {
  return {
    ...summary(),
    intro: '请花两分钟告诉我们您的想法。',
    questions: [
      {
        id: 'q1',
        kind: 'single',
        title: '您最常参加哪类活动？',
        required: true,
        options: [
          { id: 'o1', label: '读书会' },
          { id: 'o2', label: '植树' },
        ],
        maxPicks: null,
      },
      {
        id: 'q2',
        kind: 'multi',
        title: '您希望在哪些时间参加？',
        required: false,
        options: [
          { id: 'o1', label: '工作日晚上' },
          { id: 'o2', label: '周六' },
          { id: 'o3', label: '周日' },
        ],
        maxPicks: 2,
      },
      { id: 'q3', kind: 'scale', title: '您对今年的活动满意吗？', required: true, options: [], maxPicks: null },
      { id: 'q4', kind: 'text', title: '您还有什么建议？', required: false, options: [], maxPicks: null },
    ],
    myAnswers: {},
    canAnswer: true,
    ...overrides,
  }
}

const youth = () => me({ nickname: '李青', roles: ['youth'], units: [] })
const admin = () => me({ nickname: '杨帆', roles: ['youth', 'district_admin'], units: [] })

let toast: jest.SpyInstance
let modal: jest.SpyInstance
let navigate: jest.SpyInstance

beforeEach(() => {
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  useSessionStore.getState().reset()
  rememberAgreed()
  useConsentStore.setState({ open: false, waiters: [], wechat: null })
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
  modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})

afterEach(() => {
  toast.mockRestore()
  modal.mockRestore()
  navigate.mockRestore()
  jest.useRealTimers()
})

describe('the list', () => {
  test('a young person sees the surveys to answer, answered ones marked, and opens one', async () => {
    serve({
      'session.me': () => youth(),
      'survey.list': () => ({ items: [summary(), summary({ id: 'b', title: '读书会回访', answered: true })] }),
    })
    await openPage(`${PAGES}/list/index`)
    expect(callsOf(callFunctionMock, 'survey', 'list')).toEqual([{ scope: 'answer' }])
    expect(allByTestId('survey-state').map((e) => e.textContent)).toEqual(['收集中', '已填写'])
    expect(text()).not.toContain('我发起的')
    await tap(allByTestId('survey-card')[0])
    expect(navigate).toHaveBeenCalledWith({ url: `${PAGES}/answer/index?id=${SURVEY_ID}` })
  })

  test('an organiser also sees what they run, with edit, results and a new survey', async () => {
    serve({
      'session.me': () => me(),
      'survey.list': (d) =>
        (d as { scope: string }).scope === 'manage'
          ? {
              items: [
                summary({ ownerUnitId: UNIT_A, ownerName: '中国邮政镇江分公司团委', responses: 12, manageable: true }),
                summary({ id: 'd', status: 'draft', title: '草稿问卷', manageable: true }),
              ],
            }
          : { items: [] },
    })
    await openPage(`${PAGES}/list/index`)
    expect(text()).toContain('暂时没有需要填写的问卷')
    await tap(byText('.taroify-tabs__tab', '我发起的'))
    expect(callsOf(callFunctionMock, 'survey', 'list').slice(-1)).toEqual([{ scope: 'manage' }])
    expect(text()).toContain('12 份答卷')
    expect(allByTestId('survey-edit').map((e) => e.textContent)).toEqual(['查看', '编辑'])
    expect(allByTestId('survey-results')).toHaveLength(1)
    await tap(byTestId('survey-results'))
    expect(navigate).toHaveBeenLastCalledWith({ url: `${PAGES}/results/index?id=${SURVEY_ID}` })
    await tap(byTestId('survey-new'))
    expect(navigate).toHaveBeenLastCalledWith({ url: `${PAGES}/editor/index` })
  })
})

describe('answering', () => {
  test('choices, the scale and a text go to the server as answers; the pick limit holds', async () => {
    const sent: unknown[] = []
    serve({
      'survey.get': () => detail(),
      'survey.answer': (d) => {
        sent.push(d)
        return detail({ answered: true, myAnswers: { q1: ['o2'], q3: 4 } })
      },
    })
    await openPage(`${PAGES}/answer/index?id=${SURVEY_ID}`)
    expect(allByTestId('answer-question')).toHaveLength(4)
    await tap(byTestId('option-q1-o1'))
    await tap(byTestId('option-q1-o2'))
    await tap(byTestId('option-q2-o1'))
    await tap(byTestId('option-q2-o2'))
    await tap(byTestId('option-q2-o3')) // a third pick of at most two: ignored
    await tap(byTestId('scale-q3-4'))
    await typeInto('text-q4', '希望多办周末活动')
    expect(byTestId('option-q1-o2').className).toContain('sv__choice--on')
    expect(byTestId('option-q1-o1').className).not.toContain('sv__choice--on')
    await tap(byTestId('answer-submit'))
    expect(sent).toEqual([
      {
        surveyId: SURVEY_ID,
        answers: [
          { questionId: 'q1', optionIds: ['o2'] },
          { questionId: 'q2', optionIds: ['o1', 'o2'] },
          { questionId: 'q3', value: 4 },
          { questionId: 'q4', text: '希望多办周末活动' },
        ],
      },
    ])
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '提交成功，谢谢参与' }))
    expect(text()).toContain('您已填写，可在问卷结束前修改')
  })

  test('a required question left out is named before anything is sent; a refusal is shown', async () => {
    serve({
      'survey.get': () => detail(),
      'survey.answer': () => {
        throw new ApiError('SURVEY_CLOSED', '问卷未开放或已结束')
      },
    })
    await openPage(`${PAGES}/answer/index?id=${SURVEY_ID}`)
    await tap(byTestId('option-q1-o1'))
    await tap(byTestId('answer-submit'))
    expect(byTestId('form-error').textContent).toContain('第 3 题为必答题，请作答')
    expect(callsOf(callFunctionMock, 'survey', 'answer')).toEqual([])
    await tap(byTestId('scale-q3-5'))
    await tap(byTestId('answer-submit'))
    expect(byTestId('form-error').textContent).toContain('问卷未开放或已结束')
  })

  test('the questions sit behind the privacy consent', async () => {
    forgetAgreed()
    serve({ 'survey.get': () => detail() })
    await openPage(`${PAGES}/answer/index?id=${SURVEY_ID}`)
    expect(byTestId('privacy-gate').textContent).toContain('同意《青聚隐私保护指引》后才能填写问卷')
    expect(allByTestId('answer-question')).toEqual([])
    expect(allByTestId('answer-submit')).toEqual([])
  })

  test('my earlier answers are shown; a closed survey is read-only', async () => {
    serve({
      'survey.get': () =>
        detail({ status: 'closed', canAnswer: false, answered: true, myAnswers: { q1: ['o2'], q3: 3, q4: '很好' } }),
    })
    await openPage(`${PAGES}/answer/index?id=${SURVEY_ID}`)
    expect(byTestId('option-q1-o2').className).toContain('sv__choice--on')
    expect(byTestId('scale-q3-3').className).toContain('sv__scale-item--on')
    expect(byTestId('survey-readonly').textContent).toBe('问卷已结束，答卷不能再修改')
    expect(allByTestId('answer-submit')).toEqual([])
    await tap(byTestId('option-q1-o1'))
    expect(byTestId('option-q1-o1').className).not.toContain('sv__choice--on')
  })
})

describe('the editor', () => {
  test('the district admin writes questions (add, kinds, options, required, reorder, remove), saves and publishes', async () => {
    const created: unknown[] = []
    serve({
      'session.me': () => admin(),
      'survey.create': (d) => {
        created.push(d)
        return detail({ status: 'draft', manageable: true })
      },
      'survey.update': () => detail({ status: 'draft', manageable: true }),
      'survey.open': () => detail({ status: 'open', manageable: true }),
    })
    await useSessionStore.getState().load()
    await openPage(`${PAGES}/editor/index`)
    await typeInto('input-title', '润州青年需求调研')
    await typeInto('input-title-1', '您最常参加哪类活动？')
    await typeInto('option-1-1', '读书会')
    await typeInto('option-1-2', '植树')
    await tap(byTestId('option-add-1'))
    await typeInto('option-1-3', '联谊')
    await tap(byTestId('option-remove-1-2'))
    await pick('switch-required-1', 1)
    await tap(byTestId('question-add'))
    await pick('picker-kind-2', 2) // 1–5 分量表
    await typeInto('input-title-2', '满意度')
    await tap(byTestId('question-add'))
    await pick('picker-kind-3', 1) // 多选题
    await typeInto('input-title-3', '时间')
    await typeInto('option-3-1', '周六')
    await typeInto('option-3-2', '周日')
    await typeInto('input-max-3', '1')
    // The scale moves to the top, then the multiple choice is removed.
    await tap(allByTestId('question-up')[1])
    await tap(allByTestId('question-remove')[2])
    await pick('switch-plan', 1)
    await tap(byTestId('editor-publish'))
    expect(created).toEqual([
      {
        ownerUnitId: null,
        title: '润州青年需求调研',
        intro: '',
        questions: [
          { kind: 'scale', title: '满意度', required: false },
          { kind: 'single', title: '您最常参加哪类活动？', required: true, options: ['读书会', '联谊'] },
        ],
        audience: 'district',
        audienceUnitId: null,
        audienceActivityId: null,
        planYear: 2026,
      },
    ])
    expect(callsOf(callFunctionMock, 'survey', 'open')).toEqual([{ surveyId: SURVEY_ID }])
    expect(byTestId('editor-state').textContent).toBe('收集中')
  })

  test('a refusal is shown next to the buttons; an open survey can only be closed', async () => {
    serve({
      'session.me': () => admin(),
      'survey.get': () => detail({ status: 'draft', manageable: true }),
      'survey.update': () => {
        throw new ApiError('INVALID_INPUT', '第 1 题有重复的选项', undefined, { questions: '选项重复' })
      },
    })
    await useSessionStore.getState().load()
    await openPage(`${PAGES}/editor/index?id=${SURVEY_ID}`)
    expect(allByTestId('editor-question')).toHaveLength(4)
    await tap(byTestId('editor-save'))
    expect(byTestId('form-error').textContent).toContain('第 1 题有重复的选项')
    serve({
      'session.me': () => admin(),
      'survey.get': () => detail({ status: 'open', manageable: true, responses: 3 }),
      'survey.close': () => detail({ status: 'closed', manageable: true, responses: 3 }),
    })
    await openPage(`${PAGES}/editor/index?id=${SURVEY_ID}`)
    expect(allByTestId('editor-question')).toEqual([])
    await tap(byTestId('editor-close'))
    expect(callsOf(callFunctionMock, 'survey', 'close')).toEqual([{ surveyId: SURVEY_ID }])
    expect(byTestId('editor-state').textContent).toBe('已结束')
  })
})

describe('the results', () => {
  const results = (): SurveyResults => ({
    survey: summary({ manageable: true, responses: 3 }),
    responses: 3,
    questions: [
      {
        questionId: 'q1',
        kind: 'single',
        title: '您最常参加哪类活动？',
        required: true,
        answered: 3,
        choices: [
          { key: 'o1', label: '读书会', count: 2, percent: 66.7 },
          { key: 'o2', label: '植树', count: 1, percent: 33.3 },
        ],
        average: null,
      },
      {
        questionId: 'q3',
        kind: 'scale',
        title: '满意度',
        required: true,
        answered: 2,
        choices: [1, 2, 3, 4, 5].map((v) => ({
          key: String(v),
          label: `${v} 分`,
          count: v >= 4 ? 1 : 0,
          percent: v >= 4 ? 50 : 0,
        })),
        average: 4.5,
      },
      { questionId: 'q4', kind: 'text', title: '建议', required: false, answered: 3, choices: [], average: null },
    ],
  })

  test('bars with counts and shares, the mean, text answers page by page, and the export', async () => {
    serve({
      'survey.results': () => results(),
      'survey.textAnswers': (d) =>
        (d as { cursor?: string }).cursor
          ? { items: ['第三条'], nextCursor: null }
          : { items: ['第一条', '第二条'], nextCursor: '22222222-2222-4222-8222-222222222222' },
      'survey.export': () => ({ fileName: '问卷结果-润州青年需求调研.xlsx', fileId: 'f1', url: '/files/s.xlsx' }),
    })
    const clicks: (string | null)[] = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(this.getAttribute('download'))
    })
    try {
      await openPage(`${PAGES}/results/index?id=${SURVEY_ID}`)
      expect(byTestId('results-responses').textContent).toBe('共 3 份答卷')
      const values = allByTestId('result-bar-value').map((e) => e.textContent)
      expect(values.slice(0, 2)).toEqual(['2 人 · 66.7%', '1 人 · 33.3%'])
      const fills = allByTestId('result-bar-fill').map((e) => e.style.width)
      expect(fills.slice(0, 2)).toEqual(['66.7%', '33.3%'])
      expect(allByTestId('result-bar')).toHaveLength(7)
      expect(allByTestId('result-answered').map((e) => e.textContent)).toEqual([
        '3 人作答',
        '2 人作答 · 平均 4.5 分',
        '3 人作答',
      ])
      expect(allByTestId('text-answer-q4').map((e) => e.textContent)).toEqual(['第一条', '第二条'])
      await tap(byTestId('text-more-q4'))
      expect(callsOf(callFunctionMock, 'survey', 'textAnswers').slice(-1)).toEqual([
        { surveyId: SURVEY_ID, questionId: 'q4', cursor: '22222222-2222-4222-8222-222222222222' },
      ])
      expect(allByTestId('text-answer-q4').map((e) => e.textContent)).toEqual(['第一条', '第二条', '第三条'])
      expect(allByTestId('text-more-q4')).toEqual([])
      await tap(byTestId('results-export'))
      expect(callsOf(callFunctionMock, 'survey', 'export')).toEqual([{ surveyId: SURVEY_ID }])
      expect(clicks).toEqual(['问卷结果-润州青年需求调研.xlsx'])
    } finally {
      click.mockRestore()
    }
  })

  test('someone who may not see the results is told why', async () => {
    serve({
      'survey.results': () => {
        throw new ApiError('FORBIDDEN', '只有发起问卷的单位或团区委可以管理问卷、查看结果')
      },
    })
    await openPage(`${PAGES}/results/index?id=${SURVEY_ID}`)
    expect(text()).toContain('只有发起问卷的单位或团区委可以管理问卷、查看结果')
  })
})

describe('the annual list page', () => {
  test('shows the surveys linked to its year, with their results entry', async () => {
    serve({
      'plan.get': () => ({ districtId: 'runzhou', year: 2026, status: 'published', publishedAt: null, lines: [] }),
      'org.units': () => ({ items: [] }),
      'activity.categories': () => ({ items: [] }),
      'survey.list': () => ({ items: [summary({ manageable: true, responses: 36 })] }),
    })
    await openPage('/packages/admin/pages/plan/index?year=2026')
    expect(callsOf(callFunctionMock, 'survey', 'list')).toEqual([{ scope: 'plan', year: 2026 }])
    expect(byTestId('plan-survey').textContent).toContain('润州青年需求调研（收集中 · 36 份答卷）')
    await tap(byTestId('plan-survey-results'))
    expect(navigate).toHaveBeenCalledWith({ url: `${PAGES}/results/index?id=${SURVEY_ID}` })
  })
})
