/**
 * The wish function end to end on a real PostgreSQL: proposing (content check, limits), 想参加 once
 * each, the wall's orders, filters and cursors, the threshold notice once, claims into a unit's line
 * (never another unit's, never twice), the path 征集中 → 已认领 → 已排期 → 已举办 read from the line's
 * events, the supporters told once when an event on the line is published, withdrawing and hiding,
 * and bad payloads.
 */
import type { ManagedActivity } from '@api/activity'
import type { ClaimLine, WishDetail, WishPage, WishWantResponse } from '@api/wish'
import { main as activity } from '../../cloudfunctions/activity/src'
import { call, expectOk } from '../support/call'
import { PEOPLE, createEvent, useWorld } from '../support/world'
import { freshLine, insertWish, outbox, propose, unique, wish, wishRequest } from './wish-fixtures'

const w = useWorld()

const want = (wishId: string, as: string, yes = true) => call<WishWantResponse>(wish, 'want', { wishId, want: yes }, as)
const get = (wishId: string, as?: string) => call<WishDetail>(wish, 'get', { wishId }, as)
const wall = async (data: Record<string, unknown> = {}, as?: string) =>
  expectOk(await call<WishPage>(wish, 'list', data, as))
const claim = (wishId: string, planLineId: string, as: string = PEOPLE.orgA) =>
  call<WishDetail>(wish, 'claim', { wishId, planLineId }, as)

/** Everything that wants something on the wall, cleared between tests that count it. */
async function clearWall() {
  await w.db.query("update wish set state = 'withdrawn' where state = 'open'")
}

describe('proposing', () => {
  test('a young person proposes a wish; it is on the wall, 征集中, months in order', async () => {
    const me = unique('w:proposer-')
    const d = await propose({ months: [9, 3, 9] }, me)
    expect(d).toMatchObject({
      title: '周末飞盘体验课',
      category: 'social_mixer',
      categoryName: '交友联谊',
      months: [3, 9],
      supporters: 0,
      stage: 'collecting',
      state: 'open',
      claimedBy: null,
      event: null,
      threshold: 20,
      mine: { proposer: true, wanted: false, canWithdraw: true, canHide: false, claimUnits: [] },
    })
    const page = await wall()
    expect(page.items[0].id).toBe(d.id)
    // Anyone reads it, signed in or not; the proposer is never named.
    const anon = expectOk(await get(d.id))
    expect(anon.mine).toEqual({ proposer: false, wanted: false, canWithdraw: false, canHide: false, claimUnits: [] })
    expect(JSON.stringify(anon)).not.toContain(me)
  })

  test('unsafe text is refused with CONTENT_REJECTED and nothing is written', async () => {
    const before = (await w.db.query('select count(*)::int as n from wish')).rows[0].n
    const r = await call(wish, 'propose', wishRequest({ body: '一起去刷单赚钱' }), unique('w:bad-'))
    expect(r).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' })
    expect((await w.db.query('select count(*)::int as n from wish')).rows[0].n).toBe(before)
  })

  test('an unknown category is INVALID_INPUT naming the field', async () => {
    const r = await call(wish, 'propose', wishRequest({ category: 'no_such_thing' }), unique('w:cat-'))
    expect(r).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '活动类别不存在',
      fields: { category: '类别不存在' },
    })
  })

  test('three proposals a day per person, then RATE_LIMITED', async () => {
    const me = unique('w:busy-')
    for (let i = 0; i < 3; i++) await propose({ title: `第${i + 1}个心愿` }, me)
    const r = await call(wish, 'propose', wishRequest({ title: '第四个心愿' }), me)
    expect(r).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    expect(r.ok === false && r.message).toMatch(/^操作过于频繁，请 \d+ (分钟|小时)后再试$/)
  })

  test('at most five wishes collecting at once; a claimed one no longer counts', async () => {
    const me = unique('w:many-')
    await w.db.query('insert into app_user (openid) values ($1)', [me])
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push(await insertWish(w, me, `攒着的心愿${i}`))
    const r = await call(wish, 'propose', wishRequest(), me)
    expect(r).toEqual({ ok: false, code: 'CONFLICT', message: '你已有 5 个征集中的心愿，等它们被认领或撤回后再提吧' })
    expectOk(await claim(ids[0], await freshLine(w, w.unitA)))
    await propose({}, me)
  })
})

describe('想参加', () => {
  test('once per person: saying it twice keeps one, taking it back twice leaves none', async () => {
    const d = await propose()
    const fan = unique('w:fan-')
    expect(expectOk(await want(d.id, fan))).toEqual({ wishId: d.id, wanted: true, supporters: 1 })
    expect(expectOk(await want(d.id, fan))).toEqual({ wishId: d.id, wanted: true, supporters: 1 })
    expect(expectOk(await get(d.id, fan)).mine.wanted).toBe(true)
    expect(expectOk(await want(d.id, unique('w:fan-')))).toMatchObject({ supporters: 2 })
    expect(expectOk(await want(d.id, fan, false))).toEqual({ wishId: d.id, wanted: false, supporters: 1 })
    expect(expectOk(await want(d.id, fan, false))).toEqual({ wishId: d.id, wanted: false, supporters: 1 })
    expect(expectOk(await get(d.id, fan))).toMatchObject({ supporters: 1, mine: { wanted: false } })
    const rows = await w.db.query('select count(*)::int as n from wish_support where wish_id = $1', [d.id])
    expect(rows.rows[0].n).toBe(1)
  })

  test('a missing wish is NOT_FOUND; a withdrawn one takes no new 想参加', async () => {
    expect(await want('00000000-0000-4000-8000-000000000000', PEOPLE.youth)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '心愿不存在或已下线',
    })
    const me = unique('w:gone-')
    const d = await propose({}, me)
    expectOk(await call(wish, 'withdraw', { wishId: d.id }, me))
    expect(await want(d.id, PEOPLE.youth)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await want(d.id, me)).toMatchObject({ ok: false, code: 'CONFLICT', message: '这个心愿已撤回或已隐藏' })
  })
})

describe('the wall', () => {
  test('newest first and most wanted first, by category and by stage, page by page without gaps or repeats', async () => {
    await clearWall()
    const made: WishDetail[] = []
    for (let i = 0; i < 7; i++)
      made.push(await propose({ title: `墙上的心愿${i}`, category: i % 2 ? 'reading_club' : 'social_mixer' }))
    // Supporters: wish i gets i people.
    for (let i = 0; i < 7; i++) for (let k = 0; k < i; k++) expectOk(await want(made[i].id, `w:wall-${k}`))
    const walk = async (data: Record<string, unknown>) => {
      const seen: string[] = []
      let cursor: string | undefined
      do {
        const page = await wall({ ...data, limit: 3, ...(cursor ? { cursor } : {}) })
        seen.push(...page.items.map((x) => x.id))
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      return seen
    }
    expect(await walk({ order: 'newest' })).toEqual(made.map((x) => x.id).reverse())
    expect(await walk({ order: 'wanted' })).toEqual(made.map((x) => x.id).reverse())
    const reading = await walk({ order: 'wanted', category: 'reading_club' })
    expect(reading).toEqual([made[5].id, made[3].id, made[1].id])
    // Claim one: it leaves 征集中 and shows under 已认领.
    expectOk(await claim(made[2].id, await freshLine(w, w.unitA)))
    expect(await walk({ stage: 'claimed' })).toEqual([made[2].id])
    expect(await walk({ stage: 'collecting' })).not.toContain(made[2].id)
    expect((await walk({ stage: 'collecting' })).length).toBe(6)
  })

  test('a cursor this function did not write is INVALID_INPUT', async () => {
    const r = await call(wish, 'list', { cursor: 'bm90LWEtY3Vyc29y' })
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { cursor: '无效' } })
    const newest = Buffer.from(JSON.stringify(['2026-11-25T02:00:00.000Z', '00000000-0000-4000-8000-000000000000']))
    // A newest-order cursor does not page the most-wanted order.
    expect(await call(wish, 'list', { order: 'wanted', cursor: newest.toString('base64url') })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })
})

describe('the threshold', () => {
  test('the district admin sets it; when a wish reaches it the district admins are told once', async () => {
    expect(await call(wish, 'setThreshold', { threshold: 3 }, PEOPLE.orgA)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有团区委可以进行此操作',
    })
    expectOk(await call(wish, 'setThreshold', { threshold: 3 }, PEOPLE.admin))
    try {
      const d = await propose({ title: '城市定向越野' })
      const told = async () =>
        (await outbox(w.db, PEOPLE.admin)).filter((m) => m.page === `packages/wishes/pages/detail/index?id=${d.id}`)
      for (const fan of ['w:t1', 'w:t2']) expectOk(await want(d.id, fan))
      expect(await told()).toHaveLength(0)
      expectOk(await want(d.id, 'w:t3'))
      expect(await told()).toEqual([
        expect.objectContaining({
          data: {
            thing1: { value: '城市定向越野' },
            phrase2: { value: '待认领' },
            thing3: { value: '已有 3 人想参加' },
          },
        }),
      ])
      // Down and up again, and past it: still once.
      expectOk(await want(d.id, 'w:t3', false))
      expectOk(await want(d.id, 'w:t3'))
      expectOk(await want(d.id, 'w:t4'))
      expect(await told()).toHaveLength(1)
      expect(expectOk(await get(d.id)).threshold).toBe(3)
    } finally {
      expectOk(await call(wish, 'setThreshold', { threshold: 20 }, PEOPLE.admin))
    }
  })
})

describe('claiming', () => {
  test('an organiser claims into their own unit’s line; another unit’s line and a second claim are refused', async () => {
    const d = await propose()
    const lineA = await freshLine(w, w.unitA, '甲单位心愿读书会')
    const lineB = await freshLine(w, w.unitB)
    expect(await claim(d.id, lineB, PEOPLE.orgA)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只能认领到本单位年度清单的条目',
    })
    expect(await claim(d.id, lineA, PEOPLE.youth)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await claim(d.id, '00000000-0000-4000-8000-000000000000')).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '清单条目不存在或已下线',
    })
    const claimed = expectOk(await claim(d.id, lineA))
    expect(claimed).toMatchObject({
      stage: 'claimed',
      claimedBy: { unitId: w.unitA, unitName: '甲单位团委' },
      line: { id: lineA, title: '甲单位心愿读书会', year: w.year, plannedMonth: 12 },
      event: null,
      mine: { claimUnits: [] },
    })
    expect(await claim(d.id, lineB, PEOPLE.orgB)).toEqual({ ok: false, code: 'CONFLICT', message: '这个心愿已被认领' })
    expect(await claim(d.id, lineA, PEOPLE.admin)).toMatchObject({ ok: false, code: 'CONFLICT' })
    const row = await w.db.query('select plan_line_id, claimed_unit_id from wish where id = $1', [d.id])
    expect(row.rows[0]).toEqual({ plan_line_id: lineA, claimed_unit_id: w.unitA })
  })

  test('two organisers claiming at once: exactly one claim stands', async () => {
    const d = await propose()
    const [a, b] = await Promise.all([
      claim(d.id, await freshLine(w, w.unitA), PEOPLE.orgA),
      claim(d.id, await freshLine(w, w.unitB), PEOPLE.orgB),
    ])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' })
  })

  test('the detail offers the units the caller organises; claimLines lists their lines only', async () => {
    const d = await propose()
    expect(expectOk(await get(d.id, PEOPLE.orgA)).mine.claimUnits).toEqual([{ id: w.unitA, name: '甲单位团委' }])
    expect(expectOk(await get(d.id, PEOPLE.youth)).mine.claimUnits).toEqual([])
    const lines = expectOk(
      await call<{ items: ClaimLine[] }>(wish, 'claimLines', { unitId: w.unitA, year: w.year }, PEOPLE.orgA),
    ).items
    expect(lines.length).toBeGreaterThan(0)
    expect(lines[0]).toMatchObject({ year: w.year, planStatus: 'published', categoryName: '读书会' })
    expect(await call(wish, 'claimLines', { unitId: w.unitB, year: w.year }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })

  test('the proposer cannot withdraw a claimed wish', async () => {
    const me = unique('w:claimed-')
    const d = await propose({}, me)
    expectOk(await claim(d.id, await freshLine(w, w.unitA)))
    expect(await call(wish, 'withdraw', { wishId: d.id }, me)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '这个心愿已被认领',
    })
  })
})

describe('the path and the supporters’ notice', () => {
  test('征集中 → 已认领 → 已排期 (supporters told once) → 已举办, read from the line’s events', async () => {
    const d = await propose({ title: '职场读书分享会' })
    const fans = [unique('w:reader-'), unique('w:reader-')]
    for (const f of fans) expectOk(await want(d.id, f))
    const line = await freshLine(w, w.unitA)
    expectOk(await claim(d.id, line))
    // A draft on the line changes nothing and tells nobody.
    const draft = await createEvent(w, { planLineId: line, title: '职场读书分享会（第一期）' })
    expect(expectOk(await get(d.id)).stage).toBe('claimed')
    expect(await outbox(w.db, fans[0])).toHaveLength(0)
    expectOk(await call<ManagedActivity>(activity, 'publish', { id: draft.id }, PEOPLE.orgA))
    const scheduled = expectOk(await get(d.id))
    expect(scheduled).toMatchObject({ stage: 'scheduled', event: { id: draft.id, title: '职场读书分享会（第一期）' } })
    for (const f of fans) {
      expect(await outbox(w.db, f)).toEqual([
        {
          page: `pages/activity/index?id=${draft.id}`,
          data: {
            thing1: { value: '职场读书分享会（第一期）' },
            phrase2: { value: '开始报名' },
            thing3: { value: '你想参加的“职场读书分享会”已排期' },
          },
        },
      ])
    }
    // A second event published on the line tells nobody again.
    const second = await createEvent(w, { planLineId: line, title: '职场读书分享会（第二期）' }, PEOPLE.orgA)
    expectOk(await call(activity, 'publish', { id: second.id }, PEOPLE.orgA))
    for (const f of fans) expect(await outbox(w.db, f)).toHaveLength(1)
    expect((await wall({ stage: 'scheduled' })).items.map((x) => x.id)).toContain(d.id)
    // The first event ends: 已举办, with that event.
    await w.db.query(
      "update activity set start_at = $2::timestamptz - interval '3 hours', end_at = $2::timestamptz - interval '1 hour', signup_opens_at = $2::timestamptz - interval '3 days', signup_closes_at = $2::timestamptz - interval '1 day' where id = $1",
      [draft.id, new Date()],
    )
    expect(expectOk(await get(d.id))).toMatchObject({ stage: 'held', event: { id: draft.id } })
    expect((await wall({ stage: 'held' })).items.map((x) => x.id)).toContain(d.id)
  })

  test('claimed into a line that already has an event open: the supporters are told at the claim, once', async () => {
    const line = await freshLine(w, w.unitA)
    const e = await createEvent(w, { planLineId: line, title: '已发布的读书会' })
    expectOk(await call(activity, 'publish', { id: e.id }, PEOPLE.orgA))
    const d = await propose()
    const fan = unique('w:early-')
    expectOk(await want(d.id, fan))
    expect(expectOk(await claim(d.id, line))).toMatchObject({ stage: 'scheduled', event: { id: e.id } })
    expect(await outbox(w.db, fan)).toHaveLength(1)
    // A later supporter, another event on the line: the notice went out once.
    expectOk(await want(d.id, unique('w:late-')))
    const next = await createEvent(w, { planLineId: line, title: '已发布的读书会（二）' })
    expectOk(await call(activity, 'publish', { id: next.id }, PEOPLE.orgA))
    expect(await outbox(w.db, fan)).toHaveLength(1)
  })
})

describe('withdrawing and hiding', () => {
  test('the proposer withdraws an unclaimed wish: off the wall, NOT_FOUND to others, still theirs to see', async () => {
    const me = unique('w:withdrawer-')
    const d = await propose({}, me)
    expect(await call(wish, 'withdraw', { wishId: d.id }, PEOPLE.youth)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有提出心愿的人可以撤回',
    })
    expect(expectOk(await call<WishDetail>(wish, 'withdraw', { wishId: d.id }, me))).toMatchObject({
      state: 'withdrawn',
      mine: { canWithdraw: false },
    })
    expect((await wall()).items.map((x) => x.id)).not.toContain(d.id)
    expect(await get(d.id, PEOPLE.youth)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(expectOk(await get(d.id, me)).state).toBe('withdrawn')
    expect(await call(wish, 'withdraw', { wishId: d.id }, me)).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  test('the district admin hides a wish with a reason the proposer reads; others cannot hide', async () => {
    const me = unique('w:hidden-')
    const d = await propose({}, me)
    expect(await call(wish, 'hide', { wishId: d.id, reason: '与青年活动无关' }, PEOPLE.orgA)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有团区委可以进行此操作',
    })
    expect(await call(wish, 'hide', { wishId: d.id, reason: '涉及赌博' }, PEOPLE.admin)).toMatchObject({
      ok: false,
      code: 'CONTENT_REJECTED',
    })
    expect(
      expectOk(await call<WishDetail>(wish, 'hide', { wishId: d.id, reason: '与青年活动无关' }, PEOPLE.admin)),
    ).toMatchObject({ state: 'hidden', hiddenReason: '与青年活动无关', mine: { canHide: false } })
    expect(await get(d.id)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(expectOk(await get(d.id, me))).toMatchObject({ state: 'hidden', hiddenReason: '与青年活动无关' })
    expect(await claim(d.id, await freshLine(w, w.unitA))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('bad payloads answer INVALID_INPUT', () => {
  const uuid = '00000000-0000-4000-8000-000000000000'
  test.each([
    ['propose', 'title', { ...wishRequest(), title: '' }],
    ['propose', 'title', { ...wishRequest(), title: '长'.repeat(41) }],
    ['propose', 'body', { ...wishRequest(), body: '长'.repeat(301) }],
    ['propose', 'months.0', { ...wishRequest(), months: [13] }],
    ['propose', 'category', { ...wishRequest(), category: 'Bad Code' }],
    ['propose', 'unknown field', { ...wishRequest(), userId: uuid }],
    ['list', 'order', { order: 'hottest' }],
    ['list', 'stage', { stage: 'done' }],
    ['list', 'limit', { limit: 500 }],
    ['get', 'wishId', { wishId: 'not-a-uuid' }],
    ['want', 'want', { wishId: uuid }],
    ['want', 'want', { wishId: uuid, want: 'yes' }],
    ['withdraw', 'wishId', {}],
    ['hide', 'reason', { wishId: uuid, reason: '' }],
    ['claim', 'planLineId', { wishId: uuid }],
    ['claimLines', 'year', { unitId: uuid, year: 1999 }],
    ['setThreshold', 'threshold', { threshold: 1 }],
    ['setThreshold', 'threshold', { threshold: 2.5 }],
  ])('%s with a bad %s', async (action, field, data) => {
    const r = await call(wish, action, data, PEOPLE.admin)
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (field !== 'unknown field' && !r.ok) expect(Object.keys(r.fields ?? {})).toContain(field)
  })

  test('an unknown action is UNKNOWN_ACTION', async () => {
    expect(await call(wish, 'delete', {}, PEOPLE.admin)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  })
})
