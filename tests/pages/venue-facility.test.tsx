/**
 * 场地设施 (packages/venues/pages/facility): a venue's owner adds facilities (several alike at once:
 * 羽毛球场 ×3 → 1 号, 2 号, 3 号) or edits one, with its booking rules (who may book, approval, slot
 * length, shortest and longest, how far ahead, lead time, cancellation deadline) starting from the
 * server's defaults; the form checks the rules agree, and the server's refusals stand by their fields.
 */
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/cloud'
import { useSessionStore } from '@/features/session/store/session'
import { SLOT_OPTIONS } from '@/packages/venues/features/venue/editor'
import { openPage, pageRoot, settle, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { byTestId, callsOf, fire, pick, tap, typeInto } from './support/dom'
import { VENUE_ID, YOGA_ID, facility, me, venueDetail } from './support/venue-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const NEW = `/packages/venues/pages/facility/index?venueId=${VENUE_ID}`
const slot = (minutes: number) => SLOT_OPTIONS.indexOf(minutes as (typeof SLOT_OPTIONS)[number])

let toast: jest.SpyInstance
let back: jest.SpyInstance

beforeEach(() => {
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  useSessionStore.getState().reset()
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
  back = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' } as never)
})

afterEach(() => {
  toast.mockRestore()
  back.mockRestore()
  jest.useRealTimers()
})

const fieldOf = (name: string) => pageRoot().querySelector(`[data-field="${name}"]`) as HTMLElement
const editable = venueDetail({ canEdit: true })

test('three badminton courts with their rules, created one by one', async () => {
  const created: unknown[] = []
  serve({
    'session.me': () => me(),
    'venue.venue': () => editable,
    'venue.createFacility': (d) => {
      created.push(d)
      return facility()
    },
  })
  await openPage(NEW)
  await settle()
  expect(text()).toContain('移动公司职工活动中心')
  await pick('picker-kind', 0)
  await typeInto('input-count', '3')
  expect(fieldOf('count').textContent).toContain('将添加 羽毛球场 1 号、羽毛球场 2 号、羽毛球场 3 号')
  await pick('picker-bookers', 1)
  await fire(byTestId('switch-needsApproval'), 'change', true)
  await pick('picker-slotMinutes', slot(60))
  await typeInto('input-minMinutes', '60')
  await typeInto('input-maxMinutes', '120')
  expect(fieldOf('maxMinutes').textContent).toContain('即 2 小时')
  await typeInto('input-maxDaysAhead', '7')
  await typeInto('input-leadMinutes', '120')
  await typeInto('input-cancelHours', '12')
  await tap(byTestId('facility-save'))
  await settle()
  const rules = {
    venueId: VENUE_ID,
    kind: 'badminton_court',
    seats: null,
    bookers: 'units_and_groups',
    needsApproval: true,
    slotMinutes: 60,
    minMinutes: 60,
    maxMinutes: 120,
    maxDaysAhead: 7,
    leadMinutes: 120,
    cancelHours: 12,
  }
  expect(created).toEqual([1, 2, 3].map((n) => ({ ...rules, name: `羽毛球场 ${n} 号` })))
  expect(toast).toHaveBeenCalledWith({ title: '已添加 3 个', icon: 'success' })
  expect(back).toHaveBeenCalled()
})

test('a meeting room with seats keeps the server’s default rules', async () => {
  const created: unknown[] = []
  serve({
    'session.me': () => me(),
    'venue.venue': () => editable,
    'venue.createFacility': (d) => {
      created.push(d)
      return facility()
    },
  })
  await openPage(NEW)
  await settle()
  await pick('picker-kind', 5)
  await typeInto('input-name', '302 会议室')
  await typeInto('input-seats', '30')
  await tap(byTestId('facility-save'))
  await settle()
  expect(created).toEqual([
    {
      venueId: VENUE_ID,
      kind: 'meeting_room',
      name: '302 会议室',
      seats: 30,
      bookers: 'units',
      needsApproval: false,
      slotMinutes: 30,
      minMinutes: 30,
      maxMinutes: 240,
      maxDaysAhead: 14,
      leadMinutes: 60,
      cancelHours: 24,
    },
  ])
})

test('rules that do not agree are shown before any call', async () => {
  serve({ 'session.me': () => me(), 'venue.venue': () => editable })
  await openPage(NEW)
  await settle()
  await typeInto('input-name', '活动室')
  await typeInto('input-seats', '0')
  await typeInto('input-minMinutes', '45')
  await typeInto('input-maxMinutes', '3')
  await typeInto('input-leadMinutes', '一小时')
  await typeInto('input-cancelHours', '721')
  await tap(byTestId('facility-save'))
  await settle()
  expect(callsOf(callFunctionMock, 'venue', 'createFacility')).toHaveLength(0)
  expect(fieldOf('kind').textContent).toContain('请选择类型')
  expect(fieldOf('seats').textContent).toContain('请填写 1–10000 的整数')
  expect(fieldOf('minMinutes').textContent).toContain('须为时段长度的整数倍')
  expect(fieldOf('maxMinutes').textContent).toContain('请填写 5–10080 的整数')
  expect(fieldOf('leadMinutes').textContent).toContain('请填写 0–20160 的整数')
  expect(fieldOf('cancelHours').textContent).toContain('请填写 0–720 的整数')

  // Longest shorter than shortest.
  await pick('picker-kind', 6)
  await typeInto('input-seats', '')
  await typeInto('input-minMinutes', '60')
  await typeInto('input-maxMinutes', '30')
  await typeInto('input-leadMinutes', '60')
  await typeInto('input-cancelHours', '24')
  await tap(byTestId('facility-save'))
  await settle()
  expect(fieldOf('maxMinutes').textContent).toContain('不能短于最短时长')
  expect(callsOf(callFunctionMock, 'venue', 'createFacility')).toHaveLength(0)
})

test('a refusal halfway says how far it got and stands by the field', async () => {
  let n = 0
  serve({
    'session.me': () => me(),
    'venue.venue': () => editable,
    'venue.createFacility': () => {
      n += 1
      if (n === 2) throw new ApiError('CONFLICT', '该场地已有同名设施', undefined, { name: '名称已存在' })
      return facility()
    },
  })
  await openPage(NEW)
  await settle()
  await pick('picker-kind', 1)
  await typeInto('input-count', '2')
  await tap(byTestId('facility-save'))
  await settle()
  expect(byTestId('form-error').textContent).toBe('已添加 1 个，“乒乓球台 2 号”未添加：该场地已有同名设施')
  expect(fieldOf('name').textContent).toContain('名称已存在')
  expect(back).not.toHaveBeenCalled()
})

test('editing a facility sends only the changed rules; the server’s rule refusal shows by the slot', async () => {
  const updates: unknown[] = []
  let refuse = true
  serve({
    'session.me': () => me(),
    'venue.venue': () => editable,
    'venue.updateFacility': (d) => {
      updates.push(d)
      if (refuse) {
        throw new ApiError(
          'INVALID_INPUT',
          '预订规则不一致：最短、最长时长须为时段长度的整数倍，且最长不短于最短',
          undefined,
          { slotMinutes: '规则不一致' },
        )
      }
      return facility({ id: YOGA_ID })
    },
  })
  await openPage(`${NEW}&id=${YOGA_ID}`)
  await settle()
  expect(pageRoot().querySelector('[data-testid="input-count"]')).toBeNull()
  await fire(byTestId('switch-needsApproval'), 'change', false)
  await typeInto('input-maxMinutes', '180')
  await tap(byTestId('facility-save'))
  await settle()
  expect(updates).toEqual([{ facilityId: YOGA_ID, needsApproval: false, maxMinutes: 180 }])
  expect(fieldOf('slotMinutes').textContent).toContain('规则不一致')
  expect(byTestId('form-error').textContent).toContain('预订规则不一致')

  refuse = false
  await tap(byTestId('facility-save'))
  await settle()
  expect(toast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })
  expect(back).toHaveBeenCalled()
})

test('someone who may not edit the venue is told so', async () => {
  serve({ 'session.me': () => me(), 'venue.venue': () => venueDetail() })
  await openPage(NEW)
  await settle()
  expect(text()).toContain('只有场地所属单位的管理员或团区委可以修改场地')
})
