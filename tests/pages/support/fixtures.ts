import type { ActivityCard, ActivityDetail, Category } from '@api/activity'

export const categories: Category[] = [
  { code: 'volunteer', name: '志愿服务', awardsServiceHours: true },
  { code: 'culture', name: '文体活动', awardsServiceHours: false },
]

let n = 0

/** A card; times are UTC instants (01:00Z = 09:00 in Shanghai). */
export function card(overrides: Partial<ActivityCard> = {}): ActivityCard {
  n += 1
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    title: `活动 ${n}`,
    category: categories[0],
    unit: { id: 'u1', name: '区青年志愿者协会' },
    startAt: '2024-03-10T01:00:00.000Z',
    endAt: '2024-03-10T03:30:00.000Z',
    placeName: '人民公园',
    capacity: 30,
    seatsLeft: 12,
    signedUp: 18,
    avatars: [],
    phase: 'open',
    coverUrl: null,
    distanceMeters: null,
    ...overrides,
  }
}

export function detail(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  return {
    ...card(),
    description: '第一行说明\n第二行说明',
    placeAddress: '人民路 1 号',
    signupOpensAt: '2024-03-01T00:00:00.000Z',
    signupClosesAt: '2024-03-09T10:00:00.000Z',
    contact: '李老师 13800000000',
    location: null,
    recordsServiceHours: false,
    planLine: null,
    ...overrides,
  }
}

/** A promise the test settles by hand, to look at the page while a call is in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (err: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
