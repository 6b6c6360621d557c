import Taro from '@tarojs/taro'
import { ApiError } from '@/services/cloud'
import { useActivityListStore } from '@/features/activities/store/activity-list'
import { openPage, pageRoot, pullDownRefresh, reachBottom, settle, text } from './support/app'
import { callFunctionMock, listCalls, serve } from './support/cloud-mock'
import { card, categories, deferred, detail } from './support/fixtures'
import { freezeNow } from './support/clock'
import { byTestId, confirmInput, pick, typeInto } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const HOME = '/pages/index/index'

function cards(): HTMLElement[] {
  return Array.from(pageRoot().querySelectorAll<HTMLElement>('[data-testid="activity-card"]'))
}

function byText(selector: string, wanted: string): HTMLElement {
  const el = Array.from(pageRoot().querySelectorAll<HTMLElement>(selector)).find(
    (e) => e.textContent?.trim() === wanted,
  )
  if (!el) throw new Error(`no ${selector} with text ${wanted}`)
  return el
}

async function tap(el: HTMLElement): Promise<void> {
  el.click()
  await settle()
}

beforeEach(() => {
  freezeNow('2024-03-05T04:00:00.000Z')
  callFunctionMock.mockReset()
  useActivityListStore.getState().reset()
})

afterEach(() => {
  jest.useRealTimers()
})

test('shows a skeleton while the first page loads, then the cards', async () => {
  const page = deferred<unknown>()
  serve({
    'activity.categories': () => ({ items: categories }),
    'activity.list': () => page.promise,
  })
  await openPage(HOME)

  expect(pageRoot().querySelector('[data-testid="list-skeleton"]')).not.toBeNull()
  expect(cards()).toHaveLength(0)

  page.resolve({
    items: [
      card({ title: '周末河道清洁', seatsLeft: 12, capacity: 30 }),
      card({ title: '青年读书会', seatsLeft: 0, capacity: 20, phase: 'upcoming', category: categories[1] }),
    ],
    nextCursor: null,
  })
  await settle()

  expect(pageRoot().querySelector('[data-testid="list-skeleton"]')).toBeNull()
  const [first, second] = cards()
  expect(cards()).toHaveLength(2)
  expect(first.textContent).toContain('周末河道清洁')
  expect(first.textContent).toContain('区青年志愿者协会')
  expect(first.textContent).toContain('志愿服务')
  expect(first.textContent).toContain('3月10日 周日 09:00–11:30')
  expect(first.textContent).toContain('人民公园')
  expect(first.textContent).toContain('剩余 12 席 / 共 30 席')
  expect(first.textContent).toContain('报名中')
  expect(second.textContent).toContain('已满')
  expect(second.textContent).not.toContain('剩余')
  expect(second.textContent).toContain('即将开始')
  expect(second.textContent).toContain('文体活动')
  expect(text()).toContain('没有更多了')
  // The first request asks for the default list, 20 per page.
  expect(listCalls()[0]).toEqual({ limit: 20, status: 'active' })
})

test('shows 暂无活动 when the list is empty', async () => {
  serve({
    'activity.categories': () => ({ items: [] }),
    'activity.list': () => ({ items: [], nextCursor: null }),
  })
  await openPage(HOME)

  expect(pageRoot().querySelector('[data-testid="empty-state"]')?.textContent).toContain('暂无活动')
  expect(cards()).toHaveLength(0)
})

test("shows the server's message on failure and 重试 calls again", async () => {
  let calls = 0
  serve({
    'activity.categories': () => ({ items: categories }),
    'activity.list': () => {
      calls += 1
      if (calls === 1) throw new ApiError('INTERNAL', '服务开小差了，请稍后再试')
      return { items: [card({ title: '重试后的活动' })], nextCursor: null }
    },
  })
  await openPage(HOME)

  const error = pageRoot().querySelector<HTMLElement>('[data-testid="error-state"]')
  expect(error?.textContent).toContain('服务开小差了，请稍后再试')
  expect(cards()).toHaveLength(0)

  await tap(byText('[data-testid="error-state"] .taroify-button', '重试'))

  expect(listCalls()).toHaveLength(2)
  expect(pageRoot().querySelector('[data-testid="error-state"]')).toBeNull()
  expect(cards().map((c) => c.textContent)).toEqual([expect.stringContaining('重试后的活动')])
})

test('reaching the bottom loads the next page with nextCursor, and stops at the end', async () => {
  serve({
    'activity.categories': () => ({ items: categories }),
    'activity.list': (data) => {
      const cursor = (data as { cursor?: string }).cursor
      if (!cursor) return { items: [card({ title: '第一页' })], nextCursor: 'cursor-1' }
      if (cursor === 'cursor-1') return { items: [card({ title: '第二页' })], nextCursor: null }
      throw new Error(`unexpected cursor ${cursor}`)
    },
  })
  await openPage(HOME)
  expect(cards()).toHaveLength(1)
  expect(text()).toContain('加载更多')

  await reachBottom()

  expect(listCalls()[1]).toEqual({ limit: 20, status: 'active', cursor: 'cursor-1' })
  expect(cards().map((c) => c.textContent)).toEqual([
    expect.stringContaining('第一页'),
    expect.stringContaining('第二页'),
  ])
  expect(text()).toContain('没有更多了')

  await reachBottom()
  expect(listCalls()).toHaveLength(2)
})

test('pull-down refresh reloads the first page', async () => {
  let round = 0
  serve({
    'activity.categories': () => ({ items: categories }),
    'activity.list': () => {
      round += 1
      return { items: [card({ title: `第 ${round} 次加载` })], nextCursor: null }
    },
  })
  await openPage(HOME)
  expect(text()).toContain('第 1 次加载')

  await pullDownRefresh()

  expect(listCalls()).toHaveLength(2)
  expect(listCalls()[1]).toEqual({ limit: 20, status: 'active' })
  expect(text()).toContain('第 2 次加载')
  expect(text()).not.toContain('第 1 次加载')
})

test('category tabs start with 全部 and filter the list', async () => {
  serve({
    'activity.categories': () => ({ items: categories }),
    'activity.list': (data) => {
      const category = (data as { category?: string }).category
      return { items: [card({ title: category ? `分类 ${category}` : '所有活动' })], nextCursor: null }
    },
  })
  await openPage(HOME)

  const tabs = Array.from(pageRoot().querySelectorAll<HTMLElement>('.taroify-tabs__tab')).map((t) =>
    t.textContent?.trim(),
  )
  expect(tabs).toEqual(['全部', '志愿服务', '文体活动'])

  await tap(byText('.taroify-tabs__tab', '文体活动'))

  expect(listCalls()[1]).toEqual({ limit: 20, status: 'active', category: 'culture' })
  expect(text()).toContain('分类 culture')

  await tap(byText('.taroify-tabs__tab', '全部'))
  expect(listCalls()[2]).toEqual({ limit: 20, status: 'active' })
  expect(text()).toContain('所有活动')
})

test('the 已结束 status asks for finished activities', async () => {
  serve({
    'activity.categories': () => ({ items: [] }),
    'org.units': () => ({ items: [] }),
    'activity.list': (data) => ({
      items: [card({ title: `状态 ${(data as { status: string }).status}`, phase: 'finished' })],
      nextCursor: null,
    }),
  })
  await openPage(HOME)
  expect(text()).toContain('状态 active')
  expect(pageRoot().querySelector('[data-testid="clear-filters"]')).toBeNull()

  await tap(byText('.filter-bar__status', '已结束'))

  expect(listCalls()[1]).toEqual({ limit: 20, status: 'finished' })
  expect(text()).toContain('状态 finished')
  expect(text()).toContain('已结束')
})

const UNIT_A = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  districtId: 'runzhou',
  name: '中国邮政镇江分公司团委',
  kind: 'state_owned',
  intro: '',
  status: 'admitted',
}
const UNIT_B = {
  id: 'bbbbbbbb-0000-4000-8000-000000000002',
  districtId: 'runzhou',
  name: '南山街道朝阳社区团支部',
  kind: 'community',
  intro: '',
  status: 'admitted',
}

test('status, month, unit and keyword filters combine, each reloads page 1, and 清除筛选 resets them', async () => {
  serve({
    'activity.categories': () => ({ items: categories }),
    'org.units': (data) => {
      expect(data).toEqual({ status: 'admitted' })
      return { items: [UNIT_A, UNIT_B] }
    },
    'activity.list': (data) => {
      const cursor = (data as { cursor?: string }).cursor
      return {
        items: [card({ title: cursor ? '第二页' : `结果 ${listCalls().length}` })],
        nextCursor: cursor ? null : 'c1',
      }
    },
  })
  await openPage(HOME)
  expect(listCalls()).toEqual([{ limit: 20, status: 'active' }])

  // A second page is loaded, then a filter change must start again without the cursor.
  await reachBottom()
  expect(listCalls()[1]).toEqual({ limit: 20, status: 'active', cursor: 'c1' })

  await tap(byText('.filter-bar__status', '报名中'))
  expect(listCalls()[2]).toEqual({ limit: 20, status: 'open' })

  await pick('month-picker', '2024-05')
  expect(listCalls()[3]).toEqual({ limit: 20, status: 'open', month: { year: 2024, month: 5 } })
  expect(byTestId('filter-bar').textContent).toContain('2024年5月')

  // Index 0 is 全部单位; 2 is the second unit.
  await pick('unit-picker', 2)
  expect(listCalls()[4]).toEqual({ limit: 20, status: 'open', month: { year: 2024, month: 5 }, unitId: UNIT_B.id })
  expect(byTestId('filter-bar').textContent).toContain('南山街道朝阳社区团支部')

  // Typing alone does not search; confirming does (trimmed).
  await typeInto('keyword-input', ' 读书 ')
  expect(listCalls()).toHaveLength(5)
  await confirmInput('keyword-input', ' 读书 ')
  expect(listCalls()[5]).toEqual({
    limit: 20,
    status: 'open',
    month: { year: 2024, month: 5 },
    unitId: UNIT_B.id,
    keyword: '读书',
  })

  // The category tab combines with the filters.
  await tap(byText('.taroify-tabs__tab', '文体活动'))
  expect(listCalls()[6]).toEqual({
    limit: 20,
    status: 'open',
    month: { year: 2024, month: 5 },
    unitId: UNIT_B.id,
    keyword: '读书',
    category: 'culture',
  })
  expect(
    listCalls()
      .slice(2)
      .every((c) => !('cursor' in c)),
  ).toBe(true)

  await tap(byTestId('clear-filters'))
  expect(listCalls()[7]).toEqual({ limit: 20, status: 'active', category: 'culture' })
  expect(pageRoot().querySelector('[data-testid="clear-filters"]')).toBeNull()
  expect(byTestId('filter-bar').textContent).toContain('全部月份')
  expect(byTestId('filter-bar').textContent).toContain('全部单位')
  expect((byTestId('keyword-input').querySelector('input') as HTMLInputElement).value).toBe('')
})

test('the unit picker can go back to 全部单位, and an empty filtered list says so', async () => {
  serve({
    'activity.categories': () => ({ items: [] }),
    'org.units': () => ({ items: [UNIT_A] }),
    'activity.list': (data) =>
      (data as { unitId?: string }).unitId ? { items: [], nextCursor: null } : { items: [card()], nextCursor: null },
  })
  await openPage(HOME)
  await pick('unit-picker', 1)
  expect(listCalls()[1]).toEqual({ limit: 20, status: 'active', unitId: UNIT_A.id })
  expect(text()).toContain('没有符合条件的活动')
  expect(byTestId('clear-filters')).toBeTruthy()

  await pick('unit-picker', 0)
  expect(listCalls()[2]).toEqual({ limit: 20, status: 'active' })
  expect(pageRoot().querySelector('[data-testid="clear-filters"]')).toBeNull()
})

test('tapping a card opens its detail page', async () => {
  const target = card({ title: '点我看详情' })
  serve({
    'activity.categories': () => ({ items: [] }),
    'activity.list': () => ({ items: [target], nextCursor: null }),
    'activity.get': (data) => detail({ ...target, ...(data as { id: string }) }),
  })
  await openPage(HOME)

  await tap(cards()[0])
  await settle()

  expect(callFunctionMock).toHaveBeenCalledWith('activity', 'get', { id: target.id })
  expect(pageRoot().querySelector('[data-testid="activity-detail"]')?.textContent).toContain('点我看详情')
})

test('阵地预约 in the header opens the district’s venues', async () => {
  const getLocation = jest.spyOn(Taro, 'getLocation').mockRejectedValue(new Error('getLocation:fail auth deny'))
  try {
    serve({
      'activity.categories': () => ({ items: [] }),
      'activity.list': () => ({ items: [], nextCursor: null }),
      'venue.venues': () => ({ items: [] }),
    })
    await openPage(HOME)
    await tap(byTestId('venues-link'))
    await settle()
    expect(callFunctionMock).toHaveBeenCalledWith('venue', 'venues', {})
    expect(text()).toContain('没有符合条件的场地')
  } finally {
    getLocation.mockRestore()
  }
})
