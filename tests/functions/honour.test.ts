/**
 * The honour function end to end on a real PostgreSQL: the district defines a year's kinds; unit A's
 * organiser nominates people who took part (never others, never twice, never outside the window or
 * over the quota) with a snapshot of their record that later changes do not alter; the district
 * approves (the person is told) or declines with a reason; the public roll shows masked names and
 * units only; the person sees their own honours; bad payloads.
 */
import type { HonourCandidates, HonourKind, HonourNomination, HonourRoll, MyHonour } from '@api/honour'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'
import { attendees, freshKind, honour, nominated, unique } from './honour-fixtures'

const w = useWorld()

const decide = (nominationId: string, approve: boolean, reason = '', as: string = PEOPLE.admin) =>
  call<HonourNomination>(honour, 'decide', { nominationId, approve, reason }, as)
const nominate = (data: Record<string, unknown>, as: string = PEOPLE.orgA) =>
  call<HonourNomination>(honour, 'nominate', data, as)

async function giveHours(userId: string, hours: number, status: 'approved' | 'pending' = 'approved') {
  await w.db.query(
    `insert into service_hours (activity_id, registration_id, user_id, day, kind, minutes, hours, status)
     select r.activity_id, r.id, r.user_id, '2026-11-20', 'makeup', $2 * 60, $2, $3
     from registration r where r.user_id = $1 limit 1`,
    [userId, hours, status],
  )
}

describe('kinds', () => {
  test('the district admin defines a kind; anyone reads the year, open or not', async () => {
    const name = unique('优秀共青团员')
    const k = expectOk(
      await call<HonourKind>(
        honour,
        'define',
        {
          year: 2026,
          name,
          quotaPerUnit: 3,
          opensAt: '2026-11-01T00:00:00+08:00',
          closesAt: '2026-12-20T00:00:00+08:00',
        },
        PEOPLE.admin,
      ),
    )
    expect(k).toMatchObject({ name, year: 2026, quotaPerUnit: 3, open: true })
    const list = expectOk(await call<{ items: HonourKind[] }>(honour, 'kinds', { year: 2026 }))
    expect(list.items.map((i) => i.name)).toContain(name)
    // The same name twice in a year is refused; a window that closes first is refused.
    const again = await call(
      honour,
      'define',
      { year: 2026, name, opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-12-20T00:00:00+08:00' },
      PEOPLE.admin,
    )
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', message: '本年度已有同名的荣誉项目' })
    const back = await call(
      honour,
      'define',
      {
        year: 2026,
        name: unique('青年岗位能手'),
        opensAt: '2026-12-01T00:00:00+08:00',
        closesAt: '2026-11-01T00:00:00+08:00',
      },
      PEOPLE.admin,
    )
    expect(back).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('nominating', () => {
  test('candidates are the people who attended the unit’s events; a nomination keeps the record of that moment', async () => {
    const kindId = await freshKind(w)
    const [a] = await attendees(w, 1)
    await giveHours(a, 6)
    await giveHours(a, 9, 'pending')
    const c = expectOk(await call<HonourCandidates>(honour, 'candidates', { kindId, unitId: w.unitA }, PEOPLE.orgA))
    expect(c.items.find((i) => i.userId === a)).toMatchObject({ attended: 1, nominated: false })
    expect(c.used).toBe(0)

    const n = await nominated(w, kindId, a)
    expect(n).toMatchObject({
      state: 'pending',
      unitId: w.unitA,
      record: { year: 2026, approvedHours: 6, activitiesAttended: 1, certificates: [] },
    })
    // Later hours do not change what the district decides on.
    await giveHours(a, 4)
    const list = expectOk(
      await call<{ items: HonourNomination[] }>(honour, 'nominations', { year: 2026, kindId }, PEOPLE.admin),
    )
    expect(list.items).toHaveLength(1)
    expect(list.items[0].record.approvedHours).toBe(6)
    const again = expectOk(await call<HonourCandidates>(honour, 'candidates', { kindId, unitId: w.unitA }, PEOPLE.orgA))
    expect(again.items.find((i) => i.userId === a)?.nominated).toBe(true)
    expect(again.used).toBe(1)
  })

  test('someone who never took part in the unit is refused; so is a second nomination of the same person', async () => {
    const kindId = await freshKind(w)
    const [ofB] = await attendees(w, 1, w.unitB)
    const r = await nominate({ kindId, unitId: w.unitA, userId: ofB, reason: '表现突出' })
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: '只能推荐参加过本单位活动或本单位的成员' })
    const [a] = await attendees(w, 1)
    await nominated(w, kindId, a)
    const twice = await nominate({ kindId, unitId: w.unitA, userId: a, reason: '再推荐一次' })
    expect(twice).toMatchObject({ ok: false, code: 'CONFLICT', message: '此人已被推荐过这项荣誉' })
  })

  test('unit B’s organiser cannot nominate for unit A', async () => {
    const kindId = await freshKind(w)
    const [a] = await attendees(w, 1)
    const r = await nominate({ kindId, unitId: w.unitA, userId: a, reason: '表现突出' }, PEOPLE.orgB)
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(
      (await w.db.query('select count(*)::int as n from honour_nomination where kind_id = $1', [kindId])).rows[0].n,
    ).toBe(0)
  })

  test('outside the window nominations are refused', async () => {
    const [a] = await attendees(w, 1)
    for (const kindId of [
      await freshKind(w, { opensInDays: 2 }),
      await freshKind(w, { opensInDays: -10, closesInDays: -1 }),
    ]) {
      const r = await nominate({ kindId, unitId: w.unitA, userId: a, reason: '表现突出' })
      expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: '不在推荐时间内' })
    }
  })

  test('the quota per unit: the next nomination is refused; a declined one frees its place', async () => {
    const kindId = await freshKind(w, { quota: 2 })
    const [a, b, c] = await attendees(w, 3)
    const first = await nominated(w, kindId, a)
    await nominated(w, kindId, b)
    const over = await nominate({ kindId, unitId: w.unitA, userId: c, reason: '表现突出' })
    expect(over).toMatchObject({ ok: false, code: 'CONFLICT', message: '本单位这项荣誉最多推荐 2 人，名额已满' })
    expectOk(await decide(first.id, false, '服务时长不足'))
    expect(await nominated(w, kindId, c)).toMatchObject({ state: 'pending' })
  })

  test('unsafe reasons are refused with CONTENT_REJECTED', async () => {
    const kindId = await freshKind(w)
    const [a] = await attendees(w, 1)
    const r = await nominate({ kindId, unitId: w.unitA, userId: a, reason: '一起去刷单赚钱' })
    expect(r).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' })
  })
})

describe('deciding, the roll and my honours', () => {
  test('approved: the person is told, the roll shows a masked name and the unit only, and it is in their list', async () => {
    const name = unique('优秀青年志愿者')
    const kindId = await freshKind(w, { name })
    const [a] = await attendees(w, 1)
    const { rows } = await w.db.query<{ openid: string }>(
      "update app_user set real_name = '王小明', phone = '13800001234' where id = $1 returning openid",
      [a],
    )
    const n = await nominated(w, kindId, a)
    const d = expectOk(await decide(n.id, true))
    expect(d).toMatchObject({ state: 'approved', name: '王小明' })
    const told = await w.db.query('select payload from local_outbox where recipient = $1 and template = $2', [
      rows[0].openid,
      'honour_result',
    ])
    expect(told.rows).toHaveLength(1)

    const roll = expectOk(await call<HonourRoll>(honour, 'roll', { year: 2026 }))
    const kind = roll.kinds.find((k) => k.name === name)!
    expect(kind.items).toEqual([{ kindName: name, name: '王*明', unitName: expect.any(String) }])
    const text = JSON.stringify(roll)
    expect(text).not.toContain('王小明')
    expect(text).not.toContain('13800001234')
    expect(text).not.toContain(a)

    const mine = expectOk(await call<{ items: MyHonour[] }>(honour, 'mine', undefined, rows[0].openid))
    expect(mine.items.map((i) => i.kindName)).toEqual([name])
    // Decided once.
    expect(await decide(n.id, false, '重复评审')).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '这条推荐已评审过',
    })
  })

  test('declined needs a reason; declined and pending ones are on neither the roll nor the person’s list', async () => {
    const name = unique('优秀团干部')
    const kindId = await freshKind(w, { name })
    const [a, b] = await attendees(w, 2)
    const na = await nominated(w, kindId, a)
    await nominated(w, kindId, b)
    expect(await decide(na.id, false, '')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(expectOk(await decide(na.id, false, '材料不全'))).toMatchObject({
      state: 'declined',
      declineReason: '材料不全',
    })
    const roll = expectOk(await call<HonourRoll>(honour, 'roll', { year: 2026 }))
    expect(roll.kinds.find((k) => k.name === name)).toBeUndefined()
    const openid = (await w.db.query('select openid from app_user where id = $1', [a])).rows[0].openid
    expect(expectOk(await call<{ items: MyHonour[] }>(honour, 'mine', undefined, openid)).items).toEqual([])
  })

  test('only the district decides; a unit organiser reads only their own unit’s nominations', async () => {
    const kindId = await freshKind(w)
    const [a] = await attendees(w, 1)
    const n = await nominated(w, kindId, a)
    expect(await decide(n.id, true, '', PEOPLE.orgA)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const own = expectOk(
      await call<{ items: HonourNomination[] }>(
        honour,
        'nominations',
        { year: 2026, kindId, unitId: w.unitA },
        PEOPLE.orgA,
      ),
    )
    expect(own.items.map((i) => i.id)).toEqual([n.id])
    expect(await call(honour, 'nominations', { year: 2026, unitId: w.unitA }, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await call(honour, 'nominations', { year: 2026 }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })
})

describe('bad payloads', () => {
  test.each([
    ['define', { year: 2026, name: '', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-12-01T00:00:00+08:00' }],
    [
      'define',
      { year: 1999, name: '优秀', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-12-01T00:00:00+08:00' },
    ],
    ['define', { year: 2026, name: '优秀', quotaPerUnit: 0, opensAt: 'x', closesAt: 'y' }],
    ['nominate', { kindId: 'not-a-uuid', unitId: 'x', userId: 'y', reason: '好' }],
    ['nominate', { kindId: '00000000-0000-4000-8000-000000000000', extra: 1 }],
    ['decide', { nominationId: '00000000-0000-4000-8000-000000000000', approve: 'yes' }],
    ['roll', { year: 'this' }],
    ['kinds', {}],
  ])('%s %j answers INVALID_INPUT', async (actionName, data) => {
    expect(await call(honour, actionName, data, PEOPLE.admin)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  test('unknown kind, nomination answer NOT_FOUND', async () => {
    const id = '00000000-0000-4000-8000-000000000000'
    expect(await nominate({ kindId: id, unitId: w.unitA, userId: id, reason: '表现突出' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '荣誉项目不存在',
    })
    expect(await decide(id, true)).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '推荐不存在' })
  })
})
