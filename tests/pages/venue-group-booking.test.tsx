/**
 * Booking as a registered youth group: on a facility open to groups, the booking sheet offers
 * 以…名义预约 (my units and my approved groups); a group books without an event. Facilities for units
 * only never ask for my groups.
 */
import Taro from '@tarojs/taro'
import type { BookRequest, GridRequest } from '@api/venue'
import type { YouthGroup } from '@api/youth-group'
import { useSessionStore } from '@/features/session/store/session'
import { openPage, settle } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, pick, tap, typeInto } from './support/dom'
import { COURT_ID, UNIT_A, VENUE_ID, at, booking, facility, me, venueDetail, weekGrid } from './support/venue-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = `/packages/venues/pages/venue/index?id=${VENUE_ID}`
const GROUP = 'aaaaaaaa-0000-4000-8000-0000000000a1'

const group = (over: Partial<YouthGroup>): YouthGroup => ({
  id: GROUP,
  name: '润州青年羽毛球社',
  kind: 'interest',
  intro: '',
  size: 24,
  state: 'approved',
  reason: null,
  leaderName: '王芳',
  leaderPhone: '13912345678',
  createdAt: '2026-11-01T02:00:00.000Z',
  decidedAt: '2026-11-02T02:00:00.000Z',
  ...over,
})

let toast: jest.SpyInstance

beforeEach(() => {
  freezeNow('2026-11-25T02:00:00.000Z')
  callFunctionMock.mockReset()
  useSessionStore.getState().reset()
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
})

afterEach(() => {
  toast.mockRestore()
  jest.useRealTimers()
})

function serveVenue(opts: { bookers: 'units' | 'units_and_groups'; units: boolean }, booked: BookRequest[]) {
  const detail = venueDetail({ facilities: [facility({ bookers: opts.bookers })] })
  serve({
    'session.me': () => (opts.units ? me() : me({ units: [], roles: ['youth'] })),
    'venue.venue': () => detail,
    'venue.grid': (d) => weekGrid((d as GridRequest).weekOf ?? '2026-11-23', {}, detail.facilities[0]),
    'org.myYouthGroups': () => ({
      items: [group({}), group({ id: 'aaaaaaaa-0000-4000-8000-0000000000a2', name: '待审的社团', state: 'pending' })],
    }),
    'activity.manageList': () => ({ items: [], nextCursor: null }),
    'venue.book': (d) => {
      booked.push(d as BookRequest)
      return booking({ unitId: null, groupId: GROUP, groupName: '润州青年羽毛球社' })
    },
  })
}

async function pickEvening() {
  const el = allByTestId('grid-slot').find((e) => e.dataset.start === at('2026-11-25', 19))
  await tap(el as HTMLElement)
  await tap(byTestId('book-open'))
  await settle()
}

test('a young person who leads an approved group books as the group, without an event', async () => {
  const booked: BookRequest[] = []
  serveVenue({ bookers: 'units_and_groups', units: false }, booked)
  await openPage(PAGE)
  await settle()
  await pickEvening()
  const sheet = byTestId('booking-sheet')
  expect(sheet.textContent).toContain('以…名义预约')
  expect(sheet.textContent).toContain('润州青年羽毛球社（青年团体）')
  expect(sheet.textContent).not.toContain('待审的社团')
  expect(allByTestId('picker-event')).toHaveLength(0)
  await typeInto('input-purpose', '周末训练')
  await tap(byTestId('booking-submit'))
  await settle()
  expect(booked).toEqual([
    {
      facilityId: COURT_ID,
      groupId: GROUP,
      startAt: at('2026-11-25', 19),
      endAt: at('2026-11-25', 20),
      purpose: '周末训练',
      activityId: null,
    },
  ])
  expect(callsOf(callFunctionMock, 'activity', 'manageList')).toHaveLength(0)
})

test('an organiser who also leads a group chooses 以…名义预约; the event link is for units only', async () => {
  const booked: BookRequest[] = []
  serveVenue({ bookers: 'units_and_groups', units: true }, booked)
  await openPage(PAGE)
  await settle()
  await pickEvening()
  expect(allByTestId('picker-event')).toHaveLength(1)
  await pick('picker-booker', 1)
  await settle()
  expect(allByTestId('picker-event')).toHaveLength(0)
  await typeInto('input-purpose', '社团训练')
  await tap(byTestId('booking-submit'))
  await settle()
  expect(booked).toHaveLength(1)
  expect(booked[0]).toMatchObject({ groupId: GROUP, activityId: null })
  expect(booked[0]).not.toHaveProperty('unitId')
})

test('a facility for units only never asks for my groups; the sheet books for the unit', async () => {
  const booked: BookRequest[] = []
  serveVenue({ bookers: 'units', units: true }, booked)
  await openPage(PAGE)
  await settle()
  await pickEvening()
  expect(byTestId('booking-sheet').textContent).not.toContain('以…名义预约')
  expect(callsOf(callFunctionMock, 'org', 'myYouthGroups')).toHaveLength(0)
  await typeInto('input-purpose', '团日活动')
  await tap(byTestId('booking-submit'))
  await settle()
  expect(booked[0]).toMatchObject({ unitId: UNIT_A })
})

test('the owner’s approvals name the youth group and its leader to call', async () => {
  serve({
    'session.me': () => me(),
    'venue.ownerPending': () => ({
      items: [
        booking({
          state: 'pending',
          unitId: null,
          unitName: null,
          groupId: GROUP,
          groupName: '润州青年羽毛球社',
          leaderContact: { name: '王芳', phone: '13912345678' },
          purpose: '周末训练',
        }),
      ],
    }),
    'venue.venues': () => ({ items: [] }),
  })
  await openPage('/packages/venues/pages/approvals/index')
  await settle()
  expect(byTestId('booking-group').textContent).toBe('青年团体：润州青年羽毛球社（负责人 王芳 13912345678）')
})
