/** The sign-up engine's behaviour, one rule per test, through the real `signup` function. */
import type { Pool } from 'pg'
import ExcelJS from 'exceljs'
import { mkdtempSync, readFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { ManagedActivity } from '@api/activity'
import type {
  DrawResult,
  MyRegistration,
  Profile,
  Registration,
  RosterEntry,
  SignupActions,
  SignupSettingsInput,
  SignupSummary,
} from '@api/signup'
import { main as activity } from '../../cloudfunctions/activity/src'
import { actions, main as signup } from '../../cloudfunctions/signup/src'
import { resizeCapacity } from '../../server/app/signup/capacity'
import { promoteWaiting } from '../../server/app/signup/promotion'
import { createFunction } from '../../server/runtime/function'
import {
  cachedSignupEvent,
  forgetSignupEvent,
  loadSignupEvent,
  lockQuota,
  releaseSeat,
  setRegistrationState,
} from '../../server/store/signups'
import { callAsScheduler, call, expectOk } from '../support/call'
import { withPhones } from '../support/people'
import { PEOPLE, useWorld, eventRequest, publishedEvent } from '../support/world'

const HOUR = 3600_000
const filesDir = mkdtempSync(join(tmpdir(), 'qingju-signup-files-'))

const w = useWorld()
beforeAll(async () => {
  process.env.QINGJU_FILES_DIR = filesDir
})

let n = 0
const key = () => `key-${Date.now()}-${++n}-abcdef`
const person = (i: number | string) => `p:${i}`

async function eventWith(settings: SignupSettingsInput = {}, capacity = 2, inDays = 10): Promise<ManagedActivity> {
  const e = await publishedEvent(w, { capacity })
  if (inDays !== 10) {
    const start = Date.now() + inDays * 24 * HOUR
    await w.db.query('update activity set start_at = $2, end_at = $3, signup_closes_at = $4 where id = $1', [
      e.id,
      new Date(start),
      new Date(start + 2 * HOUR),
      new Date(Math.min(start - HOUR, Date.now() + 48 * HOUR)),
    ])
  }
  expectOk(await call(signup, 'settings', { activityId: e.id, settings }, PEOPLE.orgA))
  return e
}

const join_ = async (activityId: string, who: string, extra: Record<string, unknown> = {}) => {
  await withPhones(w.db, [who])
  return call<Registration>(signup, 'signup', { activityId, idempotencyKey: key(), ...extra }, who)
}

async function messagesTo(openid: string): Promise<string[]> {
  const r = await w.db.query<{ payload: { data: { phrase2: { value: string } } } }>(
    'select payload from local_outbox where recipient = $1 order by id',
    [openid],
  )
  return r.rows.map((x) => x.payload.data.phrase2.value)
}

describe('first come, first served', () => {
  test('seats confirm in order, then the waitlist takes over with places in line', async () => {
    const e = await eventWith({}, 2)
    expect(expectOk(await join_(e.id, person('a1'))).state).toBe('confirmed')
    expect(expectOk(await join_(e.id, person('a2'))).state).toBe('confirmed')
    expect(expectOk(await join_(e.id, person('a3')))).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 })
    expect(expectOk(await join_(e.id, person('a4')))).toMatchObject({ state: 'waitlisted', waitlistPosition: 2 })
    const card = expectOk(await call<{ seatsLeft: number }>(activity, 'get', { id: e.id }))
    expect(card.seatsLeft).toBe(0)
  })

  test('far back in a long line the answer leaves the place open; the activity page counts it exactly', async () => {
    const e = await eventWith({}, 1)
    expectOk(await join_(e.id, person('long-0')))
    let last: Registration | null = null
    for (let i = 1; i <= 101; i++) last = expectOk(await join_(e.id, person(`long-${i}`)))
    // The 100th in line is still counted in the answer; the 101st is not.
    expect(
      expectOk(await call<Registration | null>(signup, 'mine', { activityId: e.id }, person('long-100')))
        ?.waitlistPosition,
    ).toBe(100)
    expect(last).toMatchObject({ state: 'waitlisted', waitlistPosition: null })
    expect(
      expectOk(await call<Registration | null>(signup, 'mine', { activityId: e.id }, person('long-101')))
        ?.waitlistPosition,
    ).toBe(101)
    // A retry of the 100th gets its place back in the answer.
    const hundredth = await w.db.query<{ idempotency_key: string }>(
      'select s.idempotency_key from signup_request s join app_user u on u.id = s.user_id where u.openid = $1',
      [person('long-100')],
    )
    expect(
      expectOk(
        await call<Registration>(
          signup,
          'signup',
          { activityId: e.id, idempotencyKey: hundredth.rows[0].idempotency_key },
          person('long-100'),
        ),
      ).waitlistPosition,
    ).toBe(100)
  })

  test('a retry with the same key returns the first result; a second tap with a new key is ALREADY_REGISTERED', async () => {
    const e = await eventWith({}, 5)
    await withPhones(w.db, [person('b1'), person('b2')])
    const k = key()
    const first = expectOk(
      await call<Registration>(signup, 'signup', { activityId: e.id, idempotencyKey: k }, person('b1')),
    )
    const again = expectOk(
      await call<Registration>(signup, 'signup', { activityId: e.id, idempotencyKey: k }, person('b1')),
    )
    expect(again.id).toBe(first.id)
    expect(await join_(e.id, person('b1'))).toMatchObject({ ok: false, code: 'ALREADY_REGISTERED' })
    expect((await w.db.query('select 1 from registration where activity_id = $1', [e.id])).rowCount).toBe(1)
    // The same key from someone else is their own first call.
    expect(
      expectOk(await call<Registration>(signup, 'signup', { activityId: e.id, idempotencyKey: k }, person('b2'))).id,
    ).not.toBe(first.id)
  })

  test('without a waitlist a full event answers FULL and stores nothing', async () => {
    const e = await eventWith({ waitlist: false }, 1)
    expectOk(await join_(e.id, person('c1')))
    expect(await join_(e.id, person('c2'))).toMatchObject({ ok: false, code: 'FULL', message: '名额已满' })
    expect((await w.db.query('select 1 from registration where activity_id = $1', [e.id])).rowCount).toBe(1)
  })

  test('sign-ups arriving together read their event once per instance', async () => {
    const e = await eventWith({}, 5)
    const query = jest.fn((...args: Parameters<Pool['query']>) => (w.db.query as (...a: unknown[]) => unknown)(...args))
    const counting = { query } as unknown as Pool
    const seen = await Promise.all([1, 2, 3].map(() => cachedSignupEvent(counting, e.id)))
    expect(query).toHaveBeenCalledTimes(1)
    expect(seen[0]?.event.id).toBe(e.id)
    expect(seen[1]).toBe(seen[0])
    expect(await cachedSignupEvent(counting, e.id)).toBe(seen[0]) // still within 5 s
    expect(query).toHaveBeenCalledTimes(1)
    forgetSignupEvent(e.id)
  })

  test('a change to the event right after a sign-up is seen by the next one (the one-trip write re-checks the cached event)', async () => {
    const e = await eventWith({ waitlist: true }, 1)
    // Start times with microseconds, as the database keeps them and JavaScript does not.
    await w.db.query("update activity set start_at = start_at + interval '123 microseconds' where id = $1", [e.id])
    for (const who of ['cache1', 'cache2', 'cache3', 'cache4']) expectOk(await call(signup, 'profile', {}, person(who))) // known people
    expect(expectOk(await join_(e.id, person('cache1'))).state).toBe('confirmed') // the event is now cached here
    expectOk(await call(signup, 'settings', { activityId: e.id, settings: { waitlist: false } }, PEOPLE.orgA))
    // Cached with the waitlist on: the write sees the settings changed, and the call reads them afresh.
    expect(await join_(e.id, person('cache2'))).toMatchObject({ ok: false, code: 'FULL' })
    expect(await join_(e.id, person('cache3'))).toMatchObject({ ok: false, code: 'FULL' }) // cached again, as it is now
    expect((await w.db.query('select 1 from registration where activity_id = $1', [e.id])).rowCount).toBe(1)
    expectOk(await call(activity, 'cancel', { id: e.id, reason: '场地维修' }, PEOPLE.orgA))
    expect(await join_(e.id, person('cache4'))).toMatchObject({ ok: false, code: 'SIGNUP_CLOSED' })
  })

  test('the sign-up window is enforced', async () => {
    const e = await eventWith({}, 5)
    const early = createFunction<SignupActions>('signup', actions, { clock: () => new Date(Date.now() - 2 * HOUR) })
    expect(await call(early, 'signup', { activityId: e.id, idempotencyKey: key() }, person('d1'))).toMatchObject({
      ok: false,
      code: 'SIGNUP_CLOSED',
      message: '报名尚未开始',
    })
    const late = createFunction<SignupActions>('signup', actions, {
      clock: () => new Date(Date.now() + 9.5 * 24 * HOUR),
    })
    expect(await call(late, 'signup', { activityId: e.id, idempotencyKey: key() }, person('d1'))).toMatchObject({
      ok: false,
      code: 'SIGNUP_CLOSED',
      message: '报名已截止',
    })
  })

  test.each([
    [{ idempotencyKey: 'short' }, 'idempotencyKey'],
    [{ answers: { nope: 'x' } }, 'answers.nope'],
    [{ activityId: 'not-a-uuid' }, 'activityId'],
    [{ remind: 'yes' }, 'remind'],
    [{ userId: 'someone' }, '_'],
  ])('bad payload %j is INVALID_INPUT on %s and stores nothing', async (patch, field) => {
    const e = await eventWith({}, 5)
    const r = await call(signup, 'signup', { activityId: e.id, idempotencyKey: key(), ...patch }, person('e1'))
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!r.ok) expect(r.fields?.[field]).toBeTruthy()
    expect((await w.db.query('select 1 from registration where activity_id = $1', [e.id])).rowCount).toBe(0)
  })

  test('a draft or unknown event is NOT_FOUND; a cancelled one is closed', async () => {
    expect(await join_('00000000-0000-4000-8000-000000000000', person('f1'))).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    const e = await eventWith({}, 5)
    expectOk(await call(activity, 'cancel', { id: e.id, reason: '天气原因' }, PEOPLE.orgA))
    expect(await join_(e.id, person('f1'))).toMatchObject({ ok: false, code: 'SIGNUP_CLOSED', message: '活动已取消' })
  })
})

describe('form questions and balanced quotas', () => {
  const mixer: SignupSettingsInput = {
    questions: [
      { id: 'gender', label: '性别', kind: 'single', required: true, options: ['男', '女'] },
      { id: 'hobby', label: '爱好', kind: 'multi', required: false, options: ['读书', '运动', '音乐'] },
      { id: 'intro', label: '自我介绍', kind: 'text', required: true },
    ],
    quotaQuestionId: 'gender',
    quotas: [
      { key: '男', capacity: 1 },
      { key: '女', capacity: 1 },
    ],
  }

  test('each quota fills and waitlists on its own', async () => {
    const e = await eventWith(mixer, 2)
    const a = { intro: '你好' }
    expect(expectOk(await join_(e.id, person('g1'), { answers: { ...a, gender: '男' } }))).toMatchObject({
      state: 'confirmed',
      quotaKey: '男',
    })
    expect(
      expectOk(await join_(e.id, person('g2'), { answers: { ...a, gender: '男', hobby: ['读书'] } })),
    ).toMatchObject({ state: 'waitlisted', quotaKey: '男', waitlistPosition: 1 })
    expect(expectOk(await join_(e.id, person('g3'), { answers: { ...a, gender: '女' } }))).toMatchObject({
      state: 'confirmed',
      quotaKey: '女',
    })
    const summary = expectOk(await call<SignupSummary>(signup, 'summary', { activityId: e.id }))
    expect(summary.quotas).toEqual([
      { key: '男', capacity: 1, taken: 1, waiting: 1 },
      { key: '女', capacity: 1, taken: 1, waiting: 0 },
    ])
  })

  test.each([
    [{ gender: '男' }, 'answers.intro', '必填'],
    [{ gender: '其他', intro: 'x' }, 'answers.gender', '选项无效'],
    [{ gender: '女', intro: 'x', hobby: ['跳伞'] }, 'answers.hobby', '选项无效'],
    [{ gender: '女', intro: 'x', hobby: '读书' }, 'answers.hobby', '应为多选'],
  ])('answers %j are refused on %s', async (answers, field, message) => {
    const e = await eventWith(mixer, 2)
    const r = await join_(e.id, person('h1'), { answers })
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!r.ok) expect(r.fields?.[field]).toBe(message)
  })

  test('an event with quotas changes its capacity only through its quotas', async () => {
    const e = await eventWith(mixer, 2)
    const client = await w.db.connect()
    try {
      await client.query('begin')
      await expect(resizeCapacity(client, e.id, 3, new Date())).rejects.toMatchObject({
        failure: { kind: 'capacitySetByQuotas' },
      })
    } finally {
      await client.query('rollback')
      client.release()
    }
    // Through the activity function too (its failure table words the answer); nothing changes.
    expect(await call(activity, 'update', { id: e.id, capacity: 3 }, PEOPLE.orgA)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '该活动按配额报名，请在报名设置中调整各配额名额',
      fields: { capacity: '请调整配额' },
    })
    const summary = expectOk(await call<SignupSummary>(signup, 'summary', { activityId: e.id }))
    expect([summary.capacity, summary.quotas.map((q) => q.capacity)]).toEqual([2, [1, 1]])
  })

  test('settings must split exactly the capacity over the question’s options', async () => {
    const e = await publishedEvent(w, { capacity: 10 })
    expect(
      await call(
        signup,
        'settings',
        {
          activityId: e.id,
          settings: {
            ...mixer,
            quotas: [
              { key: '男', capacity: 5 },
              { key: '女', capacity: 4 },
            ],
          },
        },
        PEOPLE.orgA,
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { quotas: '各配额之和（9）须等于活动名额（10）' } })
    expect(
      await call(
        signup,
        'settings',
        { activityId: e.id, settings: { ...mixer, quotas: [{ key: '男', capacity: 10 }] } },
        PEOPLE.orgA,
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(
      await call(
        signup,
        'settings',
        { activityId: e.id, settings: { ...mixer, quotaQuestionId: 'intro', quotas: [] } },
        PEOPLE.orgA,
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { quotaQuestionId: '配额须基于一个必答的单选题' } })
  })

  test('the organiser moves a person between quotas when the target has room', async () => {
    const e = await eventWith(
      {
        ...mixer,
        quotas: [
          { key: '男', capacity: 1 },
          { key: '女', capacity: 2 },
        ],
      },
      3,
    )
    const r = expectOk(await join_(e.id, person('i1'), { answers: { gender: '男', intro: 'x' } }))
    const moved = expectOk(
      await call<RosterEntry>(signup, 'moveQuota', { registrationId: r.id, quotaKey: '女' }, PEOPLE.orgA),
    )
    expect(moved).toMatchObject({ quotaKey: '女', state: 'confirmed' })
    const summary = expectOk(await call<SignupSummary>(signup, 'summary', { activityId: e.id }))
    expect(summary.quotas.map((q) => [q.key, q.taken])).toEqual([
      ['男', 0],
      ['女', 1],
    ])
  })
})

describe('eligibility', () => {
  test('league-members-only, age range and minimum attendance rate', async () => {
    const e = await eventWith(
      { eligibility: { leagueMembersOnly: true, minAge: 18, maxAge: 35, minAttendanceRate: 0.6 } },
      5,
    )
    expect(await join_(e.id, person('j1'))).toMatchObject({
      ok: false,
      code: 'NOT_ELIGIBLE',
      message: '本活动仅限共青团员报名',
    })
    expectOk(await call(signup, 'updateProfile', { leagueMember: true }, person('j1')))
    expect(await join_(e.id, person('j1'))).toMatchObject({ ok: false, code: 'PROFILE_INCOMPLETE' })
    expectOk(await call(signup, 'updateProfile', { birthDate: '1970-01-01' }, person('j1')))
    expect(await join_(e.id, person('j1'))).toMatchObject({
      ok: false,
      code: 'NOT_ELIGIBLE',
      message: '本活动限 18–35 岁报名',
    })
    expectOk(await call(signup, 'updateProfile', { birthDate: '2000-06-01' }, person('j1')))
    // One attended, two no-shows recently: 33% < 60%.
    const uid = (await w.db.query<{ id: string }>('select id from app_user where openid = $1', [person('j1')])).rows[0]
      .id
    for (const state of ['attended', 'no_show', 'no_show']) {
      const past = await publishedEvent(w, { capacity: 5 })
      await w.db.query(`insert into registration (activity_id, user_id, quota_key, state) values ($1, $2, '', $3)`, [
        past.id,
        uid,
        state,
      ])
    }
    const refused = await join_(e.id, person('j1'))
    expect(refused).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' })
    if (!refused.ok) expect(refused.message).toMatch(/33%/)
    expect(expectOk(await call<Profile>(signup, 'profile', undefined, person('j1')))).toMatchObject({
      attended: 1,
      noShows: 2,
    })
    // Old no-shows stop counting after the window.
    await w.db.query(
      "update activity set start_at = start_at - interval '400 days', end_at = end_at - interval '400 days', signup_opens_at = signup_opens_at - interval '400 days', signup_closes_at = signup_closes_at - interval '400 days' where id in (select activity_id from registration where user_id = $1 and state = 'no_show')",
      [uid],
    )
    expect(expectOk(await join_(e.id, person('j1'))).state).toBe('confirmed')
  })
})

describe('cancelling and promotion', () => {
  test('a cancelled seat goes straight to the first in line (direct), who is told', async () => {
    const e = await eventWith({ promotion: 'direct' }, 1)
    const a = expectOk(await join_(e.id, person('k1')))
    expectOk(await join_(e.id, person('k2')))
    expectOk(await join_(e.id, person('k3')))
    expect(expectOk(await call<Registration>(signup, 'cancel', { registrationId: a.id }, person('k1'))).state).toBe(
      'cancelled',
    )
    expect(expectOk(await call<Registration | null>(signup, 'mine', { activityId: e.id }, person('k2')))?.state).toBe(
      'confirmed',
    )
    expect(expectOk(await call<Registration | null>(signup, 'mine', { activityId: e.id }, person('k3')))).toMatchObject(
      { state: 'waitlisted', waitlistPosition: 1 },
    )
    expect(await messagesTo(person('k2'))).toEqual(['候补成功'])
  })

  test('offer mode: the next person gets a timed offer; an expired offer passes on at the sweep', async () => {
    const e = await eventWith({ promotion: 'offer', offerHours: 48 }, 1)
    const a = expectOk(await join_(e.id, person('l1')))
    const b = expectOk(await join_(e.id, person('l2')))
    expectOk(await join_(e.id, person('l3')))
    expectOk(await call(signup, 'cancel', { registrationId: a.id }, person('l1')))
    const offered = expectOk(await call<Registration | null>(signup, 'mine', { activityId: e.id }, person('l2')))!
    expect(offered.state).toBe('offered')
    expect(Date.parse(offered.offerExpiresAt!) - Date.now()).toBeGreaterThan(47 * HOUR)
    const later = createFunction<SignupActions>('signup', actions, { clock: () => new Date(Date.now() + 49 * HOUR) })
    expect(await call(later, 'acceptOffer', { registrationId: b.id }, person('l2'))).toMatchObject({
      ok: false,
      code: 'DEADLINE_PASSED',
    })
    expect(expectOk(await callAsScheduler<{ expired: number }>(later, 'sweep'))).toMatchObject({
      expired: 1,
      promoted: 1,
    })
    expect(expectOk(await call<Registration | null>(signup, 'mine', { activityId: e.id }, person('l2')))?.state).toBe(
      'expired',
    )
    const third = expectOk(await call<Registration | null>(signup, 'mine', { activityId: e.id }, person('l3')))!
    expect(third.state).toBe('offered')
    expect(
      expectOk(await call<Registration>(signup, 'acceptOffer', { registrationId: third.id }, person('l3'))).state,
    ).toBe('confirmed')
    // A second sweep finds nothing to do.
    expect(expectOk(await callAsScheduler(later, 'sweep'))).toMatchObject({ expired: 0, promoted: 0 })
  })

  test('offers near the start are shortened to the promotion cutoff', async () => {
    const e = await eventWith(
      { promotion: 'offer', offerHours: 48, promotionCutoffHours: 2, cancelDeadlineHours: 0 },
      1,
      1,
    )
    const a = expectOk(await join_(e.id, person('m1')))
    expectOk(await join_(e.id, person('m2')))
    expectOk(await call(signup, 'cancel', { registrationId: a.id }, person('m1')))
    const offered = expectOk(await call<Registration | null>(signup, 'mine', { activityId: e.id }, person('m2')))!
    const start = (await w.db.query<{ start_at: Date }>('select start_at from activity where id = $1', [e.id])).rows[0]
      .start_at
    expect(Date.parse(offered.offerExpiresAt!)).toBe(start.getTime() - 2 * HOUR)
  })

  test('after the promotion cutoff a freed seat stays free and no one jumps the line', async () => {
    const e = await eventWith({ promotion: 'direct', promotionCutoffHours: 2, cancelDeadlineHours: 0 }, 1, 1)
    const a = expectOk(await join_(e.id, person('n1')))
    expectOk(await join_(e.id, person('n2')))
    const nearStart = createFunction<SignupActions>('signup', actions, {
      clock: () => new Date(Date.now() + 23 * HOUR),
    })
    expectOk(await call(nearStart, 'cancel', { registrationId: a.id }, person('n1')))
    expect(expectOk(await call<Registration | null>(signup, 'mine', { activityId: e.id }, person('n2')))?.state).toBe(
      'waitlisted',
    )
    const summary = expectOk(await call<SignupSummary>(signup, 'summary', { activityId: e.id }))
    expect(summary.quotas[0]).toMatchObject({ taken: 0, waiting: 1 })
  })

  test('when the event starts, people still waiting are told no by the sweep (expired), seats untouched', async () => {
    const e = await eventWith({ promotionCutoffHours: 2 }, 1, 1)
    expectOk(await join_(e.id, person('lc1')))
    expectOk(await join_(e.id, person('lc2')))
    const beforeStart = createFunction<SignupActions>('signup', actions, {
      clock: () => new Date(Date.now() + 23 * HOUR),
    })
    expectOk(await callAsScheduler(beforeStart, 'sweep'))
    expect(expectOk(await call<Registration | null>(signup, 'mine', { activityId: e.id }, person('lc2')))?.state).toBe(
      'waitlisted',
    )
    const started = createFunction<SignupActions>('signup', actions, { clock: () => new Date(Date.now() + 25 * HOUR) })
    expect(
      expectOk(await callAsScheduler<{ linesClosed: number }>(started, 'sweep')).linesClosed,
    ).toBeGreaterThanOrEqual(1)
    expect(
      expectOk(await call<Registration | null>(signup, 'mine', { activityId: e.id }, person('lc2'))),
    ).toMatchObject({ state: 'expired', reason: '活动已开始，候补未成功' })
    expect(expectOk(await call<Registration | null>(signup, 'mine', { activityId: e.id }, person('lc1')))?.state).toBe(
      'confirmed',
    )
  })

  test('people cannot cancel a confirmed seat inside the deadline; the organiser can', async () => {
    const e = await eventWith({ cancelDeadlineHours: 24 }, 2, 2)
    const a = expectOk(await join_(e.id, person('o1')))
    expect(a.cancellable).toBe(true)
    const late = createFunction<SignupActions>('signup', actions, { clock: () => new Date(Date.now() + 25 * HOUR) })
    expect(await call(late, 'cancel', { registrationId: a.id }, person('o1'))).toMatchObject({
      ok: false,
      code: 'DEADLINE_PASSED',
    })
    expect(await call(signup, 'decide', { registrationId: a.id, decision: 'reject' }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    expect(
      expectOk(
        await call<RosterEntry>(
          signup,
          'decide',
          { registrationId: a.id, decision: 'reject', reason: '信息不实' },
          PEOPLE.orgA,
        ),
      ),
    ).toMatchObject({ state: 'cancelled', reason: '信息不实' })
    expect(await call(signup, 'cancel', { registrationId: a.id }, person('o2'))).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })

  test('raising the capacity confirms the people waiting', async () => {
    const e = await eventWith({}, 1)
    expectOk(await join_(e.id, person('p1')))
    expectOk(await join_(e.id, person('p2')))
    expectOk(await join_(e.id, person('p3')))
    expectOk(await call(activity, 'update', { id: e.id, capacity: 3 }, PEOPLE.orgA))
    const states = await w.db.query<{ state: string }>(
      'select state from registration where activity_id = $1 order by queue_position',
      [e.id],
    )
    expect(states.rows.map((r) => r.state)).toEqual(['confirmed', 'confirmed', 'confirmed'])
  })

  test('cancelling the event tells everyone who holds or waits for a place', async () => {
    const e = await eventWith({}, 1)
    expectOk(await join_(e.id, person('q1')))
    expectOk(await join_(e.id, person('q2')))
    expectOk(await call(activity, 'cancel', { id: e.id, reason: '场地维修' }, PEOPLE.orgA))
    expect(await messagesTo(person('q1'))).toEqual(['活动已取消'])
    expect(await messagesTo(person('q2'))).toEqual(['活动已取消'])
  })
})

/**
 * A sign-up takes no lock up front, so it can overlap a release: here the release frees the seat
 * and finds nobody waiting while the newcomer's statement has already decided "full" on its snapshot.
 */
describe('a sign-up overlapping a release', () => {
  const stateOf = async (activityId: string, who: string) =>
    expectOk(await call<Registration | null>(signup, 'mine', { activityId }, who))?.state

  test('the newcomer’s after-commit check takes the seat the release freed', async () => {
    const e = await eventWith({}, 1)
    const a = expectOk(await join_(e.id, person('race-a1')))
    const client = await w.db.connect()
    try {
      await client.query('begin')
      const event = (await loadSignupEvent(client, e.id))!
      await lockQuota(client, e.id, '')
      await releaseSeat(client, e.id, '')
      expect(await promoteWaiting(client, event, '', new Date())).toEqual([]) // nobody is waiting yet
      await setRegistrationState(client, a.id, 'cancelled', new Date())
      // The newcomer starts while the release is uncommitted: full on its snapshot. Its closing
      // FOR KEY SHARE read of the quota waits for the release's lock; wait until it does (or has
      // finished, which would mean the lock no longer orders the two and the assertions below fail).
      const newcomer = join_(e.id, person('race-a2'))
      let settled = false
      void newcomer.finally(() => {
        settled = true
      })
      for (let i = 0; i < 200 && !settled; i++) {
        const blocked = await w.db.query(
          "select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like 'with %insert into registration%'",
        )
        if (blocked.rowCount) break
        await new Promise((r) => setTimeout(r, 10))
      }
      await client.query('commit')
      expect(expectOk(await newcomer).state).toBe('confirmed')
    } finally {
      client.release()
    }
    const summary = expectOk(await call<SignupSummary>(signup, 'summary', { activityId: e.id }))
    expect(summary.quotas[0]).toMatchObject({ taken: 1, waiting: 0 })
    expect(await messagesTo(person('race-a2'))).toEqual(['候补成功'])
  })

  test('a free seat left next to a waiting line (a check that never ran) is mended by the sweep', async () => {
    const e = await eventWith({}, 1)
    const a = expectOk(await join_(e.id, person('race-b1')))
    expectOk(await join_(e.id, person('race-b2')))
    // As if the process died between a release's commit and the check after it.
    await w.db.query("update registration set state = 'cancelled' where id = $1", [a.id])
    await w.db.query('update signup_quota set taken = 0 where activity_id = $1', [e.id])
    await w.db.query('update activity set seats_taken = 0 where id = $1', [e.id])
    expect(await stateOf(e.id, person('race-b2'))).toBe('waitlisted')
    expect(expectOk(await callAsScheduler<{ promoted: number }>(signup, 'sweep')).promoted).toBeGreaterThanOrEqual(1)
    expect(await stateOf(e.id, person('race-b2'))).toBe('confirmed')
    expect(expectOk(await callAsScheduler(signup, 'sweep'))).toMatchObject({ promoted: 0 })
  })
})

describe('approval', () => {
  test('sign-ups wait for approval; approving takes a seat, or a place in line when full', async () => {
    const e = await eventWith({ approvalRequired: true }, 1)
    const a = expectOk(await join_(e.id, person('r1')))
    const b = expectOk(await join_(e.id, person('r2')))
    expect([a.state, b.state]).toEqual(['pending', 'pending'])
    expect(
      expectOk(await call<RosterEntry>(signup, 'decide', { registrationId: a.id, decision: 'approve' }, PEOPLE.orgA))
        .state,
    ).toBe('confirmed')
    expect(
      expectOk(await call<RosterEntry>(signup, 'decide', { registrationId: b.id, decision: 'approve' }, PEOPLE.orgA))
        .state,
    ).toBe('waitlisted')
    expect(await messagesTo(person('r1'))).toEqual(['报名成功'])
    expect(await call(signup, 'decide', { registrationId: a.id, decision: 'approve' }, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })
})

describe('apply then select', () => {
  const select: SignupSettingsInput = {
    allocation: 'select',
    promotion: 'offer',
    questions: [{ id: 'gender', label: '性别', kind: 'single', required: true, options: ['男', '女'] }],
    quotaQuestionId: 'gender',
    quotas: [
      { key: '男', capacity: 2 },
      { key: '女', capacity: 2 },
    ],
  }

  test('a seeded draw is reproducible, respects quotas, offers the drawn and queues the rest', async () => {
    const results: DrawResult[] = []
    for (let round = 0; round < 2; round++) {
      const e = await eventWith(select, 4)
      for (let i = 0; i < 10; i++) {
        expect(
          expectOk(await join_(e.id, person(`s${round}-${i}`), { answers: { gender: i % 2 ? '女' : '男' } })).state,
        ).toBe('applied')
      }
      expect(await call(signup, 'draw', { activityId: e.id, seed: '2026-润州' }, PEOPLE.orgA)).toMatchObject({
        ok: false,
        code: 'CONFLICT',
        message: '报名截止后才能抽签',
      })
      const afterClose = createFunction<SignupActions>('signup', actions, {
        clock: () => new Date(Date.now() + 9.5 * 24 * HOUR),
      })
      const drawn = expectOk(
        await call<DrawResult>(afterClose, 'draw', { activityId: e.id, seed: '2026-润州' }, PEOPLE.orgA),
      )
      expect(drawn.offered).toBe(4)
      const rows = await w.db.query<{ id: string; user_id: string; state: string; quota_key: string; openid: string }>(
        'select r.id, r.user_id, r.state, r.quota_key, u.openid from registration r join app_user u on u.id = r.user_id where r.activity_id = $1',
        [e.id],
      )
      for (const key of ['男', '女']) {
        const inQuota = drawn.order[key].map((id) => rows.rows.find((r) => r.id === id)!)
        expect(inQuota.map((r) => r.state)).toEqual(['offered', 'offered', 'waitlisted', 'waitlisted', 'waitlisted'])
        expect(inQuota.every((r) => r.quota_key === key)).toBe(true)
      }
      // Compare by person, not by row id: same applicants and seed → same winners.
      results.push({
        ...drawn,
        order: Object.fromEntries(
          Object.entries(drawn.order).map(([k, ids]) => [
            k,
            ids.map((id) => rows.rows.find((r) => r.id === id)!.openid.replace(/s\d-/, 's-')),
          ]),
        ),
      })
      const recorded = await w.db.query('select seed from signup_draw where activity_id = $1', [e.id])
      expect(recorded.rows[0].seed).toBe('2026-润州')
      expect(await call(afterClose, 'draw', { activityId: e.id }, PEOPLE.orgA)).toMatchObject({
        ok: false,
        code: 'CONFLICT',
      })
    }
    // Row ids differ between rounds, so sorting (and thus the shuffle) may differ; the recorded seed reproduces each round:
    expect(results[0].seed).toBe(results[1].seed)
  })

  test('the same seed over the same applicants reproduces the same order', async () => {
    const { drawOrder } = await import('../../server/domain/signup/draw')
    const ids = Array.from({ length: 50 }, (_, i) => `id-${String(i).padStart(3, '0')}`)
    expect(drawOrder(ids, 'seed-x')).toEqual(drawOrder([...ids].reverse(), 'seed-x'))
    expect(drawOrder(ids, 'seed-x')).not.toEqual(drawOrder(ids, 'seed-y'))
    expect([...drawOrder(ids, 'seed-x')].sort()).toEqual(ids)
  })

  test('the organiser can pick people by hand', async () => {
    const e = await eventWith(select, 4)
    const r = expectOk(await join_(e.id, person('t1'), { answers: { gender: '女' } }))
    expect(
      expectOk(
        await call<{ offered: number }>(signup, 'pick', { activityId: e.id, registrationIds: [r.id] }, PEOPLE.orgA),
      ),
    ).toEqual({ offered: 1 })
    expect(expectOk(await call<Registration | null>(signup, 'mine', { activityId: e.id }, person('t1')))?.state).toBe(
      'offered',
    )
  })
})

describe('my activities, roster, attendance, export, reminders', () => {
  test('my list shows upcoming, waitlisted with place in line, and past', async () => {
    const e = await eventWith({}, 1)
    expectOk(await join_(e.id, person('u0')))
    expectOk(await join_(e.id, person('u1')))
    const waitlist = expectOk(
      await call<{ items: MyRegistration[] }>(signup, 'myList', { tab: 'waitlist' }, person('u1')),
    )
    expect(waitlist.items).toHaveLength(1)
    expect(waitlist.items[0]).toMatchObject({
      state: 'waitlisted',
      waitlistPosition: 1,
      activity: { id: e.id, unitName: '甲单位团委' },
    })
    expect(
      expectOk(await call<{ items: MyRegistration[] }>(signup, 'myList', { tab: 'upcoming' }, person('u0'))).items[0]
        .state,
    ).toBe('confirmed')
  })

  test('the roster shows organisers names and phones; attendance is recorded after the start; export has the answers', async () => {
    const e = await eventWith(
      { questions: [{ id: 'size', label: 'T恤尺码', kind: 'single', required: true, options: ['M', 'L'] }] },
      3,
    )
    expectOk(
      await call(signup, 'updateProfile', { realName: '张青', gender: '女', birthDate: '1998-05-04' }, person('v1')),
    )
    await w.db.query("update app_user set phone = '13800001111' where openid = $1", [person('v1')])
    const r = expectOk(await join_(e.id, person('v1'), { answers: { size: 'L' } }))
    const roster = expectOk(await call<{ items: RosterEntry[] }>(signup, 'roster', { activityId: e.id }, PEOPLE.orgA))
    expect(roster.items[0].person).toMatchObject({ realName: '张青', phone: '13800001111', gender: '女' })
    expect(await call(signup, 'roster', { activityId: e.id }, PEOPLE.youth)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await call(signup, 'attendance', { registrationId: r.id, outcome: 'attended' }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
    const started = createFunction<SignupActions>('signup', actions, {
      clock: () => new Date(Date.now() + 10 * 24 * HOUR + HOUR),
    })
    expect(
      expectOk(
        await call<RosterEntry>(started, 'attendance', { registrationId: r.id, outcome: 'no_show' }, PEOPLE.orgA),
      ).state,
    ).toBe('no_show')
    expect(expectOk(await call<Profile>(signup, 'profile', undefined, person('v1')))).toMatchObject({
      noShows: 1,
      attendanceRate: 0,
    })
    const exported = expectOk(await call<{ url: string }>(signup, 'exportRoster', { activityId: e.id }, PEOPLE.orgA))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(
      readFileSync(join(filesDir, exported.url.split('?')[0].slice('/files/'.length))) as unknown as ArrayBuffer,
    )
    const values = book.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1))
    expect(values[0]).toEqual(['序号', '姓名', '昵称', '手机', '性别', '年龄', '状态', '分组', 'T恤尺码', '报名时间'])
    expect(values[1].slice(1, 9)).toEqual([
      '张青',
      '青年朋友',
      '13800001111',
      '女',
      expect.any(Number),
      '缺席',
      '',
      'L',
    ])
  })

  test('a reminder goes once to people who asked for one, the day before', async () => {
    const e = await eventWith({}, 3, 1)
    expectOk(await join_(e.id, person('x1'), { remind: true }))
    expectOk(await join_(e.id, person('x2'), { remind: false }))
    expect(expectOk(await callAsScheduler<{ reminded: number }>(signup, 'sweep')).reminded).toBeGreaterThanOrEqual(1)
    expect(expectOk(await callAsScheduler<{ reminded: number }>(signup, 'sweep')).reminded).toBe(0)
    const sent = await w.db.query(
      "select recipient from local_outbox where template = 'activity_reminder' and recipient in ($1, $2)",
      [person('x1'), person('x2')],
    )
    expect(sent.rows.map((r) => r.recipient)).toEqual([person('x1')])
  })

  test('a CloudBase timer event runs the sweep when the platform confirms the trigger', async () => {
    const timer = { Type: 'Timer', TriggerName: 'sweep', Time: new Date().toISOString() }
    expect(await signup(timer, { trigger: 'timer' })).toMatchObject({ ok: true })
  })

  test('a client that forges a timer event is refused', async () => {
    const timer = { Type: 'Timer', TriggerName: 'sweep', Time: new Date().toISOString() }
    expect(await signup(timer, {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call(signup, 'sweep', undefined, PEOPLE.admin)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('contract details', () => {
  test('a draft’s summary is readable by its organisers only; the last draw is part of the summary', async () => {
    const draft = expectOk(await call<ManagedActivity>(activity, 'create', eventRequest(w), PEOPLE.orgA))
    expect(expectOk(await call<SignupSummary>(signup, 'summary', { activityId: draft.id }, PEOPLE.orgA))).toMatchObject(
      { activityId: draft.id, lastDraw: null },
    )
    expect(await call(signup, 'summary', { activityId: draft.id }, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(await call(signup, 'summary', { activityId: draft.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  test('someone the organiser rejected cannot sign up again for the same event', async () => {
    const e = await eventWith({ approvalRequired: true }, 2)
    const r = expectOk(await join_(e.id, person('y1')))
    expectOk(
      await call(signup, 'decide', { registrationId: r.id, decision: 'reject', reason: '不符合要求' }, PEOPLE.orgA),
    )
    expect(await join_(e.id, person('y1'))).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' })
  })

  test('quotas are listed in the question’s option order', async () => {
    const e = await eventWith(
      {
        questions: [{ id: 'gender', label: '性别', kind: 'single', required: true, options: ['男', '女'] }],
        quotaQuestionId: 'gender',
        quotas: [
          { key: '男', capacity: 1 },
          { key: '女', capacity: 1 },
        ],
      },
      2,
    )
    expect(
      expectOk(await call<SignupSummary>(signup, 'summary', { activityId: e.id })).quotas.map((q) => q.key),
    ).toEqual(['男', '女'])
  })
})
