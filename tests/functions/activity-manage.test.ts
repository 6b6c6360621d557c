/** Posting and running events: drafts, publishing, edits with a change log, cancelling, finishing. */
import type { ActivityChange, ActivityDetail, ActivityListResponse, ManagedActivity } from '@api/activity'
import { main as activity } from '../../cloudfunctions/activity/src'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld, createEvent, eventRequest, publishedEvent } from '../support/world'

const w = useWorld()

const count = async (sql: string, params: unknown[] = []) => (await w.db.query(sql, params)).rowCount

describe('drafts and publishing', () => {
  test('a new event is a draft nobody else sees until it is published', async () => {
    const draft = await createEvent(w, { title: '草稿里的读书会' })
    expect(draft).toMatchObject({
      state: 'draft',
      planLine: { id: w.lineA, title: '甲单位读书会', plannedMonth: 12 },
      location: { latitude: 32.2, longitude: 119.43 },
    })
    expect(await call(activity, 'get', { id: draft.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const listed = expectOk(await call<ActivityListResponse>(activity, 'list', { keyword: '草稿里' }))
    expect(listed.items).toHaveLength(0)
    const published = expectOk(await call<ManagedActivity>(activity, 'publish', { id: draft.id }, PEOPLE.orgA))
    expect(published.state).toBe('published')
    expect(published.publishedAt).not.toBeNull()
    expect(expectOk(await call<ActivityDetail>(activity, 'get', { id: draft.id })).title).toBe('草稿里的读书会')
    expect(await call(activity, 'publish', { id: draft.id }, PEOPLE.orgA)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '活动当前为「已发布」，不能发布',
    })
  })

  test('an event whose start has passed cannot be published', async () => {
    const draft = await createEvent(w)
    await w.db.query(
      "update activity set start_at = $2::timestamptz - interval '1 hour', end_at = $2::timestamptz + interval '1 hour', signup_opens_at = $2::timestamptz - interval '2 days', signup_closes_at = $2::timestamptz - interval '2 hours' where id = $1",
      [draft.id, new Date()],
    )
    expect(await call(activity, 'publish', { id: draft.id }, PEOPLE.orgA)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '活动开始时间已过，请修改时间后再发布',
    })
  })

  test('a line must be the unit’s own; ad-hoc events follow the district setting', async () => {
    expect(await call(activity, 'create', eventRequest(w, { planLineId: w.lineB }), PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { planLineId: '不属于本单位' },
    })
    expect(
      expectOk(await call<ManagedActivity>(activity, 'create', eventRequest(w, { planLineId: null }), PEOPLE.orgA))
        .planLine,
    ).toBeNull()
    await w.db.query("update district set allow_adhoc_events = false where id = 'runzhou'")
    try {
      expect(await call(activity, 'create', eventRequest(w, { planLineId: null }), PEOPLE.orgA)).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: '本区仅允许发布年度活动清单内的活动，请选择清单条目',
      })
    } finally {
      await w.db.query("update district set allow_adhoc_events = true where id = 'runzhou'")
    }
  })
})

describe('validation loses nothing', () => {
  const HOUR = 3600_000
  const base = () => eventRequest(w)
  test.each([
    [
      'end before start',
      () => ({ ...base(), endAt: new Date(Date.parse(base().startAt) - HOUR).toISOString() }),
      'endAt',
    ],
    [
      'longer than 31 days',
      () => ({ ...base(), endAt: new Date(Date.parse(base().startAt) + 40 * 24 * HOUR).toISOString() }),
      'endAt',
    ],
    [
      'sign-up closing after the start',
      () => ({ ...base(), signupClosesAt: new Date(Date.parse(base().startAt) + HOUR).toISOString() }),
      'signupClosesAt',
    ],
    [
      'sign-up closing before it opens',
      () => ({ ...base(), signupClosesAt: new Date(Date.parse(base().signupOpensAt) - HOUR).toISOString() }),
      'signupClosesAt',
    ],
    ['a time without offset', () => ({ ...base(), startAt: '2026-12-01T09:00:00' }), 'startAt'],
    ['zero capacity', () => ({ ...base(), capacity: 0 }), 'capacity'],
    ['a huge title', () => ({ ...base(), title: '读'.repeat(61) }), 'title'],
    ['a latitude off the globe', () => ({ ...base(), location: { latitude: 91, longitude: 0 } }), 'location.latitude'],
    ['a javascript: cover', () => ({ ...base(), coverUrl: 'javascript:alert(1)' }), 'coverUrl'],
    ['an unknown category', () => ({ ...base(), category: 'skydiving' }), 'category'],
    ['a state smuggled in', () => ({ ...base(), state: 'published' }), '_'],
  ])('%s → INVALID_INPUT on %s, nothing written', async (_label, make, field) => {
    const before = await count('select 1 from activity')
    const r = await call(activity, 'create', make(), PEOPLE.orgA)
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!r.ok) expect(r.fields?.[field]).toBeTruthy()
    expect(await count('select 1 from activity')).toBe(before)
  })

  test.each<[string, { endAt?: number; signupClosesAt?: number }, string, Record<string, string>]>([
    ['end before start', { endAt: -HOUR }, '结束时间须晚于开始时间', { endAt: '结束时间须晚于开始时间' }],
    ['longer than 31 days', { endAt: 40 * 24 * HOUR }, '活动时长不能超过 31 天', { endAt: '活动时长不能超过 31 天' }],
    [
      'sign-up closing after the start',
      { signupClosesAt: HOUR },
      '报名截止不能晚于活动开始',
      { signupClosesAt: '报名截止不能晚于活动开始' },
    ],
    [
      'both at once: the end first, every field named',
      { endAt: -HOUR, signupClosesAt: HOUR },
      '结束时间须晚于开始时间',
      { endAt: '结束时间须晚于开始时间', signupClosesAt: '报名截止不能晚于活动开始' },
    ],
  ])('a schedule with %s answers its rule by field', async (_label, shift, message, fields) => {
    const start = Date.parse(base().startAt)
    const at = (offset: number | undefined, fallback: string) =>
      offset === undefined ? fallback : new Date(start + offset).toISOString()
    const r = await call(
      activity,
      'create',
      {
        ...base(),
        endAt: at(shift.endAt, base().endAt),
        signupClosesAt: at(shift.signupClosesAt, base().signupClosesAt),
      },
      PEOPLE.orgA,
    )
    expect(r).toEqual({ ok: false, code: 'INVALID_INPUT', message, fields })
  })

  test('unsafe text is refused with CONTENT_REJECTED and nothing is written', async () => {
    const before = await count('select 1 from activity')
    expect(
      await call(activity, 'create', eventRequest(w, { description: '欢迎参加，现场有博彩游戏' }), PEOPLE.orgA),
    ).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' })
    expect(await count('select 1 from activity')).toBe(before)
  })
})

describe('editing, cancelling, finishing', () => {
  test('edits are logged field by field with who, when and why', async () => {
    const e = await publishedEvent(w)
    const newStart = new Date(Date.parse(e.startAt) + 3600_000).toISOString()
    const edited = expectOk(
      await call<ManagedActivity>(
        activity,
        'update',
        {
          id: e.id,
          placeName: '新的青年之家',
          startAt: newStart,
          endAt: new Date(Date.parse(e.endAt) + 3600_000).toISOString(),
          reason: '场地调整',
        },
        PEOPLE.orgA,
      ),
    )
    expect(edited).toMatchObject({ placeName: '新的青年之家', startAt: newStart, state: 'published' })
    const log = expectOk(await call<{ items: ActivityChange[] }>(activity, 'changes', { id: e.id }, PEOPLE.orgA)).items
    expect(log.map((c) => c.kind)).toEqual(['edited', 'published', 'created'])
    expect(log[0]).toMatchObject({ reason: '场地调整', by: { userId: w.userIds.orgA } })
    expect(log[0].fields).toEqual({
      placeName: ['青年之家', '新的青年之家'],
      startAt: [e.startAt, newStart],
      endAt: [e.endAt, edited.endAt],
    })
    // The new place is what keyword search finds.
    const found = expectOk(await call<ActivityListResponse>(activity, 'list', { keyword: '新的青年之家' }))
    expect(found.items.map((i) => i.id)).toEqual([e.id])
  })

  test('an edit that changes nothing logs nothing', async () => {
    const e = await publishedEvent(w)
    expectOk(await call(activity, 'update', { id: e.id, capacity: e.capacity }, PEOPLE.orgA))
    expect(
      expectOk(await call<{ items: ActivityChange[] }>(activity, 'changes', { id: e.id }, PEOPLE.orgA)).items,
    ).toHaveLength(2)
  })

  test('capacity cannot drop below the seats already taken', async () => {
    const e = await publishedEvent(w)
    await w.db.query('update activity set seats_taken = 12 where id = $1', [e.id])
    expect(await call(activity, 'update', { id: e.id, capacity: 10 }, PEOPLE.orgA)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '已有 12 人报名，名额不能少于 12',
      fields: { capacity: '不能少于 12' },
    })
    expect((await w.db.query('select capacity from activity where id = $1', [e.id])).rows[0].capacity).toBe(30)
  })

  test('cancelling needs a reason, is logged, and freezes the event', async () => {
    const e = await publishedEvent(w)
    expect(await call(activity, 'cancel', { id: e.id }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    const cancelled = expectOk(
      await call<ManagedActivity>(activity, 'cancel', { id: e.id, reason: '暴雨预警' }, PEOPLE.orgA),
    )
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelReason: '暴雨预警', phase: 'cancelled' })
    expect(await call(activity, 'update', { id: e.id, title: '改个名字' }, PEOPLE.orgA)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '活动当前为「已取消」，不能修改',
    })
    expect(expectOk(await call<ActivityDetail>(activity, 'get', { id: e.id })).phase).toBe('cancelled')
  })

  test('finishing waits for the start, then marks the event finished', async () => {
    const e = await publishedEvent(w)
    expect(await call(activity, 'finish', { id: e.id }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '活动尚未开始，不能结项',
    })
    await w.db.query(
      "update activity set start_at = $2::timestamptz - interval '2 hours', end_at = $2::timestamptz + interval '1 hour', signup_opens_at = $2::timestamptz - interval '5 days', signup_closes_at = $2::timestamptz - interval '1 day' where id = $1",
      [e.id, new Date()],
    )
    const done = expectOk(await call<ManagedActivity>(activity, 'finish', { id: e.id }, PEOPLE.orgA))
    expect(done).toMatchObject({ state: 'finished', phase: 'finished' })
    const finished = expectOk(await call<ActivityListResponse>(activity, 'list', { status: 'finished' }))
    expect(finished.items.map((i) => i.id)).toContain(e.id)
    const active = expectOk(await call<ActivityListResponse>(activity, 'list', { status: 'active' }))
    expect(active.items.map((i) => i.id)).not.toContain(e.id)
  })

  test('the organiser lists the unit’s events in every state; organisers of other units cannot', async () => {
    const page = expectOk(
      await call<{ items: ManagedActivity[] }>(activity, 'manageList', { unitId: w.unitA, limit: 50 }, PEOPLE.orgA),
    )
    expect(new Set(page.items.map((i) => i.state))).toEqual(new Set(['draft', 'published', 'cancelled', 'finished']))
    const drafts = expectOk(
      await call<{ items: ManagedActivity[] }>(
        activity,
        'manageList',
        { unitId: w.unitA, state: 'draft' },
        PEOPLE.orgA,
      ),
    )
    expect(drafts.items.every((i) => i.state === 'draft')).toBe(true)
    expect(await call(activity, 'manageList', { unitId: w.unitA }, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })
})

describe('browse filters', () => {
  test('month (Shanghai calendar), unit and keyword combine', async () => {
    const HOUR = 3600_000
    // 2041-03-31 23:30 and 2041-04-01 00:30 in Shanghai: different months though 1 h apart.
    const march = Date.parse('2041-03-31T15:30:00Z')
    const april = Date.parse('2041-04-01T16:30:00Z')
    const make = async (title: string, start: number, unitId = w.unitA, planLineId: string | null = null) => {
      const e = await createEvent(
        w,
        {
          title,
          unitId,
          planLineId,
          startAt: new Date(start).toISOString(),
          endAt: new Date(start + 2 * HOUR).toISOString(),
          signupOpensAt: new Date(start - 48 * HOUR).toISOString(),
          signupClosesAt: new Date(start - HOUR).toISOString(),
        },
        unitId === w.unitA ? PEOPLE.orgA : PEOPLE.orgB,
      )
      expectOk(await call(activity, 'publish', { id: e.id }, unitId === w.unitA ? PEOPLE.orgA : PEOPLE.orgB))
      return e.id
    }
    const m = await make('三月末的植树', march)
    const a = await make('四月初的植树', april)
    const b = await make('乙单位四月读书会', april + HOUR, w.unitB)
    const ids = async (data: Record<string, unknown>) =>
      expectOk(await call<ActivityListResponse>(activity, 'list', { status: 'upcoming', ...data })).items.map(
        (i) => i.id,
      )
    expect(await ids({ month: { year: 2041, month: 3 } })).toEqual([m])
    expect(await ids({ month: { year: 2041, month: 4 } })).toEqual([a, b])
    expect(await ids({ month: { year: 2041, month: 4 }, unitId: w.unitB })).toEqual([b])
    expect(await ids({ keyword: '植树' })).toEqual([m, a])
    expect(await ids({ keyword: '乙单位团委' })).toEqual([b]) // the unit's name is searchable too
    expect(await ids({ keyword: '100%' })).toEqual([]) // LIKE wildcards are literal
    expect(await call(activity, 'list', { month: { year: 2041, month: 13 } })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })
})
