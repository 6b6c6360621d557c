/**
 * The growth record end to end: one timeline from attendance, approved hours, certificates, ratings,
 * wishes, youth groups and approved honours, newest first, filtered by Shanghai year and kind, with its
 * summary and the year's stars read from the star service; a unit's organisers see only what happened in
 * their unit (honours it nominated included) and never ratings; everyone else is refused.
 */
import type { GrowthRecord } from '@api/record'
import { main as record } from '../../cloudfunctions/record/src'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'
import { approvedHours, certificate, honour, ledGroup, rating, starIndicators, wish } from './record-fixtures'
import { finishedEvent } from './rating-fixtures'

const w = useWorld()
const DAY = 24
const DAY_MS = 24 * 3600_000

const mine = async (as: string, data?: Record<string, unknown>) =>
  expectOk(await call<GrowthRecord>(record, 'mine', data, as))

describe('record.mine', () => {
  const who = 'w:record-youth'
  let userId = ''
  let eventA = ''
  let eventB = ''
  let lastYear = ''

  beforeAll(async () => {
    const a = await finishedEvent(w, { attended: [who], endedHoursAgo: 10 * DAY })
    const b = await finishedEvent(w, { attended: [who], endedHoursAgo: 3 * DAY, unitId: w.unitB })
    // Ended at 2025-12-31 18:00 UTC = 2026-01-01 02:00 in Shanghai: this year, not last year.
    const newYear = await finishedEvent(w, {
      attended: [who],
      endedHoursAgo: (Date.now() - Date.parse('2025-12-31T18:00:00Z')) / 3600_000,
    })
    // Ended 2025-12-31 15:00 UTC = 23:00 in Shanghai: last year.
    const old = await finishedEvent(w, {
      attended: [who],
      endedHoursAgo: (Date.now() - Date.parse('2025-12-31T15:00:00Z')) / 3600_000,
    })
    const notCame = await finishedEvent(w, { confirmed: [who], endedHoursAgo: 1 * DAY })
    eventA = a.id
    eventB = b.id
    lastYear = old.id
    void newYear
    void notCame
    userId = (await w.db.query<{ id: string }>('select id from app_user where openid = $1', [who])).rows[0].id
    await approvedHours(w, a.id, userId, 3, '2026-11-15')
    await approvedHours(w, a.id, userId, 1.5, '2026-11-15')
    await approvedHours(w, b.id, userId, 2, '2026-11-22')
    await approvedHours(w, old.id, userId, 4, '2025-12-31')
    await w.db.query(
      `insert into service_hours (activity_id, registration_id, user_id, day, kind, minutes, hours, status)
       select $1, r.id, $2, '2026-11-22', 'scan', 60, 1, 'pending' from registration r where r.activity_id = $1 and r.user_id = $2`,
      [b.id, userId],
    )
    await certificate(w, userId, new Date(Date.now() - 1 * DAY_MS), 6.5)
    await rating(w, b.id, userId, 5, new Date(Date.now() - 2 * DAY_MS))
    await wish(w, userId, '想学做咖啡', new Date(Date.now() - 30 * DAY_MS), {
      lineId: w.lineA,
      unitId: w.unitA,
      at: new Date(Date.now() - 20 * DAY_MS),
    })
    await wish(w, userId, '想去露营', new Date(Date.now() - 5 * DAY_MS))
    await ledGroup(w, userId, '青年读书社', new Date(Date.now() - 40 * DAY_MS))
    await ledGroup(w, userId, '还在审核的社团', null)
    // Honours count in the year they are for, whenever decided; pending ones are not on the record.
    await honour(w, userId, w.unitA, 2026, '优秀青年志愿者', new Date(Date.now() - DAY_MS / 2))
    await honour(w, userId, w.unitB, 2025, '青年岗位能手', new Date('2026-01-10T02:00:00Z'))
    await honour(w, userId, w.unitA, 2026, '青年突击手', null)
    await starIndicators(w, 2026, [
      { name: '志愿服务', kind: 'hours', threshold: 6 },
      { name: '参与活动', kind: 'activities', threshold: 5 },
    ])
  })

  test('one timeline of every kind, newest first, with the summary of the year', async () => {
    const r = await mine(who, { year: 2026 })
    expect(r.year).toBe(2026)
    expect(r.items.map((i) => [i.kind, i.title])).toEqual([
      ['honour', '2026 年度优秀青年志愿者'],
      ['certificate', '志愿服务证明'],
      ['rating', expect.stringContaining('已结束的读书会')],
      ['activity', expect.any(String)],
      ['hours', expect.any(String)],
      ['wish', '想去露营'],
      ['activity', expect.any(String)],
      ['hours', expect.any(String)],
      ['wishClaimed', '想学做咖啡'],
      ['wish', '想学做咖啡'],
      ['youthGroup', '青年读书社'],
      ['activity', expect.any(String)],
    ])
    const at = r.items.map((i) => i.at)
    expect([...at].sort().reverse()).toEqual(at)
    expect(r.items.find((i) => i.kind === 'rating')).toMatchObject({ activityId: eventB, stars: 5 })
    expect(r.items.filter((i) => i.kind === 'hours').map((i) => [i.activityId, i.hours])).toEqual([
      [eventB, 2],
      [eventA, 4.5],
    ])
    expect(r.items.find((i) => i.kind === 'wishClaimed')?.detail).toBeTruthy()
    expect(r.items.some((i) => i.activityId === lastYear)).toBe(false)
    expect(r.items[0]).toMatchObject({ detail: expect.any(String), activityId: null, hours: null })
    expect(r.items[0].detail).toBeTruthy()
    expect(r.summary).toEqual({
      activities: 3,
      hours: 6.5,
      certificates: 1,
      ratings: 1,
      wishes: 2,
      wishesClaimed: 1,
      youthGroups: 1,
      honours: 1,
    })
    // Stars of the year from the star service: 6.5 approved hours meet 志愿服务 (≥ 6); 3 events miss 参与活动 (≥ 5).
    expect(r.stars).toEqual({ year: 2026, published: true, earned: 1, of: 2, met: ['志愿服务'] })
  })

  test('last year (Shanghai) holds only what happened then; without a year, everything', async () => {
    const last = await mine(who, { year: 2025 })
    expect(last.items.map((i) => [i.kind, i.activityId ?? i.title])).toEqual([
      ['honour', '2025 年度青年岗位能手'],
      ['activity', lastYear],
      ['hours', lastYear],
    ])
    expect(last.summary).toMatchObject({ activities: 1, hours: 4, ratings: 0, honours: 1 })
    expect(last.stars).toEqual({ year: 2025, published: false, earned: 0, of: 0, met: [] })
    const all = await mine(who)
    expect(all.year).toBeNull()
    expect(all.summary).toMatchObject({ activities: 4, hours: 10.5, wishes: 2, youthGroups: 1, honours: 2 })
    // Every year shown: the stars are this year's.
    expect(all.stars).toMatchObject({ year: 2026, earned: 1, of: 2 })
  })

  test('the kind filter keeps only the kinds asked for', async () => {
    const r = await mine(who, { year: 2026, kinds: ['hours', 'rating'] })
    expect(r.kinds).toEqual(['hours', 'rating'])
    expect(new Set(r.items.map((i) => i.kind))).toEqual(new Set(['hours', 'rating']))
    expect(r.summary).toMatchObject({ activities: 0, hours: 6.5, ratings: 1, wishes: 0, honours: 0 })
    const honours = await mine(who, { year: 2026, kinds: ['honour'] })
    expect(honours.items.map((i) => [i.kind, i.title])).toEqual([['honour', '2026 年度优秀青年志愿者']])
    expect(honours.summary).toMatchObject({ activities: 0, hours: 0, honours: 1 })
  })

  test('someone else sees only their own (empty) record; bad filters answer a stable code', async () => {
    const r = await mine(PEOPLE.orgB, { year: 2026 })
    expect(r.items).toEqual([])
    expect(r.stars).toEqual({ year: 2026, published: true, earned: 0, of: 2, met: [] })
    expect(await call(record, 'mine', { kinds: ['diary'] }, who)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await call(record, 'mine', { year: 1999 }, who)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  describe('record.ofMember', () => {
    const ofMember = (as: string, unitId: string, year?: number) =>
      call<GrowthRecord>(record, 'ofMember', { unitId, userId, year }, as)

    test("a unit's organiser sees the person's events and hours in that unit, never ratings", async () => {
      const r = expectOk(await ofMember(PEOPLE.orgB, w.unitB, 2026))
      expect(r.items.map((i) => [i.kind, i.activityId])).toEqual([
        ['activity', eventB],
        ['hours', eventB],
      ])
      expect(r.summary).toMatchObject({ activities: 1, hours: 2, ratings: 0, certificates: 0, wishes: 0 })
      expect(r.stars).toBeNull()
      const a = expectOk(await ofMember(PEOPLE.orgA, w.unitA))
      expect(a.items.every((i) => ['activity', 'hours', 'honour'].includes(i.kind))).toBe(true)
      expect(a.items.some((i) => i.activityId === eventB)).toBe(false)
      expect(a.items.filter((i) => i.kind === 'activity')).toHaveLength(3)
      // The honours unit A nominated the person for (approved), not unit B's.
      expect(a.items.filter((i) => i.kind === 'honour').map((i) => i.title)).toEqual(['2026 年度优秀青年志愿者'])
      const b = expectOk(await ofMember(PEOPLE.orgB, w.unitB))
      expect(b.items.filter((i) => i.kind === 'honour').map((i) => i.title)).toEqual(['2025 年度青年岗位能手'])
      expect(b.summary.honours).toBe(1)
    })

    test('the district admin may look; the person themself, other units and strangers are refused', async () => {
      expect(expectOk(await ofMember(PEOPLE.admin, w.unitB, 2026)).items).toHaveLength(2)
      for (const as of [PEOPLE.orgA, PEOPLE.youth, who]) {
        expect(await ofMember(as, w.unitB)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      }
      expect(
        await call(record, 'ofMember', { unitId: '00000000-0000-4000-8000-000000000000', userId }, PEOPLE.orgA),
      ).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    })
  })
})
