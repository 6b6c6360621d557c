/**
 * 手机号查看记录 (packages/admin/pages/audit): the district admin's list of reads of whole phone
 * numbers, newest first, with Chinese labels, a filter by kind and the next page on reaching the bottom.
 */
import type { AuditEntry, AuditLogPage, AuditLogRequest } from '@api/org'
import { ApiError } from '@/services/cloud'
import { openPage, reachBottom, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byText, callsOf, tap } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = '/packages/admin/pages/audit/index'

const rosterRead: AuditEntry = {
  id: '00000000-0000-4000-8000-000000000001',
  at: '2024-03-05T02:30:00.000Z',
  kind: 'roster_read',
  actor: { userId: 'u1', name: '陆斌' },
  object: { type: 'activity', id: 'a1', title: '邮政青年志愿林补植', unitName: '中国邮政镇江分公司团委' },
  people: 12,
}
const hoursExport: AuditEntry = {
  id: '00000000-0000-4000-8000-000000000002',
  at: '2024-03-04T08:05:00.000Z',
  kind: 'hours_export',
  actor: { userId: 'u2', name: '杨帆' },
  object: { type: 'period', year: 2024, month: 2 },
  people: 40,
}
const planExport: AuditEntry = {
  id: '00000000-0000-4000-8000-000000000003',
  at: '2024-03-01T01:00:00.000Z',
  kind: 'plan_export',
  actor: { userId: 'u2', name: '杨帆' },
  object: { type: 'period', year: 2024, month: null },
  people: 0,
}

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
})

afterEach(() => jest.useRealTimers())

const cardTexts = () => allByTestId('audit-entry').map((e) => e.textContent)

test('entries newest first: what, when, who, of what, how many phones; the next page at the bottom', async () => {
  serve({
    'org.auditLog': (d) => {
      const req = (d ?? {}) as NonNullable<AuditLogRequest>
      const page: AuditLogPage = req.cursor
        ? { items: [planExport], nextCursor: null }
        : { items: [rosterRead, hoursExport], nextCursor: 'next-1' }
      return page
    },
  })
  await openPage(PAGE)
  expect(callsOf(callFunctionMock, 'org', 'auditLog')).toEqual([{}])
  expect(cardTexts()).toEqual([
    '查看报名名单3月5日 10:30陆斌 · 中国邮政镇江分公司团委「邮政青年志愿林补植」显示 12 人的完整手机号',
    '导出志愿时长3月4日 16:05杨帆 · 2024年2月显示 40 人的完整手机号',
  ])
  expect(text()).toContain('上拉加载更多')

  await reachBottom()
  await settle()
  expect(callsOf(callFunctionMock, 'org', 'auditLog').slice(-1)).toEqual([{ cursor: 'next-1' }])
  expect(cardTexts()[2]).toBe('导出年度清单3月1日 09:00杨帆 · 2024年全年不含手机号')
  expect(text()).toContain('没有更多了')
})

test('a kind tab asks for that kind only', async () => {
  serve({
    'org.auditLog': (d) => {
      const kind = (d as NonNullable<AuditLogRequest>).kind
      return { items: [rosterRead, hoursExport, planExport].filter((e) => !kind || e.kind === kind), nextCursor: null }
    },
  })
  await openPage(PAGE)
  expect(allByTestId('audit-entry')).toHaveLength(3)
  await tap(byText('.taroify-tabs__tab', '导出志愿时长'))
  await settle()
  expect(callsOf(callFunctionMock, 'org', 'auditLog').slice(-1)).toEqual([{ kind: 'hours_export' }])
  expect(allByTestId('audit-entry').map((e) => e.querySelector('[data-testid="audit-kind"]')?.textContent)).toEqual([
    '导出志愿时长',
  ])
  await tap(byText('.taroify-tabs__tab', '查看报名名单'))
  await settle()
  expect(callsOf(callFunctionMock, 'org', 'auditLog').slice(-1)).toEqual([{ kind: 'roster_read' }])
  expect(cardTexts()).toHaveLength(1)
})

test('an empty log says so; a refusal shows its Chinese message', async () => {
  serve({ 'org.auditLog': () => ({ items: [], nextCursor: null }) })
  await openPage(PAGE)
  expect(text()).toContain('暂无记录')

  serve({
    'org.auditLog': () => {
      throw new ApiError('FORBIDDEN', '只有团区委管理员可以查看操作记录')
    },
  })
  await openPage(PAGE)
  expect(text()).toContain('只有团区委管理员可以查看操作记录')
})
