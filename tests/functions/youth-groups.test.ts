/**
 * Registered youth groups (青年社团 / 青年自组织): applying as the leader (verified phone and real
 * name, at most 3 groups), the district admin's review (approve, decline with a reason, suspend),
 * the leader's notices, and booking venues as a group: only its leader, only while approved, only
 * facilities open to groups, never for an event; the owner sees the group and its leader; the usage
 * report counts the group as a borrower.
 */
import type { Booking, VenueUsage } from '@api/venue'
import type { YouthGroup } from '@api/youth-group'
import type { MyData } from '@api/session'
import { main as org } from '../../cloudfunctions/org/src'
import { main as session } from '../../cloudfunctions/session/src'
import { call, expectOk } from '../support/call'
import { withPhones } from '../support/people'
import { PEOPLE, createEvent, useWorld } from '../support/world'
import { ALWAYS, createFacility, createVenue, shanghai, unique, venue } from './venue-fixtures'

const w = useWorld()
const LEADER = 'g:leader'
const OTHER = 'g:other-leader'

const apply = (data: Record<string, unknown>, as = LEADER) => call<YouthGroup>(org, 'applyYouthGroup', data, as)
const group = (name = unique('润州青年羽毛球社')) => ({ name, kind: 'interest', intro: '周末打球', size: 12 })
const outbox = async (openid: string) =>
  (
    await w.db.query<{ template: string; payload: Record<string, unknown> }>(
      'select template, payload from local_outbox where recipient = $1 order by id',
      [openid],
    )
  ).rows

beforeAll(async () => {
  await withPhones(w.db, [LEADER, OTHER], { realNames: true })
})

/** A new person with a verified phone and a real name. */
async function freshLeader(): Promise<string> {
  const openid = unique('g:lead-')
  await withPhones(w.db, [openid], { realNames: true })
  return openid
}

/** An approved group and its leader (a new person each time: a person leads at most 3 groups). */
async function approvedGroup(): Promise<{ g: YouthGroup; leader: string }> {
  const leader = await freshLeader()
  const g = expectOk(await apply(group(), leader))
  return {
    g: expectOk(await call<YouthGroup>(org, 'decideYouthGroup', { groupId: g.id, decision: 'approve' }, PEOPLE.admin)),
    leader,
  }
}

describe('applying', () => {
  test('needs a verified phone and a real name; the message names what is missing', async () => {
    await w.db.query("insert into app_user (openid, real_name) values ('g:no-phone', '张三')")
    await withPhones(w.db, ['g:no-name'])
    const noPhone = await apply(group(), 'g:no-phone')
    expect(noPhone).toMatchObject({
      ok: false,
      code: 'IDENTITY_REQUIRED',
      message: '申请青年团体需要先绑定手机号',
      fields: { phone: '请绑定手机号' },
    })
    const noName = await apply(group(), 'g:no-name')
    expect(noName).toMatchObject({ ok: false, code: 'IDENTITY_REQUIRED', message: '申请青年团体需要先填写真实姓名' })
    // A phone typed somewhere but never verified from the phone button does not count.
    await w.db.query("insert into app_user (openid, phone, real_name) values ('g:typed', '13900001111', '李四')")
    expect(await apply(group(), 'g:typed')).toMatchObject({ ok: false, code: 'IDENTITY_REQUIRED' })
    const { rows } = await w.db.query('select 1 from youth_group')
    expect(rows).toEqual([])
  })

  test('a pending application with its leader; listed for the leader; names are unique in the district', async () => {
    const name = unique('京口读书会')
    const g = expectOk(await apply({ ...group(name), kind: 'self_organised' }))
    expect(g).toMatchObject({ name, kind: 'self_organised', state: 'pending', size: 12, reason: null })
    expect(g.leaderName).toMatch(/^测试/)
    expect(g.leaderPhone).toMatch(/^170\d{8}$/)
    const mine = expectOk(await call<{ items: YouthGroup[] }>(org, 'myYouthGroups', {}, LEADER))
    expect(mine.items.map((i) => i.id)).toContain(g.id)
    expect(await apply(group(name), OTHER)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      fields: { name: '名称已存在' },
    })
  })

  test('我的数据 lists the groups the person leads', async () => {
    const who = await freshLeader()
    const g = expectOk(await apply(group(), who))
    const data = expectOk(await call<MyData>(session, 'myData', {}, who))
    expect(data.youthGroups).toEqual([
      { name: g.name, kind: 'interest', state: 'pending', size: 12, createdAt: g.createdAt },
    ])
  })

  test('a leader who deletes their account leaves no group behind: pending declined, approved suspended', async () => {
    const who = await freshLeader()
    const pending = expectOk(await apply(group(), who))
    const approved = expectOk(await apply(group(), who))
    expectOk(await call(org, 'decideYouthGroup', { groupId: approved.id, decision: 'approve' }, PEOPLE.admin))
    expectOk(await call(session, 'deleteAccount', { confirm: '注销' }, who))
    const rows = await w.db.query<{ id: string; state: string; reason: string }>(
      'select id, state, reason from youth_group where id = any($1::uuid[]) order by state',
      [[pending.id, approved.id]],
    )
    expect(rows.rows).toEqual([
      { id: pending.id, state: 'declined', reason: '负责人已注销账号' },
      { id: approved.id, state: 'suspended', reason: '负责人已注销账号' },
    ])
  })

  test('a person leads at most 3 groups (declined ones do not count)', async () => {
    const who = 'g:many'
    await withPhones(w.db, [who], { realNames: true })
    const first = expectOk(await apply(group(), who))
    expectOk(await apply(group(), who))
    expectOk(await apply(group(), who))
    expect(await apply(group(), who)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '每人最多负责 3 个青年团体',
    })
    expectOk(
      await call(org, 'decideYouthGroup', { groupId: first.id, decision: 'decline', reason: '材料不全' }, PEOPLE.admin),
    )
    expectOk(await apply(group(), who))
  })

  test.each([
    [{ ...group(), size: 1 }, 'size'],
    [{ ...group(), kind: 'party' }, 'kind'],
    [{ ...group(), name: '' }, 'name'],
    [{ ...group(), name: 'x'.repeat(41) }, 'name'],
    [{ ...group(), openid: LEADER }, '_'],
  ])('bad payload %j is INVALID_INPUT naming %s', async (data, field) => {
    const r = await apply(data)
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!r.ok) expect(Object.keys(r.fields ?? {})).toContain(field)
  })
})

describe('the district admin reviews', () => {
  test('lists pending groups; only the district admin', async () => {
    const g = expectOk(await apply(group(), await freshLeader()))
    const list = expectOk(await call<{ items: YouthGroup[] }>(org, 'youthGroups', {}, PEOPLE.admin))
    expect(list.items.map((i) => i.id)).toContain(g.id)
    expect(list.items.every((i) => i.state === 'pending')).toBe(true)
    expect(await call(org, 'youthGroups', { state: 'approved' }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await call(org, 'youthGroups', { state: 'gone' }, PEOPLE.admin)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })

  test('approve and decline tell the leader; a reason is required to decline; a decided group is not decided again', async () => {
    const before = (await outbox(OTHER)).length
    const a = expectOk(await apply(group(), OTHER))
    const b = expectOk(await apply(group(), OTHER))
    expect(await call(org, 'decideYouthGroup', { groupId: b.id, decision: 'decline' }, PEOPLE.admin)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { reason: '不能为空' },
    })
    expect(await call(org, 'decideYouthGroup', { groupId: a.id, decision: 'approve' }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    const approved = expectOk(
      await call<YouthGroup>(org, 'decideYouthGroup', { groupId: a.id, decision: 'approve' }, PEOPLE.admin),
    )
    expect(approved).toMatchObject({ state: 'approved', reason: null })
    const declined = expectOk(
      await call<YouthGroup>(
        org,
        'decideYouthGroup',
        { groupId: b.id, decision: 'decline', reason: '请补充成员名单' },
        PEOPLE.admin,
      ),
    )
    expect(declined).toMatchObject({ state: 'declined', reason: '请补充成员名单' })
    expect(
      await call(org, 'decideYouthGroup', { groupId: a.id, decision: 'decline', reason: '改主意' }, PEOPLE.admin),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: '该团体申请已审核过' })
    const sent = (await outbox(OTHER)).slice(before)
    expect(sent.map((m) => m.template)).toEqual(['youth_group_review_result', 'youth_group_review_result'])
    const text = JSON.stringify(sent.map((m) => m.payload))
    expect(text).toContain('packages/mine/pages/youth-groups/index')
    expect(text).toContain('已通过')
    expect(text).toContain('未通过')
    expect(text).toContain('请补充成员名单')
  })

  test('only an approved group is suspended, with a reason; the leader is told', async () => {
    const pending = expectOk(await apply(group(), await freshLeader()))
    expect(
      await call(org, 'suspendYouthGroup', { groupId: pending.id, reason: '违规使用场地' }, PEOPLE.admin),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: '只能暂停已通过审核的团体' })
    const { g, leader } = await approvedGroup()
    expect(await call(org, 'suspendYouthGroup', { groupId: g.id }, PEOPLE.admin)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    const suspended = expectOk(
      await call<YouthGroup>(org, 'suspendYouthGroup', { groupId: g.id, reason: '违规使用场地' }, PEOPLE.admin),
    )
    expect(suspended).toMatchObject({ state: 'suspended', reason: '违规使用场地' })
    const last = (await outbox(leader)).at(-1)
    expect(JSON.stringify(last?.payload)).toContain('已暂停')
    expect(
      await call(
        org,
        'decideYouthGroup',
        { groupId: '00000000-0000-4000-8000-000000000000', decision: 'approve' },
        PEOPLE.admin,
      ),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '团体不存在' })
  })
})

describe('booking as a group', () => {
  let open: string
  let approval: string
  let unitsOnly: string
  let venueId: string
  let day = 1
  /** A fresh hour each: tomorrow and on, 09:00–10:00. */
  const slot = () => {
    const d = day++
    return { startAt: shanghai(d, '09:00'), endAt: shanghai(d, '10:00') }
  }
  const book = (data: Record<string, unknown>, as: string) => call<Booking>(venue, 'book', data, as)

  beforeAll(async () => {
    const v = await createVenue(w, { hours: ALWAYS })
    venueId = v.id
    const rules = { maxDaysAhead: 120, leadMinutes: 0, slotMinutes: 60, minMinutes: 60, maxMinutes: 120 }
    open = (await createFacility(v.id, { ...rules, bookers: 'units_and_groups' })).id
    approval = (await createFacility(v.id, { ...rules, bookers: 'units_and_groups', needsApproval: true })).id
    unitsOnly = (await createFacility(v.id, rules)).id
  })

  test('the leader books a facility open to groups for an approved group; the booking names the group and its leader', async () => {
    const { g, leader } = await approvedGroup()
    const b = expectOk(await book({ facilityId: open, groupId: g.id, ...slot(), purpose: '羽毛球训练' }, leader))
    expect(b).toMatchObject({ state: 'approved', unitId: null, groupId: g.id, groupName: g.name })
    expect(b.leaderContact).toEqual({ name: g.leaderName, phone: g.leaderPhone })
    // The exclusion constraint holds for groups too: a unit cannot take the same hour.
    const clash = await call(
      venue,
      'book',
      { facilityId: open, unitId: w.unitA, startAt: b.startAt, endAt: b.endAt, purpose: '团日活动' },
      PEOPLE.orgA,
    )
    expect(clash).toMatchObject({ ok: false, code: 'BOOKING_CONFLICT' })
    // A weekly series as a group: all or nothing, like a unit's.
    const s = slot()
    const series = expectOk(
      await call<{ items: Booking[] }>(
        venue,
        'bookRecurring',
        { facilityId: open, groupId: g.id, ...s, purpose: '每周训练', weeks: 3 },
        leader,
      ),
    )
    expect(series.items.map((i) => i.groupId)).toEqual([g.id, g.id, g.id])
    day += 21
  })

  test('the owner sees the group and its leader on a request; the decision goes to the leader', async () => {
    const { g, leader } = await approvedGroup()
    const b = expectOk(await book({ facilityId: approval, groupId: g.id, ...slot(), purpose: '社团例会' }, leader))
    expect(b.state).toBe('pending')
    const pending = expectOk(
      await call<{ items: Booking[] }>(venue, 'ownerPending', { ownerUnitId: w.unitB }, PEOPLE.orgB),
    )
    expect(pending.items.find((i) => i.id === b.id)).toMatchObject({
      groupName: g.name,
      leaderContact: { name: g.leaderName, phone: g.leaderPhone },
    })
    const before = (await outbox(leader)).length
    expectOk(await call(venue, 'approve', { bookingId: b.id }, PEOPLE.orgB))
    const sent = (await outbox(leader)).slice(before)
    expect(sent.map((m) => m.template)).toEqual(['venue_booking_result'])
    expect(JSON.stringify(sent[0].payload)).toContain('packages/mine/pages/youth-groups/index')
  })

  test('refused: a units-only facility, a pending or suspended group, a non-leader, an event link, both or no booker', async () => {
    const { g, leader } = await approvedGroup()
    expect(await book({ facilityId: unitsOnly, groupId: g.id, ...slot(), purpose: '训练' }, leader)).toMatchObject({
      ok: false,
      code: 'BOOKING_RULE',
      message: '该场地只对成员单位开放预约',
    })
    const pending = expectOk(await apply(group(), leader))
    expect(await book({ facilityId: open, groupId: pending.id, ...slot(), purpose: '训练' }, leader)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '团体通过审核后才能预约场地',
    })
    const suspended = await approvedGroup()
    expectOk(await call(org, 'suspendYouthGroup', { groupId: suspended.g.id, reason: '暂停' }, PEOPLE.admin))
    expect(
      await book({ facilityId: open, groupId: suspended.g.id, ...slot(), purpose: '训练' }, suspended.leader),
    ).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '该团体已被暂停，暂不能预约场地',
    })
    for (const who of [OTHER, PEOPLE.orgB, PEOPLE.admin]) {
      expect(await book({ facilityId: open, groupId: g.id, ...slot(), purpose: '训练' }, who)).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      })
    }
    const event = await createEvent(w)
    expect(
      await book({ facilityId: open, groupId: g.id, activityId: event.id, ...slot(), purpose: '训练' }, leader),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { activityId: '团体预约不关联活动' } })
    expect(
      await book({ facilityId: open, groupId: g.id, unitId: w.unitA, ...slot(), purpose: '训练' }, PEOPLE.orgA),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { groupId: '单位和团体只能选择一个' } })
    expect(await book({ facilityId: open, ...slot(), purpose: '训练' }, leader)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { unitId: '请选择以哪个单位或团体的名义预约' },
    })
    expect(
      await book(
        { facilityId: open, groupId: '00000000-0000-4000-8000-000000000000', ...slot(), purpose: '训练' },
        leader,
      ),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '青年团体不存在或已下线' })
    const { rows } = await w.db.query('select count(*)::int as n from booking where booker_group_id = $1', [g.id])
    expect(rows[0].n).toBe(0)
  })

  test('the leader sees and cancels the group’s bookings; others do not', async () => {
    const { g, leader } = await approvedGroup()
    const b = expectOk(await book({ facilityId: open, groupId: g.id, ...slot(), purpose: '训练' }, leader))
    const list = expectOk(await call<{ items: Booking[] }>(venue, 'groupBookings', { groupId: g.id }, leader))
    expect(list.items.map((i) => i.id)).toEqual([b.id])
    expect(await call(venue, 'groupBookings', { groupId: g.id }, OTHER)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call(venue, 'cancel', { bookingId: b.id }, OTHER)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call(venue, 'cancel', { bookingId: b.id }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(expectOk(await call<Booking>(venue, 'cancel', { bookingId: b.id }, leader)).state).toBe('cancelled')
  })

  test('the usage report counts the group as a borrower (串门)', async () => {
    const { g, leader } = await approvedGroup()
    // A past booking the owner marked used: 2 hours in November.
    await w.db.query(
      `insert into booking (district_id, facility_id, booker_group_id, booked_by, during, purpose, state)
       values ('runzhou', $1, $2, $3, tstzrange($4, $5, '[)'), '往期训练', 'used')`,
      [
        open,
        g.id,
        (await w.db.query('select id from app_user where openid = $1', [leader])).rows[0].id,
        shanghai(-3, '09:00'),
        shanghai(-3, '11:00'),
      ],
    )
    const report = expectOk(await call<VenueUsage>(venue, 'usage', { year: 2026, month: 11, venueId }, PEOPLE.admin))
    expect(report.borrowers).toContainEqual(
      expect.objectContaining({ unitId: null, groupId: g.id, unitName: g.name, bookings: 1, hours: 2 }),
    )
    expect(report.exchanges).toContainEqual(
      expect.objectContaining({ lenderUnitId: w.unitB, borrowerGroupId: g.id, borrowerName: g.name, hours: 2 }),
    )
  })

  test('the database holds a booking to exactly one booker', async () => {
    const { g } = await approvedGroup()
    const userId = w.userIds.orgA
    const insert = (unitId: string | null, groupId: string | null) =>
      w.db.query(
        `insert into booking (district_id, facility_id, unit_id, booker_group_id, booked_by, during, state)
         values ('runzhou', $1, $2, $3, $4, tstzrange($5, $6, '[)'), 'pending')`,
        [open, unitId, groupId, userId, shanghai(90, '09:00'), shanghai(90, '10:00')],
      )
    await expect(insert(w.unitA, g.id)).rejects.toMatchObject({ code: '23514' })
    await expect(insert(null, null)).rejects.toMatchObject({ code: '23514' })
  })
})
