import Taro from '@tarojs/taro'
import type { CompletionGrid, Plan } from '@api/plan'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { categories } from './support/fixtures'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, byText, callsOf, tap, typeInto } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const U1 = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  districtId: 'runzhou',
  name: '瑞祥科技集团团委',
  kind: 'new_economy' as const,
  intro: '科技企业',
  status: 'pending' as const,
  application: {
    contactName: '王磊',
    contactPhone: '13905112233',
    submittedAt: '2024-03-04T02:30:00.000Z',
    reviewReason: null,
    reviewedAt: null,
  },
}
const U2 = {
  id: 'bbbbbbbb-0000-4000-8000-000000000002',
  districtId: 'runzhou',
  name: '江苏南昆仑律师事务所团支部',
  kind: 'other' as const,
  intro: '',
  status: 'pending' as const,
  application: {
    contactName: '陈静',
    contactPhone: '13800001111',
    submittedAt: '2024-03-05T01:00:00.000Z',
    reviewReason: null,
    reviewedAt: null,
  },
}

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
})

afterEach(() => {
  jest.useRealTimers()
})

describe('成员单位审核', () => {
  test('驳回 needs a reason and sends it; 通过 asks first, then admits; both leave the pending list', async () => {
    const modal = jest.spyOn(Taro, 'showModal')
    serve({
      'org.units': () => ({ items: [U1, U2] }),
      'org.review': (data) => ({ ...U1, ...(data as object) }),
    })
    await openPage('/packages/admin/pages/review/index')

    expect(callsOf(callFunctionMock, 'org', 'units')).toEqual([{ status: 'pending' }])
    expect(allByTestId('review-unit')).toHaveLength(2)
    // Who applied, how to reach them, and when.
    const applicant = allByTestId('review-applicant')[0].textContent
    expect(applicant).toContain('联系人 王磊 · 13905112233')
    expect(applicant).toContain('提交于 3月4日 10:30')

    await tap(allByTestId('review-unit')[0].querySelector<HTMLElement>('.review__reject') as HTMLElement)
    const dialog = byTestId('reason-dialog')
    expect(dialog.textContent).toContain('驳回「瑞祥科技集团团委」')
    const confirm = dialog.querySelector<HTMLElement>('.reason-dialog__confirm') as HTMLElement
    // Without a reason nothing is sent.
    await tap(confirm)
    expect(callsOf(callFunctionMock, 'org', 'review')).toHaveLength(0)

    await typeInto('reason-input', '  请补充单位全称和联系人  ')
    await tap(confirm)
    expect(callsOf(callFunctionMock, 'org', 'review')).toEqual([
      { unitId: U1.id, decision: 'reject', reason: '请补充单位全称和联系人' },
    ])
    expect(pageRoot().querySelector('[data-testid="reason-dialog"]')).toBeNull()
    expect(allByTestId('review-unit').map((e) => e.textContent)).toEqual([
      expect.stringContaining('江苏南昆仑律师事务所团支部'),
    ])

    // 通过 in one tap would make a stranger an admin: it asks, and a 再看看 sends nothing.
    const admit = () => allByTestId('review-unit')[0].querySelector<HTMLElement>('.review__admit') as HTMLElement
    modal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
    await tap(admit())
    expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '通过「江苏南昆仑律师事务所团支部」' }))
    expect(callsOf(callFunctionMock, 'org', 'review')).toHaveLength(1)
    modal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    await tap(admit())
    expect(callsOf(callFunctionMock, 'org', 'review')[1]).toEqual({ unitId: U2.id, decision: 'admit' })
    expect(text()).toContain('没有待审核的申请')
    modal.mockRestore()
  })

  test('FORBIDDEN shows the message without 重试', async () => {
    serve({
      'org.units': () => {
        throw new ApiError('FORBIDDEN', '仅团区委管理员可以审核')
      },
    })
    await openPage('/packages/admin/pages/review/index')
    const error = byTestId('error-state')
    expect(error.textContent).toContain('仅团区委管理员可以审核')
    expect(error.querySelector('.taroify-button')).toBeNull()
  })
})

const grid: CompletionGrid = {
  year: 2024,
  months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  rows: [
    {
      unit: { id: U1.id, name: '瑞祥科技集团团委' },
      cells: [
        { month: 1, lines: [{ id: 'l1', title: '新春联谊', state: 'held' }] },
        { month: 2, lines: [{ id: 'l2', title: '读书会', state: 'overdue' }] },
        {
          month: 3,
          lines: [
            { id: 'l3', title: '植树', state: 'posted' },
            { id: 'l4', title: '创业沙龙', state: 'planned' },
          ],
        },
      ],
      heldCount: 1,
    },
  ],
  unitsWithoutHeldActivity: [{ id: U2.id, name: '江苏南昆仑律师事务所团支部' }],
}

test('the completion grid shows every line in its month with its state, and units without a held activity', async () => {
  serve({ 'plan.completion': () => grid })
  await openPage('/packages/admin/pages/completion/index')

  expect(callsOf(callFunctionMock, 'plan', 'completion')).toEqual([{ year: 2024 }])
  // A phone sees last month, this month (March) and the next, without scrolling sideways.
  const heads = () => Array.from(byTestId('completion-grid').querySelectorAll('.grid__row--head .grid__cell'))
  expect(heads().map((h) => h.textContent)).toEqual(['2月', '3月', '4月'])
  expect(byTestId('completion-grid').className).not.toContain('grid--year')
  await tap(byTestId('months-earlier'))
  expect(heads().map((h) => h.textContent)).toEqual(['1月', '2月', '3月'])
  await tap(byTestId('months-toggle'))
  expect(heads()).toHaveLength(12)
  expect(byTestId('completion-grid').className).toContain('grid--year')
  const [row] = allByTestId('grid-row')
  const cell = (m: number) => row.querySelector(`[data-month="${m}"]`) as HTMLElement
  const states = (m: number) =>
    Array.from(cell(m).querySelectorAll<HTMLElement>('.grid__line')).map((l) => [
      l.textContent,
      l.className.match(/line-state--(\w+)/)?.[1],
    ])
  expect(states(1)).toEqual([['新春联谊', 'held']])
  expect(states(2)).toEqual([['读书会', 'overdue']])
  expect(states(3)).toEqual([
    ['植树', 'posted'],
    ['创业沙龙', 'planned'],
  ])
  expect(states(4)).toEqual([])
  expect(row.querySelector('.grid__count')?.textContent).toBe('1')
  // The legend names the colours.
  expect(text()).toContain('计划中')
  expect(text()).toContain('已发布')
  expect(text()).toContain('已举办')
  expect(text()).toContain('逾期')
  expect(byTestId('units-without-held').textContent).toContain('江苏南昆仑律师事务所团支部')
})

const plan: Plan = {
  districtId: 'runzhou',
  year: 2024,
  status: 'draft',
  publishedAt: null,
  lines: [
    {
      id: 'l1',
      year: 2024,
      unit: { id: U1.id, name: '瑞祥科技集团团委' },
      category: { code: 'culture', name: '文体活动' },
      title: '新春联谊',
      plannedMonth: 1,
      targetCommunity: null,
      needsNote: null,
      state: 'planned',
      events: [],
    },
  ],
}

async function chooseFile(content: string, name = '清单.xlsx') {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')
  if (!input) throw new Error('no file input')
  expect(input.accept).toContain('.xlsx')
  Object.defineProperty(input, 'files', { value: [new File([content], name)] })
  input.dispatchEvent(new Event('change'))
  // FileReader finishes asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 20))
  await settle()
}

test('删除 is offered only on lines without events; a line with events says how many', async () => {
  const withEvents = {
    ...plan.lines[0],
    id: 'l2',
    title: '青年公益林植树',
    events: [{ id: 'e1', title: '植树节', startAt: '2024-03-12T01:00:00Z', phase: 'finished' }],
  }
  serve({
    'plan.get': () => ({ ...plan, lines: [plan.lines[0], withEvents] }),
    'org.units': () => ({ items: [] }),
    'activity.categories': () => ({ items: categories }),
  })
  await openPage('/packages/admin/pages/plan/index')
  const [empty, used] = allByTestId('plan-line')
  expect(empty.textContent).toContain('删除')
  expect(used.textContent).not.toContain('删除')
  expect(used.textContent).toContain('已有 1 场活动')
})

test('importing a file sends its base64 without the data: prefix and lists row errors', async () => {
  serve({
    'plan.get': () => plan,
    'org.units': () => ({ items: [] }),
    'activity.categories': () => ({ items: categories }),
    'plan.importXlsx': () => ({
      imported: 0,
      errors: [
        { row: 3, message: '找不到单位“某某团委”' },
        { row: 7, message: '月份应为 1–12' },
      ],
    }),
  })
  await openPage('/packages/admin/pages/plan/index')
  expect(byTestId('plan-status').textContent).toBe('草稿')
  expect(text()).toContain('发布清单')

  await tap(byText('.taroify-button', '导入 Excel'))
  await tap(byText('.plan__mode', '替换整个清单'))
  await tap(byText('.taroify-button', '选择 .xlsx 文件'))
  const content = 'x'.repeat(120)
  await chooseFile(content)

  const [req] = callsOf(callFunctionMock, 'plan', 'importXlsx') as { year: number; fileBase64: string; mode: string }[]
  expect(req).toEqual({ year: 2024, fileBase64: Buffer.from(content).toString('base64'), mode: 'replace' })
  const errors = byTestId('import-errors')
  expect(errors.textContent).toContain('第 3 行：找不到单位“某某团委”')
  expect(errors.textContent).toContain('第 7 行：月份应为 1–12')
  // Nothing was imported: the list is not reloaded.
  expect(callsOf(callFunctionMock, 'plan', 'get')).toHaveLength(1)
  expect(document.querySelector('input[type="file"]')).toBeNull()
})

test('a successful import reloads the list; publishing sends the year', async () => {
  let published = false
  serve({
    'plan.get': () => ({ ...plan, status: published ? 'published' : 'draft' }),
    'org.units': () => ({ items: [] }),
    'activity.categories': () => ({ items: categories }),
    'plan.importXlsx': () => ({ imported: 12, errors: [] }),
    'plan.publish': () => {
      published = true
      return { ...plan, status: 'published', publishedAt: '2024-03-05T04:00:00Z' }
    },
  })
  await openPage('/packages/admin/pages/plan/index')
  await tap(byText('.taroify-button', '导入 Excel'))
  await tap(byText('.taroify-button', '选择 .xlsx 文件'))
  await chooseFile('y'.repeat(200))

  expect((callsOf(callFunctionMock, 'plan', 'importXlsx')[0] as { mode: string }).mode).toBe('append')
  expect(byTestId('import-ok').textContent).toBe('已导入 12 条')
  expect(callsOf(callFunctionMock, 'plan', 'get')).toHaveLength(2)

  await tap(byText('.taroify-button', '发布清单'))
  expect(callsOf(callFunctionMock, 'plan', 'publish')).toEqual([{ year: 2024 }])
  expect(byTestId('plan-status').textContent).toBe('已发布')
  expect(text()).not.toContain('发布清单')
})
