import type {
  FormQuestion,
  MyRegistration,
  Registration,
  RosterEntry,
  SignupSettings,
  SignupSummary,
} from '@api/signup'

export const ACT = '11111111-2222-4333-8444-555555555555'
export const REG = '22222222-3333-4444-8555-666666666666'

export function settings(overrides: Partial<SignupSettings> = {}): SignupSettings {
  return {
    allocation: 'fcfs',
    approvalRequired: false,
    waitlist: true,
    eligibility: { leagueMembersOnly: false, minAge: null, maxAge: null, minAttendanceRate: null },
    cancelDeadlineHours: 24,
    questions: [],
    quotaQuestionId: null,
    quotas: [],
    promotion: 'direct',
    offerHours: 48,
    promotionCutoffHours: 2,
    realNameRequired: null,
    ...overrides,
  }
}

export function summary(overrides: Partial<SignupSummary> = {}, s: Partial<SignupSettings> = {}): SignupSummary {
  return {
    activityId: ACT,
    capacity: 30,
    quotas: [{ key: '', capacity: 30, taken: 10, waiting: 0 }],
    counts: { confirmed: 10 },
    settings: settings(s),
    lastDraw: null,
    ...overrides,
  }
}

export function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    id: REG,
    activityId: ACT,
    state: 'confirmed',
    quotaKey: '',
    waitlistPosition: null,
    offerExpiresAt: null,
    answers: {},
    reason: null,
    createdAt: '2024-03-05T03:00:00.000Z',
    cancellable: true,
    ...overrides,
  }
}

export function myRegistration(overrides: Partial<MyRegistration> = {}): MyRegistration {
  return {
    ...registration(),
    activity: {
      id: ACT,
      title: '青年读书会',
      startAt: '2024-03-10T01:00:00.000Z',
      endAt: '2024-03-10T03:30:00.000Z',
      placeName: '市图书馆',
      unitName: '中国邮政镇江分公司团委',
      phase: 'upcoming',
    },
    ...overrides,
  }
}

export function rosterEntry(overrides: Partial<RosterEntry> = {}): RosterEntry {
  return {
    ...registration({ cancellable: false }),
    person: {
      userId: 'u1',
      nickname: '小李',
      realName: '李青',
      phone: '13912342233',
      gender: '女',
      age: 24,
      attendanceRate: 0.75,
    },
    ...overrides,
  }
}

export const QUESTIONS: FormQuestion[] = [
  { id: 'name_note', label: '备注', kind: 'text', required: false, options: [] },
  { id: 'gender', label: '性别', kind: 'single', required: true, options: ['男', '女'] },
  { id: 'topics', label: '感兴趣的话题', kind: 'multi', required: true, options: ['文学', '历史', '科技'] },
]
