/**
 * The unit console (packages/organiser/pages/unit): for the unit's organisers of an admitted unit it links
 * 摘星证明审核, 荣誉推荐 and 五星评分 for that unit; a unit under review, or someone not in it, sees none.
 */
import Taro from '@tarojs/taro'
import type { UnitDetail } from '@api/org'
import { openPage, pageRoot, settle } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { allByTestId, tap } from './support/dom'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const UNIT = 'aaaaaaaa-0000-4000-8000-0000000000a1'
const PAGE = `/packages/organiser/pages/unit/index?id=${UNIT}`

const unit = (over: Partial<UnitDetail> = {}): UnitDetail => ({
  id: UNIT,
  districtId: 'runzhou',
  name: '中国邮政镇江分公司团委',
  kind: 'state_owned',
  intro: '',
  status: 'admitted',
  contactName: '陆斌',
  contactPhone: '13800005678',
  reviewReason: null,
  reviewedAt: null,
  createdAt: '2026-01-05T02:00:00.000Z',
  myRole: 'organiser',
  ...over,
})

let navigate: jest.SpyInstance
beforeEach(() => {
  callFunctionMock.mockReset()
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})
afterEach(() => navigate.mockRestore())

test("an organiser opens the unit's star review, honour nomination and scorecard", async () => {
  serve({ 'org.unit': () => unit(), 'org.members': () => ({ items: [] }) })
  await openPage(PAGE)
  await settle()
  const links = allByTestId('unit-growth-link')
  expect(links.map((l) => l.textContent)).toEqual([
    '摘星证明审核审核成员提交的摘星证明 ›',
    '荣誉推荐推荐本单位的优秀青年 ›',
    '五星评分本单位的年度评分和提升建议 ›',
  ])
  for (const l of links) await tap(l)
  expect(navigate.mock.calls.map(([o]) => o.url)).toEqual([
    `/packages/stars/pages/review/index?unitId=${UNIT}`,
    `/packages/honours/pages/nominate/index?unitId=${UNIT}`,
    `/packages/organiser/pages/score/index?unitId=${UNIT}`,
  ])
})

test('a unit under review, or a visitor who is not in the unit, has no such entries', async () => {
  serve({ 'org.unit': () => unit({ status: 'pending' }), 'org.members': () => ({ items: [] }) })
  await openPage(PAGE)
  await settle()
  expect(pageRoot().querySelector('[data-testid="unit-console"]')).not.toBeNull()
  expect(allByTestId('unit-growth-link')).toEqual([])

  serve({ 'org.unit': () => unit({ myRole: null }) })
  await openPage(PAGE)
  await settle()
  expect(allByTestId('unit-growth-link')).toEqual([])
})
