import type { Certificate, EventHours, HoursPreview, LedgerEntry, MyHours } from '@api/hours'

export const ACT = '11111111-2222-4333-8444-555555555555'
export const REG_A = '22222222-3333-4444-8555-666666666666'
export const REG_B = '33333333-4444-4555-8666-777777777777'
export const REG_C = '44444444-5555-4666-8777-888888888888'

const LI = { nickname: '小李', realName: '李青' }
const WANG = { nickname: '阿王', realName: null }

let n = 100

/** A ledger line; the default is a pending scan entry of 李青 on 2024-03-10. */
export function entry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  n += 1
  return {
    id: String(n),
    activityId: ACT,
    registrationId: REG_A,
    person: LI,
    day: '2024-03-10',
    kind: 'scan',
    hours: 2.5,
    minutes: 150,
    status: 'pending',
    needsReview: false,
    flags: [],
    reason: null,
    evidence: null,
    replacesId: null,
    noticeUntil: null,
    corrected: false,
    createdAt: `2024-03-10T10:00:${String(n % 60).padStart(2, '0')}.000Z`,
    ...overrides,
  }
}

/** The event: Sun 2024-03-10 09:00–12:00 Shanghai (01:00Z–04:00Z), 3 scheduled hours. */
export function eventHours(
  overrides: Partial<EventHours> = {},
  activity: Partial<EventHours['activity']> = {},
): EventHours {
  return {
    activity: {
      id: ACT,
      title: '青年公益林植树',
      startAt: '2024-03-10T01:00:00.000Z',
      endAt: '2024-03-10T04:00:00.000Z',
      ended: true,
      awardsHours: true,
      scheduledHours: 3,
      hoursClosedAt: '2024-03-10T05:00:00.000Z',
      ...activity,
    },
    settings: { minShare: 0.6, stepHours: 0.5, noticeDays: 0, checkinOpensMinutes: 60, checkinRadiusMeters: 500 },
    entries: [],
    people: [],
    days: ['2024-03-10'],
    totals: [],
    ...overrides,
  }
}

export function preview(overrides: Partial<HoursPreview> = {}): HoursPreview {
  return {
    awardsHours: true,
    items: [
      {
        registrationId: REG_A,
        person: LI,
        totalHours: 2.5,
        days: [{ day: '2024-03-10', scheduledMinutes: 180, presentMinutes: 150, hours: 2.5, status: 'ok', flags: [] }],
      },
      {
        registrationId: REG_C,
        person: { nickname: '小周', realName: '周舟' },
        totalHours: 0,
        days: [
          { day: '2024-03-10', scheduledMinutes: 180, presentMinutes: 0, hours: 0, status: 'below_minimum', flags: [] },
        ],
      },
    ],
    ...overrides,
  }
}

export const PEOPLE = { LI, WANG }

export function myHours(overrides: Partial<MyHours> = {}): MyHours {
  return {
    totalHours: 18.5,
    byYear: [
      { year: 2024, hours: 6 },
      { year: 2023, hours: 12.5 },
    ],
    events: [
      {
        activityId: ACT,
        title: '青年公益林植树',
        unitName: '中国邮政镇江分公司团委',
        hours: 0,
        pendingHours: 3,
        days: [
          { day: '2024-03-10', hours: 3, status: 'pending', kind: 'scan', noticeUntil: '2024-03-13T04:00:00.000Z' },
        ],
      },
      {
        activityId: '55555555-6666-4777-8888-999999999999',
        title: '社区敬老志愿服务',
        unitName: '南山街道朝阳社区团支部',
        hours: 6,
        pendingHours: 1,
        days: [
          { day: '2024-02-18', hours: 6, status: 'approved', kind: 'scan', noticeUntil: null },
          { day: '2024-02-19', hours: 1, status: 'pending', kind: 'makeup', noticeUntil: null },
        ],
      },
    ],
    ...overrides,
  }
}

export function certificate(overrides: Partial<Certificate> = {}): Certificate {
  return {
    code: 'QJ7K2M-9XH4PD',
    holderName: '李青',
    from: '2024-01-01',
    to: '2024-03-05',
    totalHours: 8.5,
    activities: [
      { title: '青年公益林植树', unitName: '中国邮政镇江分公司团委', days: 1, hours: 2.5 },
      { title: '社区敬老志愿服务', unitName: '南山街道朝阳社区团支部', days: 2, hours: 6 },
    ],
    issuedAt: '2024-03-05T04:00:00.000Z',
    issuer: '共青团镇江市润州区委员会',
    verifyImage: 'data:image/png;base64,iVBORw0KGgo=',
    disclaimer: '本证明依据青聚平台已确认的时长记录开具，仅供参考；正式认定以全国志愿服务信息系统为准。',
    ...overrides,
  }
}
