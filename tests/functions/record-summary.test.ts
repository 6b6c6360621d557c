/**
 * record.summary, what 我的 leads with: all approved hours, this year's stars (of how many indicators),
 * this year's events attended, the next event signed up for and honours — each equal to what its own
 * source answers (hours.mine, star.mine, record.mine, signup.myList, honour.mine); a star appears when an
 * hours entry is approved and goes when it is corrected to nothing; bad payloads answer a stable code.
 */
import type { MyHonour } from '@api/honour'
import type { MyHours } from '@api/hours'
import type { GrowthRecord, PersonSummary } from '@api/record'
import type { MyRegistration } from '@api/signup'
import type { MyStars } from '@api/star'
import { main as honourFn } from '../../cloudfunctions/honour/src'
import { main as hours } from '../../cloudfunctions/hours/src'
import { main as record } from '../../cloudfunctions/record/src'
import { main as signup } from '../../cloudfunctions/signup/src'
import { main as star } from '../../cloudfunctions/star/src'
import { call, expectOk } from '../support/call'
import { publishedEvent, useWorld } from '../support/world'
import { approvedHours, honour, starIndicators } from './record-fixtures'
import { finishedEvent } from './rating-fixtures'

const w = useWorld()
const DAY_MS = 24 * 3600_000

const summary = async (as: string) => expectOk(await call<PersonSummary>(record, 'summary', {}, as))
const userIdOf = async (openid: string) =>
  (await w.db.query<{ id: string }>('select id from app_user where openid = $1', [openid])).rows[0].id

/** A pending hours entry of the person at the event; its id. */
async function pendingHours(activityId: string, userId: string, hours: number, noticeUntil: Date | null) {
  const { rows } = await w.db.query<{ id: string }>(
    `insert into service_hours (activity_id, registration_id, user_id, day, kind, minutes, hours, status, notice_until)
     select $1, r.id, $2, '2026-11-20', 'makeup', round($3::numeric * 60)::int, $3::numeric, 'pending', $4
     from registration r where r.activity_id = $1 and r.user_id = $2 returning id`,
    [activityId, userId, hours, noticeUntil],
  )
  return rows[0].id
}

/** Signs the person up (straight into the table) for a published event starting `inDays` from now. */
async function signedUp(userId: string, inDays: number, state = 'confirmed', title = `冬季长跑 ${inDays}`) {
  const e = await publishedEvent(w, { title })
  const start = new Date(Date.now() + inDays * DAY_MS)
  await w.db.query(`update activity set start_at = $2, end_at = $2::timestamptz + interval '2 hours' where id = $1`, [
    e.id,
    start,
  ])
  await w.db.query(`insert into registration (activity_id, user_id, quota_key, state) values ($1, $2, '', $3)`, [
    e.id,
    userId,
    state,
  ])
  return e.id
}

beforeAll(async () => {
  await starIndicators(w, 2026, [
    { name: '志愿服务', kind: 'hours', threshold: 3 },
    { name: '参与活动', kind: 'activities', threshold: 1 },
  ])
})

test('a person with nothing yet: zeros, no next event, the year’s indicators still counted', async () => {
  expect(await summary('sum:nobody')).toEqual({
    year: 2026,
    totalHours: 0,
    stars: { year: 2026, published: true, earned: 0, of: 2, met: [] },
    activities: 0,
    next: null,
    honours: 0,
  })
})

test('every number equals what its own source answers', async () => {
  const who = 'sum:youth'
  const thisYear = await finishedEvent(w, { attended: [who], endedHoursAgo: 5 * 24 })
  const lastYear = await finishedEvent(w, {
    attended: [who],
    endedHoursAgo: (Date.now() - Date.parse('2025-06-01T10:00:00Z')) / 3600_000,
  })
  const userId = await userIdOf(who)
  await approvedHours(w, thisYear.id, userId, 2.5, '2026-11-20')
  await approvedHours(w, lastYear.id, userId, 4, '2025-06-01')
  await honour(w, userId, w.unitA, 2025, '优秀青年志愿者', new Date('2026-01-10T02:00:00Z'))
  await honour(w, userId, w.unitA, 2026, '青年突击手', null)
  const later = await signedUp(userId, 12)
  const sooner = await signedUp(userId, 6, 'confirmed', '冬季长跑')
  await signedUp(userId, 3, 'waitlisted')

  const s = await summary(who)
  expect(s).toEqual({
    year: 2026,
    totalHours: 6.5,
    stars: { year: 2026, published: true, earned: 1, of: 2, met: ['参与活动'] },
    activities: 1,
    next: { activityId: sooner, title: '冬季长跑', startAt: expect.any(String), placeName: '青年之家' },
    honours: 1,
  })
  expect(later).not.toBe(sooner)

  const [myHours, myStars, myRecord, upcoming, myHonours] = await Promise.all([
    call<MyHours>(hours, 'mine', {}, who).then(expectOk),
    call<MyStars>(star, 'mine', { year: 2026 }, who).then(expectOk),
    call<GrowthRecord>(record, 'mine', { year: 2026 }, who).then(expectOk),
    call<{ items: MyRegistration[] }>(signup, 'myList', { tab: 'upcoming' }, who).then(expectOk),
    call<{ items: MyHonour[] }>(honourFn, 'mine', {}, who).then(expectOk),
  ])
  expect(s.totalHours).toBe(myHours.totalHours)
  expect(s.stars.earned).toBe(myStars.stars)
  expect(s.stars.of).toBe(myStars.indicators.length)
  expect(s.stars).toEqual(myRecord.stars)
  expect(s.activities).toBe(myRecord.summary.activities)
  const first = [...upcoming.items].sort((a, b) => a.activity.startAt.localeCompare(b.activity.startAt))[0]
  expect(s.next).toEqual({
    activityId: first.activity.id,
    title: first.activity.title,
    startAt: first.activity.startAt,
    placeName: first.activity.placeName,
  })
  expect(s.honours).toBe(myHonours.items.length)
})

test('a star appears when an hours entry is approved, and goes when it is corrected to nothing', async () => {
  const who = 'sum:volunteer'
  const e = await finishedEvent(w, { attended: [who], endedHoursAgo: 3 * 24 })
  const userId = await userIdOf(who)
  const entry = await pendingHours(e.id, userId, 3, null)
  const before = await summary(who)
  expect(before.totalHours).toBe(0)
  expect(before.stars).toMatchObject({ earned: 1, met: ['参与活动'] })

  await w.db.query(`update service_hours set status = 'approved', decided_at = now() where id = $1`, [entry])
  const approved = await summary(who)
  expect(approved.totalHours).toBe(3)
  expect(approved.stars).toMatchObject({ earned: 2, of: 2, met: ['志愿服务', '参与活动'] })

  await w.db.query(`update service_hours set hours = 0, minutes = 0 where id = $1`, [entry])
  const corrected = await summary(who)
  expect(corrected.totalHours).toBe(0)
  expect(corrected.stars).toMatchObject({ earned: 1, met: ['参与活动'] })
})

test('hours whose public notice has ended count as approved, as on 我的时长', async () => {
  const who = 'sum:noticed'
  const e = await finishedEvent(w, { attended: [who], endedHoursAgo: 8 * 24 })
  const userId = await userIdOf(who)
  await pendingHours(e.id, userId, 3.5, new Date(Date.now() - DAY_MS))
  await pendingHours(e.id, userId, 1, new Date(Date.now() + DAY_MS))
  const s = await summary(who)
  expect(s.totalHours).toBe(3.5)
  expect(s.stars.met).toContain('志愿服务')
  expect(expectOk(await call<MyHours>(hours, 'mine', {}, who)).totalHours).toBe(3.5)
})

test('no input or {} only; anything else answers INVALID_INPUT', async () => {
  expect(await call(record, 'summary', undefined, 'sum:nobody')).toMatchObject({ ok: true })
  for (const bad of [{ year: 2026 }, 'all', [1], 7])
    expect(await call(record, 'summary', bad, 'sum:nobody')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})
