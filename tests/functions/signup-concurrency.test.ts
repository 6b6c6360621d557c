/**
 * The correctness bar of the sign-up engine, on a real PostgreSQL through a connection pool:
 * bursts of concurrent calls against one event never overbook, never duplicate, keep the line in order.
 */
import type { ApiResult } from '@api/result'
import type { Registration, SignupSettingsInput } from '@api/signup'
import { main as signup } from '../../cloudfunctions/signup/src'
import { call, expectOk } from '../support/call'
import { withPhones } from '../support/people'
import { PEOPLE, useWorld, publishedEvent } from '../support/world'

jest.setTimeout(180_000)

const w = useWorld()
beforeAll(async () => {
  process.env.PG_POOL_MAX = '20'
  await w.db.query('insert into app_user (openid) select $1 || g from generate_series(1, 1500) g', ['burst:'])
  // Sign-ups need a bound phone.
  await withPhones(
    w.db,
    Array.from({ length: 1500 }, (_, i) => `burst:${i + 1}`),
  )
})

async function eventWith(capacity: number, settings: SignupSettingsInput = {}) {
  const e = await publishedEvent(w, { capacity, title: `抢报活动 ${Math.random().toString(36).slice(2, 8)}` })
  expectOk(await call(signup, 'settings', { activityId: e.id, settings }, PEOPLE.orgA))
  return e.id
}

/** Invariants that must hold after any burst. */
async function checkInvariants(activityId: string) {
  const quotas = await w.db.query<{ key: string; capacity: number; taken: number; holding: number }>(
    `select q.key, q.capacity, q.taken,
       (select count(*)::int from registration r where r.activity_id = q.activity_id and r.quota_key = q.key and r.state in ('confirmed', 'offered')) as holding
     from signup_quota q where q.activity_id = $1`,
    [activityId],
  )
  for (const q of quotas.rows) {
    expect(q.holding).toBe(q.taken) // the counter equals the seat-holding rows
    expect(q.taken).toBeLessThanOrEqual(q.capacity)
  }
  const activity = await w.db.query<{ capacity: number; seats_taken: number }>(
    'select capacity, seats_taken from activity where id = $1',
    [activityId],
  )
  expect(activity.rows[0].seats_taken).toBe(quotas.rows.reduce((s, q) => s + q.taken, 0))
  const dupes = await w.db.query(
    `select user_id from registration where activity_id = $1 and state in ('applied', 'pending', 'offered', 'confirmed', 'waitlisted')
     group by user_id having count(*) > 1`,
    [activityId],
  )
  expect(dupes.rowCount).toBe(0)
  return quotas.rows
}

/** 1,500 distinct people plus 500 retries of earlier calls (same idempotency key), all at once. */
function burst(activityId: string, answers: (i: number) => Record<string, string> = () => ({})) {
  const calls: { person: number; key: string }[] = []
  for (let i = 1; i <= 1500; i++) calls.push({ person: i, key: `k-${activityId.slice(0, 8)}-${i}` })
  for (let i = 0; i < 500; i++) calls.push({ ...calls[(i * 7) % 1500] })
  // Shuffle deterministically so retries interleave with first attempts.
  calls.sort((a, b) => ((a.person * 7919) % 2003) - ((b.person * 7919) % 2003))
  return Promise.all(
    calls.map(({ person, key }) =>
      call<Registration>(
        signup,
        'signup',
        { activityId, idempotencyKey: key, answers: answers(person) },
        `burst:${person}`,
      ).then((r) => ({ person, key, r })),
    ),
  )
}

function byPerson(results: { person: number; r: ApiResult<Registration> }[]) {
  const map = new Map<number, ApiResult<Registration>[]>()
  for (const { person, r } of results) map.set(person, [...(map.get(person) ?? []), r])
  return map
}

test.each([1, 2, 3])(
  '2,000 concurrent calls for 100 seats: exactly 100 confirmed, no duplicates (run %i)',
  async () => {
    const id = await eventWith(100, { waitlist: true })
    const results = await burst(id)
    expect(results.filter((x) => !x.r.ok).map((x) => x.r)).toEqual([])
    const states = results.map((x) => (x.r.ok ? x.r.data.state : 'error'))
    const rows = await w.db.query<{ state: string; n: number }>(
      'select state, count(*)::int as n from registration where activity_id = $1 group by state',
      [id],
    )
    expect(Object.fromEntries(rows.rows.map((r) => [r.state, r.n]))).toEqual({ confirmed: 100, waitlisted: 1400 })
    // A retry answers exactly what the first call answered.
    for (const [, answers] of byPerson(results)) {
      const ids = new Set(answers.map((a) => (a.ok ? a.data.id : 'x')))
      expect(ids.size).toBe(1)
    }
    expect(states.filter((s) => s === 'confirmed').length).toBeGreaterThanOrEqual(100)
    const [quota] = await checkInvariants(id)
    expect(quota.taken).toBe(100)
    // The line is in arrival order: every waitlisted person arrived after every confirmed one.
    const order = await w.db.query<{ state: string; queue_position: string }>(
      'select state, queue_position from registration where activity_id = $1 order by queue_position',
      [id],
    )
    const lastConfirmed = order.rows.map((r) => r.state).lastIndexOf('confirmed')
    expect(lastConfirmed).toBe(99)
  },
)

test('without a waitlist the rest are refused as FULL and leave no rows', async () => {
  const id = await eventWith(100, { waitlist: false })
  const results = await burst(id)
  const full = results.filter((x) => !x.r.ok && x.r.code === 'FULL').length
  const ok = results.filter((x) => x.r.ok).length
  expect(full + ok).toBe(2000)
  const rows = await w.db.query<{ n: number }>('select count(*)::int as n from registration where activity_id = $1', [
    id,
  ])
  expect(rows.rows[0].n).toBe(100)
  await checkInvariants(id)
})

test('two quotas of 50: neither exceeds its size', async () => {
  const id = await eventWith(100, {
    questions: [{ id: 'gender', label: '性别', kind: 'single', required: true, options: ['男', '女'] }],
    quotaQuestionId: 'gender',
    quotas: [
      { key: '男', capacity: 50 },
      { key: '女', capacity: 50 },
    ],
  })
  // Two men for every woman: the men's quota fills and waits while the women's keeps filling.
  const results = await burst(id, (i) => ({ gender: i % 3 === 0 ? '女' : '男' }))
  expect(results.filter((x) => !x.r.ok).map((x) => x.r)).toEqual([])
  const quotas = await checkInvariants(id)
  expect(Object.fromEntries(quotas.map((q) => [q.key, q.taken]))).toEqual({ 男: 50, 女: 50 })
  const waiting = await w.db.query<{ quota_key: string; n: number }>(
    "select quota_key, count(*)::int as n from registration where activity_id = $1 and state = 'waitlisted' group by quota_key",
    [id],
  )
  expect(Object.fromEntries(waiting.rows.map((r) => [r.quota_key, r.n]))).toEqual({ 男: 950, 女: 450 })
})

test.each(['direct', 'offer'] as const)(
  '500 concurrent cancellations and sign-ups on a full event (%s promotion) keep the line fair',
  async (promotion) => {
    const id = await eventWith(100, { waitlist: true, promotion })
    // Fill it: 100 confirmed, 300 waiting, in a known order.
    for (let i = 1; i <= 400; i++) {
      expectOk(
        await call(signup, 'signup', { activityId: id, idempotencyKey: `fill-${id.slice(0, 8)}-${i}` }, `burst:${i}`),
      )
    }
    const people = async (state: string) =>
      (
        await w.db.query<{ id: string; openid: string }>(
          `select r.id, u.openid from registration r join app_user u on u.id = r.user_id
     where r.activity_id = $1 and r.state = $2 order by r.queue_position`,
          [id, state],
        )
      ).rows
    const confirmed = await people('confirmed')
    const waiting = (await people('waitlisted')).filter((_, i) => i % 2 === 0) // every other one gives up
    expect(confirmed).toHaveLength(100)
    // 250 cancellations (all 100 seats, 150 waiting) and 250 new sign-ups, all at once.
    const results = await Promise.all([
      ...confirmed.map((r) => call(signup, 'cancel', { registrationId: r.id }, r.openid)),
      ...waiting.map((r) => call(signup, 'cancel', { registrationId: r.id }, r.openid)),
      ...Array.from({ length: 250 }, (_, i) =>
        call(signup, 'signup', { activityId: id, idempotencyKey: `late-${id.slice(0, 8)}-${i}` }, `burst:${1000 + i}`),
      ),
    ])
    expect(results.filter((r) => !r.ok)).toEqual([])
    const quotas = await checkInvariants(id)
    const stillWaiting = await w.db.query<{ n: number }>(
      "select count(*)::int as n from registration where activity_id = $1 and state = 'waitlisted'",
      [id],
    )
    // Every freed seat is held (confirmed or open offer) while anyone waits.
    expect(stillWaiting.rows[0].n).toBeGreaterThan(0)
    expect(quotas[0].taken).toBe(100)
    // No later sign-up holds a seat while an earlier one still waits.
    const holders = await w.db.query<{ max: string }>(
      "select max(queue_position) as max from registration where activity_id = $1 and state in ('confirmed', 'offered')",
      [id],
    )
    const firstWaiting = await w.db.query<{ min: string }>(
      "select min(queue_position) as min from registration where activity_id = $1 and state = 'waitlisted'",
      [id],
    )
    if (firstWaiting.rows[0].min !== null)
      expect(BigInt(holders.rows[0].max)).toBeLessThan(BigInt(firstWaiting.rows[0].min))
    if (promotion === 'offer') {
      const offered = await w.db.query<{ n: number }>(
        "select count(*)::int as n from registration where activity_id = $1 and state = 'offered'",
        [id],
      )
      expect(offered.rows[0].n).toBeGreaterThan(0)
    }
  },
)
